import type { Kysely, Selectable } from 'kysely';
import { decodeJsonObject, decodeNullableJson, type JsonObject, type JsonValue } from '../json.js';
import type { Database, RecordsTable } from '../schema.js';
import { toStoredTime } from '../time.js';
import { upsertRecordRows, type RecordInput, type UpsertOutcome } from './record-upsert.js';

export type { RecordInput, UpsertOutcome } from './record-upsert.js';
export { contentHash } from './record-upsert.js';

export interface RecordRow {
  id: string;
  connectionId: string;
  entity: string;
  remoteId: string;
  data: JsonObject;
  remoteData: JsonValue | null;
  customFields: JsonObject;
  contentHash: string;
  /** 1 on creation, +1 on every change, deletion and restoration; the API's `version`/If-Match. */
  version: number;
  status: string | null;
  createdAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  /** When a sync last saw the record in the system. */
  syncedAt: string;
}

/**
 * A record as the list route sends it: the envelope, and the JSON columns still as the JSON text
 * the store holds, so a page is written out without parsing and re-serialising every record.
 */
export interface RecordJsonRow {
  id: string;
  remoteId: string;
  version: number;
  createdAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  /** JSON object text of the unified fields. */
  dataJson: string;
  customFieldsJson: string;
  /** JSON text of the native record; only when asked for (it is the widest column by far). */
  remoteDataJson?: string | null;
}

export interface UpsertBrief {
  id: string;
  version: number;
  outcome: UpsertOutcome;
}

export interface UpsertResult {
  record: RecordRow;
  outcome: UpsertOutcome;
}

export interface ListRecordsOptions {
  connectionId: string;
  entity: string;
  limit: number;
  /** Keyset cursor: the id of the last record of the previous page. */
  afterId?: string;
  /** Only records with updated_at strictly after this instant. */
  modifiedAfter?: string;
  status?: string;
  includeDeleted?: boolean;
}

export interface RecordsRepo {
  upsert(input: RecordInput): Promise<UpsertResult>;
  /** One transaction; results in the order of `inputs`. */
  upsertMany(inputs: readonly RecordInput[]): Promise<UpsertResult[]>;
  /** upsertMany for a sync: answers only id, version and outcome, reading no record back. */
  upsertBrief(inputs: readonly RecordInput[]): Promise<UpsertBrief[]>;
  /** Deleted records included (with deletedAt set): whether to show them is the caller's call. */
  get(connectionId: string, entity: string, id: string): Promise<RecordRow | undefined>;
  getByRemoteId(connectionId: string, entity: string, remoteId: string): Promise<RecordRow | undefined>;
  /** Ordered by id ascending. Paging is keyset on the immutable id, stable while records change. */
  list(opts: ListRecordsOptions): Promise<RecordRow[]>;
  /** list, but JSON columns as stored text; remote_data is read only with `remoteData`. */
  listJson(opts: ListRecordsOptions & { remoteData: boolean }): Promise<RecordJsonRow[]>;
  /** Sets deletedAt and bumps the version; an already deleted record is answered unchanged. */
  markDeleted(connectionId: string, entity: string, id: string, at: string): Promise<RecordRow | undefined>;
  /** Marks deleted every live record a sync has not seen since `before`; answers how many. */
  sweepNotSyncedSince(connectionId: string, entity: string, before: string, at: string): Promise<number>;
  count(opts: { connectionId: string; entity: string; includeDeleted?: boolean }): Promise<number>;
}

