import type { Kysely, Selectable } from 'kysely';
import { decodeJson, encodeJson, type JsonValue } from '../json.js';
import type { Database, RequestLogTable } from '../schema.js';
import { toStoredTime } from '../time.js';

export interface RequestLogRow {
  requestId: string;
  method: string;
  route: string;
  url: string;
  connectionId: string | null;
  status: number;
  durationMs: number;
  createdAt: string;
  /** The calls made to the system for this request (method, URL without secrets, status, …). */
  calls: JsonValue[];
  errorCode: string | null;
}

export interface RequestLogInput {
  requestId: string;
  method: string;
  route: string;
  url: string;
  connectionId?: string | null;
  status: number;
  durationMs: number;
  createdAt: string;
  calls?: readonly unknown[];
  errorCode?: string | null;
}

export interface RequestLogRepo {
  /**
   * False when the request id is already logged: callers may send their own request ids, and a
   * repeated one must not turn a served request into an error.
   */
  insert(row: RequestLogInput): Promise<boolean>;
  get(requestId: string): Promise<RequestLogRow | undefined>;
  /** Deletes entries created before `iso`; answers how many. */
  pruneOlderThan(iso: string): Promise<number>;
}

export function createRequestLogRepo(db: Kysely<Database>): RequestLogRepo {
  return {
    async insert(row) {
      const inserted = await db
        .insertInto('request_log')
        .values({
          request_id: row.requestId,
          method: row.method,
          route: row.route,
          url: row.url,
          connection_id: row.connectionId ?? null,
          status: row.status,
          duration_ms: row.durationMs,
          created_at: toStoredTime(row.createdAt, 'createdAt'),
          calls: encodeJson(row.calls ?? []),
          error_code: row.errorCode ?? null,
        })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .returning('request_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async get(requestId) {
      const row = await db.selectFrom('request_log').selectAll().where('request_id', '=', requestId).executeTakeFirst();
      return row && toRequestLogRow(row);
    },

    async pruneOlderThan(iso) {
      const result = await db
        .deleteFrom('request_log')
        .where('created_at', '<', toStoredTime(iso, 'pruneOlderThan'))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toRequestLogRow(row: Selectable<RequestLogTable>): RequestLogRow {
  return {
    requestId: row.request_id,
    method: row.method,
    route: row.route,
    url: row.url,
    connectionId: row.connection_id,
    status: row.status,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    calls: decodeJson<JsonValue[]>(row.calls),
    errorCode: row.error_code,
  };
}
