/**
 * The fault proxy does what it says for each fault, by script and by rate, and forwards the rest
 * untouched.
 */
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFaultProxy, type Fault } from '../../src/sandbox/fault-proxy.js';

describe('fault proxy', () => {
  let target: Server;
  let targetUrl: string;
  let hits = 0;
  before(async () => {
    target = createServer((req, res) => {
      hits += 1;
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: body, path: req.url, padding: 'x'.repeat(200) })));
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => target.close(() => r())));

  async function through(fault: Fault | undefined) {
    const proxy = await startFaultProxy({ target: targetUrl, script: () => fault });
    const before = hits;
    try {
      const res = await fetch(`${proxy.url}/x?y=1`, { method: 'POST', body: 'hello', signal: AbortSignal.timeout(1500) });
      return { status: res.status, headers: res.headers, text: await res.text(), reached: hits - before, log: proxy.log };
    } catch (err) {
      return { error: err as Error, reached: hits - before, log: proxy.log };
    } finally {
      await proxy.close();
    }
  }

  it('forwards untouched', async () => {
    const r = await through(undefined);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.text!).echo, 'hello');
    assert.equal(r.reached, 1);
    assert.equal(r.log[0]!.fault, 'forwarded');
  });

  it('answers statuses, 429s and HTML without reaching the system', async () => {
    assert.equal((await through({ kind: 'status', status: 503 })).status, 503);
    const limited = await through({ kind: 'rate_limit', retryAfter: '2' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers!.get('retry-after'), '2');
    const bare = await through({ kind: 'rate_limit' });
    assert.equal(bare.headers!.get('retry-after'), null);
    assert.equal(bare.text, '{"message":"Limit Exceeded"}');
    const html = await through({ kind: 'html' });
    assert.match(html.text!, /<html>/);
    assert.equal(html.reached, 0);
    assert.equal((await through({ kind: 'session_expired' })).status, 401);
  });

  it('resets before, or after the system answered; truncates; hangs', async () => {
    const reset = await through({ kind: 'reset' });
    assert.ok(reset.error);
    assert.equal(reset.reached, 0);
    const lost = await through({ kind: 'reset_after_forward' });
    assert.ok(lost.error, 'the caller gets no answer');
    assert.equal(lost.reached, 1, 'but the system did the work');
    const truncated = await through({ kind: 'truncate' });
    assert.ok(truncated.error || (truncated.text !== undefined && truncated.text.length < 200));
    const hung = await through({ kind: 'timeout' });
    assert.match(String(hung.error?.name), /TimeoutError|AbortError/);
  });

  it('adds latency, and draws faults by rate', async () => {
    const slow = await through({ kind: 'latency', ms: 50 });
    assert.equal(slow.status, 200);
    let i = 0;
    const draws = [0.1, 0.9, 0.1, 0.9];
    const proxy = await startFaultProxy({ target: targetUrl, rates: { status: 0.5 }, random: () => draws[i++ % draws.length]! });
    try {
      const statuses = [];
      for (let k = 0; k < 4; k += 1) statuses.push((await fetch(`${proxy.url}/r`)).status);
      assert.deepEqual(statuses, [503, 200, 503, 200]);
    } finally {
      await proxy.close();
    }
  });
});
