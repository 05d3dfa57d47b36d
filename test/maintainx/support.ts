/**
 * A Manifold app over a fresh SQLite store with one connection to a MaintainX simulator, for the
 * API tests of the MaintainX connector; and the API calls those tests share.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.js';
import { startMaintainx, type MaintainxOptions, type MaintainxSandbox } from '../../src/sandbox/maintainx/sandbox.js';
import { admin, appFor, bearer } from '../support/app.js';
import { createTestStore } from '../support/stores.js';

export type Json = Record<string, any>;

export interface MaintainxApp {
  sim: MaintainxSandbox;
  store: Store;
  app: FastifyInstance;
  connectionId: string;
  token: string;
  /** GET every page of a unified list (limit 200). */
  listAll(path: string, extra?: string): Promise<Json[]>;
  /** POST /v1/connections/{id}/sync?wait=true; answers the per-entity state by entity key. */
  sync(full?: boolean): Promise<Record<string, Json>>;
  close(): Promise<void>;
}

export async function maintainxApp(simOptions: MaintainxOptions, opts: { connect?: boolean } = {}): Promise<MaintainxApp> {
  const sim = await startMaintainx(simOptions);
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store, { allowedOrigins: [new URL(sim.url).host] });
  let connectionId = '';
  let token = '';
  if (opts.connect !== false) {
    const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'maintainx', name: 'MaintainX', sync: false, credentials: { instanceUrl: sim.url, apiKey: sim.apiKey } } });
    assert.equal(res.statusCode, 201, res.body);
    connectionId = res.json().data.id;
    token = res.json().token;
  }
  const env: MaintainxApp = {
    sim,
    store,
    app,
    get connectionId() {
      return connectionId;
    },
    set connectionId(v: string) {
      connectionId = v;
    },
    get token() {
      return token;
    },
    set token(v: string) {
      token = v;
    },
    async listAll(path, extra = '') {
      const out: Json[] = [];
      let cursor: string | null = null;
      do {
        const res: { statusCode: number; body: string; json(): Json } = await app.inject({ url: `/v1/${path}?limit=200${extra}${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(token) });
        assert.equal(res.statusCode, 200, res.body);
        out.push(...res.json().data);
        cursor = res.json().nextCursor;
      } while (cursor);
      return out;
    },
    async sync(full = false) {
      const res = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full } });
      assert.equal(res.statusCode, 200, res.body);
      return Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
    },
    async close() {
      await app.close();
      await dispose();
      await sim.stop();
    },
  };
  return env;
}
