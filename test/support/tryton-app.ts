/**
 * A Manifold app over a fresh SQLite store with one connection to a real Tryton (optionally
 * reached through another address, e.g. a fault proxy), for the API tests against Tryton.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.js';
import { admin, appFor } from './app.js';
import { createTestStore } from './stores.js';
import { startTryton, type TrytonServer } from './tryton.js';

export interface TrytonApp {
  tryton: TrytonServer;
  store: Store;
  app: FastifyInstance;
  connectionId: string;
  token: string;
  close(): Promise<void>;
}

export async function trytonApp(opts: { instanceUrl?: (tryton: TrytonServer) => Promise<string> | string; sync?: boolean; name?: string } = {}): Promise<TrytonApp> {
  const tryton = await startTryton();
  const instanceUrl = opts.instanceUrl ? await opts.instanceUrl(tryton) : tryton.url;
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store, { allowedOrigins: [new URL(instanceUrl).host] });
  const res = await app.inject({
    method: 'POST', url: '/v1/connections', headers: admin,
    payload: { system: 'tryton', name: opts.name ?? 'Tryton', sync: false, credentials: { instanceUrl, database: tryton.database, username: tryton.username, password: tryton.password } },
  });
  assert.equal(res.statusCode, 201, res.body);
  const connectionId = res.json().data.id as string;
  if (opts.sync) {
    const sync = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: {} });
    assert.equal(sync.statusCode, 200, sync.body);
  }
  return {
    tryton, store, app, connectionId, token: res.json().token as string,
    async close() {
      await app.close();
      await dispose();
      await tryton.stop();
    },
  };
}
