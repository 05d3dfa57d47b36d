import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openStore, type Store } from '../../src/store/index.js';
import { migrations, runMigrations } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';

const ALL = Object.keys(migrations('sqlite')).sort();
import { describeEachStore, testDatabaseUrl, uniqueSchemaName, type StoreKind } from '../support/stores.js';

/** A store on an empty database, not migrated (createTestStore migrates). */
async function openEmpty(kind: StoreKind): Promise<{ open(): Promise<Store>; cleanup(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'manifold-migrate-'));
    return {
      open: () => openStore({ sqlitePath: join(dir, 'nested', 'manifold.sqlite') }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const schema = uniqueSchemaName();
  return {
    open: () => openStore({ databaseUrl: testDatabaseUrl(), pgSchema: schema, pgPoolMax: 2 }),
    async cleanup() {
      const admin = await openStore({ databaseUrl: testDatabaseUrl(), pgPoolMax: 1 });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      } finally {
        await admin.close();
      }
    },
  };
}

describeEachStore('migrations', ({ kind, store }) => {
  it('apply once, then find nothing to apply', async () => {
    const empty = await openEmpty(kind);
    try {
      const s = await empty.open();
      try {
        assert.deepEqual(await migrateToLatest(s), { applied: ALL });
        assert.deepEqual(await migrateToLatest(s), { applied: [] });
        await s.connections.create({ id: 'conn_after_migrate', system: 'tryton', name: 'x' });
        assert.equal((await s.connections.get('conn_after_migrate'))?.name, 'x');
      } finally {
        await s.close();
      }
    } finally {
      await empty.cleanup();
    }
  });

  it('leave an already migrated store alone', async () => {
    assert.deepEqual(await migrateToLatest(store()), { applied: [] });
  });

  it('answer ping, and close idempotently', async () => {
    await store().ping();
    const empty = await openEmpty(kind);
    try {
      const s = await empty.open();
      await s.ping();
      await s.close();
      await s.close();
      await assert.rejects(s.ping());
    } finally {
      await empty.cleanup();
    }
  });

  if (kind === 'sqlite') {
    it('open SQLite in WAL mode with the documented pragmas', async () => {
      const pragma = async (name: string) => {
        const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(store().db);
        return rows[0] && Object.values(rows[0])[0];
      };
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('foreign_keys'), 1);
      assert.equal(await pragma('synchronous'), 1); // NORMAL
      assert.ok(Number(await pragma('busy_timeout')) >= 1000);
      const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(store().db);
      const file = rows.find((r) => r.name === 'main')?.file ?? '';
      assert.equal((await stat(file)).mode & 0o777, 0o600, 'the database file is private to its owner');
    });
  }

  if (kind === 'postgres') {
    it('serialise processes that migrate the same schema at once', async () => {
      const empty = await openEmpty(kind);
      const stores = await Promise.all([empty.open(), empty.open(), empty.open()]);
      try {
        const results = await Promise.all(stores.map((s) => migrateToLatest(s)));
        assert.deepEqual(results.flatMap((r) => r.applied), ALL);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await empty.cleanup();
      }
    });

    // Kysely's migrator calls has_schema_privilege and pg_get_serial_sequence by name on every
    // table of every schema it lists; one dropped by another process meanwhile fails those calls.
    // The failures are made here by the same calls on names that do not exist, at the moment the
    // migrator lists tables.
    const vanished = {
      schema: sql`select has_schema_privilege(${'manifold_dropped_meanwhile'}::text, 'USAGE')`,
      table: sql`select pg_get_serial_sequence(${'public.manifold_dropped_meanwhile'}::text, 'id')`,
    };
    for (const [what, failures, outcome] of [['schema', 2, 'applies everything'], ['table', 2, 'applies everything'], ['schema', 3, 'gives up']] as const) {
      it(`${outcome} when another ${what} vanishes while the migrator lists tables ${failures} times`, async () => {
        const schema = uniqueSchemaName();
        const base = new PostgresDialect({ pool: new pg.Pool({ connectionString: testDatabaseUrl(), max: 2, options: `-c search_path=${schema}` }) });
        let left: number = failures;
        const dialect: Dialect = {
          createAdapter: () => base.createAdapter(),
          createDriver: () => base.createDriver(),
          createQueryCompiler: () => base.createQueryCompiler(),
          createIntrospector: (db) => {
            const real = base.createIntrospector(db);
            return {
              getSchemas: () => real.getSchemas(),
              getMetadata: (options) => real.getMetadata(options),
              async getTables(options) {
                if (left > 0) {
                  left -= 1;
                  await vanished[what].execute(db);
                }
                return real.getTables(options);
              },
            };
          },
        };
        const db = new Kysely<Database>({ dialect });
        try {
          await sql`create schema ${sql.id(schema)}`.execute(db);
          if (outcome === 'applies everything') {
            assert.deepEqual(await runMigrations(db, 'postgres'), { applied: ALL });
          } else {
            await assert.rejects(runMigrations(db, 'postgres'), /manifold_dropped_meanwhile" does not exist/);
          }
          assert.equal(left, 0, 'every injected failure was met');
        } finally {
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
          await db.destroy();
        }
      });
    }

    it('keep every table in the store schema, JSON as jsonb, keys byte-ordered', async () => {
      const { rows } = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(
        store().db,
      );
      const tables = rows.map((r) => r.table_name);
      const expected = ['connections', 'events', 'field_mappings', 'idempotency_keys', 'records', 'request_log', 'sync_checkpoints', 'tokens'];
      for (const t of expected) {
        assert.ok(tables.includes(t), `${t} in ${tables.join(',')}`);
      }
      const columns = await sql<{ column_name: string; data_type: string; collation_name: string | null }>`
        select column_name, data_type, collation_name from information_schema.columns
        where table_schema = current_schema() and table_name = 'records'`.execute(store().db);
      const col = (name: string) => columns.rows.find((c) => c.column_name === name);
      assert.equal(col('data')?.data_type, 'jsonb');
      assert.equal(col('updated_at')?.collation_name, 'C');
      assert.equal(col('id')?.collation_name, 'C');
    });
  }
});
