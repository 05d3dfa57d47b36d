/**
 * purchase.order as Odoo 17.0 has it (purchase/models/purchase_order.py, with purchase_stock's
 * receipt_status): header fields, amounts summed from the lines, the workflow buttons with their
 * rules, and the delete rule. Quirks kept on purpose:
 * - `button_confirm` ignores orders that are not RFQs (draft/sent) and answers true anyway;
 *   above the company's double-validation amount an order waits in "to approve".
 * - `button_cancel` refuses orders with receptions done (purchase_stock) or bills (purchase),
 *   and answers nothing (None), so the JSON-RPC answer has no `result` member.
 * - `unlink` only deletes cancelled orders ("In order to delete a purchase order, you must
 *   cancel it first." — `_unlink_if_cancelled`, protocols-erp.md §6.7).
 * - Editing a line does not move the order's write_date (§6.4).
 */
import { userError } from '../errors.js';
import { F, type Env, type Row } from '../fields.js';
import type { ModelSpec } from '../model.js';
import { currencyDigits, lineAmounts, recomputeOrder } from './purchase-line.js';
import { withImplied } from '../access.js';
import { round } from '../wire.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const lines = (env: Env, order: Row) => env.db.rows('purchase.order.line').filter((l) => l.order_id === order.id);
const productLines = (env: Env, order: Row) => lines(env, order).filter((l) => !l.display_type);
const sum = (env: Env, order: Row, pick: (a: { subtotal: number; tax: number }) => number) =>
  round(productLines(env, order).reduce((s, l) => s + pick(lineAmounts(env, l)), 0), currencyDigits(env, order.currency_id));

export const STATES = [['draft', 'RFQ'], ['sent', 'RFQ Sent'], ['to approve', 'To Approve'], ['purchase', 'Purchase Order'], ['done', 'Locked'], ['cancel', 'Cancelled']] as const;

function receiptStatus(order: Row, env: Env): string | null {
  const ls = productLines(env, order);
  if (order.state !== 'purchase' && order.state !== 'done') return null;
  if (!ls.length) return null;
  if (ls.every((l) => num(l.qty_received) >= num(l.product_qty))) return 'full';
  return ls.some((l) => num(l.qty_received) > 0) ? 'partial' : 'pending';
}

function invoiceStatus(order: Row, env: Env): string {
  if (order.state !== 'purchase' && order.state !== 'done') return 'no';
  const ls = productLines(env, order);
  if (ls.some((l) => Math.abs(num(l.qty_received) - num(l.qty_invoiced)) > 1e-9 && num(l.qty_received) > num(l.qty_invoiced))) return 'to invoice';
  return ls.some((l) => num(l.qty_invoiced) > 0) ? 'invoiced' : 'no';
}

/** `_approval_allowed`: one step, or below the double-validation amount, or a purchase manager. */
function approvalAllowed(env: Env, order: Row): boolean {
  const company = env.db.get('res.company', order.company_id as number);
  if (!company || company.po_double_validation !== 'two_step') return true;
  const rate = num(env.db.get('res.currency', order.currency_id as number)?.rate) || 1;
  if (sum(env, order, (a) => a.subtotal + a.tax) / rate < num(company.po_double_validation_amount)) return true;
  return withImplied(env.db.users.get(env.uid)?.groups ?? []).has('purchase.group_purchase_manager');
}

/** Registers the vendor on products it was not a vendor of yet (at most 10 vendors per product). */
function addSupplierToProduct(env: Env, order: Row): void {
  for (const line of productLines(env, order)) {
    const product = env.db.get('product.product', line.product_id as number);
    if (!product) continue;
    const sellers = env.db.rows('product.supplierinfo').filter((s) => s.product_tmpl_id === product.product_tmpl_id);
    if (sellers.some((s) => s.partner_id === order.partner_id) || sellers.length > 10) continue;
    env.db.create(env, 'product.supplierinfo', {
      partner_id: order.partner_id,
      sequence: sellers.length ? Math.max(...sellers.map((s) => num(s.sequence))) + 1 : 1,
      min_qty: 1,
      price: num(line.price_unit),
      currency_id: order.currency_id,
      delay: 0,
      product_tmpl_id: product.product_tmpl_id,
    });
  }
}

function buttonApprove(env: Env, ids: number[]): Record<string, never> {
  const orders = ids.map((id) => env.db.get('purchase.order', id)!).filter((o) => approvalAllowed(env, o));
  for (const order of orders) {
    env.db.write(env, 'purchase.order', [order.id], { state: 'purchase', date_approve: env.now });
    if (env.db.get('res.company', order.company_id as number)?.po_lock === 'lock') env.db.write(env, 'purchase.order', [order.id], { state: 'done' });
  }
  return {};
}

