/**
 * MaintainX's rate limit, honoured end to end: a 429 (X-Rate-Limit-Remaining 0 and
 * X-Rate-Limit-Reset, MaintainX's retry guidance) makes Manifold wait as told and then succeed;
 * a window used up by Manifold's own calls pauses it before any 429. Proven from the simulator's
 * log of requests (what arrived, and when), not from the test's clock.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { admin, bearer } from '../support/app.js';
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

  it("a connection's own budget (outboundPolicy.rateBudget) is kept before any call reaches MaintainX; null restores the system's", async () => {
    const env = await maintainxApp(small);
    envs.push(env);
    const system = (await env.app.inject({ url: '/v1/systems/maintainx', headers: admin })).json().data;
    assert.deepEqual(system.rateBudget.windows, [{ requests: 100, seconds: 60 }], "the catalogue shows the system's budget");

    // Fewer calls than MaintainX allows, e.g. to leave room for the customer's other tools.
    const policy = { deadlineMs: 2000, rateBudget: { windows: [{ requests: 2, seconds: 60 }] } };
    const patched = await env.app.inject({ method: 'PATCH', url: `/v1/connections/${env.connectionId}`, headers: admin, payload: { outboundPolicy: policy } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json().data.outboundPolicy, policy);

    const passthrough = () => env.app.inject({ method: 'POST', url: '/v1/passthrough', headers: bearer(env.token), payload: { method: 'GET', path: '/v1/organizations' } });
    const from = env.sim.requests.length;
    assert.equal((await passthrough()).statusCode, 200);
    assert.equal((await passthrough()).statusCode, 200);
    const third = await passthrough();
    assert.equal(third.statusCode, 429, third.body);
    assert.equal(third.json().error.code, 'rate_limited');
    assert.equal(third.json().error.retryable, true);
    assert.ok(Number(third.headers['retry-after']) >= 1, 'Retry-After says when the window has room');
    assert.equal(env.sim.requests.length - from, 2, 'the third call never left Manifold');

    const reset = await env.app.inject({ method: 'PATCH', url: `/v1/connections/${env.connectionId}`, headers: admin, payload: { outboundPolicy: null } });
    assert.equal(reset.json().data.outboundPolicy, null);
    assert.equal((await passthrough()).statusCode, 200, "the system's budget of 100 a minute applies again");
    assert.equal(env.sim.requests.length - from, 3);
  });
});
