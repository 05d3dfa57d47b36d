/**
 * On both stores: after connecting a real Tryton, no row of any table holds the password or the
 * token in clear text (credentials are sealed, tokens hashed).
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { admin, appFor } from '../support/app.js';
import { describeEachStore } from '../support/stores.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';

const gate = await trytonGate('stored-secrets tests');

describeEachStore('no secret in any row', ({ store }) => {
  let tryton: TrytonServer;
  let app: FastifyInstance;
  before(async () => {
    gate.require();
    tryton = await startTryton();
    app = await appFor(store(), { allowedOrigins: [new URL(tryton.url).host] });
  });
  after(async () => {
    await app?.close();
    await tryton?.stop();
  });

  it('stores credentials sealed and tokens hashed', { skip: gate.skip }, async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/connections', headers: admin,
      payload: { system: 'tryton', name: 'Rows', credentials: { instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password } },
    });
    assert.equal(res.statusCode, 201, res.body);
    await app.inject({ method: 'POST', url: `/v1/connections/${res.json().data.id}/sync?wait=true`, headers: admin, payload: {} });
    const token = res.json().token as string;
    for (const table of ['connections', 'tokens', 'records', 'sync_checkpoints', 'events', 'connect_links', 'request_log']) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(store().db);
      const text = JSON.stringify(rows.rows);
      assert.ok(!text.includes(tryton.password), `${table}: no password`);
      assert.ok(!text.includes(token), `${table}: no token`);
    }
  });
});
