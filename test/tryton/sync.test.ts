/**
 * Tryton end to end through the public API, against a real Tryton 6.0: connect (a wrong password
 * stores nothing), full sync of every seeded order, then changes made in Tryton itself — one
 * order edited, one line edited on its own, one created, one cancelled, one draft deleted — and
 * an incremental sync that reflects exactly those while the unchanged keep their version.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, appFor } from '../support/app.js';
import * as api from '../support/api.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';
import type { Store } from '../../src/store/index.js';

type Json = Record<string, any>;

const gate = await trytonGate('Tryton end-to-end tests');

describe('Tryton end to end', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let connectionId: string;
  let token: string;

  before(async () => {
    gate.require();
    tryton = await startTryton();
    ({ store, dispose } = await createTestStore('sqlite'));
    app = await appFor(store, { allowedOrigins: [new URL(tryton.url).host] });
  });
  after(async () => {
    await app?.close();
    await dispose?.();
    await tryton?.stop();
  });

  const credentials = () => ({ instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password });

  const listAll = (path: string, extra = '') => api.listAll(app, token, path, extra);
  const sync = (full = false): Promise<Json> => api.runSync(app, connectionId, full);

  it('refuses a wrong password with 422 invalid_credentials and stores nothing', async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/connections', headers: admin,
      payload: { system: 'tryton', name: 'Wrong', credentials: { ...credentials(), password: 'not-the-password' } },
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'invalid_credentials');
    assert.equal(res.json().error.source, 'system');
    assert.ok(!res.body.includes('not-the-password'));
    assert.equal((await store.connections.list({ limit: 10 })).length, 0);
    // Support sees from the request id alone what happened: the login call Tryton refused.
    const log = await app.inject({ url: `/v1/requests/${res.headers['x-request-id']}`, headers: admin });
    const entry = log.json().data;
    assert.equal(entry.status, 422);
    assert.equal(entry.errorCode, 'invalid_credentials');
    assert.ok(entry.calls.length >= 1);
    assert.ok(entry.calls.some((c: Json) => c.method === 'POST' && c.status === 401 && c.url.startsWith(tryton.url)), JSON.stringify(entry.calls));
    assert.ok(!log.body.includes('not-the-password'));
  });

  it('connects with the right credentials and stores them encrypted', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'tryton', name: 'Plant 4 ERP', credentials: credentials(), sync: false } });
    assert.equal(res.statusCode, 201, res.body);
    connectionId = res.json().data.id;
    token = res.json().token;
    const row = await store.connections.get(connectionId);
    assert.ok(row?.credentials && !row.credentials.includes(tryton.password));
  });

  it('syncs every seeded purchase order with its lines, statuses mapped', async () => {
    const state = await sync();
    assert.equal(state.purchaseOrders.status, 'succeeded', JSON.stringify(state.purchaseOrders));
    const ids = await tryton.rpc<number[]>('model.purchase.purchase.search', [[], 0, null, [['id', 'ASC']]]);
    const orders = await listAll('purchase-orders');
    assert.ok(ids.length >= 250);
    assert.equal(orders.length, ids.length);
    assert.equal(state.purchaseOrders.counts.created, ids.length);
    assert.equal(state.purchaseOrders.counts.failed, 0);
    const native = await tryton.rpc<Json[]>('model.purchase.purchase.read', [ids, ['state', 'number', 'lines', 'party.rec_name']]);
    const byRemote = new Map(orders.map((o) => [o.remoteId, o]));
    const expected: Record<string, string> = { draft: 'draft', quotation: 'pending_approval', confirmed: 'approved', cancelled: 'cancelled', done: 'closed' };
    for (const n of native) {
      const o = byRemote.get(String(n.id));
      assert.ok(o, `order ${n.id} synced`);
      assert.equal(o.remoteStatus, n.state);
      if (expected[n.state]) assert.equal(o.status, expected[n.state], `status of ${n.state}`);
      if (n.state === 'processing') assert.ok(['ordered', 'partially_received', 'received'].includes(o.status));
      assert.equal(o.number, n.number ?? null);
      assert.equal(o.vendor.name, n['party.']?.rec_name ?? null);
    }
    assert.ok(orders.some((o) => o.lines.length > 1), 'multi-line orders');
    assert.ok(new Set(orders.map((o) => o.currency)).size >= 3, 'several currencies');
  });

  it('an incremental sync reflects exactly the changes made in Tryton', async () => {
    const before = new Map((await listAll('purchase-orders', '&includeDeleted=true')).map((o) => [o.remoteId, o]));
    const drafts = await tryton.rpc<number[]>('model.purchase.purchase.search', [[['state', '=', 'draft']], 0, 10, [['id', 'ASC']]]);
    const quotes = await tryton.rpc<number[]>('model.purchase.purchase.search', [[['state', '=', 'quotation']], 0, 2, [['id', 'ASC']]]);
    const [edited, deleted] = drafts as [number, number];
    const [cancelled, lineChanged] = quotes as [number, number];
    await tryton.rpc('model.purchase.purchase.write', [[edited], { description: 'Changed in Tryton' }]);
    const [line] = await tryton.rpc<Json[]>('model.purchase.line.search_read', [[['purchase', '=', lineChanged], ['type', '=', 'line']], 0, 1, [['id', 'ASC']], ['quantity']]);
    await tryton.rpc('model.purchase.line.write', [[line!.id], { quantity: Number(line!.quantity) + 1 }]);
    await tryton.rpc('model.purchase.purchase.cancel', [[cancelled]]);
    await tryton.rpc('model.purchase.purchase.delete', [[deleted]]);
    const template = await tryton.rpc<Json[]>('model.purchase.purchase.read', [[edited], ['party', 'invoice_address', 'currency']]);
    const [created] = await tryton.rpc<number[]>('model.purchase.purchase.create', [[{ party: template[0]!.party, invoice_address: template[0]!.invoice_address, currency: template[0]!.currency, description: 'Created in Tryton' }]]);

    const state = await sync();
    const counts = state.purchaseOrders.counts;
    assert.equal(counts.created, 1, JSON.stringify(counts));
    assert.equal(counts.updated, 3, JSON.stringify(counts));
    assert.equal(counts.deleted, 1, JSON.stringify(counts));

    const after = new Map((await listAll('purchase-orders', '&includeDeleted=true')).map((o) => [o.remoteId, o]));
    assert.equal(after.get(String(edited))!.description, 'Changed in Tryton');
    assert.equal(after.get(String(cancelled))!.status, 'cancelled');
    assert.ok(after.get(String(deleted))!.deletedAt);
    assert.equal(after.get(String(created))!.description, 'Created in Tryton');
    const changedLine = after.get(String(lineChanged))!.lines.find((l: Json) => l.remoteId === String(line!.id));
    assert.equal(Number(changedLine.quantity), Number(line!.quantity) + 1);
    const touched = new Set([edited, deleted, cancelled, lineChanged, created].map(String));
    for (const [remoteId, o] of before) {
      if (!touched.has(remoteId)) assert.equal(after.get(remoteId)!.version, o.version, `unchanged order ${remoteId} keeps its version`);
      else assert.ok(after.get(remoteId)!.version > o.version, `changed order ${remoteId} has a new version`);
    }
    // What the syncs did shows in the metrics: runs per entity, calls to Tryton, sync lag.
    const metrics = (await app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /manifold_sync_runs_total\{system="tryton",entity="purchaseOrders",result="succeeded"\} [2-9]/);
    assert.match(metrics, /manifold_outbound_calls_total\{system="tryton",outcome="ok"\} \d+/);
    assert.match(metrics, /manifold_sync_lag_seconds\{system="tryton"\} \d/);
  });
});
