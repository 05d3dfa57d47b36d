/**
 * Configuration: the environment variables of docs/configuration (api.md), parsed once with zod.
 * A bad value stops the process with a message that names the variable.
 */
import { z } from 'zod';

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes');

/** Where a system cannot report deletions incrementally, a full sync once a day finds them. */
export const DEFAULT_FULL_SYNC_HOURS = 24;

export const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1').describe('Listen address.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('Listen port (0 picks a free one).'),
  MANIFOLD_DATA_DIR: z.string().min(1).default('./data')
    .describe('Holds the SQLite database, the generated admin key and the generated encryption key (files mode 0600).'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()
    .describe('Use PostgreSQL instead of the embedded SQLite store.'),
  MANIFOLD_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').optional()
    .describe('The admin key; generated into <data dir>/admin-key on first start if unset.'),
  MANIFOLD_SECRET_KEY: z.string().optional()
    .describe('Credential encryption key, 32 bytes in base64; generated into <data dir>/secret-key if unset.'),
  MANIFOLD_SANDBOX: flag.optional().describe('Start the built-in vendor simulators (default on unless NODE_ENV=production).'),
  MANIFOLD_ALLOW_PRIVATE_NETWORKS: flag.default(false)
    .describe('Allow instance URLs on loopback, link-local and private ranges (on-premises installs).'),
  MANIFOLD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
    .describe('Log level of the JSON log lines on stdout.'),
  MANIFOLD_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576).describe('Largest accepted request body, in bytes.'),
  MANIFOLD_REQUEST_LOG_DAYS: z.coerce.number().int().min(1).default(7).describe('Days the request log is kept.'),
  MANIFOLD_SYNC_INTERVAL_MINUTES: z.coerce.number().positive().default(5).describe('How often each connection is synced again.'),
  MANIFOLD_FULL_SYNC_HOURS: z.coerce.number().nonnegative().default(DEFAULT_FULL_SYNC_HOURS)
    .describe('Hours after which an entity whose system cannot report deletions to an incremental sync is read again in full, so records deleted there are marked deleted; 0: only when asked.'),
  MANIFOLD_SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).optional()
    .describe("Records per page when syncing (default: each connector's own)."),
  NODE_ENV: z.string().optional().describe('production turns the sandbox off by default.'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  adminKey: string | undefined;
  secretKey: string | undefined;
  sandbox: boolean;
  allowPrivateNetworks: boolean;
  logLevel: RawConfig['MANIFOLD_LOG_LEVEL'];
  bodyLimit: number;
  requestLogDays: number;
  syncIntervalMs: number;
  /** Undefined: a full sync only when asked (MANIFOLD_FULL_SYNC_HOURS=0). */
  fullSyncEveryMs: number | undefined;
  syncPageSize: number | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: c.MANIFOLD_DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    adminKey: c.MANIFOLD_ADMIN_KEY,
    secretKey: c.MANIFOLD_SECRET_KEY,
    sandbox: c.MANIFOLD_SANDBOX ?? c.NODE_ENV !== 'production',
    allowPrivateNetworks: c.MANIFOLD_ALLOW_PRIVATE_NETWORKS,
    logLevel: c.MANIFOLD_LOG_LEVEL,
    bodyLimit: c.MANIFOLD_BODY_LIMIT,
    requestLogDays: c.MANIFOLD_REQUEST_LOG_DAYS,
    syncIntervalMs: c.MANIFOLD_SYNC_INTERVAL_MINUTES * 60_000,
    fullSyncEveryMs: c.MANIFOLD_FULL_SYNC_HOURS > 0 ? c.MANIFOLD_FULL_SYNC_HOURS * 3_600_000 : undefined,
    syncPageSize: c.MANIFOLD_SYNC_PAGE_SIZE,
  };
}
