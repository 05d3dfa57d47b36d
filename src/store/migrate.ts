/**
 * Migrations are code (no files read at runtime), ordered by name, and the same list runs on
 * both dialects; only the column types handed to them differ.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './db.js';
import { columnTypes } from './migrations/columns.js';
import { initialMigration } from './migrations/0001_initial.js';
import { connectLinksMigration } from './migrations/0002_connect_links.js';
import { syncIntervalMigration } from './migrations/0003_sync_interval.js';
import { outboundPolicyMigration } from './migrations/0004_outbound_policy.js';
import { cxmlIntakeMigration } from './migrations/0005_cxml_intake.js';
import type { Database } from './schema.js';

export function migrations(dialect: DialectName): Record<string, Migration> {
  const c = columnTypes(dialect);
  return {
    '0001_initial': initialMigration(c),
    '0002_connect_links': connectLinksMigration(c),
    '0003_sync_interval': syncIntervalMigration(c),
    '0004_outbound_policy': outboundPolicyMigration(c),
    '0005_cxml_intake': cxmlIntakeMigration(c),
  };
}

export async function runMigrations(db: Kysely<Database>, dialect: DialectName): Promise<{ applied: string[] }> {
  if (dialect === 'sqlite') return migrateSqlite(db);
  // A session-level advisory lock held on one connection for the whole run (table creation
  // included), so processes starting together against one database apply each migration once.
  // Kysely takes its own lock too, but only around the migrations themselves.
  return db.connection().execute(async (conn) => {
    const schema = await currentSchema(conn);
    const key = `manifold.migrate.${schema}`;
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await migratePostgres(conn, schema);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

async function migrate(db: Kysely<Database>, dialect: DialectName, schema?: string): Promise<{ applied: string[] }> {
  const list = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => list };
  // Kysely looks for its bookkeeping tables in every schema unless told which one; with several
  // Manifold schemas in one database (tests, tenants) it would find another schema's table.
  const migrator = new Migrator({ db, provider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? '(setup)'} failed: ${describe(error)}`, { cause: error });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

const POSTGRES_ATTEMPTS = 3;
/** invalid_schema_name, undefined_table: what a schema or table dropped meanwhile raises. */
const VANISHED = new Set(['3F000', '42P01']);

// Kysely's migrator looks for its own tables by listing the tables of every schema and calling
// has_schema_privilege and pg_get_serial_sequence by name on each: a schema another process drops
// meanwhile (a tenant, a test file's) makes those calls fail, although ours is untouched. A
// migration that fails so rolls back (PostgreSQL's DDL is transactional), so a retry is safe.
async function migratePostgres(db: Kysely<Database>, schema: string): Promise<{ applied: string[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db, 'postgres', schema);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (attempt >= POSTGRES_ATTEMPTS || typeof code !== 'string' || !VANISHED.has(code)) throw error;
      await currentSchema(db); // ours gone too: say so rather than retry
    }
  }
}

const SQLITE_ATTEMPTS = 3;

// SQLite has no advisory lock; a second process that starts while the first migrates gets
// SQLITE_BUSY (WAL refuses to upgrade a stale read snapshot, so busy_timeout cannot help) and
// succeeds on a retry, finding nothing left to apply.
async function migrateSqlite(db: Kysely<Database>): Promise<{ applied: string[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db, 'sqlite');
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (attempt >= SQLITE_ATTEMPTS || typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw error;
    }
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path and that the schema exists');
  return schema;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
