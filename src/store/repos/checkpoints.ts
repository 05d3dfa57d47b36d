import type { Kysely, Selectable } from 'kysely';
import { decodeJsonObject, decodeNullableJson, encodeJson, encodeNullableJson, type JsonObject, type JsonValue } from '../json.js';
import type { Database, SyncCheckpointsTable } from '../schema.js';
import { toStoredTimeOrNull } from '../time.js';

export interface CheckpointRow {
  connectionId: string;
  entity: string;
  /** Where the next incremental sync resumes; its shape belongs to the connector. */
  cursor: JsonValue | null;
  status: string;
  lastRunStartedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  counts: JsonObject;
}

export interface CheckpointInput {
  connectionId: string;
  entity: string;
  cursor?: unknown;
  status: string;
  lastRunStartedAt?: string | null;
  lastSuccessAt?: string | null;
  lastError?: string | null;
  counts?: Record<string, unknown>;
}

export interface CheckpointsRepo {
  get(connectionId: string, entity: string): Promise<CheckpointRow | undefined>;
  /** Inserts or replaces the whole row: omitted fields become null (counts: {}). */
  put(row: CheckpointInput): Promise<CheckpointRow>;
  /** Ordered by entity. */
  listForConnection(connectionId: string): Promise<CheckpointRow[]>;
}

export function createCheckpointsRepo(db: Kysely<Database>): CheckpointsRepo {
  return {
    async get(connectionId, entity) {
      const row = await db
        .selectFrom('sync_checkpoints')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity)
        .executeTakeFirst();
      return row && toCheckpointRow(row);
    },

    async put(input) {
      const values = {
        cursor: encodeNullableJson(input.cursor),
        status: input.status,
        last_run_started_at: toStoredTimeOrNull(input.lastRunStartedAt, 'lastRunStartedAt'),
        last_success_at: toStoredTimeOrNull(input.lastSuccessAt, 'lastSuccessAt'),
        last_error: input.lastError ?? null,
        counts: encodeJson(input.counts ?? {}),
      };
      const row = await db
        .insertInto('sync_checkpoints')
        .values({ connection_id: input.connectionId, entity: input.entity, ...values })
        .onConflict((oc) => oc.columns(['connection_id', 'entity']).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCheckpointRow(row);
    },

    async listForConnection(connectionId) {
      const rows = await db
        .selectFrom('sync_checkpoints')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .orderBy('entity')
        .execute();
      return rows.map(toCheckpointRow);
    },
  };
}

function toCheckpointRow(row: Selectable<SyncCheckpointsTable>): CheckpointRow {
  return {
    connectionId: row.connection_id,
    entity: row.entity,
    cursor: decodeNullableJson(row.cursor),
    status: row.status,
    lastRunStartedAt: row.last_run_started_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    counts: decodeJsonObject(row.counts),
  };
}
