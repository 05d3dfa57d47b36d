/**
 * `manifold worker`: runs the sync schedule without serving HTTP — for deployments that split API
 * processes from sync processes over one PostgreSQL database.
 */
import { Command } from 'commander';
import { connectors } from '../connectors/index.js';
import { loadConfig } from '../core/config.js';
import { openKeyRing } from '../core/key-ring.js';
import { createLogger } from '../core/logger.js';
import { ConnectorRuntime, type ConnectorMap } from '../engine/runtime.js';
import { createSyncJobs } from '../engine/sync/jobs.js';
import { openConfiguredStore } from '../server/start.js';

export function workerCommand(): Command {
  return new Command('worker')
    .description('Run scheduled syncs without serving the API (configuration from the environment, as for serve).')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      const store = await openConfiguredStore(config);
      const { box } = openKeyRing({ fromEnv: config.secretKey, dataDir: config.dataDir });
      const runtime = new ConnectorRuntime(connectors as unknown as ConnectorMap, box, { allowPrivateNetworks: config.allowPrivateNetworks, allowedOrigins: new Set() });
      const jobs = createSyncJobs({ store, runtime, logger, intervalMs: config.syncIntervalMs, fullEveryMs: config.fullSyncEveryMs, pageSize: config.syncPageSize });
      jobs.startSchedule();
      logger.info({ store: store.dialect, intervalMs: config.syncIntervalMs }, 'worker running');
      const stop = async () => {
        await jobs.stop();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
