/**
 * Writes through the public API against a real Tryton, each step checked in Tryton directly:
 * the purchase-order workflow, locks refused before any call, conditional updates, the system's
 * own refusals, and capabilities that say exactly what the tests prove.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, bearer } from '../support/app.js';
import { trytonGate, type TrytonServer } from '../support/tryton.js';
import { trytonApp, type TrytonApp } from '../support/tryton-app.js';

type Json = Record<string, any>;

const gate = await trytonGate('Tryton write tests');

describe('writes against Tryton', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let app: FastifyInstance;
  let token: string;
  let env: TrytonApp;

  before(async () => {
    gate.require();
    env = await trytonApp({ name: 'Writes', sync: true });
    ({ tryton, app, token } = env);
  });
  after(async () => env?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const inTryton = async (id: string | number, fields: string[]) => (await tryton.rpc<Json[]>('model.purchase.purchase.read', [[Number(id)], fields]))[0]!;
  const callsOf = async (requestId: string) => (await app.inject({ url: `/v1/requests/${requestId}`, headers: admin })).json().data.calls as Json[];
  const vendorRemoteId = '4';
  const newOrder = (extra: Json = {}) => ({
    vendor: { remoteId: vendorRemoteId },
    description: 'Bearings for line 3',
    lines: [
      { itemCode: 'BRG-6204', quantity: '4', unitPrice: '12.5000' },
      { itemCode: 'OIL-HV46', quantity: '20', unitPrice: '3.20', description: 'Hydraulic oil' },
    ],
    ...extra,
  });

  it('create → update lines → quote → confirm → edit refused (locked) → cancel refused; each step in Tryton', async () => {
    const created = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'flow-1' });
    assert.equal(created.statusCode, 201, created.body);
    const po = created.json().data;
    assert.equal(po.status, 'draft');
    assert.equal(po.lines.length, 2);
    let native = await inTryton(po.remoteId, ['state', 'party', 'description', 'lines']);
    assert.equal(native.state, 'draft');
    assert.equal(String(native.party), vendorRemoteId);
    assert.equal(native.lines.length, 2);

    // Change one line, drop the other, add a third.
    const [first] = po.lines;
    const updated = await call('PATCH', `/v1/purchase-orders/${po.id}`, { description: 'Bearings, revised', lines: [{ remoteId: first.remoteId, quantity: '6' }, { itemCode: 'BRG-6204', quantity: '1', unitPrice: '11.00' }] }, { 'if-match': String(po.version) });
    assert.equal(updated.statusCode, 200, updated.body);
    const u = updated.json().data;
    assert.equal(u.description, 'Bearings, revised');
    assert.deepEqual(u.lines.map((l: Json) => Number(l.quantity)).sort((a: number, b: number) => a - b), [1, 6]);
    native = await inTryton(po.remoteId, ['description', 'lines']);
    assert.equal(native.description, 'Bearings, revised');
    assert.equal(native.lines.length, 2);

    const quoted = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'pending_approval' });
    assert.equal(quoted.statusCode, 200, quoted.body);
    assert.equal(quoted.json().data.status, 'pending_approval');
    assert.ok(quoted.json().data.number, 'Tryton numbers an order when it is quoted');
    assert.equal((await inTryton(po.remoteId, ['state'])).state, 'quotation');

    const confirmed = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'approved' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.ok(['approved', 'ordered'].includes(confirmed.json().data.status));
    assert.ok(['confirmed', 'processing'].includes((await inTryton(po.remoteId, ['state'])).state));

    const before = await inTryton(po.remoteId, ['description', 'write_date']);
    const edit = await call('PATCH', `/v1/purchase-orders/${po.id}`, { description: 'too late' });
    assert.equal(edit.statusCode, 409, edit.body);
    assert.equal(edit.json().error.code, 'record_locked');
    assert.match(edit.json().error.message, /confirm/i);
    assert.deepEqual(await callsOf(edit.headers['x-request-id'] as string), [], 'refused before any call to Tryton');
    assert.deepEqual(await inTryton(po.remoteId, ['description', 'write_date']), before, 'Tryton unchanged');

    const cancel = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'cancelled' });
    assert.equal(cancel.statusCode, 409, 'Tryton cannot cancel a confirmed order; Manifold says so before calling');
    assert.deepEqual(await callsOf(cancel.headers['x-request-id'] as string), []);
    const del = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(del.statusCode, 409);
  });

  it('cancels a quotation, deletes a draft for real, and says which it did', async () => {
    const a = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    const quoted = await call('PATCH', `/v1/purchase-orders/${a.id}`, { status: 'pending_approval' });
    assert.equal(quoted.statusCode, 200, quoted.body);
    const cancelled = await call('DELETE', `/v1/purchase-orders/${a.id}`);
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().deletion, 'cancelled');
    assert.equal(cancelled.json().data.status, 'cancelled');
    assert.equal((await inTryton(a.remoteId, ['state'])).state, 'cancelled');

    const b = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    const deleted = await call('DELETE', `/v1/purchase-orders/${b.id}`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().deletion, 'hard');
    assert.ok(deleted.json().data.deletedAt);
    assert.deepEqual(await tryton.rpc('model.purchase.purchase.search', [[['id', '=', Number(b.remoteId)]], 0, null, null]), []);
    assert.equal((await call('GET', `/v1/purchase-orders/${b.id}`)).json().data.deletedAt !== null, true);
  });

  it('refuses a stale If-Match, and a change made in Tryton meanwhile; nothing is written', async () => {
    const po = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    const stale = await call('PATCH', `/v1/purchase-orders/${po.id}`, { description: 'stale' }, { 'if-match': String(po.version + 5) });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'version_conflict');
    assert.deepEqual(await callsOf(stale.headers['x-request-id'] as string), []);

    // Someone edits the order in Tryton after Manifold read it (SQLite's timestamps count seconds).
    await new Promise((r) => setTimeout(r, 1100));
    await tryton.rpc('model.purchase.purchase.write', [[Number(po.remoteId)], { description: 'edited in Tryton' }]);
    const conflict = await call('PATCH', `/v1/purchase-orders/${po.id}`, { description: 'from Manifold' }, { 'if-match': String(po.version) });
    assert.equal(conflict.statusCode, 409, conflict.body);
    assert.equal(conflict.json().error.code, 'version_conflict');
    assert.equal((await inTryton(po.remoteId, ['description'])).description, 'edited in Tryton');
  });

  it("surfaces Tryton's own refusal as 422 rejected_by_system with its message", async () => {
    const res = await call('POST', '/v1/purchase-orders', newOrder({ vendor: { remoteId: '999999' } }));
    assert.equal(res.statusCode, 422, res.body);
    const { error } = res.json();
    assert.equal(error.code, 'rejected_by_system');
    assert.equal(error.source, 'system');
    assert.ok(error.details.systemMessage, 'the system message is passed on');
  });

  it('answers 405, 422 and 400 before any call, and the capabilities say exactly that', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data;
    assert.equal(caps.system, 'tryton');
    const po = caps.entities.purchaseOrders;
    assert.equal(po.create.supported, true);
    assert.equal(po.update.supported, true);
    assert.equal(po.update.lockedWhen.enforcedBy, 'manifold');
    assert.ok(po.update.lockedWhen.statuses.includes('approved'));
    assert.equal(po.delete.deleteMode, 'cancelled');
    assert.equal(po.concurrency, 'system_token');
    for (const [entity, path] of [['vendors', 'vendors'], ['inventoryItems', 'inventory-items'], ['locations', 'locations']] as const) {
      const c = caps.entities[entity];
      for (const op of ['create', 'update', 'delete'] as const) {
        if (c[op].supported) continue;
        const res = op === 'create' ? await call('POST', `/v1/${path}`, {}) : await call(op === 'update' ? 'PATCH' : 'DELETE', `/v1/${path}/${(await call('GET', `/v1/${path}?limit=1`)).json().data[0].id}`, op === 'update' ? { name: 'x' } : undefined);
        assert.equal(res.statusCode, 405, `${op} ${entity}: ${res.body}`);
        assert.equal(res.json().error.code, 'operation_not_supported');
        assert.deepEqual(await callsOf(res.headers['x-request-id'] as string), [], `${op} ${entity}: no call to Tryton`);
      }
    }
    const missing = await call('POST', '/v1/purchase-orders', { lines: [{ quantity: '1' }] });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().error.details.issues.length >= 2, 'every missing field is listed');
    assert.deepEqual(await callsOf(missing.headers['x-request-id'] as string), []);
    const notWritable = await call('POST', '/v1/purchase-orders', { ...newOrder(), approvedAt: '2026-01-01T00:00:00.000Z' });
    assert.equal(notWritable.statusCode, 422);
    assert.equal(notWritable.json().error.code, 'field_not_updatable');
  });
});
