/**
 * The default field mapping of Odoo inventory items (product.product that are not services), as
 * data (served by GET /v1/field-mapping). Inventory items are read only.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { inventoryItemFields } from '../../../models/inventory-item.js';

const PREFERRED = 'The first vendor pricelist entry (product.supplierinfo) by sequence, then larger minimum quantity, then id: the one Odoo\'s purchase proposals pick first.';

const fields: { [K in keyof typeof inventoryItemFields]: FieldSource } = {
  itemCode: { path: 'default_code', note: 'Internal Reference.' },
  name: { path: 'name', note: 'The product\'s name (held by its template).' },
  description: { path: 'description', note: 'An Html field, as plain text.' },
  status: { paths: ['active'], logic: 'active → active; archived → inactive. Odoo has no obsolete state.' },
  remoteStatus: { none: 'An Odoo product has no status of its own, only the active flag (see status).' },
  category: { path: 'categ_id', note: 'The pair\'s name: the category\'s full path ("All / Spare Parts / Bearings").' },
  unitOfMeasure: { path: 'uom_id', note: 'The pair\'s name: the stocking unit.' },
  unitCost: { path: 'standard_price', note: 'Cost, in the company\'s currency (see currency).' },
  currency: { path: 'cost_currency_id', note: 'The pair\'s name: the ISO code of the currency standard_price is in.' },
  preferredVendor: {
    paths: ['seller_ids[].sequence', 'seller_ids[].min_qty', 'seller_ids[].partner_id', 'seller_ids[].partner_id..ref'],
    logic: `${PREFERRED} remoteId and name from its partner_id pair (also the vendor's Manifold id), code = the partner's ref.`,
  },
  vendorItemCode: { paths: ['seller_ids[].sequence', 'seller_ids[].product_code'], logic: `${PREFERRED} Its Vendor Product Code.` },
  manufacturer: { none: 'An Odoo 17 product keeps no manufacturer.' },
  manufacturerPartNumber: { none: 'An Odoo 17 product keeps no manufacturer part number.' },
  quantityOnHand: { path: 'qty_available', note: 'Quantity On Hand over the company\'s warehouses.' },
  quantityAvailable: { path: 'free_qty', note: 'Free To Use Quantity: on hand less reserved.' },
  quantityOnOrder: { path: 'incoming_qty', note: 'Incoming: what receipts (from confirmed purchase orders, among others) still bring in.' },
  reorderPoint: { paths: ['reordering_min_qty', 'reordering_max_qty'], logic: 'The reordering rule\'s minimum (reordering_min_qty); null when the product has no reordering rule (both 0).' },
  reorderQuantity: { none: 'An Odoo reordering rule orders up to a maximum (reordering_max_qty, in remoteData), not a fixed quantity.' },
  stock: {
    paths: ['stock_quant_ids[].location_id', 'stock_quant_ids[].location_id..barcode', 'stock_quant_ids[].quantity', 'stock_quant_ids[].reserved_quantity'],
    logic:
      'One row per internal location holding quants of the product (stock.quant read with location_id.usage = internal): location = remoteId and name from the location_id pair (also its Manifold id), code = its barcode; ' +
      'quantityOnHand = the sum of quantity, quantityAvailable = the sum of quantity − reserved_quantity; bin null (a shelf is a location of its own).',
  },
};

export const inventoryItemMapping: EntityMapping = { fields };
