/**
 * The default field mapping of Tryton inventory items (product.product of type goods), as data
 * (served by GET /v1/field-mapping): for every unified field, the native path it is read from
 * (inventory-items.ts), or why Tryton 6.0 has none. Inventory items are read only.
 *
 * Paths address the native record as stored (remoteData, see ../raw.ts): `stock` and
 * `company_currency` are assembled by the connector, the rest is Tryton's. The separator is `.`;
 * an empty segment appends a dot to the key before it, which is how Tryton's dotted reads are
 * addressed: `default_uom..symbol` is key `default_uom.` then `symbol`. `x[].y` reads y of every
 * element of the array x. ../mapping.md explains the rule.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { inventoryItemFields } from '../../../models/inventory-item.js';

const FIRST_SUPPLIER = 'The first supplier catalogue entry (purchase.product_supplier) by sequence (empty first), then id: the one Tryton\'s purchase requests pick.';

const fields: { [K in keyof typeof inventoryItemFields]: FieldSource } = {
  itemCode: { path: 'code' },
  name: { path: 'name' },
  description: { path: 'description' },
  status: { paths: ['active'], logic: 'active → active; archived (active false) → inactive. Tryton has no obsolete state.' },
  remoteStatus: { none: 'A Tryton product has no status of its own, only the active flag (see status).' },
  category: { paths: ['categories[].rec_name'], logic: 'The rec_name (full path, e.g. "Parts / Bearings") of the product\'s first category.' },
  unitOfMeasure: { path: 'default_uom..symbol', note: 'The default (stocking) unit.' },
  unitCost: { path: 'cost_price', note: 'In the company\'s currency (see currency).' },
  currency: { paths: ['company_currency', 'cost_price'], logic: 'The company\'s currency code (company_currency, read by the connector from company.company), which cost_price is in; null when cost_price is.' },
  preferredVendor: {
    paths: ['product_suppliers[].sequence', 'product_suppliers[].party', 'product_suppliers[].party..name', 'product_suppliers[].party..code'],
    logic: `${FIRST_SUPPLIER} remoteId = its party (also the vendor's Manifold id), name = party.name, code = party.code.`,
  },
  vendorItemCode: { paths: ['product_suppliers[].sequence', 'product_suppliers[].code'], logic: `${FIRST_SUPPLIER} Its code; blank → null.` },
  manufacturer: { none: 'A Tryton 6.0 product keeps no manufacturer.' },
  manufacturerPartNumber: { none: 'A Tryton 6.0 product keeps no manufacturer part number.' },
  quantityOnHand: {
    path: 'quantity',
    note: 'Tryton\'s quantity read with the context locations = every warehouse\'s storage zone, with_childs (so bins count); null when there is no warehouse. A float, given as its shortest exact decimal string.',
  },
  quantityAvailable: { none: 'Tryton reserves stock by assigning moves; it keeps no available quantity.' },
  quantityOnOrder: { none: 'Tryton\'s forecast_quantity mixes incoming and outgoing moves; it keeps no quantity on order.' },
  reorderPoint: { none: 'Order points (stock.order_point) need the stock_supply module.' },
  reorderQuantity: { none: 'Order points (stock.order_point) need the stock_supply module.' },
  stock: {
    paths: ['stock[].warehouse', 'stock[].name', 'stock[].code', 'stock[].storage_location', 'stock[].quantity'],
    logic:
      'One row per warehouse (stock.location of type warehouse), assembled by the connector: location = the warehouse (remoteId = warehouse, name, code), ' +
      'quantityOnHand = Tryton\'s quantity read with the context locations = [its storage_location], with_childs. quantityAvailable and bin are null (see quantityAvailable; stock is per warehouse).',
  },
};

export const inventoryItemMapping: EntityMapping = { fields };
