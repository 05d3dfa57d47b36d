import type { Kysely, Selectable } from 'kysely';
import { decodeNullableJson, encodeNullableJson, type JsonValue } from '../json.js';
import type { Database, IdempotencyKeysTable } from '../schema.js';
import { toStoredTime } from '../time.js';

export type IdempotencyState = 'in_progress' | 'completed';

export interface IdempotencyRow {
  connectionId: string;
  key: string;
  /** Hash of the request body, to tell a retry from a reuse of the key with another body. */
  requestHash: string;
  state: IdempotencyState;
  responseStatus: number | null;
  responseBody: JsonValue | null;
  createdAt: string;
  expiresAt: string;
}

export interface BeginIdempotency {
  connectionId: string;
  key: string;
  requestHash: string;
  now: string;
  expiresAt: string;
}

export type BeginResult = { created: true } | { created: false; existing: IdempotencyRow };

export interface IdempotencyRepo {
  /** Claims the key. Of any number of concurrent begins on one key, exactly one is created. */
  begin(input: BeginIdempotency): Promise<BeginResult>;
  complete(connectionId: string, key: string, status: number, body: unknown): Promise<boolean>;
  /** Drops an in_progress claim after a failure, so that a retry may run. */
  release(connectionId: string, key: string): Promise<boolean>;
  pruneExpired(now: string): Promise<number>;
}

const MAX_ATTEMPTS = 5;

export function createIdempotencyRepo(db: Kysely<Database>): IdempotencyRepo {
  return {
    async begin(input) {
      const now = toStoredTime(input.now, 'now');
      const expiresAt = toStoredTime(input.expiresAt, 'expiresAt');
      // Insert-or-nothing decides the race inside the database on both dialects (the primary
      // key), where a read-then-insert would let two requests both see "no key".
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const inserted = await db
          .insertInto('idempotency_keys')
          .values({
            connection_id: input.connectionId,
            key: input.key,
            request_hash: input.requestHash,
            state: 'in_progress',
            response_status: null,
            response_body: null,
            created_at: now,
            expires_at: expiresAt,
          })
          .onConflict((oc) => oc.columns(['connection_id', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        if (inserted) return { created: true };

        const existing = await db
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('connection_id', '=', input.connectionId)
          .where('key', '=', input.key)
          .executeTakeFirst();
        // Gone since our insert (released by its owner): try to claim it again.
        if (!existing) continue;
        if (existing.expires_at > now) return { created: false, existing: toIdempotencyRow(existing) };
        // Expired but not yet pruned: it no longer binds the key. The expiry condition keeps a
        // concurrent begin's fresh claim from being deleted here.
        await db
          .deleteFrom('idempotency_keys')
          .where('connection_id', '=', input.connectionId)
          .where('key', '=', input.key)
          .where('expires_at', '<=', now)
          .execute();
      }
      throw new Error(`Could not claim idempotency key ${input.key}: too much contention`);
    },

    async complete(connectionId, key, status, body) {
      const result = await db
        .updateTable('idempotency_keys')
        .set({ state: 'completed', response_status: status, response_body: encodeNullableJson(body) })
        .where('connection_id', '=', connectionId)
        .where('key', '=', key)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async release(connectionId, key) {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('connection_id', '=', connectionId)
        .where('key', '=', key)
        .where('state', '=', 'in_progress')
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async pruneExpired(now) {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('expires_at', '<=', toStoredTime(now, 'now'))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toIdempotencyRow(row: Selectable<IdempotencyKeysTable>): IdempotencyRow {
  return {
    connectionId: row.connection_id,
    key: row.key,
    requestHash: row.request_hash,
    state: row.state as IdempotencyState,
    responseStatus: row.response_status,
    responseBody: decodeNullableJson(row.response_body),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
