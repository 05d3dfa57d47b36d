/**
 * InventoryItem (`/v1/inventory-items`): a stocked part or material, with its stock where the
 * system keeps stock.
 */
import { z } from 'zod';
import { currency, decimal, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const inventoryItemStatuses = ['active', 'inactive', 'obsolete', 'unknown'] as const;

// No id/remoteId: systems key stock by item and location (and bin), which the row already carries.
export const InventoryStock = z
  .object({
    location: ref('The warehouse, storeroom or location holding the stock.'),
    quantityOnHand: decimal('Quantity physically on hand at the location.').nullable(),
    quantityAvailable: decimal('Quantity on hand less reservations at the location.').nullable(),
    bin: text('Bin or shelf within the location.').nullable(),
  })
  .describe('Stock of an item at one location.')
  .meta({ id: 'InventoryStock' });

export const inventoryItemFields = {
  itemCode: text('Item, part or material code (null until the system assigns one).').nullable(),
  name: text('Short name of the item.').nullable(),
  description: text('Longer description of the item.').nullable(),
  status: z.enum(inventoryItemStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  category: text('Item category, group or class, as the system names it.').nullable(),
  unitOfMeasure: text('Stocking unit of measure (as the system names it, e.g. "EA", "kg").').nullable(),
  unitCost: decimal('Cost per stocking unit (standard or average, as the system values stock).').nullable(),
  currency: currency('ISO 4217 currency of unitCost.').nullable(),
  preferredVendor: ref('The vendor the item is usually bought from.'),
  vendorItemCode: text("The preferred vendor's own part number.").nullable(),
  manufacturer: text('Manufacturer of the item.').nullable(),
  manufacturerPartNumber: text("The manufacturer's part number.").nullable(),
  quantityOnHand: decimal('Total quantity on hand over all locations.').nullable(),
  quantityAvailable: decimal('Total quantity on hand less reservations over all locations.').nullable(),
  quantityOnOrder: decimal('Quantity on open purchase orders, not yet received.').nullable(),
  reorderPoint: decimal('Stock level at or below which the item is reordered.').nullable(),
  reorderQuantity: decimal('Quantity ordered when the item is reordered.').nullable(),
  stock: z.array(InventoryStock).describe('Stock per location; empty when the system keeps no stock by location.'),
};

export const InventoryItem = z
  .object({ ...recordEnvelope, ...inventoryItemFields })
  .describe('A stocked part or material with its stock per location.')
  .meta({ id: 'InventoryItem' });

export type InventoryItem = z.infer<typeof InventoryItem>;
export type InventoryStock = z.infer<typeof InventoryStock>;
