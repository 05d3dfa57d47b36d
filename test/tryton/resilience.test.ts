/**
 * Resilience against a real Tryton behind the fault proxy: a full sync and live reads through
 * 20 % 5xx, 5 % resets and 5 % timeouts; a burst of 429s with Retry-After honoured; Tryton
 * going away (circuit opens, 503 with Retry-After, visible in /v1/status) and coming back
 * (it recovers by itself). Every claim is checked from the request log or the proxy's own log.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { ADMIN_KEY, admin, bearer, testSecretBox } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../../src/sandbox/fault-proxy.js';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';

type Json = Record<string, any>;

const gate = await trytonGate('resilience tests');

/** A small deterministic PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('resilience against Tryton behind a fault proxy', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let proxy: FaultProxy;
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let connectionId: string;
  let token: string;
  let mode: (n: number) => Fault | undefined = () => undefined;
  const MAX_ATTEMPTS = 6;

  before(async () => {
    gate.require();
    tryton = await startTryton();
    proxy = await startFaultProxy({ target: tryton.url, script: (req) => mode(req.n) });
    ({ store, dispose } = await createTestStore('sqlite'));
    app = await buildApp({
      store, adminKey: ADMIN_KEY, logger: pino({ level: 'silent' }), secretBox: testSecretBox,
      addressPolicy: { allowPrivateNetworks: false, allowedOrigins: new Set([new URL(proxy.url).host]) },
      breaker: { failures: 8, halfOpenAfterMs: 2000, failureRate: 0.8, windowMs: 10_000, minCalls: 30 },
    });
    const res = await app.inject({
      method: 'POST', url: '/v1/connections', headers: admin,
      payload: { system: 'tryton', name: 'Flaky', sync: false, credentials: { instanceUrl: proxy.url, database: tryton.database, username: tryton.username, password: tryton.password } },
    });
    assert.equal(res.statusCode, 201, res.body);
    connectionId = res.json().data.id;
    token = res.json().token;
    // This connection's own limits: short timeouts so injected hangs cost little, more attempts.
    const patched = await app.inject({ method: 'PATCH', url: `/v1/connections/${connectionId}`, headers: admin, payload: { outboundPolicy: { timeoutMs: 1500, maxAttempts: MAX_ATTEMPTS, deadlineMs: 30_000 } } });
    assert.equal(patched.json().data.outboundPolicy.maxAttempts, MAX_ATTEMPTS);
  });
  after(async () => {
    await app?.close();
    await dispose?.();
    await proxy?.close();
    await tryton?.stop();
  });

  const calls = async (requestId: string) => (await app.inject({ url: `/v1/requests/${requestId}`, headers: admin })).json().data.calls as Json[];

  it('a full sync and live reads get through 20 % 5xx, 5 % resets and 5 % timeouts', async () => {
    const random = prng(42);
    mode = () => {
      const r = random();
      if (r < 0.2) return { kind: 'status', status: 503 };
      if (r < 0.25) return { kind: 'reset' };
      if (r < 0.3) return { kind: 'timeout' };
      return undefined;
    };
    const sync = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full: true } });
    const po = sync.json().data.entities.find((e: Json) => e.entity === 'purchaseOrders');
    assert.equal(po.status, 'succeeded', JSON.stringify(sync.json().data.entities));
    const injected = proxy.log.filter((l) => l.fault !== 'forwarded').length;
    assert.ok(injected > 10, `faults were injected (${injected})`);

    // Every record correct: compare with Tryton itself, read directly (not through the proxy).
    const native = await tryton.rpc<Json[]>('model.purchase.purchase.search_read', [[], 0, null, [['id', 'ASC']], ['number', 'state', 'total_amount']]);
    const rows = await store.records.list({ connectionId, entity: 'purchaseOrders', limit: 1000, includeDeleted: false });
    assert.equal(rows.length, native.length);
    const byRemote = new Map(rows.map((r) => [r.remoteId, r]));
    for (const n of native) {
      const r = byRemote.get(String(n.id))!;
      assert.equal(r.data.number, n.number ?? null);
      assert.equal(r.data.remoteStatus, n.state);
      assert.equal(Number(r.data.total), Number((n.total_amount as Json).decimal));
    }

    let ok = 0;
    const sample = rows.filter((_, i) => i % 2 === 0).slice(0, 100);
    for (const r of sample) {
      const res = await app.inject({ url: `/v1/purchase-orders/${r.id}?fresh=true`, headers: bearer(token) });
      if (res.statusCode === 200) ok += 1;
      else console.log(`# a fresh read failed: ${res.statusCode} ${res.json().error?.code} ${res.json().error?.message}`);
      for (const c of await calls(res.headers['x-request-id'] as string)) {
        assert.ok(c.attempt <= MAX_ATTEMPTS, `attempt ${c.attempt} exceeds the policy`);
        if (c.retryReason) assert.ok(c.attempt < MAX_ATTEMPTS, 'the last attempt is never followed by another');
      }
    }
    console.log(`# ${ok}/${sample.length} fresh reads succeeded through the faults`);
    assert.ok(ok >= 99, `${ok} of ${sample.length} fresh reads succeeded`);
    mode = () => undefined;
  });

  it('a burst of 429 with Retry-After: 2 holds every call to the connection for 2 s', async () => {
    let throttled = 0;
    mode = () => (throttled++ < 3 ? { kind: 'rate_limit', retryAfter: '2' } : undefined);
    const first = (await store.records.list({ connectionId, entity: 'purchaseOrders', limit: 1, includeDeleted: false }))[0]!;
    const start = proxy.log.length;
    const res = await app.inject({ url: `/v1/purchase-orders/${first.id}?fresh=true`, headers: bearer(token) });
    assert.equal(res.statusCode, 200, res.body);
    const seen = proxy.log.slice(start);
    const limited = seen.filter((l) => l.fault === 'rate_limit');
    assert.ok(limited.length >= 1);
    const log = await calls(res.headers['x-request-id'] as string);
    assert.ok(log.some((c) => c.status === 429 && /waiting 2000 ms/.test(c.retryReason ?? '')), JSON.stringify(log));
    mode = () => undefined;

    // A caller whose deadline is shorter than the pause gets 429 with Retry-After, not a hang.
    await app.inject({ method: 'PATCH', url: `/v1/connections/${connectionId}`, headers: admin, payload: { outboundPolicy: { timeoutMs: 1500, maxAttempts: MAX_ATTEMPTS, deadlineMs: 1000 } } });
    mode = () => ({ kind: 'rate_limit', retryAfter: '5' });
    const impatient = await app.inject({ url: `/v1/purchase-orders/${first.id}?fresh=true`, headers: bearer(token) });
    assert.equal(impatient.statusCode, 429, impatient.body);
    assert.ok(Number(impatient.headers['retry-after']) >= 1);
    assert.equal(impatient.json().error.retryable, true);
    mode = () => undefined;
    await app.inject({ method: 'PATCH', url: `/v1/connections/${connectionId}`, headers: admin, payload: { outboundPolicy: { timeoutMs: 1500, maxAttempts: MAX_ATTEMPTS, deadlineMs: 30_000 } } });
    await new Promise((r) => setTimeout(r, 5200)); // let the asked pause run out
  });

  it('Tryton gone: the circuit opens, callers get 503 with Retry-After, status shows it; back: it recovers', async () => {
    const first = (await store.records.list({ connectionId, entity: 'purchaseOrders', limit: 1, includeDeleted: false }))[0]!;
    mode = () => ({ kind: 'reset' });
    let answer: { statusCode: number; json(): Json; headers: Json } | undefined;
    for (let i = 0; i < 20; i += 1) {
      answer = await app.inject({ url: `/v1/purchase-orders/${first.id}?fresh=true`, headers: bearer(token) });
      if (answer.statusCode === 503) break;
    }
    assert.equal(answer!.statusCode, 503);
    assert.equal(answer!.json().error.code, 'system_unavailable');
    assert.equal(answer!.json().error.source, 'system');
    assert.ok(Number(answer!.headers['retry-after']) >= 1);
    const before = proxy.log.length;
    const fast = await app.inject({ url: `/v1/purchase-orders/${first.id}?fresh=true`, headers: bearer(token) });
    assert.equal(fast.statusCode, 503);
    assert.equal(proxy.log.length, before, 'no call reaches the system while the circuit is open');
    const stored = await app.inject({ url: `/v1/purchase-orders/${first.id}`, headers: bearer(token) });
    assert.equal(stored.statusCode, 200, 'reads from the store still work');

    const status = (await app.inject({ url: '/v1/status', headers: admin })).json();
    const mine = status.connections.find((c: Json) => c.id === connectionId);
    assert.equal(mine.circuit, 'open');
    assert.equal(status.status, 'degraded');
    assert.ok(status.incidents.some((i: Json) => i.kind === 'connection' && i.system === 'tryton'));
    const publicStatus = (await app.inject({ url: '/v1/status' })).json();
    assert.equal(publicStatus.connections, null, 'no connection details without the admin key');
    assert.ok(!JSON.stringify(publicStatus).includes('Flaky'));

    mode = () => undefined;
    await new Promise((r) => setTimeout(r, 2200));
    const back = await app.inject({ url: `/v1/purchase-orders/${first.id}?fresh=true`, headers: bearer(token) });
    assert.equal(back.statusCode, 200, back.body);
    const after = (await app.inject({ url: '/v1/status', headers: admin })).json();
    assert.equal(after.connections.find((c: Json) => c.id === connectionId).circuit, 'closed');
  });
});
