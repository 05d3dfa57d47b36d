/**
 * Opening a database: the one place where SQLite and PostgreSQL differ at runtime. Everything
 * above this file (repos, migrations) is written once against Kysely; the column types that
 * differ live in migrations/columns.ts.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { withStatementCache } from './sqlite-statements.js';

export type DialectName = 'sqlite' | 'postgres';

/** How long a writer waits for another process's lock before SQLite reports SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function openSqlite(path: string): Kysely<Database> {
  const inMemory = path === ':memory:';
  const isNew = !inMemory && !existsSync(path);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const database = new SqliteDatabase(path);
  try {
    // The file holds credentials (encrypted) and the systems' business data: owner only, as
    // api.md asks of the data directory's files. Done before WAL mode creates -wal and -shm,
    // which SQLite gives the main file's permissions.
    if (isNew) chmodSync(path, 0o600);
    // WAL lets readers run while a sync writes; NORMAL is durable in WAL mode except for the
    // last transactions on power loss, which a resync restores.
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    database.close();
    throw error;
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

export interface PostgresOptions {
  url: string;
  schema?: string | undefined;
  poolMax?: number | undefined;
}

export async function openPostgres(opts: PostgresOptions): Promise<Kysely<Database>> {
  if (opts.schema !== undefined) assertSchemaName(opts.schema);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    // A startup parameter rather than a SET after connect: it applies before the first query
    // of every pooled connection and survives RESET ALL / DISCARD ALL.
    ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
    types: { getTypeParser },
  });
  // An idle client that loses its server emits 'error' on the pool; unhandled, that would kill
  // the process. The pool drops the client, and the next query reports the outage.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (opts.schema !== undefined) await createSchema(db, opts.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

const PG_INT8 = 20;
const PG_JSON = 114;
const PG_JSONB = 3802;

// Per-pool parsers (not pg.types.setTypeParser) so that other pg users in the process are not
// affected. int8 → number: `seq` and count(*) are int8 and must be JS numbers as on SQLite.
// json/jsonb → the raw text: json.ts decodes it, exactly as it decodes SQLite's TEXT.
function getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
  if (format === undefined || format === 'text') {
    if (oid === PG_INT8) return parseSafeInteger;
    if (oid === PG_JSON || oid === PG_JSONB) return (text: string) => text;
  }
  return pg.types.getTypeParser(oid, format);
}

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JS number`);
  return value;
}

// Only plain lower-case identifiers: the name goes into a startup option and DDL unquoted.
function assertSchemaName(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`pgSchema must match [a-z_][a-z0-9_]* (at most 63 characters): ${name}`);
  }
}

async function createSchema(db: Kysely<Database>, name: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(name)}`.execute(db);
  } catch (error) {
    // Two processes creating the same schema at once: `if not exists` still lets the loser fail
    // on the catalog's unique index. The schema exists, which is all we wanted.
    if ((error as { code?: unknown }).code !== '23505') throw error;
  }
}

export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
