/**
 * The PROACTIS P2P (on-premises) XML gateway simulator as a sandbox system, and the handle tests
 * use: the gateway URL, demo credentials, the simulator's own data (to compare with and to change)
 * and the log of every request it received.
 */
import type { SandboxSystem } from '../system.js';
import type { CompanyRec, DatabaseRec, P2pData } from './data.js';
import { seedData, type SeedOptions } from './seed.js';
import { NO_IMPORT_ROLE, SANDBOX } from './seed-setup.js';
import { startGatewayServer, type LoggedCall } from './server.js';

export interface P2pSimulator {
  /** The gateway URL (…/XMLGateway.asmx), the connector's gatewayUrl. */
  url: string;
  /** Credentials of the sandbox's import user (in the DataImport role). */
  credentials: { gatewayUrl: string; database: string; company: string; username: string; password: string };
  /** A user who can log in to P2P but is not in the DataImport role. */
  noImportRole: { username: string; password: string };
  data: P2pData;
  /** The sandbox database and company. */
  database: DatabaseRec;
  company: CompanyRec;
  requests: LoggedCall[];
  stop(): Promise<void>;
}

export async function startProactisP2p(opts: SeedOptions & { port?: number } = {}): Promise<P2pSimulator> {
  const data = seedData(opts);
  const server = await startGatewayServer(data, { port: opts.port });
  const database = data.databases.get(SANDBOX.database)!;
  return {
    url: server.url,
    credentials: { gatewayUrl: server.url, database: SANDBOX.database, company: SANDBOX.company, username: SANDBOX.username, password: SANDBOX.password },
    noImportRole: { ...NO_IMPORT_ROLE },
    data,
    database,
    company: database.companies.get(SANDBOX.company)!,
    requests: server.requests,
    stop: () => server.close(),
  };
}

export const proactisP2pSandbox: SandboxSystem = {
  id: 'proactis-p2p',
  async start(opts) {
    const sim = await startProactisP2p(opts?.port === undefined ? {} : { port: opts.port });
    return { url: sim.url, credentials: { ...sim.credentials }, stop: () => sim.stop() };
  },
};
