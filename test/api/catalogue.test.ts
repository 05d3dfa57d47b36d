/**
 * The catalogue is generated from the connector definitions, and reachable with any key.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { connectors } from '../../src/connectors/index.js';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, bearer, newConnection } from '../support/app.js';

describeEachStore('catalogue', ({ store }) => {
  let app: FastifyInstance;
  let token: string;
  before(async () => {
    app = await appFor(store());
    token = (await newConnection(store())).token;
  });
  after(async () => app.close());

  it('lists every connector with its fields, guide and coverage, for admin keys and tokens alike', async () => {
    for (const headers of [admin, bearer(token)]) {
      const res = await app.inject({ url: '/v1/systems', headers });
      assert.equal(res.statusCode, 200);
      const systems = res.json().data as any[];
      assert.deepEqual(systems.map((s) => s.id).sort(), Object.keys(connectors).sort());
      for (const s of systems) {
        const def = connectors[s.id as keyof typeof connectors];
        assert.equal(s.name, def.name);
        assert.equal(s.authMethod, def.authMethod);
        assert.deepEqual(s.credentialFields.map((f: any) => f.name), def.credentialFields.map((f) => f.name));
        for (const f of s.credentialFields) assert.ok(f.help.length > 20, `${s.id}.${f.name} has help a person can use`);
        assert.ok(s.authGuide.startsWith('#') && s.authGuide.length > 200, 'an auth guide in markdown');
        assert.deepEqual(Object.keys(s.entities).sort(), Object.keys(def.resources).sort());
        // An entity is listable exactly when its resource can list (a write-only gateway, such as PROACTIS P2P's, cannot).
        for (const [entity, coverage] of Object.entries(s.entities)) assert.equal((coverage as any).list, Boolean((def.resources as Record<string, { list?: unknown }>)[entity]?.list), `${s.id}.${entity}`);
        assert.equal(s.sandbox, null, 'no sandbox listed when none runs');
      }
    }
    assert.equal((await app.inject({ url: '/v1/systems' })).statusCode, 401);
  });

  it('answers one system, and 404 for unknown ids (prototype keys included)', async () => {
    const one = await app.inject({ url: '/v1/systems/tryton', headers: admin });
    assert.equal(one.json().data.id, 'tryton');
    assert.deepEqual(one.json().data.credentialFields.find((f: any) => f.name === 'password').type, 'secret');
    for (const id of ['nope', 'constructor', '__proto__', 'toString']) {
      const res = await app.inject({ url: `/v1/systems/${id}`, headers: admin });
      assert.equal(res.statusCode, 404, id);
    }
  });

  it('refuses to connect an unknown system, and names missing credential fields, before any call', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'constructor', name: 'x', credentials: {} } });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details.issues[0].path, 'system');
    const missing = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'tryton', name: 'x', credentials: { instanceUrl: 'ftp://erp', extra: 1 } } });
    assert.equal(missing.statusCode, 400);
    const paths = missing.json().error.details.issues.map((i: any) => i.path).sort();
    assert.deepEqual(paths, ['credentials', 'credentials.database', 'credentials.instanceUrl', 'credentials.password', 'credentials.username']);
  });
});
