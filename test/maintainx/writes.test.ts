/**
 * Writes to MaintainX through the public API, each step checked in the simulator's own data and
 * request log: work orders and purchase orders created, updated, moved through their statuses
 * (through the status endpoints), refused before any write call where the capabilities say so,
 * refused by MaintainX itself with its field named; and GET /v1/capabilities saying exactly that.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer } from '../support/app.js';
import { maintainxApp, type Json, type MaintainxApp } from './support.js';

describe('writes to MaintainX', () => {
  let env: MaintainxApp;
  before(async () => {
    env = await maintainxApp({ seed: 4, workOrders: 20, assets: 10, parts: 10, purchaseOrders: 12, vendors: 6, locations: 8, rateLimit: false });
    await env.sync();
  });
  after(() => env?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({ method, url, headers: { ...bearer(env.token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  /** The write calls MaintainX received since `from` (reads left out). */
  const writesSince = (from: number) => env.sim.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.route} ${r.status}`);

  it('work order: create, update, status changes through the status endpoint, delete', async () => {
    const data = env.sim.data();
    const [asset] = data.assets.values();
    const assets = await env.listAll('assets');
    const assetId = assets.find((a) => a.remoteId === String(asset!.id))!.id;
    let from = env.sim.requests.length;
    const created = await call('POST', '/v1/work-orders', { title: 'Replace drive belt', priority: 'high', type: 'corrective', asset: { id: assetId }, dueDate: '2027-01-20', assignees: [{ remoteId: `USER:${data.userIds[3]}` }] }, { 'idempotency-key': 'wo-1' });
    assert.equal(created.statusCode, 201, created.body);
    const wo = created.json().data;
    assert.deepEqual([wo.title, wo.status, wo.priority, wo.type, wo.asset.remoteId, wo.dueDate], ['Replace drive belt', 'open', 'high', 'corrective', String(asset!.id), '2027-01-20']);
    const native = data.workOrders.get(Number(wo.remoteId))!;
    assert.deepEqual([native.title, native.status, native.priority, native.type, native.assetId, native.dueDate], ['Replace drive belt', 'OPEN', 'HIGH', 'REACTIVE', asset!.id, '2027-01-20T00:00:00.000Z']);
    assert.deepEqual(native.assignees, [{ type: 'USER', id: data.userIds[3] }]);
    assert.deepEqual(writesSince(from), ['POST /v1/workorders 200']);
    const again = await call('POST', '/v1/work-orders', { title: 'Replace drive belt', priority: 'high', type: 'corrective', asset: { id: assetId }, dueDate: '2027-01-20', assignees: [{ remoteId: `USER:${data.userIds[3]}` }] }, { 'idempotency-key': 'wo-1' });
    assert.equal(again.json().data.id, wo.id, 'the same idempotency key does not create twice');
    assert.deepEqual(writesSince(from), ['POST /v1/workorders 200']);

    from = env.sim.requests.length;
    const updated = await call('PATCH', `/v1/work-orders/${wo.id}`, { description: 'Belt frayed on the drive side', priority: null, status: 'in_progress' }, { 'if-match': String(wo.version) });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual([updated.json().data.status, updated.json().data.priority, updated.json().data.description], ['in_progress', null, 'Belt frayed on the drive side']);
    assert.deepEqual(writesSince(from), ['PATCH /v1/workorders/:id 200', 'PATCH /v1/workorders/:id/status 200']);
    assert.deepEqual([native.status, data.workOrders.get(native.id)!.status], ['OPEN', 'IN_PROGRESS'], 'MaintainX has it in progress now');

    const done = await call('PATCH', `/v1/work-orders/${wo.id}`, { status: 'completed' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().data.status, 'completed');
    assert.ok(done.json().data.completedAt);
    assert.equal(data.workOrders.get(native.id)!.status, 'DONE');
    // Reopening is allowed by MaintainX (no documented restriction).
    const reopened = await call('PATCH', `/v1/work-orders/${wo.id}`, { status: 'open' });
    assert.equal(reopened.json().data.status, 'open');

    from = env.sim.requests.length;
    const deleted = await call('DELETE', `/v1/work-orders/${wo.id}`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().deletion, 'hard');
    assert.equal(data.workOrders.has(native.id), false);
    assert.deepEqual(writesSince(from), ['DELETE /v1/workorders/:id 204']);
  });

  it('work order: values MaintainX cannot hold are refused before any write call; a stale If-Match is 409', async () => {
    const [first] = await env.listAll('work-orders');
    const from = env.sim.requests.length;
    const urgent = await call('PATCH', `/v1/work-orders/${first!.id}`, { priority: 'urgent' });
    assert.equal(urgent.statusCode, 400, urgent.body);
    assert.match(urgent.json().error.message, /urgent/);
    const requested = await call('PATCH', `/v1/work-orders/${first!.id}`, { status: 'requested' });
    assert.equal(requested.statusCode, 422, requested.body);
    assert.equal(requested.json().error.code, 'field_not_updatable');
    const noTitle = await call('POST', '/v1/work-orders', { description: 'no title' }, { 'idempotency-key': 'wo-bad' });
    assert.equal(noTitle.statusCode, 400, noTitle.body);
    assert.deepEqual(writesSince(from), [], 'nothing was written');

    // Someone edits the work order in MaintainX; Manifold's copy (version) is now stale.
    const stored = (await call('GET', `/v1/work-orders/${first!.id}`)).json().data;
    env.sim.change('workOrders', Number(first!.remoteId), (w) => (w.title = 'Edited in MaintainX meanwhile'));
    const stale = await call('PATCH', `/v1/work-orders/${first!.id}`, { title: 'My edit' }, { 'if-match': String(stored.version) });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().error.code, 'version_conflict');
    assert.equal(env.sim.data().workOrders.get(Number(first!.remoteId))!.title, 'Edited in MaintainX meanwhile');
    assert.deepEqual(writesSince(from), [], 'the stale write never reached MaintainX');
  });

  it('purchase order: create with items, update items, submit → approve → cancel through the status endpoint, then locked', async () => {
    const data = env.sim.data();
    const [vendor] = data.vendors.values();
    const parts = [...data.parts.values()];
    let from = env.sim.requests.length;
    const created = await call('POST', '/v1/purchase-orders', {
      vendor: { remoteId: String(vendor!.id) },
      description: 'Shutdown spares',
      requiredDate: '2027-02-15',
      lines: [
        { item: { remoteId: String(parts[0]!.id) }, quantity: '4', unitPrice: '12.50' },
        { description: 'Calibration service', quantity: '1', unitPrice: '0.125' },
      ],
    }, { 'idempotency-key': 'po-1' });
    assert.equal(created.statusCode, 201, created.body);
    const po = created.json().data;
    assert.deepEqual([po.status, po.remoteStatus, po.currency, po.subtotal, po.requiredDate], ['pending_approval', 'PENDING', 'USD', '50.125', '2027-02-15']);
    assert.deepEqual(po.lines.map((l: Json) => [l.quantity, l.unitPrice, l.lineTotal]), [['4', '12.50', '50.00'], ['1', '0.125', '0.125']]);
    const native = () => data.purchaseOrders.get(Number(po.remoteId))!;
    assert.deepEqual(native().items.map((i) => i.unitCostMicros), [12_500_000, 125_000]);
    assert.deepEqual(writesSince(from), ['POST /v1/purchaseorders 201']);

    from = env.sim.requests.length;
    const updated = await call('PATCH', `/v1/purchase-orders/${po.id}`, { notes: 'Deliver to dock 2', lines: [{ remoteId: po.lines[0].remoteId, quantity: '6' }, { item: { remoteId: String(parts[1]!.id) }, quantity: '2', unitPrice: '3.00' }] }, { 'if-match': String(po.version) });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json().data.lines.map((l: Json) => [l.quantity, l.unitPrice]), [['6', '12.50'], ['2', '3.00']]);
    assert.equal(native().note, 'Deliver to dock 2');

    for (const [status, nativeStatus] of [['draft', 'DECLINED'], ['pending_approval', 'PENDING'], ['approved', 'APPROVED']] as const) {
      const res = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().data.status, status);
      assert.equal(native().status, nativeStatus);
    }
    assert.ok(native().approvalDate, 'MaintainX records the approval');
    assert.deepEqual(writesSince(from), ['PATCH /v1/purchaseorders/:id 200', 'PATCH /v1/purchaseorders/:id/status 200', 'PATCH /v1/purchaseorders/:id/status 200', 'PATCH /v1/purchaseorders/:id/status 200']);
    assert.deepEqual(env.sim.requests.slice(from).filter((r) => r.route.endsWith('/status')).map((r) => (r.body as Json).status), ['DECLINED', 'PENDING', 'APPROVED']);

    from = env.sim.requests.length;
    const skip = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'closed' });
    assert.equal(skip.statusCode, 409, skip.body);
    assert.equal(skip.json().error.code, 'record_locked');
    const cancelled = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'cancelled' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(native().status, 'CANCELED');
    const locked = await call('PATCH', `/v1/purchase-orders/${po.id}`, { notes: 'too late' });
    assert.equal(locked.statusCode, 409, locked.body);
    assert.equal(locked.json().error.code, 'record_locked');
    const reopen = await call('PATCH', `/v1/purchase-orders/${po.id}`, { status: 'pending_approval' });
    assert.equal(reopen.statusCode, 409, reopen.body);
    assert.deepEqual(writesSince(from), ['PATCH /v1/purchaseorders/:id/status 200'], 'only the cancel reached MaintainX');
  });

  it('purchase order: a completed order is locked until its completion is undone, then deleted; MaintainX\'s own refusal names the field', async () => {
    const data = env.sim.data();
    const completed = [...data.purchaseOrders.values()].find((p) => p.status === 'COMPLETED')!;
    const [rec] = (await env.listAll('purchase-orders')).filter((p) => p.remoteId === String(completed.id));
    assert.equal(rec!.status, 'closed');
    const locked = await call('PATCH', `/v1/purchase-orders/${rec!.id}`, { notes: 'x' });
    assert.equal(locked.statusCode, 409, locked.body);
    const undone = await call('PATCH', `/v1/purchase-orders/${rec!.id}`, { status: 'partially_received' });
    assert.equal(undone.statusCode, 200, undone.body);
    assert.equal(data.purchaseOrders.get(completed.id)!.status, 'PARTIALLY_FULFILLED');
    const edited = await call('PATCH', `/v1/purchase-orders/${rec!.id}`, { notes: 'Last box arrived damaged' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(data.purchaseOrders.get(completed.id)!.note, 'Last box arrived damaged');

    const removed = await call('DELETE', `/v1/purchase-orders/${rec!.id}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().deletion, 'hard');
    assert.equal(data.purchaseOrders.has(completed.id), false, 'deleted in MaintainX');

    const from = env.sim.requests.length;
    const noVendor = await call('POST', '/v1/purchase-orders', { vendor: { remoteId: '99999' }, lines: [{ description: 'Gloves', quantity: '10', unitPrice: '1.00' }] }, { 'idempotency-key': 'po-bad' });
    assert.equal(noVendor.statusCode, 422, noVendor.body);
    assert.equal(noVendor.json().error.code, 'rejected_by_system');
    assert.equal(noVendor.json().error.details.field, 'vendor');
    assert.match(noVendor.json().error.details.systemMessage, /Vendor not found/);
    assert.deepEqual(writesSince(from), ['POST /v1/purchaseorders 400']);
  });

  it('what a write read back is what the next sync lists: the changed records come again, no new version', async () => {
    const state = await env.sync();
    for (const key of ['workOrders', 'purchaseOrders']) {
      const c = state[key]!.counts;
      assert.ok(c.fetched > 0, `${key}: the records written since the last sync are listed again`);
      assert.deepEqual([c.created, c.updated, c.failed], [0, 0, 0], `${key}: ${JSON.stringify(c)}`);
    }
  });

  it('GET /v1/capabilities says what these tests prove', async () => {
    const res = await call('GET', '/v1/capabilities');
    assert.equal(res.statusCode, 200, res.body);
    const caps = res.json().data;
    assert.equal(caps.system, 'maintainx');
    assert.deepEqual(Object.keys(caps.entities).sort(), ['assets', 'inventoryItems', 'locations', 'purchaseOrders', 'vendors', 'workOrders']);
    const wo = caps.entities.workOrders;
    assert.deepEqual([wo.create.supported, wo.update.supported, wo.delete.supported, wo.delete.deleteMode, wo.concurrency], [true, true, true, 'hard', 'read_before_write']);
    assert.deepEqual(wo.create.requiredFields, ['title', 'parts[].item', 'parts[].quantityUsed']);
    assert.equal(wo.update.lockedWhen, null, 'MaintainX locks no work order status');
    const all = ['open', 'in_progress', 'on_hold', 'completed', 'cancelled'];
    assert.deepEqual(wo.update.transitions, Object.fromEntries(all.map((to) => [to, all])), 'any status to any, as proven (open → in_progress → completed → open)');
    assert.ok(!wo.update.updatableFields.includes('completedAt'));
    const po = caps.entities.purchaseOrders;
    assert.deepEqual([po.create.supported, po.update.supported, po.delete.deleteMode, po.concurrency], [true, true, 'hard', 'read_before_write']);
    assert.deepEqual(po.create.requiredFields, ['lines', 'lines[].quantity']);
    assert.deepEqual(po.update.lockedWhen.statuses, ['cancelled', 'closed']);
    assert.deepEqual(po.update.transitions, {
      pending_approval: ['draft'], approved: ['pending_approval'], draft: ['pending_approval'], cancelled: ['draft', 'pending_approval', 'approved'], closed: ['partially_received', 'received'], partially_received: ['closed'],
    });
    for (const key of ['assets', 'inventoryItems', 'locations', 'vendors']) {
      const e = caps.entities[key];
      assert.deepEqual([e.list.supported, e.get.supported, e.create.supported, e.update.supported, e.delete.supported], [true, true, false, false, false], key);
    }
    const refused = await call('POST', '/v1/assets', { name: 'Pump' }, { 'idempotency-key': 'asset-1' });
    assert.equal(refused.statusCode, 405, refused.body);
  });
});
