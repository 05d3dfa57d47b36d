/**
 * A Manifold app over a fresh SQLite store with a connection to a fresh Odoo simulator, and the
 * calls the Odoo API tests share.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.js';
import { startOdoo, type OdooOptions, type OdooSimulator } from '../../src/sandbox/odoo/simulator.js';
import { admin, appFor, bearer } from '../support/app.js';
import { createTestStore } from '../support/stores.js';

type Json = Record<string, any>;

export interface OdooApp {
  sim: OdooSimulator;
  store: Store;
  app: FastifyInstance;
  connectionId: string;
  token: string;
  listAll(path: string, extra?: string): Promise<Json[]>;
  sync(full?: boolean): Promise<Record<string, Json>>;
  close(): Promise<void>;
}

export async function odooApp(opts: { sim?: OdooOptions; connect?: boolean; sync?: boolean } = {}): Promise<OdooApp> {
  const sim = await startOdoo(opts.sim);
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store, { allowedOrigins: [new URL(sim.url).host] });
  let connectionId = '';
  let token = '';
  if (opts.connect !== false) {
    const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'odoo', name: 'Odoo', sync: false, credentials: sim.credentials } });
    assert.equal(res.statusCode, 201, res.body);
    connectionId = res.json().data.id;
    token = res.json().token;
  }
  const env: OdooApp = {
    sim, store, app, connectionId, token,
    async listAll(path, extra = '') {
      const out: Json[] = [];
      let cursor: string | null = null;
      do {
        const res: { statusCode: number; body: string; json(): Json } = await app.inject({ url: `/v1/${path}?limit=200${extra}${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(env.token) });
        assert.equal(res.statusCode, 200, res.body);
        out.push(...res.json().data);
        cursor = res.json().nextCursor;
      } while (cursor);
      return out;
    },
    async sync(full = false) {
      const res = await app.inject({ method: 'POST', url: `/v1/connections/${env.connectionId}/sync?wait=true`, headers: admin, payload: { full } });
      assert.equal(res.statusCode, 200, res.body);
      return Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
    },
    async close() {
      await app.close();
      await dispose();
      await sim.stop();
    },
  };
  if (opts.sync) await env.sync(true);
  return env;
}

/** A record's own fields, without the envelope. */
export function fieldsOf(record: Json): Json {
  const { id: _id, remoteId: _r, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, customFields: _cf, remoteData: _rd, ...rest } = record;
  return rest;
}
