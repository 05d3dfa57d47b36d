/**
 * The request log: every /v1 request is looked up by its id (admin key only), with its route,
 * connection, status and error code; bodies are not kept.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, bearer, newConnection } from '../support/app.js';

describeEachStore('request log', ({ store }) => {
  let app: FastifyInstance;
  let conn: { id: string; token: string };
  before(async () => {
    app = await appFor(store());
    conn = await newConnection(store());
  });
  after(async () => app.close());

  it('records each request with its route, connection, status and error code', async () => {
    const ok = await app.inject({ url: '/v1/purchase-orders?limit=5', headers: bearer(conn.token) });
    const missing = await app.inject({ url: '/v1/vendors/ven_nope', headers: bearer(conn.token) });
    const bad = await app.inject({ method: 'POST', url: '/v1/connect-links', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"name": "secret-ish body"' });

    const first = await app.inject({ url: `/v1/requests/${ok.headers['x-request-id']}`, headers: admin });
    assert.equal(first.statusCode, 200, first.body);
    const e = first.json().data;
    assert.equal(e.route, '/v1/purchase-orders');
    assert.equal(e.url, '/v1/purchase-orders');
    assert.equal(e.connectionId, conn.id);
    assert.equal(e.status, 200);
    assert.equal(e.errorCode, null);
    assert.deepEqual(e.calls, []);

    const second = (await app.inject({ url: `/v1/requests/${missing.headers['x-request-id']}`, headers: admin })).json().data;
    assert.equal(second.route, '/v1/vendors/:id');
    assert.equal(second.status, 404);
    assert.equal(second.errorCode, 'not_found');

    const third = await app.inject({ url: `/v1/requests/${bad.headers['x-request-id']}`, headers: admin });
    assert.equal(third.json().data.errorCode, 'invalid_request');
    assert.ok(!third.body.includes('secret-ish'), 'bodies are not stored');
  });

  it('is for the admin key only, and says when an id is unknown', async () => {
    const res = await app.inject({ url: '/v1/purchase-orders', headers: bearer(conn.token) });
    assert.equal((await app.inject({ url: `/v1/requests/${res.headers['x-request-id']}`, headers: bearer(conn.token) })).statusCode, 403);
    assert.equal((await app.inject({ url: '/v1/requests/req_unknown', headers: admin })).statusCode, 404);
  });
});
