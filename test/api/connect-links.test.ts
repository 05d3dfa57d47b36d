/**
 * Connect links without a system behind them: creation, listing, the session they open, and every
 * way a link stops working (revoked, expired, unknown). Using a link to connect a real system is
 * in test/tryton/connect-link.test.ts.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, bearer, newConnection } from '../support/app.js';
import { hashSecret } from '../../src/server/auth/credentials.js';

describeEachStore('connect links', ({ store }) => {
  let app: FastifyInstance;
  before(async () => {
    app = await appFor(store());
  });
  after(async () => app.close());

  const create = (payload: object = {}) => app.inject({ method: 'POST', url: '/v1/connect-links', headers: admin, payload });
  const linkToken = (url: string) => new URL(url).searchParams.get('link')!;

  it('creates a pending link that expires in 7 days by default, stored as a hash', async () => {
    const res = await create({ system: 'tryton', name: 'ACME Plant 4', metadata: { customerId: 'cus_42' } });
    assert.equal(res.statusCode, 201, res.body);
    const { data, url } = res.json();
    assert.equal(data.status, 'pending');
    assert.equal(data.system, 'tryton');
    const days = (Date.parse(data.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 6.99 && days <= 7);
    const token = linkToken(url);
    assert.match(token, /^mfl_/);
    assert.match(url, /^https?:\/\/[^/]+\/connect\?link=mfl_/);
    const rows = await sql<{ hash: string }>`select hash from connect_links`.execute(store().db);
    assert.ok(!JSON.stringify(rows.rows).includes(token));
    assert.ok(rows.rows.some((r) => r.hash === hashSecret(token).toString('hex')));
    const list = await app.inject({ url: '/v1/connect-links', headers: admin });
    assert.ok(list.json().data.some((l: any) => l.id === data.id && l.status === 'pending'));
  });

  it('opens a session limited to the link\'s system', async () => {
    const { url } = (await create({ system: 'tryton', name: 'Locked' })).json();
    const res = await app.inject({ url: '/v1/connect/session', headers: bearer(linkToken(url)) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().data.link.system, 'tryton');
    assert.equal(res.json().data.link.name, 'Locked');
    assert.deepEqual(res.json().data.systems.map((s: any) => s.id), ['tryton']);
  });

  it('a link is refused once revoked or expired, and an unknown one says so', async () => {
    const { data, url } = (await create()).json();
    assert.equal((await app.inject({ method: 'DELETE', url: `/v1/connect-links/${data.id}`, headers: admin })).statusCode, 200);
    const revoked = await app.inject({ url: '/v1/connect/session', headers: bearer(linkToken(url)) });
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().error.details.reason, 'revoked');
    assert.equal((await app.inject({ method: 'DELETE', url: `/v1/connect-links/${data.id}`, headers: admin })).statusCode, 409);

    const expiredToken = 'mfl_expired-link-token-for-the-test-0123456789';
    await store().connectLinks.create({ id: 'lnk_expired', hash: hashSecret(expiredToken).toString('hex'), prefix: 'mfl_expired', system: null, name: null, metadata: {}, redirectUrl: null, expiresAt: '2026-01-01T00:00:00.000Z' });
    const expired = await app.inject({ url: '/v1/connect/session', headers: bearer(expiredToken) });
    assert.equal(expired.json().error.details.reason, 'expired');

    for (const headers of [bearer('mfl_nothing-like-this'), bearer('mfa_not-a-link'), {}]) {
      const res = await app.inject({ url: '/v1/connect/session', headers });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.details.reason, 'unknown');
    }
  });

  it('checks what it is given: systems, expiry bounds, redirect URLs', async () => {
    for (const payload of [{ system: 'nope' }, { system: 'constructor' }, { expiresIn: 10 }, { expiresIn: 90 * 86400 }, { redirectUrl: 'javascript:alert(1)' }, { extra: true }]) {
      const res = await create(payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
    }
  });

  it('only the admin key manages links', async () => {
    const { token } = await newConnection(store());
    assert.equal((await app.inject({ method: 'POST', url: '/v1/connect-links', headers: bearer(token), payload: {} })).statusCode, 403);
    assert.equal((await app.inject({ url: '/v1/connect-links', headers: bearer(token) })).statusCode, 403);
  });
});
