/**
 * The error envelope and request ids: every response carries X-Request-Id; a sane caller id is
 * kept; unknown routes are 404 in the envelope; an unexpected failure is 500 internal_error with
 * nothing internal in the body, and is logged with the request id.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/server/app.js';
import { ADMIN_KEY, admin, appFor, newConnection, testSecretBox } from '../support/app.js';
import { describeEachStore } from '../support/stores.js';

describeEachStore('errors and request ids', ({ store }) => {
  let app: FastifyInstance;
  let headers: Record<string, string>;

  before(async () => {
    app = await appFor(store());
    const conn = await newConnection(store());
    headers = { ...admin, 'x-connection-id': conn.id };
  });
  after(async () => app.close());

  it('puts X-Request-Id on every response, success or error', async () => {
    for (const [url, h] of [['/health', {}], ['/v1/purchase-orders', headers], ['/v1/purchase-orders', {}], ['/nope', {}], ['/openapi.json', {}]] as const) {
      const res = await app.inject({ url, headers: h });
      assert.match(String(res.headers['x-request-id']), /^req_[0-9a-z]{26}$/, url);
      if (res.statusCode >= 400) assert.equal(res.json().error.requestId, res.headers['x-request-id']);
    }
  });

  it("keeps a caller's sane request id and replaces an insane one", async () => {
    const kept = await app.inject({ url: '/health', headers: { 'x-request-id': 'caller-trace-0042' } });
    assert.equal(kept.headers['x-request-id'], 'caller-trace-0042');
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(200), '<script>alert(1)</script>']) {
      const res = await app.inject({ url: '/health', headers: { 'x-request-id': bad } });
      assert.notEqual(res.headers['x-request-id'], bad);
      assert.match(String(res.headers['x-request-id']), /^req_/);
    }
  });

  it('answers unknown routes with 404 in the envelope', async () => {
    for (const [method, url] of [['GET', '/v1/nothing-here'], ['POST', '/v1/purchase-orders/x/y'], ['GET', '/']] as const) {
      const res = await app.inject({ method, url });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'not_found');
      assert.equal(res.json().error.type, 'not_found_error');
    }
  });

  it('turns an unexpected exception into 500 internal_error without internals, logged with the request id', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const fail = async () => { throw new Error('SQLITE_ERROR: near "SELEC": syntax error in SELECT * FROM records'); };
    const broken = { ...store(), records: { ...store().records, list: fail, listJson: fail } };
    const failing = await buildApp({ store: broken as ReturnType<typeof store>, adminKey: ADMIN_KEY, logger: pino({ level: 'info' }, sink), secretBox: testSecretBox });
    try {
      const res = await failing.inject({ url: '/v1/purchase-orders', headers });
      assert.equal(res.statusCode, 500);
      const { error } = res.json();
      assert.equal(error.code, 'internal_error');
      assert.equal(error.source, 'manifold');
      assert.equal(error.retryable, true);
      assert.ok(!/SQL|SELECT|records|stack|at /.test(res.body), `no internals: ${res.body}`);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
      assert.ok(logged, 'the failure is logged');
      assert.equal(logged.requestId, res.headers['x-request-id']);
      assert.match(JSON.stringify(logged.err), /SQLITE_ERROR/);
    } finally {
      await failing.close();
    }
  });

  it('answers /ready 503 in the envelope when the store is unreachable', async () => {
    const down = { ...store(), ping: async () => { throw new Error('connection refused'); } };
    const a = await buildApp({ store: down as ReturnType<typeof store>, adminKey: ADMIN_KEY, logger: pino({ level: 'silent' }), secretBox: testSecretBox });
    try {
      const res = await a.inject({ url: '/ready' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error.code, 'service_unavailable');
      assert.ok(res.headers['retry-after']);
    } finally {
      await a.close();
    }
    const ok = await app.inject({ url: '/ready' });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().store, store().dialect);
  });

  it('counts requests in /metrics by route pattern and status', async () => {
    await app.inject({ url: '/v1/purchase-orders/some_id', headers });
    const res = await app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /manifold_http_requests_total\{method="GET",route="\/v1\/purchase-orders\/:id",status="404"\} \d+/);
    assert.ok(!res.body.includes('some_id'), 'ids never become label values');
  });
});
