/**
 * The default field mapping of Odoo purchase orders, as data (served by GET /v1/field-mapping):
 * for every unified field, the native path it is read from (purchase-order-map.ts), the Odoo
 * field a create or update writes (purchase-order-writes.ts), or why Odoo 17 has none.
 *
 * Paths address the native record as stored (remoteData, see ../raw.ts): a many2one is an
 * `[id, "display name"]` pair (remoteId and name below are its two items); an empty segment appends a dot to the key before it, which is
 * how the records read along are addressed (`partner_id..ref` is key `partner_id.` then `ref`).
 * Line paths are relative to one element of `order_line`.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { PurchaseOrderLine, purchaseOrderFields } from '../../../models/purchase-order.js';
import { addressLogic, addressPaths } from '../address.js';

const MONEY = 'A float rounded by Odoo to the currency, given with the currency\'s decimal places (currency_id..decimal_places: 2, 0 for JPY, 3 for KWD).';

const fields: { [K in keyof typeof purchaseOrderFields]: FieldSource } = {
  number: { path: 'name', note: 'Odoo\'s reference (P00012), given when the order is created.' },
  status: {
    paths: ['state', 'receipt_status'],
    logic:
      'state: draft and sent (RFQ, RFQ sent) → draft; to approve → pending_approval; purchase → received when receipt_status is full, partially_received when partial, else ordered; ' +
      'done (Locked) → closed; cancel → cancelled; any other → unknown. An update of status writes no field: it presses Odoo\'s button (ordered → button_confirm, cancelled → button_cancel, draft → button_draft) and reads the state back.',
  },
  remoteStatus: { path: 'state', note: 'Odoo\'s state key, unchanged (draft, sent, to approve, purchase, done, cancel).' },
  vendor: {
    paths: ['partner_id', 'partner_id..ref'],
    logic: 'remoteId = the pair\'s id (also the vendor\'s Manifold id), name = its display name, code = the partner\'s ref (Internal Reference). A create sets partner_id (by remoteId, or by code = ref). Not updatable.',
    write: ['partner_id'],
  },
  buyer: { paths: ['user_id'], logic: 'The Buyer (res.users): remoteId and name from the user_id pair; id and code null (users are not a Manifold entity). A create leaves Odoo\'s default, the connecting user.' },
  site: { paths: ['company_id'], logic: 'The order\'s company: remoteId and name from the company_id pair; id and code null.' },
  orderDate: { path: 'date_order', write: 'date_order', note: 'The UTC date of date_order (Order Deadline of an RFQ; Odoo sets it to the confirmation time when the order is confirmed). A write sets that date at 12:00 UTC.' },
  requiredDate: { none: 'An Odoo 17 purchase order has no needed-by date of its own (its lines have an expected arrival: deliveryDate).' },
  deliveryDate: { path: 'date_planned', write: 'date_planned', note: 'Expected Arrival: the earliest expected arrival of the lines (UTC date). A write sets it on the order and on every product line not given a date of its own, as Odoo\'s form does.' },
  currency: { path: 'currency_id', write: 'currency_id', note: 'The pair\'s name: res.currency\'s name is its ISO code. A create looks the currency up by code (absent: the company\'s currency). Not updatable.' },
  paymentTerms: { path: 'payment_term_id', write: 'payment_term_id', note: 'The pair\'s name. A write looks the payment term up by its name; null clears it. Absent on create: none (Odoo\'s form would take the vendor\'s).' },
  shippingMethod: { path: 'incoterm_id', note: 'The pair\'s name: the Incoterm\'s display name.' },
  shipTo: {
    paths: addressPaths('dest_address_id..'),
    logic: `The Dropship Address (dest_address_id) when there is one; otherwise null: Odoo delivers to the warehouse of the order's operation type (picking_type_id), which Manifold does not read. ${addressLogic}`,
  },
  billTo: { paths: addressPaths('company_id..partner_id..'), logic: `Odoo has no bill-to address on an order: it is the company's. The address of company_id's partner. ${addressLogic}` },
  subtotal: { path: 'amount_untaxed', note: MONEY },
  taxTotal: { path: 'amount_tax', note: MONEY },
  total: { path: 'amount_total', note: MONEY },
  description: { none: 'An Odoo purchase order has no title or description (origin is the source document, partner_ref the vendor\'s reference; both stay in remoteData).' },
  notes: { path: 'notes', write: 'notes', note: 'Terms and Conditions, an Html field, as plain text (tags removed, paragraphs as new lines). A write sends the text as given.' },
  approvedAt: { path: 'date_approve', note: 'Confirmation Date, set by Odoo when the order is confirmed (UTC).' },
  lines: {
    path: 'order_line',
    write: 'order_line',
    note:
      'The purchase.order.line records without display_type (section and note lines stay in remoteData), by sequence then id; see the line mapping. ' +
      'A write sends one2many commands (0 create, 1 update, 2 delete) in order_line; an update\'s lines is the full list of product lines.',
  },
};

const lines: { [K in Exclude<keyof PurchaseOrderLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['id'], logic: 'The order\'s Manifold id, ":" and the purchase.order.line id.' },
  remoteId: { path: 'id', note: 'The purchase.order.line id.' },
  lineNumber: { paths: ['display_type', 'sequence', 'id'], logic: '1-based position among the order\'s product lines, by sequence then id.' },
  item: {
    paths: ['product_id', 'product_id..default_code', 'product_id..type'],
    logic: 'remoteId and name ("[code] name") from the product_id pair, code = the product\'s default_code; id = the inventory item\'s Manifold id, except for services (not inventory items). A write sets product_id (by remoteId, else by default_code).',
    write: ['product_id'],
  },
  itemCode: { path: 'product_id..default_code', write: 'product_id', note: 'The product\'s Internal Reference; a write looks the product up by it (exactly one active match).' },
  vendorItemCode: { none: 'Odoo keeps the vendor\'s product code on the vendor pricelist (product.supplierinfo), not on the order line (it only shows up inside the line\'s description).' },
  description: { path: 'name', write: 'name', note: 'Absent on create: Odoo writes the product\'s display name (and its purchase description).' },
  quantity: { path: 'product_qty', write: 'product_qty', note: 'A float, given as its shortest exact decimal.' },
  unitOfMeasure: { path: 'product_uom', write: 'product_uom', note: 'The pair\'s name: the unit\'s name (Units, kg, L). A write looks it up by name; absent: the product\'s purchase unit.' },
  unitPrice: { path: 'price_unit', write: 'price_unit', note: 'Absent on create: Odoo takes the vendor\'s pricelist price, else the product\'s cost. Odoo rounds it to 2 decimals (Product Price precision).' },
  discount: { paths: ['product_qty', 'price_unit', 'discount'], logic: 'Odoo keeps a discount percentage (discount); the unified amount is product_qty × price_unit × discount ÷ 100, with the currency\'s decimals. Not writable (an amount cannot be set as a percentage without rounding).' },
  taxAmount: { path: 'price_tax', note: MONEY },
  lineTotal: { path: 'price_subtotal', note: `Before tax, after the discount. ${MONEY}` },
  requiredDate: { none: 'An Odoo purchase order line has no needed-by date, only its expected arrival (deliveryDate).' },
  deliveryDate: { path: 'date_planned', write: 'date_planned', note: 'Expected Arrival (UTC date). A write sets that date at 12:00 UTC.' },
  quantityReceived: { path: 'qty_received', note: 'Received Qty, from the done receipts.' },
  quantityInvoiced: { path: 'qty_invoiced', note: 'Billed Qty, from the vendor bills.' },
  status: {
    paths: ['product_qty', 'qty_received'],
    logic: 'From the order\'s state (header path state): draft, sent, to approve → open; purchase → received when qty_received reaches product_qty, partially_received when above 0, else open; done → closed; cancel → cancelled; other → unknown.',
  },
  account: { none: 'Odoo 17 keeps an analytic distribution (JSON of analytic accounts and percentages) on the line, not one account; it stays in Odoo.' },
  asset: { none: 'An Odoo purchase order line has no link to maintenance equipment.' },
  workOrder: { none: 'An Odoo purchase order line has no link to a maintenance request.' },
};

export const purchaseOrderMapping: EntityMapping = { fields, lines, linesPath: 'order_line' };
