/**
 * What the end-to-end tests of every connector do through the public API: an app over a fresh
 * SQLite store allowed to reach one simulator, a connection made with its credentials, every page
 * of a unified list, and a sync run to the end. Each system's support file adds its own specifics.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/index.js';
import { admin, appFor, bearer } from './app.js';
import { createTestStore } from './stores.js';

export type Json = Record<string, any>;

/** A running system the app may call: its base URL and how to stop it. */
export interface Reachable {
  url: string;
  stop(): Promise<void>;
}

export interface SimApp<S extends Reachable> {
  sim: S;
  store: Store;
  app: FastifyInstance;
  /** Closes the app, then the store, then stops the simulator. */
  close(): Promise<void>;
}

/** An app over a fresh SQLite store whose outbound calls may reach `sim`'s host (and no other). */
export async function simApp<S extends Reachable>(sim: S): Promise<SimApp<S>> {
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
  };
}

/** POST /v1/connections (no first sync), which must answer 201; the new connection's id and token. */
export async function connect(app: FastifyInstance, body: { system: string; name: string; credentials: unknown }): Promise<{ connectionId: string; token: string }> {
  const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { ...body, sync: false } });
  assert.equal(res.statusCode, 201, res.body);
  return { connectionId: res.json().data.id, token: res.json().token };
}

/** GET every page of a unified list (limit 200), following nextCursor; `extra` is appended to the query (`&…`). */
export async function listAll(app: FastifyInstance, token: string, path: string, extra = ''): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; body: string; json(): Json } = await app.inject({ url: `/v1/${path}?limit=200${extra}${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(token) });
    assert.equal(res.statusCode, 200, res.body);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

/** POST /v1/connections/{id}/sync?wait=true, which must answer 200; the per-entity state by entity key. */
export async function runSync(app: FastifyInstance, connectionId: string, full = false): Promise<Record<string, Json>> {
  const res = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full } });
  assert.equal(res.statusCode, 200, res.body);
  return Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
}
