/**
 * The client against a real Tryton: sessions (re-login once when Tryton forgets one), the
 * failures Tryton really answers with, and a user with only the access the guide asks for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SystemFailure } from '../../kit/failure.js';
import { HttpClient, type OutboundRequest, type OutboundResponse } from '../../kit/http.js';
import type { EntityKey } from '../../models/registry.js';
import { tryton } from './connector.js';
import { connectTo, withTryton } from './real-tryton.test-support.js';

/** The one HTTP path, watched: counts logins, and can make Tryton forget or refuse sessions. */
class WatchedHttp extends HttpClient {
  logins = 0;
  lastAuthorization: string | undefined;
  /** Before the next model call, log its session out on the server (a real expiry). */
  expireNext = false;
  /** Answer every model call with Tryton's empty 401, as for an unknown session. */
  refuseSessions = false;

  override async send(req: OutboundRequest): Promise<OutboundResponse> {
    const { method } = JSON.parse(req.body ?? '{}') as { method?: string };
    if (method === 'common.db.login') this.logins += 1;
    const authorization = req.headers?.authorization;
    if (authorization && method?.startsWith('model.') && method !== 'model.res.user.get_preferences') {
      if (this.refuseSessions) return { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, text: '' };
      if (this.expireNext) {
        this.expireNext = false;
        const logout = await super.send({ ...req, body: JSON.stringify({ id: 0, method: 'common.db.logout', params: [] }) });
        assert.equal(logout.status, 200, 'logged out on the server');
      }
      this.lastAuthorization = authorization;
    }
    return super.send(req);
  }
}

const failsWith = (failureClass: string, code: string, also: (e: SystemFailure) => void = () => {}) => (err: unknown) => {
  assert.ok(err instanceof SystemFailure, String(err));
  assert.deepEqual([err.failureClass, err.code], [failureClass, code], err.message);
  also(err);
  return true;
};

await withTryton('tryton client', (server) => {
  test('concurrent first calls share one login', async () => {
    const http = new WatchedHttp();
    const client = connectTo(server(), {}, http);
    const counts = await Promise.all([1, 2, 3, 4].map(() => client.searchCount('purchase.purchase', [])));
    assert.deepEqual(counts, Array(4).fill(server().seed.purchases.total));
    assert.equal(http.logins, 1);
  });

  test('a session Tryton forgot is renewed once, transparently', async () => {
    const http = new WatchedHttp();
    const client = connectTo(server(), {}, http);
    await client.searchCount('party.party', []);
    const before = http.lastAuthorization;
    http.expireNext = true;
    assert.equal(await client.searchCount('purchase.purchase', []), server().seed.purchases.total);
    assert.equal(http.logins, 2);
    assert.notEqual(http.lastAuthorization, before, 'a new session is used');
  });

  test('a session refused again right after login is a config failure, after one retry', async () => {
    const http = new WatchedHttp();
    const client = connectTo(server(), {}, http);
    await client.session();
    http.refuseSessions = true;
    await assert.rejects(client.searchCount('purchase.purchase', []), failsWith('config', 'invalid_credentials'));
    assert.equal(http.logins, 2, 'logged in once more, not in a loop');
  });

  test('an unknown database names the database', async () => {
    const client = connectTo(server(), { database: 'no_such_db' });
    await assert.rejects(
      tryton.verify(client),
      failsWith('config', 'invalid_credentials', (e) => {
        assert.equal(e.field, 'database');
        assert.match(e.message, /no_such_db/);
      }),
    );
  });

  test("Tryton's own refusals: method not exposed, business rule, stale timestamp, missing record", async () => {
    const client = connectTo(server());
    const processing = server().seed.purchases.idsByState.processing[0]!;
    await assert.rejects(client.model('purchase.purchase', 'no_such_method', [[processing]]), failsWith('config', 'rejected_by_system', (e) => assert.equal(e.status, 403)));
    await assert.rejects(
      client.model('purchase.purchase', 'delete', [[processing]], { idempotent: false }),
      failsWith('config', 'rejected_by_system', (e) => assert.match(e.systemMessage ?? '', /cancel/)),
    );
    await assert.rejects(
      client.model('purchase.purchase', 'write', [[processing], { reference: 'stale' }], { idempotent: false, context: { _timestamp: { [`purchase.purchase,${processing}`]: '1' } } }),
      failsWith('transient', 'version_conflict'),
    );
    await assert.rejects(client.read('purchase.purchase', [999999], ['number']), failsWith('config', 'rejected_by_system'));
  });

  test('a user with only the Purchase group (as the guide says) reads every resource', async () => {
    const s = server();
    const groups = await s.rpc<{ id: number }[]>('model.res.group.search_read', [[['name', '=', 'Purchase']], 0, null, null, ['id']]);
    await s.rpc('model.res.user.create', [[{
      name: 'Manifold reader',
      login: 'manifold-reader',
      password: 'Mf-reader-7Qz!x',
      groups: [['add', groups.map((g) => g.id)]],
      companies: [['add', [s.seed.company.id]]],
      company: s.seed.company.id,
    }]]);
    const admin = connectTo(s);
    const reader = connectTo(s, { username: 'manifold-reader', password: 'Mf-reader-7Qz!x' });
    assert.match((await tryton.verify(reader)).summary, /manifold-reader/);
    for (const [key, res] of Object.entries(tryton.resources) as [EntityKey, NonNullable<(typeof tryton.resources)[EntityKey]>][]) {
      const records: unknown[] = [];
      for await (const page of res.list!(reader, { pageSize: 500 })) records.push(...page.records);
      assert.equal(records.length, (await res.listIds!(admin)).length, key);
    }
  });
});
