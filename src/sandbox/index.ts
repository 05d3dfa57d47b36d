/**
 * The sandbox systems `npm start` offers (MANIFOLD_SANDBOX=on): instances to connect with demo
 * credentials, listed in the catalogue. Each starts in the background, so the API is up at once;
 * a system appears in the catalogue when its sandbox answers. The list is `sandboxSystems`: a real
 * Tryton 6.0 when Debian's packages are installed (scripts/tryton/install.sh), and the vendor
 * simulators, which always start.
 */
import type { Logger } from 'pino';
import type { SandboxEntry } from '../server/routes/systems.js';
import type { RunningSandbox, SandboxSystem } from './system.js';
import { sandboxSystems } from './systems.js';

export interface Sandboxes {
  /** Sandbox entries by system id, for the catalogue (grows as sandboxes come up). */
  entries(): Record<string, SandboxEntry>;
  /** host:port of every sandbox, always allowed by the address policy. */
  origins: Set<string>;
  stop(): Promise<void>;
}

export function startSandboxes(logger: Logger, systems: readonly SandboxSystem[] = sandboxSystems): Sandboxes {
  const entries: Record<string, SandboxEntry> = {};
  const origins = new Set<string>();
  const running: RunningSandbox[] = [];
  let stopped = false;

  for (const system of systems) {
    void (async () => {
      const missing = await system.unavailable?.();
      if (missing) {
        logger.info({ system: system.id, reason: missing }, 'sandbox not started');
        return;
      }
      logger.info({ system: system.id }, `starting the ${system.id} sandbox${system.startNote ? ` (${system.startNote})` : ''}`);
      const sandbox = await system.start();
      if (stopped) {
        await sandbox.stop();
        return;
      }
      running.push(sandbox);
      origins.add(new URL(sandbox.url).host);
      entries[system.id] = { instanceUrl: sandbox.url, credentials: sandbox.credentials };
      logger.info({ system: system.id, url: sandbox.url }, 'sandbox ready');
    })().catch((err) => logger.warn({ err, system: system.id }, 'a sandbox did not start'));
  }

  return {
    entries: () => entries,
    origins,
    async stop() {
      // A sandbox still starting stops itself when it is up (see above); exiting need not wait.
      stopped = true;
      await Promise.all(running.map((s) => s.stop()));
    },
  };
}