export const purchaseOrder: ModelSpec = {
  name: 'purchase.order',
  description: 'Purchase Order',
  order: 'priority desc, id desc',
  fields: {
    name: F.char('Order Reference', { required: true, default: () => 'New' }),
    priority: F.selection('Priority', [['0', 'Normal'], ['1', 'Urgent']], { default: () => '0' }),
    origin: F.char('Source Document'),
    partner_ref: F.char('Vendor Reference'),
    date_order: F.datetime('Order Deadline', { required: true, default: (env) => env.now }),
    date_approve: F.datetime('Confirmation Date', { readonly: true }),
    partner_id: F.many2one('Vendor', 'res.partner', { required: true }),
    dest_address_id: F.many2one('Dropship Address', 'res.partner'),
    currency_id: F.many2one('Currency', 'res.currency', { required: true, default: (env) => env.db.get('res.company', 1)?.currency_id ?? false }),
    state: F.selection('Status', STATES, { readonly: true, default: () => 'draft' }),
    order_line: F.one2many('Order Lines', 'purchase.order.line', 'order_id'),
    notes: F.html('Terms and Conditions'),
    invoice_count: F.integer('Bill Count', { compute: (row, env) => (productLines(env, row).some((l) => num(l.qty_invoiced) > 0) ? 1 : 0) }),
    invoice_status: F.selection('Billing Status', [['no', 'Nothing to Bill'], ['to invoice', 'Waiting Bills'], ['invoiced', 'Fully Billed']], { compute: invoiceStatus }),
    date_planned: F.datetime('Expected Arrival'),
    amount_untaxed: F.monetary('Untaxed Amount', 'currency_id', { compute: (row, env) => sum(env, row, (a) => a.subtotal) }),
    amount_tax: F.monetary('Taxes', 'currency_id', { compute: (row, env) => sum(env, row, (a) => a.tax) }),
    amount_total: F.monetary('Total', 'currency_id', { compute: (row, env) => sum(env, row, (a) => a.subtotal + a.tax) }),
    payment_term_id: F.many2one('Payment Terms', 'account.payment.term'),
    incoterm_id: F.many2one('Incoterm', 'account.incoterms'),
    user_id: F.many2one('Buyer', 'res.users', { default: (env) => env.uid }),
    company_id: F.many2one('Company', 'res.company', { required: true, default: () => 1 }),
    currency_rate: F.float('Currency Rate', { compute: (row, env) => num(env.db.get('res.currency', row.currency_id as number)?.rate) || 1 }),
    receipt_status: F.selection('Receipt Status', [['pending', 'Not Received'], ['partial', 'Partially Received'], ['full', 'Fully Received']], { compute: receiptStatus }),
    mail_reminder_confirmed: F.boolean('Reminder Confirmed', { readonly: true }),
  },
  beforeCreate: (env, vals) => {
    // The ir.sequence "purchase.order": P00001, P00002…
    if (!vals.name || vals.name === 'New') vals.name = `P${String(env.db.nextSequence('purchase.order')).padStart(5, '0')}`;
  },
  afterCreate: (env, id) => recomputeOrder(env, id),
  beforeUnlink: (env, ids) => {
    for (const id of ids) if (env.db.get('purchase.order', id)!.state !== 'cancel') throw userError('In order to delete a purchase order, you must cancel it first.');
  },
  methods: {
    button_confirm: (env, ids) => {
      for (const id of ids) {
        const order = env.db.get('purchase.order', id)!;
        if (order.state !== 'draft' && order.state !== 'sent') continue;
        addSupplierToProduct(env, order);
        if (approvalAllowed(env, order)) buttonApprove(env, [id]);
        else env.db.write(env, 'purchase.order', [id], { state: 'to approve' });
      }
      return true;
    },
    button_approve: (env, ids) => buttonApprove(env, ids),
    button_cancel: (env, ids) => {
      for (const id of ids) {
        const order = env.db.get('purchase.order', id)!;
        // purchase_stock's override runs its check before purchase's.
        if (productLines(env, order).some((l) => num(l.qty_received) > 0)) throw userError(`Unable to cancel purchase order ${String(order.name)} as some receptions have already been done.`);
        // A line with a billed quantity stands for a posted vendor bill (bills are not simulated).
        if (productLines(env, order).some((l) => num(l.qty_invoiced) > 0)) throw userError('Unable to cancel this purchase order. You must first cancel the related vendor bills.');
      }
      env.db.write(env, 'purchase.order', ids, { state: 'cancel', mail_reminder_confirmed: false });
      return undefined;
    },
    button_draft: (env, ids) => {
      env.db.write(env, 'purchase.order', ids, { state: 'draft' });
      return {};
    },
    button_done: (env, ids) => {
      env.db.write(env, 'purchase.order', ids, { state: 'done', priority: '0' });
      return undefined;
    },
    button_unlock: (env, ids) => {
      env.db.write(env, 'purchase.order', ids, { state: 'purchase' });
      return undefined;
    },
  },
};
