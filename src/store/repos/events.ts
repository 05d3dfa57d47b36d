import type { Kysely, Selectable } from 'kysely';
import { decodeJson, encodeJson, type JsonValue } from '../json.js';
import type { Database, EventsTable } from '../schema.js';
import { nowIso, toStoredTime } from '../time.js';
import { chunks, inTransaction } from '../tx.js';

export type EventType = 'created' | 'updated' | 'deleted';

export interface EventRow {
  /** Increasing per database; consumers resume with listAfter(…, lastSeq). */
  seq: number;
  id: string;
  connectionId: string;
  entity: string;
  recordId: string;
  type: EventType;
  payload: JsonValue;
  createdAt: string;
}

export interface NewEvent {
  id: string;
  connectionId: string;
  entity: string;
  recordId: string;
  type: EventType;
  payload: unknown;
  /** Defaults to now. */
  createdAt?: string;
}

export interface EventsRepo {
  /** One transaction; answers the stored events (with their seq) in the order given. */
  append(rows: readonly NewEvent[]): Promise<EventRow[]>;
  /** The connection's events with seq > afterSeq, oldest first. */
  listAfter(connectionId: string, afterSeq: number, limit: number): Promise<EventRow[]>;
}

export function createEventsRepo(db: Kysely<Database>): EventsRepo {
  return {
    async append(rows) {
      if (rows.length === 0) return [];
      const now = nowIso();
      const values = rows.map((e) => ({
        id: e.id,
        connection_id: e.connectionId,
        entity: e.entity,
        record_id: e.recordId,
        type: e.type,
        payload: encodeJson(e.payload),
        created_at: toStoredTime(e.createdAt ?? now, 'createdAt'),
      }));
      const stored = await inTransaction(db, async (trx) => {
        const out: Selectable<EventsTable>[] = [];
        for (const chunk of chunks(values)) out.push(...(await trx.insertInto('events').values(chunk).returningAll().execute()));
        return out;
      });
      // RETURNING order is not promised by either database; the ids are unique, so re-order by them.
      const byId = new Map(stored.map((row) => [row.id, toEventRow(row)]));
      return rows.map((e) => {
        const row = byId.get(e.id);
        if (!row) throw new Error(`Event ${e.id} was not returned by the insert`);
        return row;
      });
    },

    async listAfter(connectionId, afterSeq, limit) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toEventRow);
    },
  };
}

function toEventRow(row: Selectable<EventsTable>): EventRow {
  return {
    seq: Number(row.seq),
    id: row.id,
    connectionId: row.connection_id,
    entity: row.entity,
    recordId: row.record_id,
    type: row.type as EventType,
    payload: decodeJson(row.payload),
    createdAt: row.created_at,
  };
}
