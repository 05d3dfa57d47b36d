/**
 * Runs a suite against every store dialect. SQLite always runs; PostgreSQL runs when reachable
 * at MANIFOLD_TEST_DATABASE_URL, is skipped with the reason otherwise, and fails in CI, where a
 * silently skipped dialect would let dialect bugs through.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openStore, type Store } from '../../src/store/index.js';

export type StoreKind = 'sqlite' | 'postgres';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.MANIFOLD_TEST_DATABASE_URL || DEFAULT_URL;
}

export function storeKinds(): StoreKind[] {
  return ['sqlite', 'postgres'];
}

export async function createTestStore(kind: StoreKind): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'manifold-store-'));
    try {
      const store = await openStore({ sqlitePath: join(dir, 'manifold.sqlite') });
      await migrateToLatest(store);
      return {
        store,
        async dispose() {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  const schema = uniqueSchemaName();
  const store = await openStore({ databaseUrl: testDatabaseUrl(), pgSchema: schema, pgPoolMax: 5 });
  const dispose = async () => {
    try {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    } finally {
      await store.close();
    }
  };
  try {
    await migrateToLatest(store);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { store, dispose };
}

/** A schema name no other test process will pick: test files run in parallel processes. */
export function uniqueSchemaName(): string {
  return `test_${process.pid}_${randomBytes(6).toString('hex')}`;
}

let availability: Promise<string | undefined> | undefined;

/** undefined when PostgreSQL answers, else why not. Probed once per process. */
export function postgresAvailable(): Promise<string | undefined> {
  return (availability ??= probePostgres());
}

async function probePostgres(): Promise<string | undefined> {
  // A loaded machine (2 cores, parallel test files, a Tryton building) can be slow to accept a
  // connection: try a few times before calling PostgreSQL missing.
  let reason: string | undefined;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    reason = await probeOnce();
    if (reason === undefined) return undefined;
  }
  return reason;
}

async function probeOnce(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 10_000 });
  // A refused connection also emits 'error'; without a listener that would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL unreachable at ${redact(testDatabaseUrl())}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export interface StoreSuiteContext {
  kind: StoreKind;
  /** The suite's store; valid from `before` until `after`. */
  store: () => Store;
}

export function describeEachStore(title: string, fn: (ctx: StoreSuiteContext) => void): void {
  for (const kind of storeKinds()) {
    describe(`${title} [${kind}]`, async () => {
      const reason = kind === 'postgres' ? await postgresAvailable() : undefined;
      if (reason !== undefined) {
        if (process.env.CI === 'true') {
          it('PostgreSQL is available', () => {
            assert.fail(`PostgreSQL is required in CI (set MANIFOLD_TEST_DATABASE_URL): ${reason}`);
          });
        } else {
          console.log(`Skipping "${title}" on PostgreSQL: ${reason}`);
          describe(title, { skip: reason }, () => {});
        }
        return;
      }

      let current: { store: Store; dispose(): Promise<void> } | undefined;
      before(async () => {
        current = await createTestStore(kind);
      });
      after(async () => {
        await current?.dispose();
      });
      fn({
        kind,
        store: () => {
          if (!current) throw new Error('The store exists only between before() and after()');
          return current.store;
        },
      });
    });
  }
}
