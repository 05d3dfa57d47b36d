/**
 * purchase.order.line (Odoo 17.0 purchase/models/purchase_order_line.py): amounts computed from
 * quantity, price, discount and the vendor taxes, rounded to the order currency; what a line
 * gets when only its product is given (name, unit, price from the vendor's pricelist or the
 * product's cost, taxes, planned date); the SQL constraints on accountable lines; and the
 * refusals of purchase_order_line.py (a product line of a confirmed order cannot be deleted,
 * a line's type cannot change).
 */
import { userError, validationError } from '../errors.js';
import { F, type Env, type Row, type Vals } from '../fields.js';
import type { ModelSpec } from '../model.js';
import { addDays, round } from '../wire.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function currencyDigits(env: Env, currencyId: unknown): number {
  const c = typeof currencyId === 'number' ? env.db.get('res.currency', currencyId) : undefined;
  return c ? Number(env.db.value(env, 'res.currency', c, 'decimal_places')) : 2;
}

function orderOf(env: Env, line: Row): Row | undefined {
  return typeof line.order_id === 'number' ? env.db.get('purchase.order', line.order_id) : undefined;
}

/** Line amounts as AccountTax computes them with round-per-line (the default). */
export function lineAmounts(env: Env, line: Row): { subtotal: number; tax: number } {
  if (line.display_type) return { subtotal: 0, tax: 0 };
  const digits = currencyDigits(env, orderOf(env, line)?.currency_id);
  const subtotal = round(num(line.product_qty) * num(line.price_unit) * (1 - num(line.discount) / 100), digits);
  const rate = (Array.isArray(line.taxes_id) ? line.taxes_id : []).reduce((s, t) => s + num(env.db.get('account.tax', t)?.amount), 0);
  return { subtotal, tax: round((subtotal * rate) / 100, digits) };
}

/** The vendor's pricelist entry for a product and quantity (product.product._select_seller). */
export function selectSeller(env: Env, productId: number, partnerId: unknown, qty: number): Row | undefined {
  const product = env.db.get('product.product', productId);
  if (!product) return undefined;
  return env.db
    .rows('product.supplierinfo')
    .filter((s) => s.product_tmpl_id === product.product_tmpl_id && s.partner_id === partnerId && num(s.min_qty) <= qty)
    .sort((a, b) => num(a.sequence) - num(b.sequence) || num(b.min_qty) - num(a.min_qty) || a.id - b.id)[0];
}

/** What an accountable line gets from its product when not given (the precomputed fields). */
function lineDefaults(env: Env, vals: Vals): void {
  if (vals.display_type || typeof vals.product_id !== 'number') return;
  const product = env.db.get('product.product', vals.product_id)!;
  const order = typeof vals.order_id === 'number' ? env.db.get('purchase.order', vals.order_id) : undefined;
  const qty = typeof vals.product_qty === 'number' ? vals.product_qty : 1;
  const seller = selectSeller(env, product.id, order?.partner_id, qty);
  vals.product_qty ??= qty;
  if (vals.name === null || vals.name === undefined) {
    const description = product.description_purchase ? `\n${String(product.description_purchase)}` : '';
    vals.name = `${env.db.displayName(env, 'product.product', product.id)}${description}`;
  }
  vals.product_uom ??= product.uom_po_id;
  if (vals.price_unit === undefined) vals.price_unit = round(seller ? num(seller.price) : num(product.standard_price), 2);
  if (!('taxes_id' in vals)) vals.taxes_id = Array.isArray(product.supplier_taxes_id) ? [...product.supplier_taxes_id] : [];
  if (vals.date_planned === null || vals.date_planned === undefined) {
    vals.date_planned = addDays(String(order?.date_order ?? env.now), seller ? num(seller.delay) : 0);
  }
}

/** The SQL constraints accountable_required_fields and non_accountable_null_fields. */
function checkConstraints(row: Vals): void {
  if (!row.display_type && (typeof row.product_id !== 'number' || typeof row.product_uom !== 'number' || !row.date_planned)) {
    throw validationError('The operation cannot be completed: Missing required fields on accountable purchase order line.');
  }
  if (row.display_type && (typeof row.product_id === 'number' || num(row.price_unit) !== 0 || num(row.product_qty) !== 0 || typeof row.product_uom === 'number')) {
    throw validationError('The operation cannot be completed: Forbidden values on non-accountable purchase order line');
  }
}

