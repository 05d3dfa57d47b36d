/**
 * A Manifold app over a fresh SQLite store with the SAP S/4HANA simulator, and what the tests
 * need of both: connect, sync, list every page, call as the connection, read the request log.
 */
import { startSapS4hana, type SapS4hanaOptions } from '../../src/sandbox/sap-s4hana/server.js';
import type { SimulatorHandle } from '../../src/sandbox/sap-s4hana/handle.js';
import { admin } from '../support/app.js';
import { connect, listAll, runSync, simApp, type Json, type SimApp } from '../support/api.js';

export type { Json };

export interface SapApp extends SimApp<SimulatorHandle> {
  connect(): Promise<{ connectionId: string; token: string }>;
  sync(connectionId: string, full?: boolean): Promise<Json>;
  listAll(token: string, path: string, extra?: string): Promise<Json[]>;
  callsOf(requestId: string): Promise<Json[]>;
}

export async function sapApp(opts: SapS4hanaOptions = {}): Promise<SapApp> {
  const base = await simApp(await startSapS4hana(opts));
  const { sim, app } = base;
  return {
    ...base,
    connect: () => connect(app, { system: 'sap-s4hana', name: 'S/4HANA', credentials: sim.credentials }),
    sync: (connectionId, full) => runSync(app, connectionId, full),
    listAll: (token, path, extra) => listAll(app, token, path, extra),
    async callsOf(requestId) {
      return (await app.inject({ url: `/v1/requests/${requestId}`, headers: admin })).json().data.calls as Json[];
    },
  };
}
