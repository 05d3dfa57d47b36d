/**
 * Writes through the public API against the Odoo simulator, each step checked in Odoo itself:
 * a purchase order created with lines, updated, confirmed, refused once confirmed, cancelled and
 * deleted; a draft deleted; a confirmed order's deletion refused before any call; a received
 * order's cancellation refused; a stale If-Match; vendors created and updated; and capabilities
 * that say exactly what these tests prove.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, bearer } from '../support/app.js';
import { odooApp, type OdooApp } from './support.js';

type Json = Record<string, any>;

describe('Odoo end to end: writes', () => {
  let env: OdooApp;
  before(async () => {
    env = await odooApp({ sync: true, sim: { purchaseOrders: 40, vendors: 20, products: 30, equipment: 5, maintenanceRequests: 5, shelves: 3 } });
  });
  after(() => env?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({ method, url, headers: { ...bearer(env.token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const inOdoo = (id: string | number, fields: string[]): Json => env.sim.searchRead<Json>('purchase.order', [['id', '=', Number(id)]], fields)[0]!;
  const linesInOdoo = (id: string | number) => env.sim.searchRead<Json>('purchase.order.line', [['order_id', '=', Number(id)]], ['product_id', 'product_qty', 'price_unit', 'name']);
  const callsOf = async (requestId: string) => (await env.app.inject({ url: `/v1/requests/${requestId}`, headers: admin })).json().data.calls as Json[];
  const vendor = () => env.sim.searchRead<Json>('res.partner', [['supplier_rank', '>', 0], ['ref', '!=', false], ['active', '=', true]], ['id', 'ref'], { limit: 1 })[0]!;
  const products = () => env.sim.searchRead<Json>('product.product', [['type', '=', 'product'], ['default_code', '!=', false]], ['id', 'default_code'], { limit: 3 });
  const newOrder = () => {
    const [a, b] = products();
    return {
      vendor: { code: vendor().ref },
      notes: 'For the press line',
      lines: [
        { itemCode: a!.default_code, quantity: '4', unitPrice: '12.50' },
        { item: { remoteId: String(b!.id) }, quantity: '2.5', description: 'Spare, second supplier' },
      ],
    };
  };

  it('create with lines → update → confirm → edit and delete refused → cancel → draft → cancel → delete; each step in Odoo', async () => {
    const created = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'odoo-flow-1' });
    assert.equal(created.statusCode, 201, created.body);
    const po = created.json().data;
    assert.equal(po.status, 'draft');
    assert.equal(po.lines.length, 2);
    assert.match(po.number, /^P\d{5}$/);
    const native = inOdoo(po.remoteId, ['state', 'partner_id', 'notes', 'origin']);
    assert.equal(native.state, 'draft');
    assert.equal(native.partner_id[0], vendor().id);
    assert.equal(native.notes, 'For the press line');
    assert.ok(native.origin, 'the idempotency reference is kept as the source document');
    const lines = linesInOdoo(po.remoteId);
    assert.deepEqual(lines.map((l) => [l.product_qty, l.price_unit]).sort(), [[2.5, lines.find((l) => l.product_qty === 2.5)!.price_unit], [4, 12.5]].sort());
    assert.equal(lines.find((l) => l.product_qty === 2.5)!.name, 'Spare, second supplier');
    const again = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'odoo-flow-1' });
    assert.equal(again.json().data.remoteId, po.remoteId, 'the same key never creates twice');

    const [first] = po.lines;
    const updated = await call('PATCH', `/v1/purchase-orders/${po.id}`, { notes: 'Revised', paymentTerms: '30 Days', orderDate: '2026-03-02', deliveryDate: '2026-03-20', lines: [{ remoteId: first.remoteId, quantity: '6' }, { itemCode: products()[2]!.default_code, quantity: '1', unitPrice: '3.20' }] }, { 'if-match': String(po.version) });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json().data.lines.map((l: Json) => l.quantity).sort(), ['1', '6']);
    const u = updated.json().data;
    assert.deepEqual([u.paymentTerms, u.orderDate, u.deliveryDate], ['30 Days', '2026-03-02', '2026-03-20']);
    assert.deepEqual(u.lines.map((l: Json) => l.deliveryDate), ['2026-03-20', '2026-03-20']);
    const revised = inOdoo(po.remoteId, ['notes', 'payment_term_id', 'date_order', 'date_planned']);
    assert.deepEqual([revised.notes, revised.payment_term_id[1], revised.date_order, revised.date_planned], ['Revised', '30 Days', '2026-03-02 12:00:00', '2026-03-20 12:00:00']);
    assert.equal(linesInOdoo(po.remoteId).length, 2, 'the line left out was deleted');

    const confirmed = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'ordered' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().data.status, 'ordered');
    assert.ok(confirmed.json().data.approvedAt);
    assert.equal(inOdoo(po.remoteId, ['state']).state, 'purchase');

    const before = inOdoo(po.remoteId, ['write_date', 'notes']);
    const edit = await call('PATCH', `/v1/purchase-orders/${po.id}`, { notes: 'too late' });
    assert.equal(edit.statusCode, 409, edit.body);
    assert.equal(edit.json().error.code, 'record_locked');
    assert.deepEqual(inOdoo(po.remoteId, ['write_date', 'notes']), before);

    const refusedDelete = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(refusedDelete.statusCode, 409, refusedDelete.body);
    assert.equal(refusedDelete.json().error.code, 'record_locked');
    assert.match(refusedDelete.json().error.message, /you must cancel it first/);
    const calls = await callsOf(refusedDelete.headers['x-request-id'] as string);
    assert.ok(calls.every((c) => c.method === 'POST'), 'only the read before the write reached Odoo');
    assert.equal(env.sim.counters.calls.get('purchase.order.unlink') ?? 0, 0, 'no unlink was sent');
    assert.ok(inOdoo(po.remoteId, ['state']), 'still in Odoo');

    const cancelled = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'cancelled' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().data.status, 'cancelled');
    assert.equal(inOdoo(po.remoteId, ['state']).state, 'cancel');
    const redraft = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'draft' });
    assert.equal(redraft.statusCode, 200, redraft.body);
    assert.equal(inOdoo(po.remoteId, ['state']).state, 'draft', 'button_draft sets a cancelled order back to RFQ');
    assert.equal((await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'cancelled' })).statusCode, 200);

    const deleted = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().deletion, 'hard');
    assert.equal(inOdoo(po.remoteId, ['id']), undefined);
  });

  it('deletes a draft: Odoo cancels it first, then deletes it', async () => {
    const created = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'odoo-draft-delete' });
    assert.equal(created.statusCode, 201, created.body);
    const res = await call('DELETE', `/v1/purchase-orders/${created.json().data.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'hard');
    assert.ok(res.json().data.deletedAt);
    assert.equal(inOdoo(created.json().data.remoteId, ['id']), undefined);
    const listed = await env.listAll('purchase-orders');
    assert.ok(!listed.some((o) => o.remoteId === created.json().data.remoteId), 'no longer listed');
  });

  it('refuses to cancel an order with receptions, before calling Odoo', async () => {
    const orders = await env.listAll('purchase-orders');
    const received = orders.find((o) => o.status === 'partially_received' || o.status === 'received')!;
    const cancels = env.sim.counters.calls.get('purchase.order.button_cancel') ?? 0;
    const res = await call('PATCH', `/v1/purchase-orders/${received.id}`, { status: 'cancelled' });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'record_locked');
    assert.equal(env.sim.counters.calls.get('purchase.order.button_cancel') ?? 0, cancels);
  });

  it('a change made in Odoo since the last read makes a stale If-Match a 409', async () => {
    const created = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'odoo-stale' });
    const po = created.json().data;
    env.sim.execute('purchase.order', 'write', [[Number(po.remoteId)], { notes: 'changed by a buyer in Odoo' }]);
    const res = await call('PATCH', `/v1/purchase-orders/${po.id}`, { notes: 'from Manifold' }, { 'if-match': String(po.version) });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'version_conflict');
    assert.equal(inOdoo(po.remoteId, ['notes']).notes, 'changed by a buyer in Odoo');
  });

  it('creates and updates vendors', async () => {
    const created = await call('POST', '/v1/vendors', { name: 'Manifold Test Supplies', code: 'VTEST', email: 'sales@test.example', currency: 'EUR', address: { line1: '1 Quay', city: 'Ghent', country: 'BE' } }, { 'idempotency-key': 'odoo-vendor' });
    assert.equal(created.statusCode, 201, created.body);
    const v = created.json().data;
    assert.equal(v.code, 'VTEST');
    assert.equal(v.currency, 'EUR');
    assert.equal(v.address.country, 'BE');
    const [native] = env.sim.searchRead<Json>('res.partner', [['id', '=', Number(v.remoteId)]], ['supplier_rank', 'is_company', 'ref', 'city']);
    assert.deepEqual([native!.supplier_rank, native!.is_company, native!.ref, native!.city], [1, true, 'VTEST', 'Ghent']);
    const updated = await call('PATCH', `/v1/vendors/${v.id}`, { phone: '+32 9 123 45 67', paymentTerms: '30 Days' });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().data.phone, '+32 9 123 45 67');
    assert.equal(updated.json().data.paymentTerms, '30 Days');
    const refused = await call('PATCH', `/v1/vendors/${v.id}`, { status: 'inactive' });
    assert.equal(refused.statusCode, 422, refused.body);
  });

  it('GET /v1/capabilities says what these tests prove, and the API refuses the rest before any call', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data;
    assert.equal(caps.system, 'odoo');
    const po = caps.entities.purchaseOrders;
    assert.equal(po.create.supported, true);
    assert.ok(po.create.requiredFields.includes('vendor') && po.create.requiredFields.includes('lines[].item|lines[].itemCode'));
    assert.equal(po.update.supported, true);
    assert.deepEqual(po.update.transitions, { ordered: ['draft'], cancelled: ['draft', 'pending_approval', 'ordered'], draft: ['cancelled'] });
    assert.equal(po.update.lockedWhen.enforcedBy, 'manifold');
    assert.ok(po.update.lockedWhen.statuses.includes('ordered'));
    assert.equal(po.delete.supported, true);
    assert.equal(po.delete.deleteMode, 'hard');
    assert.deepEqual(po.delete.lockedWhen.statuses, ['ordered', 'partially_received', 'received', 'closed', 'unknown']);
    assert.equal(po.delete.lockedWhen.enforcedBy, 'system');
    assert.equal(po.concurrency, 'read_before_write');
    assert.equal(caps.entities.vendors.create.supported, true);
    assert.equal(caps.entities.vendors.update.supported, true);
    assert.equal(caps.entities.vendors.delete.supported, false);
    for (const [entity, path] of [['inventoryItems', 'inventory-items'], ['locations', 'locations'], ['workOrders', 'work-orders'], ['assets', 'assets']] as const) {
      const c = caps.entities[entity];
      assert.deepEqual([c.list.supported, c.create.supported, c.update.supported, c.delete.supported], [true, false, false, false], entity);
      const res = await call('POST', `/v1/${path}`, {}, { 'idempotency-key': `odoo-${entity}` });
      assert.equal(res.statusCode, 405, `${entity}: ${res.body}`);
    }
    const missing = await call('POST', '/v1/purchase-orders', { vendor: { code: vendor().ref }, lines: [{ quantity: '1' }] }, { 'idempotency-key': 'odoo-missing' });
    assert.equal(missing.statusCode, 400, missing.body);
    assert.match(missing.body, /lines\[0\]\.item\|lines\[0\]\.itemCode/);
  });
});
