/**
 * A Manifold app over a fresh SQLite store with the SAP S/4HANA simulator, and what the tests
 * need of both: connect, sync, list every page, call as the connection, read the request log.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { startSapS4hana, type SapS4hanaOptions } from '../../src/sandbox/sap-s4hana/server.js';
import type { SimulatorHandle } from '../../src/sandbox/sap-s4hana/handle.js';
import type { Store } from '../../src/store/index.js';
import { admin, appFor, bearer } from '../support/app.js';
import { createTestStore } from '../support/stores.js';

export type Json = Record<string, any>;

export interface SapApp {
  sim: SimulatorHandle;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
  connect(): Promise<{ connectionId: string; token: string }>;
  sync(connectionId: string, full?: boolean): Promise<Json>;
  listAll(token: string, path: string, extra?: string): Promise<Json[]>;
  callsOf(requestId: string): Promise<Json[]>;
}

export async function sapApp(opts: SapS4hanaOptions = {}): Promise<SapApp> {
  const sim = await startSapS4hana(opts);
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store, { allowedOrigins: [new URL(sim.url).host] });
  return {
    sim,
    store,
    app,
    async close() {
      await app.close();
      await dispose();
      await sim.stop();
    },
    async connect() {
      const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'sap-s4hana', name: 'S/4HANA', credentials: sim.credentials, sync: false } });
      assert.equal(res.statusCode, 201, res.body);
      return { connectionId: res.json().data.id, token: res.json().token };
    },
    async sync(connectionId, full = false) {
      const res = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full } });
      assert.equal(res.statusCode, 200, res.body);
      return Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
    },
    async listAll(token, path, extra = '') {
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
    async callsOf(requestId) {
      return (await app.inject({ url: `/v1/requests/${requestId}`, headers: admin })).json().data.calls as Json[];
    },
  };
}
