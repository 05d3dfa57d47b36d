/**
 * A Manifold app over a fresh SQLite store with one connection to a MaintainX simulator, for the
 * API tests of the MaintainX connector; and the API calls those tests share.
 */
import { startMaintainx, type MaintainxOptions, type MaintainxSandbox } from '../../src/sandbox/maintainx/sandbox.js';
import { connect, listAll, runSync, simApp, type Json, type SimApp } from '../support/api.js';

export type { Json };

export interface MaintainxApp extends SimApp<MaintainxSandbox> {
  connectionId: string;
  token: string;
  /** GET every page of a unified list (limit 200). */
  listAll(path: string, extra?: string): Promise<Json[]>;
  /** POST /v1/connections/{id}/sync?wait=true; answers the per-entity state by entity key. */
  sync(full?: boolean): Promise<Record<string, Json>>;
}

export async function maintainxApp(simOptions: MaintainxOptions, opts: { connect?: boolean } = {}): Promise<MaintainxApp> {
  const base = await simApp(await startMaintainx(simOptions));
  const { sim, app } = base;
  const { connectionId, token } = opts.connect === false ? { connectionId: '', token: '' } : await connect(app, { system: 'maintainx', name: 'MaintainX', credentials: { instanceUrl: sim.url, apiKey: sim.apiKey } });
  const env: MaintainxApp = {
    ...base,
    connectionId,
    token,
    listAll: (path, extra) => listAll(app, env.token, path, extra),
    sync: (full) => runSync(app, env.connectionId, full),
  };
  return env;
}