export function createRecordsRepo(db: Kysely<Database>): RecordsRepo {
  const upsertMany = async (inputs: readonly RecordInput[]): Promise<UpsertResult[]> => {
    const results = await upsertRecordRows(db, inputs, { withRows: true });
    return results.map(({ full, outcome }) => ({ record: toRecordRow(full!), outcome }));
  };

  // Scoped by connection and entity too: an id alone must never reach another connection's data.
  const get = async (connectionId: string, entity: string, id: string): Promise<RecordRow | undefined> => {
    const row = await db
      .selectFrom('records')
      .selectAll()
      .where('id', '=', id)
      .where('connection_id', '=', connectionId)
      .where('entity', '=', entity)
      .executeTakeFirst();
    return row && toRecordRow(row);
  };

  const listQuery = (opts: ListRecordsOptions) => {
    let query = db
      .selectFrom('records')
      .where('connection_id', '=', opts.connectionId)
      .where('entity', '=', opts.entity);
    if (opts.afterId !== undefined) query = query.where('id', '>', opts.afterId);
    if (opts.modifiedAfter !== undefined) {
      const after = toStoredTime(opts.modifiedAfter, 'modifiedAfter');
      // A deletion is a change too: a client polling with includeDeleted must see it.
      query = opts.includeDeleted
        ? query.where((eb) => eb.or([eb('updated_at', '>', after), eb('deleted_at', '>', after)]))
        : query.where('updated_at', '>', after);
    }
    if (opts.status !== undefined) query = query.where('status', '=', opts.status);
    if (!opts.includeDeleted) query = query.where('deleted_at', 'is', null);
    return query.orderBy('id').limit(opts.limit);
  };

  return {
    async upsert(input) {
      const [result] = await upsertMany([input]);
      if (!result) throw new Error('upsert produced no result');
      return result;
    },

    upsertMany,

    async upsertBrief(inputs) {
      const results = await upsertRecordRows(db, inputs);
      return results.map(({ row, outcome }) => ({ id: row.id, version: row.version, outcome }));
    },

    get,

    async getByRemoteId(connectionId, entity, remoteId) {
      const row = await db
        .selectFrom('records')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity)
        .where('remote_id', '=', remoteId)
        .executeTakeFirst();
      return row && toRecordRow(row);
    },

    async list(opts) {
      const rows = await listQuery(opts).selectAll().execute();
      return rows.map(toRecordRow);
    },

    async listJson(opts) {
      const columns = ['id', 'remote_id', 'version', 'created_at', 'updated_at', 'deleted_at', 'data', 'custom_fields'] as const;
      const rows = opts.remoteData
        ? await listQuery(opts).select([...columns, 'remote_data']).execute()
        : await listQuery(opts).select(columns).execute();
      return rows.map((row) => ({
        id: row.id,
        remoteId: row.remote_id,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
        dataJson: row.data,
        customFieldsJson: row.custom_fields,
        ...('remote_data' in row ? { remoteDataJson: row.remote_data as string | null } : {}),
      }));
    },

    async markDeleted(connectionId, entity, id, at) {
      const deletedAt = toStoredTime(at, 'deletedAt');
      const updated = await db
        .updateTable('records')
        .set((eb) => ({ deleted_at: deletedAt, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity)
        .where('deleted_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (updated) return toRecordRow(updated);
      return get(connectionId, entity, id);
    },

    async sweepNotSyncedSince(connectionId, entity, before, at) {
      const result = await db
        .updateTable('records')
        .set((eb) => ({ deleted_at: toStoredTime(at, 'deletedAt'), version: eb('version', '+', 1) }))
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity)
        .where('deleted_at', 'is', null)
        .where('synced_at', '<', toStoredTime(before, 'before'))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async count({ connectionId, entity, includeDeleted }) {
      let query = db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity);
      if (!includeDeleted) query = query.where('deleted_at', 'is', null);
      const { n } = await query.executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}

function toRecordRow(row: Selectable<RecordsTable>): RecordRow {
  return {
    id: row.id,
    connectionId: row.connection_id,
    entity: row.entity,
    remoteId: row.remote_id,
    data: decodeJsonObject(row.data),
    remoteData: decodeNullableJson(row.remote_data),
    customFields: decodeJsonObject(row.custom_fields),
    contentHash: row.content_hash,
    version: row.version,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    syncedAt: row.synced_at,
  };
}
