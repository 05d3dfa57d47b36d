/**
 * The store: SQLite (better-sqlite3) by default, PostgreSQL when a database URL is given, with
 * the same repos and migrations on both.
 */
import { join } from 'node:path';
import { openPostgres, openSqlite } from './db.js';
import { runMigrations } from './migrate.js';
import { createStore, type Store } from './store.js';

export interface StoreOptions {
  /** postgres://…; when set, PostgreSQL is used and sqlitePath is ignored. */
  databaseUrl?: string;
  /** The SQLite file (see sqlitePathFor); its directory is created if missing. */
  sqlitePath?: string;
  /** PostgreSQL only: isolate in this schema (created if missing), the search_path of every pooled connection. */
  pgSchema?: string;
  /** PostgreSQL only: pool size (default 10). */
  pgPoolMax?: number;
}

/** Opens the database; does not migrate (see migrateToLatest). */
export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl !== undefined) {
    const db = await openPostgres({ url: opts.databaseUrl, schema: opts.pgSchema, poolMax: opts.pgPoolMax });
    return createStore(db, 'postgres');
  }
  if (opts.sqlitePath === undefined) throw new Error('openStore needs a databaseUrl or a sqlitePath');
  return createStore(openSqlite(opts.sqlitePath), 'sqlite');
}

/**
 * Applies pending migrations; safe on every start. On PostgreSQL an advisory lock (per schema)
 * serialises processes that start together.
 */
export async function migrateToLatest(store: Store): Promise<{ applied: string[] }> {
  return runMigrations(store.db, store.dialect);
}

/** Where the embedded database lives in a data directory. */
export function sqlitePathFor(dataDir: string): string {
  return join(dataDir, 'manifold.sqlite');
}

export { createRepos, type Repos, type Store } from './store.js';
export type { DialectName } from './db.js';
export type { Database } from './schema.js';
export type { JsonObject, JsonValue } from './json.js';
export type { ConnectionPatch, ConnectionRow, ConnectionStatus, ConnectionsRepo, NewConnection } from './repos/connections.js';
export type { NewToken, TokenRow, TokensRepo } from './repos/tokens.js';
export { contentHash } from './repos/records.js';
export type { ListRecordsOptions, RecordInput, RecordJsonRow, RecordRow, RecordsRepo, UpsertBrief, UpsertOutcome, UpsertResult } from './repos/records.js';
export type { CheckpointInput, CheckpointRow, CheckpointsRepo } from './repos/checkpoints.js';
export type { RequestLogInput, RequestLogRow, RequestLogRepo } from './repos/request-log.js';
export type { FieldMappingInput, FieldMappingRow, FieldMappingsRepo } from './repos/field-mappings.js';
export type {
  BeginIdempotency,
  BeginResult,
  IdempotencyRepo,
  IdempotencyRow,
  IdempotencyState,
} from './repos/idempotency.js';
export type { EventRow, EventType, EventsRepo, NewEvent } from './repos/events.js';
export { linkStatus } from './repos/connect-links.js';
export type { ConnectLinkRow, ConnectLinkStatus, ConnectLinksRepo, NewConnectLink } from './repos/connect-links.js';
export type { CxmlDocumentRow, CxmlIntakeRepo, CxmlIntakeRow, CxmlOrderRow, CxmlOrderState } from './repos/cxml-intake.js';
