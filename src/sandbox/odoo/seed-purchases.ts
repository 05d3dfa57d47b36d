/**
 * Demo purchase orders in every state (RFQ, RFQ sent, to approve, purchase order not, partly and
 * fully received, some billed, locked, cancelled), one to six product lines each, now and then
 * a section or note line, in the vendor's currency or the company's, with discounts and taxes.
 */
import type { Database } from './orm.js';
import type { Random } from '../random.js';
import type { Clock, Masters } from './seed-masters.js';
import type { Products } from './seed-products.js';
import { recomputeOrder, selectSeller } from './models/purchase-line.js';
import { addDays, addSeconds, round } from './wire.js';
import type { Env } from './fields.js';

const STATES = ['draft', 'draft', 'sent', 'to approve', 'purchase', 'purchase', 'purchase', 'purchase', 'done', 'cancel'] as const;

export function seedPurchases(db: Database, rnd: Random, clock: Clock, masters: Masters, products: Products, count: number, env: Env): void {
  const vendors = masters.vendorIds.filter((id) => db.get('res.partner', id)?.active !== false);
  const buyable = products.all.filter((p) => db.get('product.product', p.id)?.active !== false);
  const goods = buyable.filter((p) => p.type !== 'service');
  // Drop-ship orders deliver straight to a customer (dest_address_id).
  const customers = db.rows('res.partner').filter((p) => Number(p.customer_rank) > 0 && !Number(p.supplier_rank)).map((p) => p.id);
  for (let i = 0; i < count; i += 1) {
    const state = STATES[i % STATES.length]!;
    const partner = rnd.pick(vendors);
    const pCurrency = db.get('res.partner', partner)?.property_purchase_currency_id;
    const currency = typeof pCurrency === 'number' && rnd.chance(0.85) ? pCurrency : masters.currencyIds.get('USD')!;
    const created = clock.at(i + 1, 600);
    const confirmed = state === 'purchase' || state === 'done' || (state === 'cancel' && rnd.chance(0.3));
    const approvedAt = confirmed ? addSeconds(created, rnd.int(1, 72) * 3600) : null;
    const written = addSeconds(approvedAt ?? created, rnd.int(60, 20 * 86_400));
    const orderId = db.insert('purchase.order', {
      name: `P${String(db.nextSequence('purchase.order')).padStart(5, '0')}`,
      priority: rnd.chance(0.1) ? '1' : '0',
      origin: rnd.chance(0.25) ? `OP/${String(rnd.int(1, 999)).padStart(5, '0')}` : null,
      partner_ref: rnd.chance(0.3) ? `SO-${rnd.int(10000, 99999)}` : null,
      date_order: approvedAt ?? addDays(created, rnd.int(1, 10)),
      date_approve: approvedAt,
      partner_id: partner,
      dest_address_id: customers.length && rnd.chance(0.1) ? rnd.pick(customers) : null,
      currency_id: currency,
      state,
      notes: rnd.chance(0.3) ? `<p>${rnd.pick(['Deliver to gate 3, mornings only.', 'Partial deliveries accepted.', 'Quote your best lead time.'])}</p>` : null,
      date_planned: null,
      payment_term_id: db.get('res.partner', partner)?.property_supplier_payment_term_id ?? null,
      incoterm_id: rnd.chance(0.3) ? rnd.pick(masters.incotermIds) : null,
      user_id: rnd.chance(0.7) ? 6 : 2,
      company_id: 1,
      mail_reminder_confirmed: false,
      create_date: created,
      write_date: written,
      create_uid: 6,
      write_uid: 6,
    });
    const digits = db.get('res.currency', currency)?.rounding === 1 ? 0 : 2;
    let sequence = 10;
    const lineCount = rnd.int(1, 6);
    for (let l = 0; l < lineCount; l += 1) {
      if (l === 0 && rnd.chance(0.08)) {
        db.insert('purchase.order.line', { order_id: orderId, sequence: sequence++, display_type: 'line_section', name: rnd.pick(['Spare parts', 'Consumables']), product_qty: 0, price_unit: 0, discount: 0, taxes_id: [], qty_received: 0, qty_invoiced: 0, qty_received_method: 'manual', product_id: null, product_uom: null, date_planned: null, create_date: created, write_date: created, create_uid: 6, write_uid: 6 });
      }
      const p = rnd.chance(0.92) ? rnd.pick(goods) : rnd.pick(buyable);
      const product = db.get('product.product', p.id)!;
      const qty = p.type === 'service' ? rnd.int(1, 16) : rnd.int(1, 60) * (rnd.chance(0.1) ? 0.5 : 1);
      const seller = selectSeller(env, p.id, partner, qty);
      const rate = Number(db.get('res.currency', currency)?.rate ?? 1);
      const price = seller && seller.currency_id === currency ? Number(seller.price) : round(p.cost * rate * (0.9 + rnd.next() * 0.2), Math.min(digits, 2));
      const planned = addDays(String(db.get('purchase.order', orderId)!.date_order), seller ? Number(seller.delay) : rnd.int(3, 20));
      const receivedShare = state === 'done' ? 1 : state === 'purchase' ? rnd.pick([0, 0, 0.5, 1]) : 0;
      const received = p.type === 'service' && state !== 'done' ? 0 : Math.floor(qty * receivedShare);
      const lineWritten = addSeconds(created, rnd.int(0, 3600));
      db.insert('purchase.order.line', {
        order_id: orderId,
        sequence: sequence++,
        display_type: null,
        name: `${db.displayName(env, 'product.product', p.id)}${product.description_purchase ? `\n${String(product.description_purchase)}` : ''}`,
        product_id: p.id,
        product_qty: qty,
        product_uom: p.uom,
        price_unit: price,
        discount: rnd.chance(0.15) ? rnd.pick([5, 10, 12.5]) : 0,
        taxes_id: Array.isArray(product.supplier_taxes_id) ? [...product.supplier_taxes_id] : [],
        date_planned: planned,
        qty_received_method: p.type === 'service' ? 'manual' : 'stock_moves',
        qty_received: received,
        qty_invoiced: received > 0 && rnd.chance(state === 'done' ? 0.8 : 0.3) ? received : 0,
        create_date: created,
        write_date: lineWritten < written ? lineWritten : written,
        create_uid: 6,
        write_uid: 6,
      });
      if (rnd.chance(0.05)) {
        db.insert('purchase.order.line', { order_id: orderId, sequence: sequence++, display_type: 'line_note', name: 'Please confirm the delivery date.', product_qty: 0, price_unit: 0, discount: 0, taxes_id: [], qty_received: 0, qty_invoiced: 0, qty_received_method: 'manual', product_id: null, product_uom: null, date_planned: null, create_date: created, write_date: created, create_uid: 6, write_uid: 6 });
      }
    }
    recomputeOrder(env, orderId);
  }
}
