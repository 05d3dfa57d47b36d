/**
 * Keys and tokens: the 401/403 rules of api.md, connection isolation, token hashes at rest.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, bearer, newConnection, putPurchaseOrder } from '../support/app.js';

describeEachStore('auth', ({ store }) => {
  let app: FastifyInstance;
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  let bRecordId: string;

  before(async () => {
    app = await appFor(store());
    a = await newConnection(store(), 'Customer A');
    b = await newConnection(store(), 'Customer B');
    await putPurchaseOrder(store(), a.id, 1);
    bRecordId = (await putPurchaseOrder(store(), b.id, 2)).record.id;
  });
  after(async () => app.close());

  it('answers 401 without a key, with an unknown key and with a malformed header', async () => {
    for (const headers of [{}, bearer('mft_not-a-real-token'), bearer('nope'), { authorization: 'Basic abc' }]) {
      const res = await app.inject({ url: '/v1/purchase-orders', headers });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'unauthorized');
      assert.equal(res.json().error.type, 'authentication_error');
    }
  });

  it('a token reads its own connection only', async () => {
    const own = await app.inject({ url: '/v1/purchase-orders', headers: bearer(a.token) });
    assert.deepEqual(own.json().data.map((r: { remoteId: string }) => r.remoteId), ['1']);
    const other = await app.inject({ url: `/v1/purchase-orders/${bRecordId}`, headers: bearer(a.token) });
    assert.equal(other.statusCode, 404);
    assert.ok(!other.body.includes('PO-00002'), 'no data of the other connection');
    // X-Connection-Id is for the admin key only: a token cannot point itself elsewhere.
    const spoof = await app.inject({ url: '/v1/purchase-orders', headers: { ...bearer(a.token), 'x-connection-id': b.id } });
    assert.deepEqual(spoof.json().data.map((r: { remoteId: string }) => r.remoteId), ['1']);
  });

  it('a token on an admin route is 403', async () => {
    for (const url of ['/v1/connections', `/v1/connections/${a.id}`, `/v1/connections/${a.id}/tokens`]) {
      const res = await app.inject({ url, headers: bearer(a.token) });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().error.code, 'forbidden');
    }
  });

  it('the admin key reaches data with X-Connection-Id, and must name one', async () => {
    const res = await app.inject({ url: `/v1/purchase-orders/${bRecordId}`, headers: { ...admin, 'x-connection-id': b.id } });
    assert.equal(res.statusCode, 200);
    const missing = await app.inject({ url: '/v1/purchase-orders', headers: admin });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error.details.issues[0].path, 'headers.x-connection-id');
    const unknown = await app.inject({ url: '/v1/purchase-orders', headers: { ...admin, 'x-connection-id': 'conn_nope' } });
    assert.equal(unknown.statusCode, 404);
  });

  it('GET /v1/connection answers the token\'s own connection without credentials', async () => {
    const res = await app.inject({ url: '/v1/connection', headers: bearer(b.token) });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().data.id, b.id);
    assert.equal(res.json().data.name, 'Customer B');
    assert.ok(!('credentials' in res.json().data));
  });

  it('stores only the SHA-256 of a token', async () => {
    const rows = await sql<{ hash: string; prefix: string }>`select hash, prefix from tokens`.execute(store().db);
    assert.ok(rows.rows.length >= 2);
    const all = JSON.stringify(rows.rows);
    assert.ok(!all.includes(a.token) && !all.includes(b.token), 'no token in clear');
    const { createHash } = await import('node:crypto');
    assert.ok(rows.rows.some((r) => r.hash === createHash('sha256').update(a.token).digest('hex')));
  });

  it('issues, lists, rotates and revokes tokens', async () => {
    const issued = await app.inject({ method: 'POST', url: `/v1/connections/${a.id}/tokens`, headers: admin });
    assert.equal(issued.statusCode, 201);
    const second = issued.json().token as string;
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(second) })).statusCode, 200);
    const listed = await app.inject({ url: `/v1/connections/${a.id}/tokens`, headers: admin });
    assert.equal(listed.json().data.length, 2);
    assert.ok(!listed.body.includes(second) && !listed.body.includes(a.token), 'listing shows prefixes only');

    const rotated = await app.inject({ method: 'POST', url: `/v1/connections/${a.id}/tokens?revokeOthers=true`, headers: admin });
    const third = rotated.json().token as string;
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(second) })).statusCode, 401);
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(a.token) })).statusCode, 401);
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(third) })).statusCode, 200);

    const tokenId = rotated.json().data.id as string;
    const revoked = await app.inject({ method: 'DELETE', url: `/v1/connections/${a.id}/tokens/${tokenId}`, headers: admin });
    assert.equal(revoked.statusCode, 200);
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(third) })).statusCode, 401);
  });

  it('deleting a connection revokes its tokens and drops its records', async () => {
    const c = await newConnection(store(), 'Temporary');
    const rec = (await putPurchaseOrder(store(), c.id, 9)).record;
    const del = await app.inject({ method: 'DELETE', url: `/v1/connections/${c.id}`, headers: admin });
    assert.equal(del.statusCode, 200);
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(c.token) })).statusCode, 401);
    assert.equal(await store().records.get(c.id, 'purchaseOrders', rec.id), undefined);
    assert.equal((await app.inject({ url: `/v1/connections/${c.id}`, headers: admin })).statusCode, 404);
  });
});
