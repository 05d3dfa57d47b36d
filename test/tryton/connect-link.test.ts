/**
 * A connect link used against a real Tryton: the connection carries the link's name and
 * metadata, the redirect gets the connection id (never the token), and the link works once —
 * also when two tabs race on it.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, appFor, bearer } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';
import type { Store } from '../../src/store/index.js';

const gate = await trytonGate('Tryton connect-link tests');

describe('connect links against Tryton', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;

  before(async () => {
    gate.require();
    tryton = await startTryton();
    ({ store, dispose } = await createTestStore('sqlite'));
    app = await appFor(store, { allowedOrigins: [new URL(tryton.url).host] });
  });
  after(async () => {
    await app?.close();
    await dispose?.();
    await tryton?.stop();
  });

  const credentials = () => ({ instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password });
  const newLink = async (payload: object) => {
    const res = await app.inject({ method: 'POST', url: '/v1/connect-links', headers: admin, payload });
    assert.equal(res.statusCode, 201, res.body);
    return { id: res.json().data.id as string, token: new URL(res.json().url).searchParams.get('link')! };
  };
  const use = (token: string, payload: object) => app.inject({ method: 'POST', url: '/v1/connect/session/connections', headers: bearer(token), payload });

  it('connects once, with the link\'s name and metadata, and redirects with the connection id only', async () => {
    const link = await newLink({ system: 'tryton', name: 'ACME Plant 4', metadata: { customerId: 'cus_42' }, redirectUrl: 'https://app.example.com/done?step=3' });
    const wrongSystem = await use(link.token, { system: 'other', credentials: credentials() });
    assert.equal(wrongSystem.statusCode, 400);
    const wrongPassword = await use(link.token, { system: 'tryton', credentials: { ...credentials(), password: 'wrong-one' } });
    assert.equal(wrongPassword.statusCode, 422);
    assert.equal(wrongPassword.json().error.code, 'invalid_credentials');

    const res = await use(link.token, { system: 'tryton', name: 'ignored: the link names it', credentials: credentials() });
    assert.equal(res.statusCode, 201, res.body);
    const { data, token, redirectUrl } = res.json();
    assert.equal(data.name, 'ACME Plant 4');
    assert.deepEqual(data.metadata, { customerId: 'cus_42' });
    const redirect = new URL(redirectUrl);
    assert.equal(redirect.searchParams.get('connectionId'), data.id);
    assert.equal(redirect.searchParams.get('step'), '3');
    assert.ok(!redirectUrl.includes(token), 'the token is never in a URL');
    assert.equal((await app.inject({ url: '/v1/connection', headers: bearer(token) })).json().data.id, data.id);

    const again = await use(link.token, { system: 'tryton', credentials: credentials() });
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().error.details.reason, 'used');
    const listed = (await app.inject({ url: '/v1/connect-links', headers: admin })).json().data.find((l: any) => l.id === link.id);
    assert.equal(listed.status, 'used');
    assert.equal(listed.connectionId, data.id);
  });

  it('two tabs racing on one link make one connection', async () => {
    const link = await newLink({ system: 'tryton' });
    const before = (await store.connections.list({ limit: 200 })).length;
    const results = await Promise.all([use(link.token, { system: 'tryton', credentials: credentials() }), use(link.token, { system: 'tryton', credentials: credentials() })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 401]);
    assert.equal((await store.connections.list({ limit: 200 })).length, before + 1);
  });
});
