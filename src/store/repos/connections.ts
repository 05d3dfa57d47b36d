import type { Kysely, Selectable, Updateable } from 'kysely';
import { decodeJsonObject, encodeJson, encodeNullableJson, type JsonObject } from '../json.js';
import type { ConnectionsTable, Database } from '../schema.js';
import { nowIso, toStoredTime, toStoredTimeOrNull } from '../time.js';
import { inTransaction } from '../tx.js';

export type ConnectionStatus = 'active' | 'syncing' | 'needs_attention' | 'disabled';

export interface ConnectionRow {
  id: string;
  system: string;
  name: string;
  status: ConnectionStatus;
  /** Opaque ciphertext made by the caller; never decrypted nor shown by the store. */
  credentials: string | null;
  metadata: JsonObject;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Seconds between scheduled syncs; null: the server's default. */
  syncIntervalSeconds: number | null;
  /** Overrides of the connector's outbound HTTP policy (timeoutMs, maxAttempts, deadlineMs); null: none. */
  outboundPolicy: JsonObject | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewConnection {
  id: string;
  system: string;
  name: string;
  status?: ConnectionStatus;
  credentials?: string | null;
  metadata?: Record<string, unknown>;
  lastSyncAt?: string | null;
  lastError?: string | null;
  syncIntervalSeconds?: number | null;
  outboundPolicy?: Record<string, unknown> | null;
  /** Defaults to now. */
  createdAt?: string;
}

export interface ConnectionPatch {
  name?: string;
  status?: ConnectionStatus;
  credentials?: string | null;
  metadata?: Record<string, unknown>;
  lastSyncAt?: string | null;
  lastError?: string | null;
  syncIntervalSeconds?: number | null;
  outboundPolicy?: Record<string, unknown> | null;
  /** Defaults to now. */
  updatedAt?: string;
}

export interface ConnectionsRepo {
  create(row: NewConnection): Promise<ConnectionRow>;
  get(id: string): Promise<ConnectionRow | undefined>;
  /** Ordered by id; pass the last id seen as `afterId` for the next page. */
  list(opts: { limit: number; afterId?: string }): Promise<ConnectionRow[]>;
  update(id: string, patch: ConnectionPatch): Promise<ConnectionRow | undefined>;
  /** Deletes the connection and everything cached for it; false if there was no such connection. */
  delete(id: string): Promise<boolean>;
}

/** The tables whose rows belong to a connection, deleted with it. request_log is kept on purpose. */
const DEPENDENT_TABLES = [
  'tokens', 'records', 'sync_checkpoints', 'field_mappings', 'idempotency_keys', 'events',
  'cxml_intakes', 'cxml_intake_tokens', 'cxml_orders', 'cxml_documents',
] as const;

export function createConnectionsRepo(db: Kysely<Database>): ConnectionsRepo {
  return {
    async create(row) {
      const createdAt = toStoredTime(row.createdAt ?? nowIso(), 'createdAt');
      const inserted = await db
        .insertInto('connections')
        .values({
          id: row.id,
          system: row.system,
          name: row.name,
          status: row.status ?? 'active',
          credentials: row.credentials ?? null,
          metadata: encodeJson(row.metadata ?? {}),
          last_sync_at: toStoredTimeOrNull(row.lastSyncAt, 'lastSyncAt'),
          last_error: row.lastError ?? null,
          sync_interval_seconds: row.syncIntervalSeconds ?? null,
          outbound_policy: encodeNullableJson(row.outboundPolicy ?? null),
          created_at: createdAt,
          updated_at: createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toConnectionRow(inserted);
    },

    async get(id) {
      const row = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toConnectionRow(row);
    },

    async list({ limit, afterId }) {
      let query = db.selectFrom('connections').selectAll();
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      const rows = await query.orderBy('id').limit(limit).execute();
      return rows.map(toConnectionRow);
    },

    async update(id, patch) {
      const set: Updateable<ConnectionsTable> = { updated_at: toStoredTime(patch.updatedAt ?? nowIso(), 'updatedAt') };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.credentials !== undefined) set.credentials = patch.credentials;
      if (patch.metadata !== undefined) set.metadata = encodeJson(patch.metadata);
      if (patch.lastSyncAt !== undefined) set.last_sync_at = toStoredTimeOrNull(patch.lastSyncAt, 'lastSyncAt');
      if (patch.lastError !== undefined) set.last_error = patch.lastError;
      if (patch.syncIntervalSeconds !== undefined) set.sync_interval_seconds = patch.syncIntervalSeconds;
      if (patch.outboundPolicy !== undefined) set.outbound_policy = encodeNullableJson(patch.outboundPolicy);
      const row = await db.updateTable('connections').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toConnectionRow(row);
    },

    async delete(id) {
      return inTransaction(db, async (trx) => {
        for (const table of DEPENDENT_TABLES) {
          await trx.deleteFrom(table).where('connection_id', '=', id).execute();
        }
        const result = await trx.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },
  };
}

function toConnectionRow(row: Selectable<ConnectionsTable>): ConnectionRow {
  return {
    id: row.id,
    system: row.system,
    name: row.name,
    status: row.status as ConnectionStatus,
    credentials: row.credentials,
    metadata: decodeJsonObject(row.metadata),
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    syncIntervalSeconds: row.sync_interval_seconds,
    outboundPolicy: row.outbound_policy === null ? null : decodeJsonObject(row.outbound_policy),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
