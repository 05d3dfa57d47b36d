/**
 * Quotas over windows in the connection guard: calls wait for room and no window ever holds more
 * than it allows — sliding windows, a daily quota that resets at midnight UTC, both at once, and
 * with concurrent callers. And a 429 that says nothing of how long: the connection pauses,
 * exponentially longer for each one in a row, with jitter. A virtual clock runs the waits; the
 * assertions count calls per window as a fake system saw them, never elapsed time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionGuard } from '../../src/kit/connection-guard.js';
import type { RateBudget } from '../../src/kit/definition.js';
import { HttpClient } from '../../src/kit/http.js';
import { RateWindows } from '../../src/kit/rate-windows.js';

/** A virtual clock: sleeps are timers fired in time order by `runAll`. */
class Clock {
  now = 0;
  private timers: { at: number; fire: () => void }[] = [];
  sleep = (ms: number) => new Promise<void>((fire) => this.timers.push({ at: this.now + ms, fire }));
  async runAll(tasks: Promise<unknown>[]): Promise<void> {
    let done = false;
    const all = Promise.all(tasks).finally(() => (done = true));
    while (!done) {
      await new Promise((r) => setImmediate(r));
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (next) {
        this.now = Math.max(this.now, next.at);
        next.fire();
      }
    }
    await all;
  }
}

/** The most calls any window of `ms` (sliding, as the system counts on arrival) saw. */
function maxInWindow(arrivals: number[], ms: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[j]! <= sorted[i]! - ms) j += 1;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

function perUtcDay(arrivals: number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of arrivals) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

function guarded(budget: Partial<RateBudget>, clock: Clock) {
  const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 1000, maxConcurrent: 8, ...budget }, undefined, () => clock.now);
  const arrivals: number[] = [];
  const call = () => guard.run(async () => void arrivals.push(clock.now), { deadline: Number.MAX_SAFE_INTEGER, failed: () => false, sleep: clock.sleep });
  return { guard, arrivals, call };
}

describe('rate budget windows', () => {
  it('a sliding window: a burst up to the quota, then each call waits until one leaves the window', async () => {
    const clock = new Clock();
    const { arrivals, call } = guarded({ windows: [{ requests: 5, seconds: 10 }] }, clock);
    for (let i = 0; i < 23; i += 1) await clock.runAll([call()]);
    assert.equal(arrivals.length, 23);
    assert.equal(arrivals.filter((t) => t === 0).length, 5, 'the first five at once');
    assert.equal(maxInWindow(arrivals, 10_000), 5, 'never more than 5 in any 10 s');
    // The margin keeps it under even if the system's clock counts a little wider.
    assert.equal(maxInWindow(arrivals, 10_200), 5);
  });

  it('concurrent callers share the window', async () => {
    const clock = new Clock();
    const { arrivals, call } = guarded({ windows: [{ requests: 50, seconds: 60 }] }, clock);
    await clock.runAll(Array.from({ length: 180 }, () => call()));
    assert.equal(arrivals.length, 180);
    assert.equal(maxInWindow(arrivals, 60_000), 50);
    assert.equal(arrivals.filter((t) => t === 0).length, 50);
  });

  it('a daily quota resets at midnight UTC, and waits for it', async () => {
    const clock = new Clock();
    clock.now = Date.parse('2026-03-01T23:59:00.000Z');
    const { arrivals, call } = guarded({ windows: [{ requests: 3, seconds: 86_400, resetAt: 'midnight-utc' }] }, clock);
    await clock.runAll(Array.from({ length: 8 }, () => call()));
    assert.deepEqual(Object.fromEntries(perUtcDay(arrivals)), { '2026-03-01': 3, '2026-03-02': 3, '2026-03-03': 2 });
    assert.equal(arrivals[3], Date.parse('2026-03-02T00:00:00.000Z'), 'the fourth waits for midnight, not 24 hours');
  });

  it('every window holds at once (50 per minute and 120 per day)', async () => {
    const clock = new Clock();
    const { arrivals, call } = guarded({ windows: [{ requests: 50, seconds: 60 }, { requests: 120, seconds: 86_400, resetAt: 'midnight-utc' }] }, clock);
    await clock.runAll(Array.from({ length: 130 }, () => call()));
    assert.equal(maxInWindow(arrivals, 60_000), 50);
    assert.deepEqual([...perUtcDay(arrivals).values()], [120, 10]);
  });

  it('a call that cannot start before its deadline is refused and not counted', async () => {
    const clock = new Clock();
    const { guard, arrivals, call } = guarded({ windows: [{ requests: 2, seconds: 60 }] }, clock);
    await clock.runAll([call(), call()]);
    await assert.rejects(guard.run(async () => 1, { deadline: clock.now + 1000, failed: () => false, sleep: clock.sleep }), /rate budget/);
    await clock.runAll([call()]);
    assert.equal(arrivals.length, 3);
    assert.equal(maxInWindow(arrivals, 60_000), 2, 'the refused call took no room');
  });

  it('hands out starts in order', () => {
    const w = new RateWindows([{ requests: 1, seconds: 1 }], 0);
    w.take(5000);
    assert.equal(w.earliest(0), 6000);
    w.take(6000);
    assert.equal(w.earliest(6500), 7000);
  });
});

