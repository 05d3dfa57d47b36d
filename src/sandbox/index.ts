/**
 * The sandbox systems `npm start` offers (MANIFOLD_SANDBOX=on): instances to connect with demo
 * credentials, listed in the catalogue. Each starts in the background, so the API is up at once;
 * a system appears in the catalogue when its sandbox answers. Today that is a real Tryton 6.0
 * when Debian's packages are installed (scripts/tryton/install.sh); the vendor simulators join
 * here as they arrive.
 */
import type { Logger } from 'pino';
import type { SandboxEntry } from '../server/routes/systems.js';
import { startTryton, trytonAvailable, type TrytonServer } from './tryton/server.js';

export interface Sandboxes {
  /** Sandbox entries by system id, for the catalogue (grows as sandboxes come up). */
  entries(): Record<string, SandboxEntry>;
  /** host:port of every sandbox, always allowed by the address policy. */
  origins: Set<string>;
  stop(): Promise<void>;
}

export function startSandboxes(logger: Logger): Sandboxes {
  const entries: Record<string, SandboxEntry> = {};
  const origins = new Set<string>();
  let tryton: TrytonServer | undefined;
  let stopped = false;

  void (async () => {
    const missing = await trytonAvailable();
    if (missing) {
      logger.info({ reason: missing }, 'Tryton sandbox not started: Tryton is not installed');
      return;
    }
    logger.info('starting the Tryton sandbox (the first start builds a seeded database, about 35 s)');
    const server = await startTryton();
    if (stopped) {
      await server.stop();
      return;
    }
    tryton = server;
    origins.add(new URL(server.url).host);
    entries.tryton = {
      instanceUrl: server.url,
      credentials: { instanceUrl: server.url, database: server.database, username: server.username, password: server.password },
    };
    logger.info({ url: server.url }, 'Tryton sandbox ready');
  })().catch((err) => logger.warn({ err }, 'the Tryton sandbox did not start'));

  return {
    entries: () => entries,
    origins,
    async stop() {
      // A sandbox still starting stops itself when it is up (see above); exiting need not wait.
      stopped = true;
      await tryton?.stop();
    },
  };
}
