/**
 * A sync interval of its own per connection (null: the server's default).
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './columns.js';

export function syncIntervalMigration(c: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('connections').addColumn('sync_interval_seconds', c.int).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('connections').dropColumn('sync_interval_seconds').execute();
    },
  };
}
