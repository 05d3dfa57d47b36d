/**
 * The default field mapping of Tryton purchase orders, as data (served by GET /v1/field-mapping):
 * for every unified field, the native path it is read from (purchase-order-map.ts), the Tryton
 * field a create or update writes (purchase-order-to-remote.ts), or why Tryton 6.0 has none.
 *
 * Paths address the native record as stored (remoteData, see ../raw.ts). The separator is `.`;
 * an empty segment appends a dot to the key before it, which is how Tryton's dotted reads are
 * addressed: `party..name` is key `party.` then `name` (`company..party..code`: `company.`,
 * `party.`, `code`). `x[].y` reads y of every element of the array x. Line paths are relative
 * to one element of `lines`. ../mapping.md explains the rule and the choices.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { PurchaseOrderLine, purchaseOrderFields } from '../../../models/purchase-order.js';
import { addressLogic, addressPaths } from '../address.js';

/** What a line's received quantity is computed from (receivedQuantity), relative to one line. */
const RECEIVED = ['moves[].state', 'moves[].quantity', 'moves[].uom..factor', 'moves[].from_location..type', 'moves[].to_location..type', 'unit..factor'];
const RECEIVED_LOGIC =
  'done stock moves from a supplier location count in, done moves to a supplier location (returns) count out, each converted to the line\'s unit ' +
  '(quantity × the move unit\'s factor ÷ the line unit\'s factor); null when the line has no moves (services, orders not confirmed) or the moves are not readable (no stock rights: moves stay ids)';

const fields: { [K in keyof typeof purchaseOrderFields]: FieldSource } = {
  number: { path: 'number', note: 'Null until the order is quoted (Tryton numbers it then).' },
  status: {
    paths: ['state', 'shipment_state', 'lines[].type', ...RECEIVED.map((p) => `lines[].${p}`)],
    logic:
      'state: draft → draft; quotation → pending_approval; confirmed → approved; processing → received when shipment_state is received, ' +
      'else partially_received when some line of type line has a received quantity above 0 (' + RECEIVED_LOGIC + '), else ordered; ' +
      'done → closed; cancelled → cancelled; any other state → unknown. ' +
      'An update of status writes no field: it runs Tryton\'s button (pending_approval → quote, approved → confirm, cancelled → cancel, draft → draft) and reads the state back.',
  },
  remoteStatus: { path: 'state', note: 'Tryton\'s state, unchanged (draft, quotation, confirmed, processing, done, cancelled).' },
  vendor: {
    paths: ['party', 'party..name', 'party..code'],
    logic:
      'remoteId = party (the party id, also the vendor\'s Manifold id), name = party.name, code = party.code. ' +
      'A create sets party (found by remoteId or by code) and invoice_address: the party\'s first address flagged for invoices, else its first address (Tryton\'s address_get). Not updatable.',
    write: ['party', 'invoice_address'],
  },
  buyer: {
    paths: ['confirmed_by', 'confirmed_by..rec_name', 'quoted_by', 'quoted_by..rec_name'],
    logic: 'The company.employee who confirmed the order, else the one who quoted it: remoteId = its id, name = its rec_name; id and code null (employees are not a Manifold entity).',
  },
  site: {
    paths: ['company', 'company..rec_name', 'company..party..code'],
    logic: 'The order\'s company: remoteId = company, name = company.rec_name, code = the company party\'s code; id null (companies are not a Manifold entity). A create sets the user\'s company.',
  },
  orderDate: { path: 'purchase_date', write: 'purchase_date', note: 'Confirming an order sets today\'s date when empty.' },
  requiredDate: { none: 'A Tryton 6.0 purchase has no needed-by date (purchase requests have one, orders do not).' },
  deliveryDate: { path: 'delivery_date', write: 'delivery_date', note: 'The default delivery date of the lines.' },
  currency: { path: 'currency..code', write: 'currency', note: 'ISO 4217 code; a create looks the currency up by code (absent: the company\'s currency). Not updatable.' },
  paymentTerms: {
    path: 'payment_term..name',
    write: 'payment_term',
    note: 'A write looks the payment term up by name (unique); null clears it; absent on create: the vendor\'s supplier_payment_term.',
  },
  shippingMethod: { none: 'Tryton 6.0 with purchase and purchase_requisition has no carrier or incoterm on a purchase (that needs purchase_shipment_cost/carrier modules).' },
  shipTo: {
    paths: ['warehouse', ...addressPaths('warehouse..address..')],
    logic: `The address of the order's warehouse (null when the warehouse has none). ${addressLogic} A create sets warehouse: the user's warehouse preference, else the first warehouse.`,
  },
  billTo: {
    paths: ['invoice_address', ...addressPaths('invoice_address..')],
    logic: `The order's invoice address. ${addressLogic} Derived from the vendor on create (see vendor), not writable itself.`,
  },
  subtotal: { path: 'untaxed_amount', note: 'Decimal string with the digits Tryton gives (3 for KWD).' },
  taxTotal: { path: 'tax_amount', note: 'Decimal string with the digits Tryton gives.' },
  total: { path: 'total_amount', note: 'Decimal string with the digits Tryton gives.' },
  description: { path: 'description', write: 'description' },
  notes: { path: 'comment', write: 'comment' },
  approvedAt: { none: 'Tryton records who confirmed an order (confirmed_by), not when; purchase_date is an editable date, not the confirmation time.' },
  lines: {
    path: 'lines',
    write: 'lines',
    note:
      'The purchase.line records of type line (title, subtotal and comment lines stay in remoteData), by sequence then id; see the line mapping. ' +
      'A write sends x2many commands (create, write, delete) in lines; an update\'s lines is the full list of order lines.',
  },
};

