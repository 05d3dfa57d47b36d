/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk Odoo's arbitrary JSON answers (as test/** may) */
/**
 * The simulator's Odoo rules, over the wire: the purchase workflow (button_confirm only from
 * RFQs, double validation, button_cancel refused after receptions or bills and answering no
 * `result`, unlink only of cancelled orders, lines of confirmed orders not deletable), required
 * fields, write_date (a line written alone leaves its order's alone), domains, paging, the
 * `active` test, deterministic seeding and the login cooldown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOdoo, type OdooSimulator } from './simulator.js';
import { seedDatabase } from './seed.js';
import { rpc } from './test-support.js';

describe('Odoo simulator: business rules', () => {
  let odoo: OdooSimulator;
  before(async () => {
    odoo = await startOdoo({ purchaseOrders: 60, vendors: 30, products: 40, equipment: 10, maintenanceRequests: 10, loginCooldown: { after: 3, seconds: 60 } });
  });
  after(() => odoo?.stop());

  const kw = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    rpc(odoo.url, { service: 'object', method: 'execute_kw', args: [odoo.database, odoo.users.buyer.uid, odoo.users.buyer.apiKey, model, method, args, kwargs] });
  const one = (model: string, id: number, fields: string[]) => odoo.searchRead<any>(model, [['id', '=', id]], fields)[0];
  const vendor = () => odoo.searchRead<any>('res.partner', [['supplier_rank', '>', 0], ['active', '=', true], ['purchase_warn', '!=', 'block']], ['id'], { limit: 1 })[0].id as number;
  const product = (i = 0) => odoo.searchRead<any>('product.product', [['type', '!=', 'service']], ['id'], { limit: 1, offset: i })[0].id as number;

  it('creates an order with lines: sequence name, defaults from the product, amounts in the currency', async () => {
    const created = await kw('purchase.order', 'create', [{ partner_id: vendor(), order_line: [[0, 0, { product_id: product(), product_qty: 3, price_unit: 10.005 }], [0, 0, { product_id: product(1), product_qty: 2 }]] }]);
    assert.ok(Number.isInteger(created.result), JSON.stringify(created));
    const order = one('purchase.order', created.result, ['name', 'state', 'order_line', 'amount_untaxed', 'currency_id', 'user_id', 'date_planned']);
    assert.match(order.name, /^P\d{5}$/);
    assert.equal(order.state, 'draft');
    assert.equal(order.user_id[0], odoo.users.buyer.uid);
    const lines = odoo.searchRead<any>('purchase.order.line', [['order_id', '=', created.result]], ['name', 'price_unit', 'product_uom', 'price_subtotal', 'date_planned']);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].price_unit, 10.01, 'price rounded to the Product Price precision');
    assert.ok(lines.every((l) => l.name && l.product_uom !== false && l.date_planned));
    assert.equal(order.amount_untaxed, Math.round((lines[0].price_subtotal + lines[1].price_subtotal) * 100) / 100);
    assert.equal(order.date_planned, [lines[0].date_planned, lines[1].date_planned].sort()[0]);
    const list = await kw('purchase.order', 'create', [[{ partner_id: vendor() }, { partner_id: vendor() }]]);
    assert.equal(list.result.length, 2, 'a list of values creates several and answers a list');
  });

  it('refuses a create without a vendor, a line without a product, and an unknown field', async () => {
    const noVendor = await kw('purchase.order', 'create', [{ order_line: [] }]);
    assert.equal(noVendor.error.data.name, 'odoo.exceptions.ValidationError');
    assert.match(noVendor.error.data.message, /mandatory field is not set[\s\S]*Field: Vendor \(partner_id\)/);
    const noProduct = await kw('purchase.order', 'create', [{ partner_id: vendor(), order_line: [[0, 0, { name: 'free text', product_qty: 1, price_unit: 3 }]] }]);
    assert.equal(noProduct.error.data.name, 'odoo.exceptions.ValidationError');
    assert.match(noProduct.error.data.message, /Missing required fields on accountable purchase order line/);
    const unknown = await kw('purchase.order', 'create', [{ partner_id: vendor(), colour: 'red' }]);
    assert.equal(unknown.error.data.message, "Invalid field 'colour' on model 'purchase.order'");
  });

  it('button_confirm: an RFQ becomes a purchase order (or waits for approval above the limit); other states are ignored', async () => {
    const small = (await kw('purchase.order', 'create', [{ partner_id: vendor(), order_line: [[0, 0, { product_id: product(), product_qty: 1, price_unit: 5 }]] }])).result;
    const big = (await kw('purchase.order', 'create', [{ partner_id: vendor(), order_line: [[0, 0, { product_id: product(), product_qty: 1000, price_unit: 500 }]] }])).result;
    assert.equal((await kw('purchase.order', 'button_confirm', [[small, big]])).result, true);
    const s = one('purchase.order', small, ['state', 'date_approve', 'receipt_status']);
    assert.equal(s.state, 'purchase');
    assert.match(s.date_approve, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(s.receipt_status, 'pending');
    assert.equal(one('purchase.order', big, ['state']).state, 'to approve', 'above the double-validation amount');
    const [cancelled] = odoo.searchRead<any>('purchase.order', [['state', '=', 'cancel']], ['id'], { limit: 1 });
    assert.equal((await kw('purchase.order', 'button_confirm', [[cancelled.id]])).result, true);
    assert.equal(one('purchase.order', cancelled.id, ['state']).state, 'cancel', 'a cancelled order is left alone, silently');
  });

  it('button_cancel: refused after receptions or bills; otherwise cancels and answers no result member', async () => {
    const [received] = odoo.searchRead<any>('purchase.order', [['state', '=', 'purchase'], ['order_line.qty_received', '>', 0]], ['id', 'name'], { limit: 1 });
    const refused = await kw('purchase.order', 'button_cancel', [[received.id]]);
    assert.equal(refused.error.data.message, `Unable to cancel purchase order ${received.name} as some receptions have already been done.`);
    const [draft] = odoo.searchRead<any>('purchase.order', [['state', '=', 'draft']], ['id'], { limit: 1 });
    const res = await kw('purchase.order', 'button_cancel', [[draft.id]]);
    assert.deepEqual(Object.keys(res).sort(), ['id', 'jsonrpc'], 'None leaves result out');
    assert.equal(one('purchase.order', draft.id, ['state']).state, 'cancel');
    // Now it can go, and its lines with it.
    const lines = odoo.searchRead<any>('purchase.order.line', [['order_id', '=', draft.id]], ['id']);
    assert.equal((await kw('purchase.order', 'unlink', [[draft.id]])).result, true);
    assert.equal(odoo.searchRead('purchase.order', [['id', '=', draft.id]], ['id']).length, 0);
    if (lines.length) assert.equal(odoo.searchRead('purchase.order.line', [['id', 'in', lines.map((l) => l.id)]], ['id']).length, 0);
    assert.equal((await kw('purchase.order', 'write', [[draft.id], { notes: 'x' }])).error.data.name, 'odoo.exceptions.MissingError');
  });

  it('a product line of a confirmed order cannot be deleted; a line type cannot change', async () => {
    const [line] = odoo.searchRead<any>('purchase.order.line', [['state', '=', 'purchase'], ['display_type', '=', false]], ['id'], { limit: 1 });
    const res = await kw('purchase.order.line', 'unlink', [[line.id]]);
    assert.equal(res.error.data.message, 'Cannot delete a purchase order line which is in state “Purchase Order”.');
    const retype = await kw('purchase.order.line', 'write', [[line.id], { display_type: 'line_note' }]);
    assert.match(retype.error.data.message, /^You cannot change the type of a purchase order line/);
  });

  it('a line written on its own moves its write_date, not its order\'s (protocols §6.4); a write through the order moves both', async () => {
    const [order] = odoo.searchRead<any>('purchase.order', [['state', '=', 'draft'], ['order_line', '!=', false]], ['id', 'write_date', 'order_line', 'amount_total'], { limit: 1 });
    const lineId = order.order_line[0];
    await kw('purchase.order.line', 'write', [[lineId], { product_qty: 77 }]);
    const after1 = one('purchase.order', order.id, ['write_date', 'amount_total']);
    assert.equal(after1.write_date, order.write_date);
    assert.notEqual(after1.amount_total, order.amount_total, 'the amounts follow the line');
    assert.notEqual(one('purchase.order.line', lineId, ['write_date']).write_date, order.write_date);
    await kw('purchase.order', 'write', [[order.id], { order_line: [[1, lineId, { product_qty: 78 }]] }]);
    assert.notEqual(one('purchase.order', order.id, ['write_date']).write_date, order.write_date);
  });

  it('domains: prefix operators, in/not in, ilike, dotted paths, false; order, offset, limit; the active test', async () => {
    const all = odoo.searchRead<any>('purchase.order', [], ['id', 'state', 'partner_id']);
    const ids = (r: any) => r.result.map((x: any) => x.id).sort((a: number, b: number) => a - b);
    const drafts = all.filter((o) => o.state === 'draft' || o.state === 'cancel').map((o) => o.id).sort((a, b) => a - b);
    assert.deepEqual(ids(await kw('purchase.order', 'search_read', [['|', ['state', '=', 'draft'], ['state', '=', 'cancel']], ['id']])), drafts);
    assert.deepEqual(ids(await kw('purchase.order', 'search_read', [[['state', 'in', ['draft', 'cancel']]], ['id']])), drafts);
    const notDraft = ids(await kw('purchase.order', 'search_read', [['!', ['state', 'in', ['draft', 'cancel']]], ['id']]));
    assert.equal(notDraft.length + drafts.length, all.length);
    const name = all[0].partner_id[1] as string;
    const byName = ids(await kw('purchase.order', 'search_read', [[['partner_id.name', 'ilike', name.slice(0, 6).toUpperCase()]], ['id']]));
    assert.ok(byName.includes(all[0].id));
    const page = await kw('purchase.order', 'search_read', [[], ['id']], { order: 'id desc', offset: 5, limit: 3 });
    const desc = all.map((o) => o.id).sort((a, b) => b - a);
    assert.deepEqual(page.result.map((x: any) => x.id), desc.slice(5, 8));
    assert.equal((await kw('purchase.order', 'search_count', [[]])).result, all.length);
    const partners = (await kw('res.partner', 'search_count', [[['supplier_rank', '>', 0]]])).result;
    const withArchived = (await kw('res.partner', 'search_count', [[['supplier_rank', '>', 0], ['active', 'in', [true, false]]]])).result;
    assert.ok(withArchived > partners, 'archived vendors only when the domain names active');
    const bad = await kw('purchase.order', 'search_read', [[], ['id']], { order: 'nope desc' });
    assert.equal(bad.error.data.name, 'builtins.ValueError');
  });

  it('fields_get describes the fields with the attributes asked for', async () => {
    const res = await kw('purchase.order', 'fields_get', [], { attributes: ['type', 'string', 'required', 'selection', 'relation'] });
    assert.deepEqual(res.result.state, { type: 'selection', string: 'Status', required: false, selection: [['draft', 'RFQ'], ['sent', 'RFQ Sent'], ['to approve', 'To Approve'], ['purchase', 'Purchase Order'], ['done', 'Locked'], ['cancel', 'Cancelled']] });
    assert.deepEqual(res.result.partner_id, { type: 'many2one', string: 'Vendor', required: true, relation: 'res.partner' });
    assert.equal(res.result.order_line.type, 'one2many');
  });

  it('the same seed gives the same data', () => {
    const a = seedDatabase('x', { seed: 5, purchaseOrders: 20, vendors: 10, products: 15, equipment: 5, maintenanceRequests: 5 });
    const b = seedDatabase('x', { seed: 5, purchaseOrders: 20, vendors: 10, products: 15, equipment: 5, maintenanceRequests: 5 });
    for (const model of ['purchase.order', 'purchase.order.line', 'res.partner', 'product.product', 'stock.quant', 'maintenance.request']) assert.deepEqual(a.rows(model), b.rows(model), model);
  });

  it('after too many failed logins from one address, even the right password is refused (false) for a while', async () => {
    const login = (password: string) => rpc(odoo.url, { service: 'common', method: 'authenticate', args: [odoo.database, odoo.users.admin.login, password, {}] });
    for (let i = 0; i < 3; i += 1) assert.equal((await login('wrong')).result, false);
    assert.equal((await login(odoo.users.admin.password)).result, false);
  });
});
