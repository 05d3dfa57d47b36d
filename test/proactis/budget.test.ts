/**
 * Proactis' production limits hold during a sync larger than a minute's budget: 3,000 suppliers
 * are 60 pages of 50 (plus the other entities and the live check), more than the 50 requests a
 * minute allows. The simulator counts every request itself: no 60-second window may see more
 * than 50, no day more than 8,000, and no request may be throttled. This test takes a little
 * over a minute of real time, by design; it asserts counts, never time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { productionLimits } from '../../src/sandbox/proactis/limits.js';
import { connect, expectedVendor, harness, listAll, pick, sync, type Harness } from './support.js';

describe('Proactis rate budget during a sync of 3,000 suppliers', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ limits: productionLimits, sizes: { suppliers: 3000, requisitions: 20, receipts: 20, invoices: 20 } });
  });
  after(() => h?.close());

  it('syncs every supplier while no minute sees more than 50 requests and none is throttled', { timeout: 240_000 }, async () => {
    const created = await connect(h);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const state = await sync(h, created.body.data.id);
    for (const e of ['vendors', 'purchaseRequisitions', 'goodsReceipts', 'invoices']) assert.equal(state[e].status, 'succeeded', JSON.stringify(state[e]));
    assert.equal(state.vendors.counts.created, 3000);

    const counters = h.sim.counters;
    assert.ok(counters.counted >= 60 + 3, `${counters.counted} requests: more than one minute's budget`);
    assert.ok(counters.maxPerMinute <= 50, `at most 50 requests in any 60 s (saw ${counters.maxPerMinute})`);
    // Manifold counts its token requests too (the docs do not say they are exempt), so a minute
    // may hold a few API calls fewer than 50 — but the budget is used, not wasted.
    assert.ok(counters.maxPerMinute >= 45, `the budget was used (${counters.maxPerMinute} in the busiest minute)`);
    assert.equal(counters.throttled, 0, 'no request was throttled');
    assert.ok(Object.values(counters.perDay).every((n) => n <= productionLimits.perDay));
    assert.ok(h.sim.log.filter((r) => r.path.startsWith('/suppliers/')).every((r) => r.status === 200));

    const vendors = new Map((await listAll(h, created.body.token, 'vendors')).map((v) => [v.remoteId, v]));
    assert.equal(vendors.size, 3000);
    for (const s of h.sim.data.suppliers) assert.deepEqual(pick(vendors.get(s.id)!, expectedVendor(s)), expectedVendor(s));
  });
});
