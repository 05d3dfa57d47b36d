/** `manifold sync <connection>`: sync a connection now, in this process, and print the counts. */
import { Command } from 'commander';
import { connectors } from '../connectors/index.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { openKeyRing } from '../core/key-ring.js';
import { ConnectorRuntime, type ConnectorMap } from '../engine/runtime.js';
import { syncConnection } from '../engine/sync/sync-connection.js';
import { openConfiguredStore } from '../server/start.js';

export function syncCommand(): Command {
  return new Command('sync')
    .description('Sync one connection now (what changed since the last sync, or everything with --full or when a full sync is due: MANIFOLD_FULL_SYNC_HOURS) and print the counts.')
    .argument('<connectionId>', 'the connection id')
    .option('--full', 're-read everything and sweep deletions')
    .action(async (connectionId: string, opts: { full?: boolean }) => {
      const config = loadConfig();
      const store = await openConfiguredStore(config);
      try {
        const connection = await store.connections.get(connectionId);
        if (!connection) {
          console.error(`No connection ${connectionId}.`);
          process.exitCode = 2;
          return;
        }
        const { box } = openKeyRing({ fromEnv: config.secretKey, dataDir: config.dataDir });
        const runtime = new ConnectorRuntime(connectors as unknown as ConnectorMap, box, { allowPrivateNetworks: config.allowPrivateNetworks, allowedOrigins: new Set() });
        const result = await syncConnection({ store, runtime, logger: createLogger('warn') }, connection, { full: opts.full, pageSize: config.syncPageSize, fullEveryMs: config.fullSyncEveryMs });
        for (const [entity, r] of Object.entries(result.entities)) console.log(`${entity}: ${JSON.stringify(r)}`);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
}
