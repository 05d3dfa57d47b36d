/**
 * MaintainX's rate limit, honoured end to end: a 429 (X-Rate-Limit-Remaining 0 and
 * X-Rate-Limit-Reset, MaintainX's retry guidance) makes Manifold wait as told and then succeed;
 * a window used up by Manifold's own calls pauses it before any 429. Proven from the simulator's
 * log of requests (what arrived, and when), not from the test's clock.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { maintainxApp, type MaintainxApp } from './support.js';

const small = { seed: 9, workOrders: 30, assets: 5, parts: 5, purchaseOrders: 0, vendors: 5, locations: 5 };

describe('MaintainX rate limit', () => {
  const envs: MaintainxApp[] = [];
  after(async () => {
    for (const env of envs) await env.close();
  });

  it('a 429 is waited out as X-Rate-Limit-Reset says, once, then the sync succeeds', async () => {
    const env = await maintainxApp({ ...small, rateLimit: { limit: 1000, windowMs: 2000 } });
    envs.push(env);
    const from = env.sim.requests.length;
    // Another client of the same MaintainX user used up the window.
    env.sim.exhaustRateLimit();
    const state = await env.sync();
    assert.equal(state.workOrders!.status, 'succeeded', JSON.stringify(state.workOrders));
    assert.equal((await env.listAll('work-orders')).length, 30);

    const log = env.sim.requests.slice(from);
    const limited = log.filter((r) => r.status === 429);
    assert.equal(limited.length, 1, `one 429, not a burst of retries: ${JSON.stringify(log.map((r) => [r.route, r.status]))}`);
    const i = log.indexOf(limited[0]!);
    const retry = log[i + 1]!;
    assert.equal(retry.route, limited[0]!.route, 'the refused call is the one sent again');
    assert.equal(retry.query, limited[0]!.query);
    assert.equal(retry.status, 200);
    const waitMs = limited[0]!.retryInSeconds! * 1000;
    assert.ok(waitMs >= 1000);
    // Arrival times as the simulator saw them; 50 ms of slack between its wall clock and the
    // client's monotonic timers.
    assert.ok(retry.at - limited[0]!.at >= waitMs - 50, `waited ${retry.at - limited[0]!.at} ms of the ${waitMs} ms asked`);
  });

  it('a window used up by Manifold itself pauses it before MaintainX has to refuse anything', async () => {
    const env = await maintainxApp({ ...small, workOrders: 400, rateLimit: { limit: 5, windowMs: 1000 } });
    envs.push(env);
    const from = env.sim.requests.length;
    const state = await env.sync();
    for (const e of Object.values(state)) assert.equal(e.status, 'succeeded', JSON.stringify(e));
    assert.equal((await env.listAll('work-orders')).length, 400);
    const log = env.sim.requests.slice(from);
    assert.ok(log.length > 5, 'the sync needs more than one window of calls');
    assert.deepEqual(log.filter((r) => r.status === 429), [], 'no call was refused');
  });
});
