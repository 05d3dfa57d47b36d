/**
 * Manifold under test, in its own process: the store the environment names (opened and migrated
 * as `manifold serve` does), the real app (every plugin, the request log), a silent logger, on a
 * free loopback port. The parent fills the store or creates connections through the API.
 *
 * Environment: MANIFOLD_DATA_DIR / DATABASE_URL (the scratch store), BENCH_ALLOWED_ORIGINS
 * (host:port list the connections may reach: the simulators on loopback), BENCH_LIFT_BUDGET=1
 * (every connector's rate budget raised out of the way, to see what Manifold itself costs; the
 * shipped budgets protect the customer's system and are measured as they are otherwise).
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/core/config.js';
import { SecretBox } from '../../src/core/secret-box.js';
import { createConnection } from '../../src/engine/connections.js';
import type { ConnectorMap } from '../../src/engine/runtime.js';
import { connectors } from '../../src/connectors/index.js';
import { buildApp } from '../../src/server/app.js';
import { openConfiguredStore } from '../../src/server/start.js';
import { orderInput } from '../lib/orders.js';
import { serveChild } from './serve-child.js';

await serveChild(async () => {
  const config = loadConfig(process.env);
  const store = await openConfiguredStore(config);
  const adminKey = `mfa_bench_${randomBytes(24).toString('hex')}`;
  const origins = (process.env.BENCH_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
  const app = await buildApp({
    store,
    adminKey,
    logger: pino({ level: 'silent' }),
    secretBox: new SecretBox(randomBytes(32)),
    addressPolicy: { allowPrivateNetworks: false, allowedOrigins: new Set(origins) },
    syncPageSize: config.syncPageSize,
    ...(process.env.BENCH_LIFT_BUDGET === '1' ? { connectors: liftedBudgets() } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    info: { url: `http://127.0.0.1:${port}`, adminKey, dialect: store.dialect },
    handlers: {
      /** A connection with `count` purchase orders of `lines` lines, written through the store's repo in batches. */
      async fill(count: number, lines: number): Promise<{ connectionId: string; token: string }> {
        const { connection, token } = await createConnection(store, { system: 'tryton', name: 'Bench', credentials: null });
        const syncedAt = new Date().toISOString();
        for (let start = 0; start < count; start += 500) {
          const batch = [];
          for (let n = start + 1; n <= Math.min(count, start + 500); n += 1) batch.push(orderInput(connection.id, n, lines, syncedAt));
          await store.records.upsertMany(batch);
        }
        return { connectionId: connection.id, token };
      },
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
});

/** Every connector with a rate budget no benchmark reaches (the rest of each definition unchanged). */
function liftedBudgets(): ConnectorMap {
  return Object.fromEntries(
    Object.entries(connectors as unknown as ConnectorMap).map(([id, c]) => [id, { ...c, rateBudget: { requestsPerSecond: 1_000_000, burst: 1_000_000, maxConcurrent: 1_000 } }]),
  );
}
