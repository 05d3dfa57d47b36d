/**
 * Starting Manifold as a process: config → store (migrated) → keys → app → listen. Used by
 * `manifold serve`, `npm start` and the end-to-end tests that start a real process.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { migrateToLatest, openStore, sqlitePathFor, type Store, type StoreOptions } from '../store/index.js';
import { buildApp } from './app.js';
import { newAdminKey } from './auth/credentials.js';
import { resolveKeyFile, type ResolvedKey } from './auth/key-files.js';
import { openKeyRing } from '../core/key-ring.js';
import { startSandboxes } from '../sandbox/index.js';

export interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  adminKey: ResolvedKey;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in the data dir. */
export function storeOptionsFor(config: Config): StoreOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: sqlitePathFor(config.dataDir) };
}

export async function openConfiguredStore(config: Config): Promise<Store> {
  const store = await openStore(storeOptionsFor(config));
  await migrateToLatest(store);
  return store;
}

export async function startServer(config: Config): Promise<Running> {
  const logger = createLogger(config.logLevel);
  const store = await openConfiguredStore(config);
  const adminKey = resolveKeyFile({
    fromEnv: config.adminKey,
    envName: 'MANIFOLD_ADMIN_KEY',
    dataDir: config.dataDir,
    fileName: 'admin-key',
    generate: newAdminKey,
  });
  const { box: secretBox } = openKeyRing({ fromEnv: config.secretKey, dataDir: config.dataDir });
  const sandboxes = config.sandbox ? startSandboxes(logger) : undefined;
  const app = await buildApp({
    store,
    adminKey: adminKey.value,
    logger,
    bodyLimit: config.bodyLimit,
    secretBox,
    schedule: true,
    // The sandbox's own loopback servers are always allowed; the set grows as they come up.
    addressPolicy: { allowPrivateNetworks: config.allowPrivateNetworks, allowedOrigins: sandboxes?.origins ?? new Set() },
    sandbox: sandboxes?.entries,
    syncIntervalMs: config.syncIntervalMs,
    fullSyncEveryMs: config.fullSyncEveryMs,
    syncPageSize: config.syncPageSize,
    requestLogDays: config.requestLogDays,
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    app,
    store,
    url,
    adminKey,
    async close() {
      await app.close();
      await sandboxes?.stop();
      await store.close();
    },
  };
}
