/** The real Tryton 6.0 as a sandbox system (needs Debian's packages: scripts/tryton/install.sh). */
import type { SandboxSystem } from '../system.js';
import { startTryton, trytonAvailable } from './server.js';

export const trytonSandbox: SandboxSystem = {
  id: 'tryton',
  unavailable: trytonAvailable,
  startNote: 'the first start builds a seeded database, about 35 s',
  async start(opts) {
    const server = await startTryton(opts?.port === undefined ? {} : { port: opts.port });
    return {
      url: server.url,
      credentials: { instanceUrl: server.url, database: server.database, username: server.username, password: server.password },
      stop: () => server.stop(),
    };
  },
};
