/**
 * SAP S/4HANA end to end through the public API, against the simulator: connect (a wrong
 * password stores nothing), full sync, every unified order and line equal field by field to
 * the simulator's own data, then changes made in SAP by users — a header field, an item
 * quantity, a goods receipt, a deletion flag, a release — and an incremental sync that updates
 * exactly those while every other order keeps its version.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin } from '../support/app.js';
import type { SimOrder } from '../../src/sandbox/sap-s4hana/generate.js';
import { expectedOrder } from './expected.js';
import { sapApp, type Json, type SapApp } from './support.js';

describe('SAP S/4HANA end to end', () => {
  let env: SapApp;
  let connectionId: string;
  let token: string;

  before(async () => {
    env = await sapApp({ purchaseOrders: 240, seed: 11 });
  });
  after(() => env?.close());

  it('refuses a wrong password with 422 invalid_credentials and stores nothing', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'sap-s4hana', name: 'Wrong', credentials: { ...env.sim.credentials, password: 'not-the-password' } } });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'invalid_credentials');
    assert.equal(res.json().error.source, 'system');
    assert.match(res.json().error.message, /client 100/);
    assert.ok(!res.body.includes('not-the-password'));
    assert.equal((await env.store.connections.list({ limit: 10 })).length, 0);
    const calls = await env.callsOf(res.headers['x-request-id'] as string);
    assert.ok(calls.some((c) => c.status === 401 && c.url.startsWith(env.sim.url)), JSON.stringify(calls));
    assert.ok(env.sim.counters.unauthorized >= 1);
  });

  it('connects with the sandbox credentials', async () => {
    ({ connectionId, token } = await env.connect());
    const row = await env.store.connections.get(connectionId);
    assert.ok(row?.credentials && !row.credentials.includes(env.sim.credentials.password!));
  });

  it('syncs every order with every item; each unified field equals the simulator\'s data', async () => {
    const state = await env.sync(connectionId);
    assert.equal(state.purchaseOrders.status, 'succeeded', JSON.stringify(state.purchaseOrders));
    assert.equal(state.vendors.status, 'succeeded', JSON.stringify(state.vendors));
    const native = env.sim.orders();
    const orders = await env.listAll(token, 'purchase-orders');
    assert.equal(orders.length, native.length);
    assert.equal(state.purchaseOrders.counts.created, native.length);
    assert.equal(state.purchaseOrders.counts.failed, 0);
    const vendors = await env.listAll(token, 'vendors');
    assert.equal(vendors.length, env.sim.suppliers().length);
    const vendorId = new Map(vendors.map((v) => [v.code, v.id]));
    const byNumber = new Map(orders.map((o) => [o.remoteId, o]));
    for (const o of native) {
      const number = String(o.header.PurchaseOrder);
      assert.ok(byNumber.has(number), `order ${number} synced`);
      assertMatches(byNumber.get(number)!, o);
      assert.equal(byNumber.get(number)!.vendor.id, vendorId.get(String(o.header.Supplier)), `${number}: vendor.id is the synced vendor's id`);
    }
    // The seeded variety the simulator promises, as the unified API shows it.
    assert.ok(new Set(orders.map((o) => o.currency)).size >= 5, 'several currencies');
    assert.ok(orders.some((o) => o.lines.length > 1), 'multi-line orders');
    for (const status of ['draft', 'pending_approval', 'approved', 'ordered', 'partially_received', 'received', 'closed', 'cancelled']) {
      assert.ok(orders.some((o) => o.status === status), `an order with status ${status}`);
    }
  });

  it('serves the default mapping as data, and custom fields read from any native field', async () => {
    const res = await env.app.inject({ url: '/v1/field-mapping', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200, res.body);
    const po = (res.json().data.entities as Json[]).find((e) => e.entity === 'purchaseOrders');
    assert.ok(po, res.body.slice(0, 300));
    assert.ok(JSON.stringify(po).includes('"Supplier"'), 'vendor comes from Supplier');
    assert.ok(JSON.stringify(po).includes('CompanyCode'), 'CompanyCode is listed (unmapped)');
    const put = await env.app.inject({ method: 'PUT', url: '/v1/field-mapping/purchase-orders', headers: { authorization: `Bearer ${token}` }, payload: { customFields: { companyCode: { source: 'CompanyCode' }, plant: { source: 'to_PurchaseOrderItem[].Plant' } } } });
    assert.equal(put.statusCode, 200, put.body);
    const [first] = await env.listAll(token, 'purchase-orders');
    const native = env.sim.order(first!.remoteId)!;
    assert.equal(first!.customFields.companyCode, native.header.CompanyCode);
  });

  it('an incremental sync picks up exactly the orders changed in SAP', async () => {
    const before = new Map((await env.listAll(token, 'purchase-orders')).map((o) => [o.remoteId, o]));
    const open = env.sim.orders().filter((o) => o.header.PurchasingProcessingStatus === '02' && o.header.PurchasingDocumentDeletionCode === '' && o.items.every((it) => !it.item.IsCompletelyDelivered));
    const [a, b, c, d] = open.map((o) => String(o.header.PurchaseOrder));
    const firstItem = (n: string) => String(env.sim.order(n)!.items[0]!.item.PurchaseOrderItem);
    env.sim.change(a!, { header: { PaymentTerms: '0004' } });
    env.sim.change(b!, { items: { [firstItem(b!)]: { OrderQuantity: '999.000' } } });
    env.sim.change(c!, { items: Object.fromEntries(env.sim.order(c!)!.items.map((it) => [String(it.item.PurchaseOrderItem), { IsCompletelyDelivered: true }])) });
    env.sim.change(d!, { header: { PurchasingProcessingStatus: '05' } });
    const changed = new Set([a, b, c, d]);

    const state = await env.sync(connectionId);
    const counts = state.purchaseOrders.counts;
    assert.equal(counts.updated, 4, JSON.stringify(counts));
    assert.equal(counts.created, 0, JSON.stringify(counts));
    assert.ok(counts.fetched < before.size / 2, `an incremental read, not a full one (${counts.fetched} fetched)`);

    const after = new Map((await env.listAll(token, 'purchase-orders')).map((o) => [o.remoteId, o]));
    assert.equal(after.get(a!)!.paymentTerms, '0004');
    assert.equal(after.get(b!)!.lines[0].quantity, '999.000');
    assert.equal(after.get(c!)!.status, 'received');
    assert.equal(after.get(d!)!.status, 'approved');
    for (const [number, o] of before) {
      if (changed.has(number)) {
        assert.ok(after.get(number)!.version > o.version, `changed order ${number} has a new version`);
        assertMatches(after.get(number)!, env.sim.order(number)!);
      } else assert.equal(after.get(number)!.version, o.version, `unchanged order ${number} keeps its version`);
    }
  });
});

/** Every unified field of the order and of each line equals what the simulator holds. */
function assertMatches(got: Json, o: SimOrder): void {
  const number = String(o.header.PurchaseOrder);
  const { lines: wantLines, ...wantHeader } = expectedOrder(o) as { lines: Json[] } & Json;
  for (const [field, value] of Object.entries(wantHeader)) {
    const actual = field === 'shipTo' && got.shipTo ? Object.fromEntries(Object.entries(got.shipTo).filter(([k]) => k !== 'raw')) : got[field];
    assert.deepEqual(actual, value, `${number}.${field}`);
  }
  assert.deepEqual({ ...got.vendor, id: null }, { id: null, remoteId: o.header.Supplier, name: null, code: o.header.Supplier }, `${number}.vendor`);
  assert.equal(got.createdAt, new Date(Number(o.header.CreationDate)).toISOString(), `${number}.createdAt`);
  assert.equal(got.updatedAt, new Date(Number(o.header.LastChangeDateTime)).toISOString(), `${number}.updatedAt`);
  assert.equal(got.lines.length, wantLines.length, `${number}: every item`);
  wantLines.forEach((line, i) => {
    for (const [field, value] of Object.entries(line)) assert.deepEqual(got.lines[i][field], value, `${number} line ${line.remoteId}.${field}`);
    assert.equal(got.lines[i].id, `${got.id}:${line.remoteId}`);
  });
}
