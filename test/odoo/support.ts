/**
 * A Manifold app over a fresh SQLite store with a connection to a fresh Odoo simulator, and the
 * calls the Odoo API tests share.
 */
import { startOdoo, type OdooOptions, type OdooSimulator } from '../../src/sandbox/odoo/simulator.js';
import { connect, listAll, runSync, simApp, type Json, type SimApp } from '../support/api.js';

export interface OdooApp extends SimApp<OdooSimulator> {
  connectionId: string;
  token: string;
  listAll(path: string, extra?: string): Promise<Json[]>;
  sync(full?: boolean): Promise<Record<string, Json>>;
}

export async function odooApp(opts: { sim?: OdooOptions; connect?: boolean; sync?: boolean } = {}): Promise<OdooApp> {
  const base = await simApp(await startOdoo(opts.sim));
  const { sim, app } = base;
  const { connectionId, token } = opts.connect === false ? { connectionId: '', token: '' } : await connect(app, { system: 'odoo', name: 'Odoo', credentials: sim.credentials });
  const env: OdooApp = {
    ...base,
    connectionId,
    token,
    listAll: (path, extra) => listAll(app, env.token, path, extra),
    sync: (full) => runSync(app, env.connectionId, full),
  };
  if (opts.sync) await env.sync(true);
  return env;
}

/** A record's own fields, without the envelope. */
export function fieldsOf(record: Json): Json {
  const { id: _id, remoteId: _r, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, customFields: _cf, remoteData: _rd, ...rest } = record;
  return rest;
}