/** The order's expected arrival: the earliest planned date of its lines (stored, recomputed). */
export function recomputeOrder(env: Env, orderId: unknown): void {
  const order = typeof orderId === 'number' ? env.db.get('purchase.order', orderId) : undefined;
  if (!order) return;
  const dates = env.db.rows('purchase.order.line').filter((l) => l.order_id === order.id && !l.display_type && l.date_planned).map((l) => String(l.date_planned)).sort();
  // A stored computed field: recomputing it does not touch the order's write_date (§6.4).
  order.date_planned = dates[0] ?? null;
}

const STATE_LABELS: Record<string, string> = { purchase: 'Purchase Order', done: 'Locked' };

export const orderLine: ModelSpec = {
  name: 'purchase.order.line',
  description: 'Purchase Order Line',
  order: 'order_id, sequence, id',
  fields: {
    order_id: F.many2one('Order Reference', 'purchase.order', { required: true, ondelete: 'cascade' }),
    sequence: F.integer('Sequence', { default: () => 10 }),
    display_type: F.selection('Display Type', [['line_section', 'Section'], ['line_note', 'Note']]),
    name: F.text('Description', { required: true }),
    product_id: F.many2one('Product', 'product.product'),
    product_qty: F.float('Quantity', { digits: 2 }),
    product_uom_qty: F.float('Total Quantity', { compute: (row) => num(row.product_qty) }),
    product_uom: F.many2one('Unit of Measure', 'uom.uom'),
    price_unit: F.float('Unit Price', { digits: 2 }),
    discount: F.float('Discount (%)', { digits: 2 }),
    taxes_id: F.many2many('Taxes', 'account.tax'),
    price_subtotal: F.monetary('Subtotal', 'currency_id', { compute: (row, env) => lineAmounts(env, row).subtotal }),
    price_tax: F.monetary('Tax', 'currency_id', { compute: (row, env) => lineAmounts(env, row).tax }),
    price_total: F.monetary('Total', 'currency_id', { compute: (row, env) => { const a = lineAmounts(env, row); return a.subtotal + a.tax; } }),
    date_planned: F.datetime('Expected Arrival'),
    qty_received_method: F.selection('Received Qty Method', [['manual', 'Manual'], ['stock_moves', 'Stock Moves']], { default: () => 'stock_moves' }),
    qty_received: F.float('Received Qty', { digits: 2 }),
    qty_invoiced: F.float('Billed Qty', { digits: 2 }),
    qty_to_invoice: F.float('To Invoice Quantity', { compute: (row, env) => (['purchase', 'done'].includes(String(orderOf(env, row)?.state)) ? num(row.qty_received) - num(row.qty_invoiced) : 0) }),
    state: F.selection('Status', [['draft', 'RFQ'], ['sent', 'RFQ Sent'], ['to approve', 'To Approve'], ['purchase', 'Purchase Order'], ['done', 'Locked'], ['cancel', 'Cancelled']], { related: ['order_id', 'state'], readonly: true }),
    partner_id: F.many2one('Partner', 'res.partner', { related: ['order_id', 'partner_id'], readonly: true }),
    currency_id: F.many2one('Currency', 'res.currency', { related: ['order_id', 'currency_id'], readonly: true }),
    company_id: F.many2one('Company', 'res.company', { related: ['order_id', 'company_id'], readonly: true }),
    date_order: F.datetime('Order Date', { related: ['order_id', 'date_order'], readonly: true }),
  },
  displayName: (row, env) => {
    const order = orderOf(env, row);
    return order ? `${String(order.name)}: ${String(row.name ?? '')}` : String(row.name ?? '');
  },
  beforeCreate: (env, vals) => {
    lineDefaults(env, vals);
    checkConstraints(vals);
  },
  afterCreate: (env, id) => recomputeOrder(env, env.db.get('purchase.order.line', id)?.order_id),
  beforeWrite: (env, ids, vals) => {
    for (const id of ids) {
      const line = env.db.get('purchase.order.line', id)!;
      if ('display_type' in vals && (vals.display_type ?? null) !== (line.display_type ?? null)) {
        throw userError('You cannot change the type of a purchase order line. Instead you should delete the current line and create a new line of the proper type.');
      }
      checkConstraints({ ...line, ...vals });
    }
  },
  afterWrite: (env, ids) => {
    for (const id of ids) recomputeOrder(env, env.db.get('purchase.order.line', id)?.order_id);
  },
  beforeUnlink: (env, ids) => {
    for (const id of ids) {
      const line = env.db.get('purchase.order.line', id)!;
      const state = String(orderOf(env, line)?.state);
      if (STATE_LABELS[state] && !line.display_type) throw userError(`Cannot delete a purchase order line which is in state “${STATE_LABELS[state]}”.`);
    }
  },
  afterUnlink: (env, rows) => {
    for (const order of new Set(rows.map((r) => r.order_id))) recomputeOrder(env, order);
  },
};