describe('a 429 without Retry-After', () => {
  let server: Server;
  let base: string;
  let answers: number[] = [];
  let seen = 0;
  before(async () => {
    server = createServer((_req, res) => {
      const status = answers[seen] ?? 200;
      seen += 1;
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 429 ? '{"message":"Limit Exceeded"}' : '{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  function client(clock: Clock) {
    // The call's deadline is on the real clock: start the virtual one there.
    clock.now = Date.now();
    const guard = new ConnectionGuard({ requestsPerSecond: 1000, burst: 100, maxConcurrent: 4 }, undefined, () => clock.now);
    const waits: number[] = [];
    const http = new HttpClient({
      guard,
      policy: { maxAttempts: 6, throttleBaseMs: 1000, throttleMaxMs: 10_000, deadlineMs: 600_000 },
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(Math.round(ms));
        clock.now += ms;
      },
    });
    return { guard, http, waits };
  }

  it('pauses the connection, longer for each one in a row (exponential, equal jitter, capped)', async () => {
    answers = [429, 429, 429, 429, 429, 200];
    seen = 0;
    const clock = new Clock();
    const { http, waits, guard } = client(clock);
    const res = await http.send({ method: 'GET', url: `${base}/x`, idempotent: true });
    assert.equal(res.status, 200);
    assert.equal(seen, 6, 'one request per attempt: no hammering in between');
    // base 1 s doubling, capped at 10 s; equal jitter with random 0.5 gives 3/4 of each ceiling.
    assert.deepEqual(waits, [750, 1500, 3000, 6000, 7500]);
    assert.equal(guard.pausedForMs, 0);

    // A success resets the run: the next bare 429 starts from the base again.
    answers = [429, 200];
    seen = 0;
    waits.length = 0;
    assert.equal((await http.send({ method: 'GET', url: `${base}/x`, idempotent: true })).status, 200);
    assert.deepEqual(waits, [750]);
  });

  it('holds every call to the connection during the pause', async () => {
    answers = [429];
    seen = 0;
    const clock = new Clock();
    const { http, guard } = client(clock);
    // The first call's 429 pauses the guard; a second call made meanwhile waits for the pause too.
    const first = await http.send({ method: 'POST', url: `${base}/x`, idempotent: false, body: '{}' });
    assert.equal(first.status, 429, 'a create is not repeated');
    assert.ok(guard.pausedForMs >= 500, 'the connection is paused');
    await assert.rejects(http.send({ method: 'GET', url: `${base}/x`, idempotent: true, deadlineMs: 100 }), /paused/);
    assert.equal(seen, 1, 'nothing reached the system while paused');
  });
});
