/**
 * Connecting Odoo through the API: a wrong database name, a wrong password and a user without
 * the Purchase access group each give their own actionable error, and nothing is stored; the
 * right credentials connect with an API key as well as with the password.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin } from '../support/app.js';
import { odooApp, type OdooApp } from './support.js';

describe('Odoo end to end: connect', () => {
  let env: OdooApp;
  before(async () => {
    env = await odooApp({ connect: false, sim: { purchaseOrders: 10, vendors: 8, products: 10, equipment: 4, maintenanceRequests: 4, shelves: 2 } });
  });
  after(() => env?.close());

  const connect = (credentials: Record<string, string>) =>
    env.app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'odoo', name: 'Odoo', sync: false, credentials } });
  const nothingStored = async () => assert.equal((await env.store.connections.list({ limit: 10 })).length, 0);

  const errors: Record<string, { code: string; message: string }> = {};

  it('a wrong database name: 422 invalid_credentials naming the database', async () => {
    const res = await connect({ ...env.sim.credentials, database: 'acme-prod' });
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.details.field, 'database');
    assert.match(error.message, /no database named "acme-prod"/);
    assert.match(error.message, /database selector/);
    assert.ok(!res.body.includes(env.sim.credentials.password), 'the secret never comes back');
    errors.database = error;
    await nothingStored();
  });

  it('a wrong password: 422 invalid_credentials about the login and password', async () => {
    const res = await connect({ ...env.sim.credentials, password: 'not-the-key' });
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.details.field, 'password');
    assert.match(error.message, /refused the login "buyer@acme.example" with this password or API key on database "acme"/);
    assert.ok(!res.body.includes('not-the-key'));
    errors.password = error;
    await nothingStored();
  });

  it('a user without purchase rights: 403 permission error naming the access group to give', async () => {
    const clerk = env.sim.users.clerk;
    const res = await connect({ ...env.sim.credentials, username: clerk.login, password: clerk.apiKey });
    assert.equal(res.statusCode, 403, res.body);
    const error = res.json().error;
    assert.equal(error.type, 'permission_error');
    assert.equal(error.code, 'system_permission_denied');
    assert.equal(error.source, 'system');
    assert.match(error.message, /may not access Purchase Order \(purchase\.order\)/);
    assert.match(error.message, /Give it the access group Purchase: User/);
    assert.match(error.details.systemMessage, /Purchase\/User/);
    errors.access = error;
    await nothingStored();
  });

  it('the three errors differ', () => {
    assert.equal(new Set(Object.values(errors).map((e) => e.message)).size, 3);
    assert.notEqual(errors.access!.code, errors.password!.code);
  });

  it('connects with the API key, and with the password, and says what it checked', async () => {
    const withKey = await connect(env.sim.credentials);
    assert.equal(withKey.statusCode, 201, withKey.body);
    const withPassword = await connect({ ...env.sim.credentials, password: env.sim.users.buyer.password });
    assert.equal(withPassword.statusCode, 201, withPassword.body);
    const row = await env.store.connections.get(withKey.json().data.id);
    assert.ok(row?.credentials && !row.credentials.includes(env.sim.credentials.password), 'stored encrypted');
    const systems = await env.app.inject({ url: '/v1/systems/odoo', headers: admin });
    assert.equal(systems.statusCode, 200);
    assert.deepEqual(systems.json().data.categories, ['erp', 'cmms']);
    assert.deepEqual(systems.json().data.credentialFields.map((f: { name: string }) => f.name), ['instanceUrl', 'database', 'username', 'password']);
  });
});
