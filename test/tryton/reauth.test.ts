/**
 * Re-authentication against a real Tryton: when the password changes in the system, the next sync
 * marks the connection needs_attention with the reason; PATCH with the new password is checked
 * live (a wrong one is refused and changes nothing) and makes the connection active again.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, appFor } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';
import type { Store } from '../../src/store/index.js';

const gate = await trytonGate('Tryton re-authentication tests');

describe('re-authentication', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  const newApp = async () => {
    const app = await appFor(store, { allowedOrigins: [new URL(tryton.url).host] });
    apps.push(app);
    return app;
  };

  before(async () => {
    gate.require();
    tryton = await startTryton();
    ({ store, dispose } = await createTestStore('sqlite'));
  });
  after(async () => {
    for (const a of apps) await a.close();
    await dispose?.();
    await tryton?.stop();
  });

  it('needs_attention after the password changed in Tryton; a PATCH with the new one clears it', async () => {
    // A user of its own, so failed logins do not slow down the admin login other tests use.
    const [userId] = await tryton.rpc<number[]>('model.res.user.create', [[{ name: 'Manifold reader', login: 'reader', password: 'first-Passw0rd-1' }]]);
    const groups = await tryton.rpc<number[]>('model.res.group.search', [[], 0, null, null]);
    await tryton.rpc('model.res.user.write', [[userId], { groups: [['add', groups]], companies: [['add', [1]]], company: 1 }]);
    const creds = { instanceUrl: tryton.url, database: tryton.database, username: 'reader', password: 'first-Passw0rd-1' };

    let app = await newApp();
    const created = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'tryton', name: 'Reader', credentials: creds, sync: false } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().data.id as string;

    await tryton.rpc('model.res.user.write', [[userId], { password: 'second-Passw0rd-2' }]);
    app = await newApp(); // a new process: no session cached from before the change
    const sync = await app.inject({ method: 'POST', url: `/v1/connections/${id}/sync?wait=true`, headers: admin, payload: {} });
    assert.equal(sync.statusCode, 200);
    const attention = (await app.inject({ url: `/v1/connections/${id}`, headers: admin })).json().data;
    assert.equal(attention.status, 'needs_attention');
    assert.match(attention.lastError, /credentials|password|refused/i);

    const wrong = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload: { credentials: { password: 'still-Wrong-3' } } });
    assert.equal(wrong.statusCode, 422);
    assert.equal((await app.inject({ url: `/v1/connections/${id}`, headers: admin })).json().data.status, 'needs_attention');

    const fixed = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload: { credentials: { password: 'second-Passw0rd-2' }, name: 'Reader (renewed)' } });
    assert.equal(fixed.statusCode, 200, fixed.body);
    assert.equal(fixed.json().data.status, 'active');
    assert.equal(fixed.json().data.name, 'Reader (renewed)');
    const again = await app.inject({ method: 'POST', url: `/v1/connections/${id}/sync?wait=true`, headers: admin, payload: {} });
    const states = again.json().data.entities as any[];
    assert.ok(states.every((e) => e.status === 'succeeded'), JSON.stringify(states));
    assert.equal((await app.inject({ url: `/v1/connections/${id}`, headers: admin })).json().data.lastError, null);

    // A live read refused for the credentials marks the connection too.
    await tryton.rpc('model.res.user.write', [[userId], { password: 'third-Passw0rd-3' }]);
    app = await newApp();
    const token = (await app.inject({ method: 'POST', url: `/v1/connections/${id}/tokens`, headers: admin })).json().token as string;
    const order = (await app.inject({ url: '/v1/purchase-orders?limit=1', headers: { authorization: `Bearer ${token}` } })).json().data[0];
    const live = await app.inject({ url: `/v1/purchase-orders/${order.id}?fresh=true`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(live.statusCode, 422, live.body);
    assert.equal(live.json().error.code, 'invalid_credentials');
    assert.equal(live.json().error.source, 'system');
    assert.equal((await app.inject({ url: `/v1/connections/${id}`, headers: admin })).json().data.status, 'needs_attention');
  });
});
