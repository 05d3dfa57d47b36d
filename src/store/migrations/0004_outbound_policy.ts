/**
 * A connection's own outbound policy (timeouts, attempts, deadline), overriding its connector's.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './columns.js';

export function outboundPolicyMigration(c: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('connections').addColumn('outbound_policy', c.json).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('connections').dropColumn('outbound_policy').execute();
    },
  };
}
