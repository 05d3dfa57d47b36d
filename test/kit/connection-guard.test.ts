/**
 * The per-connection guard: the rate budget spaces calls and refuses what cannot wait, a pause
 * asked by the system holds every call, the breaker opens on a run of failures, fails fast with
 * Retry-After, and closes again after a successful probe.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { ConnectionGuard } from '../../src/kit/connection-guard.js';
import { SystemFailure } from '../../src/kit/failure.js';

describe('connection guard', () => {
  it('lets a burst through, then spaces calls at the budgeted rate', async () => {
    let now = 0;
    const waits: number[] = [];
    const guard = new ConnectionGuard({ requestsPerSecond: 10, burst: 3, maxConcurrent: 4 }, { failures: 5, halfOpenAfterMs: 1000 }, () => now);
    const sleep = async (ms: number) => {
      waits.push(Math.round(ms));
      now += ms;
    };
    for (let i = 0; i < 6; i += 1) await guard.run(async () => 'ok', { deadline: now + 10_000, failed: () => false, sleep });
    assert.deepEqual(waits, [100, 100, 100], 'three in the burst, then one every 100 ms');
  });

  it('refuses at once, with the wait, what cannot start before its deadline', async () => {
    let now = 0;
    const guard = new ConnectionGuard({ requestsPerSecond: 1, burst: 1, maxConcurrent: 1 }, undefined, () => now);
    await guard.run(async () => 1, { deadline: 1000, failed: () => false, sleep: async () => {} });
    guard.pause(5000);
    await assert.rejects(guard.run(async () => 2, { deadline: now + 2000, failed: () => false, sleep: async (ms) => void (now += ms) }), (err: unknown) => {
      assert.ok(err instanceof SystemFailure);
      assert.equal(err.code, 'rate_limited');
      assert.ok(err.retryAfterMs! >= 4999);
      return true;
    });
  });

  it('opens after a run of failures, fails fast, and recovers after a good probe', async () => {
    const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 100, maxConcurrent: 10 }, { failures: 3, halfOpenAfterMs: 60 });
    const opts = { deadline: Date.now() + 10_000, failed: (s: number) => s >= 500, sleep: async () => {} };
    let calls = 0;
    for (let i = 0; i < 3; i += 1) assert.equal(await guard.run(async () => (calls++, 503), opts), 503);
    assert.equal(guard.circuit, 'open');
    await assert.rejects(guard.run(async () => (calls++, 200), opts), (err: unknown) => err instanceof SystemFailure && err.code === 'system_unavailable' && (err.retryAfterMs ?? 0) >= 1000);
    assert.equal(calls, 3, 'no call while open');
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(await guard.run(async () => (calls++, 200), opts), 200);
    assert.equal(guard.circuit, 'closed');
    assert.equal(calls, 4);
  });

  it('does not open for failures now and then, but does for a high failure share', async () => {
    let now = 1_000_000;
    const guard = new ConnectionGuard({ requestsPerSecond: 10_000, burst: 1000, maxConcurrent: 10 }, { failures: 10, halfOpenAfterMs: 1000, failureRate: 0.7, windowMs: 60_000, minCalls: 20 }, () => now);
    const opts = { deadline: Number.MAX_SAFE_INTEGER, failed: (s: number) => s >= 500, sleep: async () => {} };
    // 30 % failures, never 10 in a row: stays closed.
    for (let i = 0; i < 200; i += 1) await guard.run(async () => (i % 10 < 3 ? 503 : 200), opts);
    assert.equal(guard.circuit, 'closed');
    now += 61_000; // the window moves on
    // 80 % failures, never 10 in a row either: the share opens it.
    for (let i = 0; i < 40 && guard.circuit === 'closed'; i += 1) await guard.run(async () => (i % 5 === 0 ? 200 : 503), opts);
    assert.equal(guard.circuit, 'open');
  });

  it('counts thrown errors (resets, refused connections) as failures', async () => {
    const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 100, maxConcurrent: 10 }, { failures: 3, halfOpenAfterMs: 10_000 });
    const opts = { deadline: Date.now() + 10_000, failed: () => false, sleep: async () => {} };
    for (let i = 0; i < 3; i += 1) await assert.rejects(guard.run(async () => { throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }); }, opts), /socket hang up/);
    assert.equal(guard.circuit, 'open');
  });

  it('does not count 4xx answers or throttling as failures', async () => {
    const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 100, maxConcurrent: 10 }, { failures: 2, halfOpenAfterMs: 1000 });
    const opts = { deadline: Date.now() + 10_000, failed: (s: number) => s >= 500, sleep: async () => {} };
    for (let i = 0; i < 5; i += 1) await guard.run(async () => 404, opts);
    assert.equal(guard.circuit, 'closed');
  });

  it('caps calls in flight', async () => {
    const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 100, maxConcurrent: 2 });
    let inFlight = 0;
    let peak = 0;
    const call = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight -= 1;
      return 200;
    };
    await Promise.all(Array.from({ length: 8 }, () => guard.run(call, { deadline: Date.now() + 10_000, failed: () => false, sleep: async () => {} })));
    assert.equal(peak, 2);
  });
});
