/**
 * The default field mapping of MaintainX parts as inventory items, as data (GET /v1/field-mapping).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { inventoryItemFields } from '../../../models/inventory-item.js';

const COMMITTED = 'committed stock: reserved + kitted + staged (MaintainX help, "Part Statuses and Part Availability": assigned parts are not committed)';

const fields: { [K in keyof typeof inventoryItemFields]: FieldSource } = {
  itemCode: { path: 'barcode', note: 'A MaintainX part has no part number of its own; its barcode is the code it is scanned and found by. Vendor part numbers are in vendors[].' },
  name: { path: 'name' },
  description: { path: 'description' },
  status: { none: 'A MaintainX part has no status; every listed part is active (deleted parts are not listed), so status is "active".' },
  remoteStatus: { none: 'A MaintainX part has no status.' },
  category: { paths: ['partTypes'], logic: 'The part types, joined with ", "; null when there are none.' },
  unitOfMeasure: { none: 'MaintainX counts parts in units and records no unit of measure.' },
  unitCost: { path: 'unitCost', note: 'Integer cents in MaintainX, given as a decimal string in currency units (12050 → "120.50"), exactly.' },
  currency: { path: 'organization.currency', note: 'The organization\'s currency (GET /organizations), which every amount in MaintainX is in; Manifold adds it to the record as organization.' },
  preferredVendor: { paths: ['vendors[].vendorId'], logic: 'The first of the part\'s vendors (expand=vendors): remoteId = vendorId.' },
  vendorItemCode: { paths: ['vendors[].partNumber'], logic: 'The first vendor\'s part number for the part.' },
  manufacturer: { none: 'A MaintainX part has no manufacturer field (custom fields can hold one).' },
  manufacturerPartNumber: { none: 'A MaintainX part has no manufacturer part number field.' },
  quantityOnHand: { paths: ['inStockQuantity', 'availableQuantity'], logic: 'inStockQuantity (total in stock over all locations); availableQuantity, its deprecated twin, when absent.' },
  quantityAvailable: { paths: ['inStockQuantity', 'availableQuantity', 'committedQuantities'], logic: `In stock less ${COMMITTED}.` },
  quantityOnOrder: { path: 'orderedQuantity', note: 'On open purchase orders.' },
  reorderPoint: { path: 'minimumQuantity', note: '"Minimum quantity before you should restock", over all locations.' },
  reorderQuantity: { none: 'MaintainX keeps a minimum and a maximum per location, not an order quantity.' },
  stock: {
    paths: ['locations[].locationId', 'locations[].availableQuantity', 'locations[].committedQuantities', 'locations[].area'],
    logic: `One row per part location: location remoteId = locationId; quantityOnHand = availableQuantity (in stock there); quantityAvailable = that less the location's ${COMMITTED}; bin = area.`,
  },
};

export const inventoryItemMapping: EntityMapping = { fields };
