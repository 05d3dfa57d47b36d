/**
 * Record upserts with a content-hash diff, batched: one read per batch to find what exists, one
 * multi-row insert for the new, one update per synced_at for the unchanged, one guarded update
 * per changed record. Every write is guarded (insert-or-nothing, version check), and a record
 * whose guard fails (another writer got there first) is redone alone from a locked read, so
 * concurrent writers on PostgreSQL never lose an update or double a version.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { encodeJson, encodeNullableJson } from '../json.js';
import type { Database, RecordsTable } from '../schema.js';
import { toStoredTime, toStoredTimeOrNull } from '../time.js';
import { chunks, inTransaction } from '../tx.js';
import { contentDigest, contentHash, contentHashOfTexts, isDigest, type ContentTexts } from './record-content.js';

export { contentHash, type ContentParts } from './record-content.js';

export interface RecordInput {
  /** Deterministic, from (connection, entity, remoteId): see core/ids.ts recordId. */
  id: string;
  connectionId: string;
  entity: string;
  remoteId: string;
  /** The unified fields, without the envelope (id, remoteId, version, timestamps…). */
  data: Record<string, unknown>;
  remoteData: unknown;
  customFields?: Record<string, unknown>;
  status: string | null;
  createdAt: string | null;
  updatedAt: string;
  /**
   * The system keeps no change time for this record, so updatedAt is when Manifold saw it: it is
   * then left out of the content hash, or every sync would make an unchanged record a new version.
   */
  updatedAtObserved?: boolean;
  syncedAt: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'restored';

type DbRecord = Selectable<RecordsTable>;
/** A record ready to write: encoded, times normalised, hash computed; no version yet. */
type Prepared = Omit<DbRecord, 'version' | 'deleted_at'>;
/**
 * What planning and the answer need of a stored record. The JSON columns are left out: reading
 * back a native record of tens of KB per row only to compare hashes, or returning every written
 * row, was a large share of a sync's time (docs/benchmarks.md, full sync).
 */
const PLAN_COLUMNS = ['id', 'connection_id', 'entity', 'remote_id', 'content_hash', 'status', 'version', 'deleted_at'] as const;
type Stored = Pick<DbRecord, (typeof PLAN_COLUMNS)[number]>;

/** What a record's content is compared by, beside what is written (see record-content.ts). */
interface Pending {
  /** The canonical hash of the input, computed only when a digest comparison cannot decide. */
  canonical: () => string;
  /** Whether updated_at is left out of the content (the system keeps no change time). */
  updatedAtObserved: boolean;
}
const pendings = new WeakMap<Prepared, Pending>();

function prepare(input: RecordInput): Prepared {
  const createdAt = toStoredTimeOrNull(input.createdAt, 'createdAt');
  const updatedAt = toStoredTime(input.updatedAt, 'updatedAt');
  const customFields = input.customFields ?? {};
  const observed = input.updatedAtObserved === true;
  const texts: ContentTexts = {
    data: encodeJson(input.data),
    remoteData: encodeNullableJson(input.remoteData),
    customFields: encodeJson(customFields),
    createdAt,
    updatedAt: observed ? null : updatedAt,
  };
  const prepared: Prepared = {
    id: input.id,
    connection_id: input.connectionId,
    entity: input.entity,
    remote_id: input.remoteId,
    data: texts.data,
    remote_data: texts.remoteData,
    custom_fields: texts.customFields,
    content_hash: contentDigest(texts),
    status: input.status,
    created_at: createdAt,
    updated_at: updatedAt,
    synced_at: toStoredTime(input.syncedAt, 'syncedAt'),
  };
  let canonical: string | undefined;
  pendings.set(prepared, {
    canonical: () => (canonical ??= contentHash({ data: input.data, remoteData: input.remoteData, customFields, createdAt, updatedAt: texts.updatedAt })),
    updatedAtObserved: observed,
  });
  return prepared;
}

/**
 * The ids among `pairs` whose stored content equals the next one's. Equal digests decide at
 * once; otherwise the canonical hashes are compared: a stored hash from before digests is one,
 * and a stored digest that differs has its record's JSON read and put in canonical form.
 */