const lines: { [K in Exclude<keyof PurchaseOrderLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['id'], logic: 'The order\'s Manifold id, ":" and the purchase.line id.' },
  remoteId: { path: 'id', note: 'The purchase.line id.' },
  lineNumber: {
    paths: ['type', 'sequence', 'id'],
    logic: '1-based position among the order\'s lines of type line, sorted by sequence (empty first), then id.',
  },
  item: {
    paths: ['product', 'product..name', 'product..code', 'product..type'],
    logic:
      'remoteId = product, name = product.name, code = product.code; id = the inventory item\'s Manifold id only for goods (services are not inventory items). ' +
      'A write sets product (by remoteId, else by code) and, as Tryton\'s on_change of the product gives them, product_supplier and taxes.',
    write: ['product', 'product_supplier', 'taxes'],
  },
  itemCode: { path: 'product..code', write: 'product', note: 'A write looks the product up by this code (exactly one match).' },
  vendorItemCode: { path: 'product_supplier..code', note: 'The supplier catalogue entry of the line; a write sets it with the product, as Tryton\'s on_change does.' },
  description: { path: 'description', write: 'description' },
  quantity: { path: 'quantity', write: 'quantity', note: 'A float in Tryton, given as its shortest exact decimal string.' },
  unitOfMeasure: { path: 'unit..symbol', write: 'unit', note: 'A write looks the unit up by symbol, else name, within the product\'s unit category; absent: the product\'s purchase unit.' },
  unitPrice: { path: 'unit_price', write: 'unit_price', note: 'A Decimal; Tryton refuses more than 4 decimals.' },
  discount: { none: 'A Tryton 6.0 purchase line has no discount without the purchase_discount module.' },
  taxAmount: { none: 'Tryton computes taxes per order (tax_amount), not per line.' },
  lineTotal: { path: 'amount', note: 'Quantity × unit price, before tax.' },
  requiredDate: { none: 'A Tryton 6.0 purchase line has no needed-by date.' },
  deliveryDate: {
    paths: ['delivery_date'],
    logic:
      'Read: delivery_date, which Tryton computes (the moves\' planned date, else the line\'s own date, else the order\'s, else the supplier lead time) and hides when before today. ' +
      'Write: delivery_date_store with delivery_date_edit ticked; null unticks it.',
    write: ['delivery_date_edit', 'delivery_date_store'],
  },
  quantityReceived: { paths: RECEIVED, logic: `In the line's unit: ${RECEIVED_LOGIC}.` },
  quantityInvoiced: { none: 'Manifold does not read invoice lines (account.invoice.line), so what has been invoiced per line is not known.' },
  status: {
    paths: ['quantity', ...RECEIVED],
    logic:
      'From the order\'s state (header path state, outside the line): draft/quotation → open; confirmed/processing → received when the received quantity reaches quantity, ' +
      'partially_received when it is above 0, else open; done → closed; cancelled → cancelled; other → unknown. Received quantity: see quantityReceived.',
  },
  account: { none: 'A Tryton 6.0 purchase line has no account or cost centre of its own (the product\'s expense account is used at invoicing).' },
  asset: { none: 'A Tryton 6.0 purchase line has no link to an asset.' },
  workOrder: { none: 'A Tryton 6.0 purchase line has no link to a work order.' },
};

export const purchaseOrderMapping: EntityMapping = { fields, lines, linesPath: 'lines' };
