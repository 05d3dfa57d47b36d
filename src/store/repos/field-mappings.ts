import type { Kysely, Selectable } from 'kysely';
import { decodeJsonObject, encodeJson, type JsonObject } from '../json.js';
import type { Database, FieldMappingsTable } from '../schema.js';
import { nowIso, toStoredTime } from '../time.js';

export interface FieldMappingRow {
  connectionId: string;
  entity: string;
  /** 1, 2, 3… per (connection, entity); a rollback is a new version, never a rewrite. */
  version: number;
  mapping: JsonObject;
  createdAt: string;
}

export interface FieldMappingInput {
  connectionId: string;
  entity: string;
  mapping: Record<string, unknown>;
  /** Defaults to now. */
  createdAt?: string;
}

export interface FieldMappingsRepo {
  latest(connectionId: string, entity: string): Promise<FieldMappingRow | undefined>;
  /** Ordered by entity, then version. */
  list(connectionId: string, entity?: string): Promise<FieldMappingRow[]>;
  /** Stores the mapping as the next version, race-safe; answers the stored row. */
  insert(input: FieldMappingInput): Promise<FieldMappingRow>;
}

export function createFieldMappingsRepo(db: Kysely<Database>): FieldMappingsRepo {
  return {
    async latest(connectionId, entity) {
      const row = await db
        .selectFrom('field_mappings')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('entity', '=', entity)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toFieldMappingRow(row);
    },

    async list(connectionId, entity) {
      let query = db.selectFrom('field_mappings').selectAll().where('connection_id', '=', connectionId);
      if (entity !== undefined) query = query.where('entity', '=', entity);
      const rows = await query.orderBy('entity').orderBy('version').execute();
      return rows.map(toFieldMappingRow);
    },

    async insert(input) {
      const mapping = encodeJson(input.mapping);
      const createdAt = toStoredTime(input.createdAt ?? nowIso(), 'createdAt');
      // Read max+1, then insert-or-nothing on the primary key: a concurrent writer that took the
      // same version makes our insert a no-op (no error, so an enclosing PostgreSQL transaction
      // survives), and we try the next number. Not a fixed number of tries: with n writers at
      // once one can lose n − 1 rounds (24 at once broke a limit of 10). Each lost round means a
      // version was taken, so the loop ends; a round lost with no new version is not a race.
      let seen = -1;
      for (;;) {
        const { top } = await db
          .selectFrom('field_mappings')
          .select((eb) => eb.fn.max('version').as('top'))
          .where('connection_id', '=', input.connectionId)
          .where('entity', '=', input.entity)
          .executeTakeFirstOrThrow();
        const current = top ?? 0;
        if (current <= seen) break;
        seen = current;
        const row = await db
          .insertInto('field_mappings')
          .values({
            connection_id: input.connectionId,
            entity: input.entity,
            version: current + 1,
            mapping,
            created_at: createdAt,
          })
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (row) return toFieldMappingRow(row);
      }
      throw new Error(`Could not allocate a field mapping version for ${input.connectionId}/${input.entity}: version ${seen + 1} is taken but not visible`);
    },
  };
}

function toFieldMappingRow(row: Selectable<FieldMappingsTable>): FieldMappingRow {
  return {
    connectionId: row.connection_id,
    entity: row.entity,
    version: row.version,
    mapping: decodeJsonObject(row.mapping),
    createdAt: row.created_at,
  };
}
