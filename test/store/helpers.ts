/** Fixtures shared by the store tests (not a test file itself: the runner globs *.test.ts). */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type ConnectionRow, type RecordInput, type Store } from '../../src/store/index.js';
import { testDatabaseUrl, type StoreKind } from '../support/stores.js';

/** Unique per call and per process, so tests sharing one store never collide. */
export function uid(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

export async function makeConnection(store: Store, name = 'Plant 4 ERP'): Promise<ConnectionRow> {
  return store.connections.create({ id: uid('conn'), system: 'tryton', name });
}

/** Deterministic like the real record ids, and unordered with respect to the remote ids. */
export function testRecordId(connectionId: string, entity: string, remoteId: string): string {
  return `rec_${createHash('sha256').update(`${connectionId}\u0000${entity}\u0000${remoteId}`).digest('hex').slice(0, 26)}`;
}

const BASE = Date.parse('2026-03-01T10:00:00.000Z');

/** An instant `ms` milliseconds after a fixed base, in stored form. */
export function at(ms: number): string {
  return new Date(BASE + ms).toISOString();
}

export function recordInput(
  connectionId: string,
  entity: string,
  remoteId: string,
  overrides: Partial<RecordInput> = {},
): RecordInput {
  return {
    id: testRecordId(connectionId, entity, remoteId),
    connectionId,
    entity,
    remoteId,
    data: { number: `PO-${remoteId}`, status: 'approved', total: '100.00', lines: [{ sku: 'A', qty: 1 }] },
    remoteData: { id: Number(remoteId) || remoteId, state: 'confirmed' },
    customFields: {},
    status: 'approved',
    createdAt: at(0),
    updatedAt: at(1_000),
    syncedAt: at(2_000),
    ...overrides,
  };
}

/** A second, independent store on the same database: its own SQLite connection or pg pool. */
export async function openSecondStore(kind: StoreKind, store: Store): Promise<Store> {
  if (kind === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(store.db);
    const file = rows.find((r) => r.name === 'main')?.file;
    if (!file) throw new Error('no SQLite file');
    return openStore({ sqlitePath: file });
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current schema');
  return openStore({ databaseUrl: testDatabaseUrl(), pgSchema: schema, pgPoolMax: 5 });
}

/** Rows a connection still owns in a table, straight from the database. */
export async function countRows(
  store: Store,
  table: 'tokens' | 'records' | 'sync_checkpoints' | 'field_mappings' | 'idempotency_keys' | 'events' | 'request_log',
  connectionId: string,
): Promise<number> {
  const { n } = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .executeTakeFirstOrThrow();
  return Number(n);
}