async function sameContent(trx: Kysely<Database>, pairs: { existing: Stored; next: Prepared }[]): Promise<Set<string>> {
  const same = new Set<string>();
  const reread: { existing: Stored; next: Prepared }[] = [];
  for (const pair of pairs) {
    const { existing, next } = pair;
    if (existing.content_hash === next.content_hash) same.add(next.id);
    else if (!isDigest(existing.content_hash)) {
      if (existing.content_hash === pendings.get(next)!.canonical()) same.add(next.id);
    } else reread.push(pair);
  }
  if (reread.length > 0) {
    const rows = await trx
      .selectFrom('records')
      .select(['id', 'data', 'remote_data', 'custom_fields', 'created_at', 'updated_at'])
      .where('id', 'in', reread.map((p) => p.next.id))
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { next } of reread) {
      const row = byId.get(next.id);
      if (!row) continue;
      const pending = pendings.get(next)!;
      const stored = contentHashOfTexts({ data: row.data, remoteData: row.remote_data, customFields: row.custom_fields, createdAt: row.created_at, updatedAt: pending.updatedAtObserved ? null : row.updated_at });
      if (stored === pending.canonical()) same.add(next.id);
    }
  }
  return same;
}

export type Plan =
  | { kind: 'insert' }
  /** Same content: only synced_at moves, and a hash of an older form is replaced. */
  | { kind: 'touch'; existing: Stored; rehash: boolean }
  | { kind: 'update'; existing: Stored; outcome: 'updated' | 'restored' };

export function planUpsert(existing: Stored | undefined, next: Prepared, same: boolean): Plan {
  if (existing === undefined) return { kind: 'insert' };
  if (existing.connection_id !== next.connection_id || existing.entity !== next.entity || existing.remote_id !== next.remote_id) {
    throw new Error(`Record id ${next.id} already belongs to another (connection, entity, remoteId)`);
  }
  if (existing.deleted_at !== null) return { kind: 'update', existing, outcome: 'restored' };
  // status is outside the hash (it is derived from data); compared too so it can never go stale.
  if (!same || existing.status !== next.status) return { kind: 'update', existing, outcome: 'updated' };
  return { kind: 'touch', existing, rehash: existing.content_hash !== next.content_hash };
}

export interface UpsertedRow {
  row: Stored;
  outcome: UpsertOutcome;
  /** The whole row as this step left it, when asked for (`withRows`). */
  full?: DbRecord;
}

/**
 * Upserts in one transaction; answers each record's id, version and outcome in input order, and
 * with `withRows` the whole rows too, read back batch by batch (an id given twice is answered as
 * each step left it).
 */
export async function upsertRecordRows(db: Kysely<Database>, inputs: readonly RecordInput[], opts: { withRows?: boolean } = {}): Promise<UpsertedRow[]> {
  const prepared = inputs.map(prepare);
  return inTransaction(db, async (trx) => {
    const results: UpsertedRow[] = [];
    for (const batch of uniqueIdBatches(prepared)) {
      const upserted = await upsertBatch(trx, batch);
      if (opts.withRows) {
        const rows = await trx.selectFrom('records').selectAll().where('id', 'in', upserted.map((u) => u.row.id)).execute();
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const u of upserted) u.full = byId.get(u.row.id);
      }
      results.push(...upserted);
    }
    return results;
  });
}

// A batch is planned from one read, so the same id twice in one batch would be planned twice
// against the same stale row: start a new batch at every repeat.
function uniqueIdBatches(items: Prepared[]): Prepared[][] {
  const batches: Prepared[][] = [];
  let current: Prepared[] = [];
  let ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) {
      batches.push(current);
      current = [];
      ids = new Set();
    }
    current.push(item);
    ids.add(item.id);
  }
  if (current.length > 0) batches.push(current);
  return batches.flatMap((batch) => chunks(batch));
}

async function upsertBatch(trx: Kysely<Database>, batch: Prepared[]): Promise<UpsertedRow[]> {
  const found = await trx.selectFrom('records').select(PLAN_COLUMNS).where('id', 'in', batch.map((p) => p.id)).execute();
  const existing = new Map(found.map((row) => [row.id, row]));
  const results = new Map<string, UpsertedRow>();
  const inserts: Prepared[] = [];
  const touches: Touch[] = [];
  const updates: { next: Prepared; existing: Stored; outcome: 'updated' | 'restored' }[] = [];
  const same = await sameContent(trx, batch.flatMap((next) => {
    const old = existing.get(next.id);
    return old && old.deleted_at === null ? [{ existing: old, next }] : [];
  }));
  for (const next of batch) {
    const plan = planUpsert(existing.get(next.id), next, same.has(next.id));
    if (plan.kind === 'insert') inserts.push(next);
    else if (plan.kind === 'touch') touches.push({ next, existing: plan.existing, rehash: plan.rehash });
    else updates.push({ next, ...plan });
  }

  for (const row of await insertRows(trx, inserts)) results.set(row.id, { row, outcome: 'created' });
  for (const row of await touchRows(trx, touches)) results.set(row.id, { row, outcome: 'unchanged' });
  for (const { next, existing: old, outcome } of updates) {
    const row = await updateRow(trx, next, old);
    if (row) results.set(row.id, { row, outcome });
  }

  const out: UpsertedRow[] = [];
  for (const next of batch) out.push(results.get(next.id) ?? (await upsertAlone(trx, next)));
  return out;
}

