/**
 * The one outbound HTTP path: bounded retries with backoff for idempotent calls only,
 * Retry-After (seconds and dates) honoured, timeouts and resets classified, every attempt
 * recorded with why it was retried. A loopback server plays the system.
 */
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, parseRetryAfter, type CallRecord } from '../../src/kit/http.js';
import { SystemFailure } from '../../src/kit/failure.js';
import { ConnectionGuard } from '../../src/kit/connection-guard.js';

describe('outbound HTTP', () => {
  let server: Server;
  let base: string;
  let script: ((n: number, res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void) = () => {};
  let hits = 0;
  before(async () => {
    server = createServer((req, res) => {
      hits += 1;
      script(hits, res, req);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  function client(extra: { guard?: ConnectionGuard; timeoutMs?: number } = {}) {
    const calls: CallRecord[] = [];
    const sleeps: number[] = [];
    const http = new HttpClient({
      policy: { maxAttempts: 3, timeoutMs: extra.timeoutMs ?? 2000 },
      onCall: (c) => calls.push(c),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      guard: extra.guard,
    });
    return { http, calls, sleeps };
  }

  it('retries an idempotent call on 503 with backoff, at most maxAttempts times', async () => {
    hits = 0;
    script = (_n, res) => res.writeHead(503).end('down');
    const { http, calls, sleeps } = client();
    const res = await http.send({ method: 'GET', url: `${base}/x?key=secret`, idempotent: true });
    assert.equal(res.status, 503);
    assert.equal(hits, 3);
    assert.deepEqual(calls.map((c) => c.attempt), [1, 2, 3]);
    assert.match(calls[0]!.retryReason!, /HTTP 503/);
    assert.equal(calls[2]!.retryReason, undefined);
    assert.deepEqual(sleeps, [100, 200], 'exponential backoff with jitter (random fixed at 0.5)');
    assert.ok(!calls[0]!.url.includes('secret'), 'query values are not recorded');
  });

  it('never retries a non-idempotent call', async () => {
    hits = 0;
    script = (_n, res) => res.writeHead(503).end();
    const { http } = client();
    assert.equal((await http.send({ method: 'POST', url: base, idempotent: false, body: '{}' })).status, 503);
    assert.equal(hits, 1);
  });

  it('waits what Retry-After says, in seconds or as a date', async () => {
    hits = 0;
    script = (n, res) => (n === 1 ? res.writeHead(429, { 'retry-after': '2' }).end() : res.writeHead(200).end('ok'));
    const { http, sleeps } = client();
    assert.equal((await http.send({ method: 'GET', url: base, idempotent: true })).status, 200);
    assert.deepEqual(sleeps, [2000]);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')), 2000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('with a guard, a 429 pauses the whole connection', async () => {
    hits = 0;
    script = (n, res) => (n === 1 ? res.writeHead(429, { 'retry-after': '3' }).end() : res.writeHead(200).end('ok'));
    const guard = new ConnectionGuard({ requestsPerSecond: 100, burst: 10, maxConcurrent: 4 });
    const { http, sleeps } = client({ guard });
    assert.equal((await http.send({ method: 'GET', url: base, idempotent: true })).status, 200);
    assert.ok(sleeps.some((s) => s >= 2900), `waited ${JSON.stringify(sleeps)}`);
    assert.ok(guard.pausedForMs > 0 || sleeps.length > 0);
  });

  it('on a 429 without Retry-After, waits what an exhausted X-Rate-Limit-Reset says (either spelling)', async () => {
    for (const prefix of ['x-rate-limit', 'x-ratelimit']) {
      hits = 0;
      script = (n, res) => (n === 1 ? res.writeHead(429, { [`${prefix}-remaining`]: '0', [`${prefix}-reset`]: '7' }).end('{"error":"Too many requests"}') : res.writeHead(200).end('ok'));
      const { http, sleeps } = client();
      assert.equal((await http.send({ method: 'GET', url: base, idempotent: true })).status, 200);
      assert.deepEqual(sleeps, [7000], prefix);
      assert.equal(HttpClient.holdOffMs({ status: 200, headers: { [`${prefix}-remaining`]: '0', [`${prefix}-reset`]: '3' }, text: '' }), 3000, 'an exhausted window pauses before any 429');
      assert.equal(HttpClient.holdOffMs({ status: 200, headers: { [`${prefix}-remaining`]: '1', [`${prefix}-reset`]: '3' }, text: '' }), undefined);
    }
  });

  it('classifies a timeout and a reset, and retries them for idempotent calls', async () => {
    hits = 0;
    script = () => {}; // never answers
    const { http, calls } = client({ timeoutMs: 100 });
    await assert.rejects(http.send({ method: 'GET', url: base, idempotent: true }), (e: unknown) => e instanceof SystemFailure && e.code === 'system_timeout' && e.failureClass === 'transient');
    assert.equal(calls.length, 3);
    assert.ok(calls.every((c) => c.outcome === 'timeout'));

    hits = 0;
    script = (_n, _res, req) => req.socket.destroy();
    const reset = client();
    await assert.rejects(reset.http.send({ method: 'POST', url: base, idempotent: false, body: 'x' }), (e: unknown) => e instanceof SystemFailure && e.code === 'system_unreachable');
    assert.equal(hits, 1, 'a create whose connection reset is not sent again');
  });
});
