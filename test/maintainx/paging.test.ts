/**
 * Cursor paging over 1,000 MaintainX work orders: a full sync through the API brings each exactly
 * once, in pages of MaintainX's maximum (200), following nextCursor to the end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maintainxApp, type MaintainxApp } from './support.js';

describe('MaintainX cursor paging', () => {
  let env: MaintainxApp;
  before(async () => {
    env = await maintainxApp({ seed: 2, workOrders: 1000, assets: 5, parts: 5, purchaseOrders: 3, vendors: 3, locations: 5, rateLimit: false });
  });
  after(() => env?.close());

  it('1,000 work orders: each synced exactly once, in five pages of 200', async () => {
    const from = env.sim.requests.length;
    const state = await env.sync();
    assert.deepEqual({ fetched: state.workOrders!.counts.fetched, created: state.workOrders!.counts.created, failed: state.workOrders!.counts.failed }, { fetched: 1000, created: 1000, failed: 0 });
    const synced = await env.listAll('work-orders');
    const ids = synced.map((w) => w.remoteId);
    assert.equal(ids.length, 1000);
    assert.equal(new Set(ids).size, 1000, 'no work order twice');
    assert.deepEqual([...ids].sort(), [...env.sim.data().workOrders.keys()].map(String).sort(), 'exactly the simulator\'s work orders');

    const pages = env.sim.requests.slice(from).filter((r) => r.route === 'GET /v1/workorders');
    assert.equal(pages.length, 5);
    const params = pages.map((p) => new URLSearchParams(p.query));
    assert.ok(params.every((q) => q.get('limit') === '200'), 'MaintainX\'s maximum page size');
    assert.equal(params[0]!.get('cursor'), null);
    const cursors = params.slice(1).map((q) => q.get('cursor'));
    assert.ok(cursors.every((c) => c), 'each later page asks for the cursor the previous one gave');
    assert.equal(new Set(cursors).size, 4);
  });
});