const MAX_ATTEMPTS = 5;

/**
 * The slow path for a record another writer changed between our read and our write. The row is
 * locked before it is read, so the guarded write that follows cannot lose to a third writer:
 * with a plain read, a dozen writers of one record on PostgreSQL could each lose five rounds in a
 * row and fail. An attempt is repeated only when the row did not exist and our insert then met
 * one (another writer's insert, now committed and lockable).
 */
async function upsertAlone(trx: Kysely<Database>, next: Prepared): Promise<UpsertedRow> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await lockRow(trx, next.id);
    const same = existing && existing.deleted_at === null ? (await sameContent(trx, [{ existing, next }])).has(next.id) : false;
    const plan = planUpsert(existing, next, same);
    let row: Stored | undefined;
    if (plan.kind === 'insert') row = (await insertRows(trx, [next]))[0];
    else if (plan.kind === 'touch') row = (await touchRows(trx, [{ next, existing: plan.existing, rehash: plan.rehash }]))[0];
    else row = await updateRow(trx, next, plan.existing);
    if (row) return { row, outcome: plan.kind === 'insert' ? 'created' : plan.kind === 'touch' ? 'unchanged' : plan.outcome };
  }
  // Reached when an insert keeps conflicting with no row under this id: the remote key is taken
  // by a record with a different id, i.e. the caller computed ids inconsistently.
  throw new Error(`Could not upsert record ${next.id} (${next.entity} ${next.remote_id}): conflicting writes or a mismatched id`);
}

/**
 * Reads a row for update. A no-op UPDATE rather than SELECT … FOR UPDATE, which SQLite lacks: on
 * PostgreSQL it waits for a writer holding the row and then answers the row as that writer left
 * it (READ COMMITTED re-reads it); on SQLite the transaction already holds the only write lock.
 */
async function lockRow(trx: Kysely<Database>, id: string): Promise<Stored | undefined> {
  return trx
    .updateTable('records')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .returning(PLAN_COLUMNS)
    .executeTakeFirst();
}

async function insertRows(trx: Kysely<Database>, rows: Prepared[]): Promise<Stored[]> {
  if (rows.length === 0) return [];
  const values: Insertable<RecordsTable>[] = rows.map((p) => ({ ...p, version: 1, deleted_at: null }));
  return trx.insertInto('records').values(values).onConflict((oc) => oc.doNothing()).returning(PLAN_COLUMNS).execute();
}

interface Touch {
  next: Prepared;
  existing: Stored;
  /** The stored hash is of an older form (or the keys moved): write the new one, same version. */
  rehash: boolean;
}

/** Unchanged content: only synced_at moves, which is what the delete sweep reads. */
async function touchRows(trx: Kysely<Database>, items: Touch[]): Promise<Stored[]> {
  const bySyncedAt = new Map<string, string[]>();
  const touched = new Set<string>();
  for (const { next, existing, rehash } of items) {
    if (rehash) {
      // Guarded by the version, as an update is: the hash must describe the content it sits beside.
      const row = await trx
        .updateTable('records')
        .set({ synced_at: next.synced_at, content_hash: next.content_hash })
        .where('id', '=', next.id)
        .where('version', '=', existing.version)
        .where('deleted_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (row) touched.add(row.id);
      continue;
    }
    const ids = bySyncedAt.get(next.synced_at);
    if (ids) ids.push(next.id);
    else bySyncedAt.set(next.synced_at, [next.id]);
  }
  for (const [syncedAt, ids] of bySyncedAt) {
    const rows = await trx
      .updateTable('records')
      .set({ synced_at: syncedAt })
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .returning('id')
      .execute();
    for (const { id } of rows) touched.add(id);
  }
  return items
    .filter(({ next }) => touched.has(next.id))
    .map(({ existing }) => existing);
}

async function updateRow(trx: Kysely<Database>, next: Prepared, existing: Stored): Promise<Stored | undefined> {
  return trx
    .updateTable('records')
    .set({
      data: next.data,
      remote_data: next.remote_data,
      custom_fields: next.custom_fields,
      content_hash: next.content_hash,
      status: next.status,
      created_at: next.created_at,
      updated_at: next.updated_at,
      synced_at: next.synced_at,
      deleted_at: null,
      version: existing.version + 1,
    })
    .where('id', '=', next.id)
    .where('version', '=', existing.version)
    .returning(PLAN_COLUMNS)
    .executeTakeFirst();
}
