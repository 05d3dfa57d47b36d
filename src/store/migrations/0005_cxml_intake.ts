/**
 * The cXML purchase-order intake (src/kit/cxml): per connection its settings (secrets sealed by
 * the caller), the bearer tokens its token endpoint issued (hashes only), one row per order it
 * holds (the order's current orderVersion: the guard that serialises changes to one order), and
 * one row per document it accepted (payloadID: a repeat is a duplicate). Every table hangs off
 * a connection and is deleted with it by the connections repo.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './columns.js';

export function cxmlIntakeMigration(c: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cxml_intakes')
        .addColumn('connection_id', c.key, (col) => col.primaryKey().references('connections.id'))
        .addColumn('settings', c.json, (col) => col.notNull())
        .addColumn('secrets', c.text, (col) => col.notNull())
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('updated_at', c.key, (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('cxml_intake_tokens')
        .addColumn('hash', c.key, (col) => col.primaryKey())
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('expires_at', c.key, (col) => col.notNull())
        .execute();
      // revokeTokens, connection delete
      await db.schema.createIndex('cxml_intake_tokens_connection_idx').on('cxml_intake_tokens').column('connection_id').execute();

      await db.schema
        .createTable('cxml_orders')
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('order_id', c.key, (col) => col.notNull())
        .addColumn('record_id', c.key, (col) => col.notNull())
        .addColumn('order_version', c.int, (col) => col.notNull())
        .addColumn('state', c.text, (col) => col.notNull())
        .addColumn('last_payload_id', c.key, (col) => col.notNull())
        .addColumn('updated_at', c.key, (col) => col.notNull())
        .addPrimaryKeyConstraint('cxml_orders_pk', ['connection_id', 'order_id'])
        .addCheckConstraint('cxml_orders_state_check', sql`state in ('open', 'cancelled')`)
        .execute();

      await db.schema
        .createTable('cxml_documents')
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('payload_id', c.key, (col) => col.notNull())
        .addColumn('content_hash', c.text, (col) => col.notNull())
        .addColumn('order_id', c.key, (col) => col.notNull())
        .addColumn('type', c.text, (col) => col.notNull())
        .addColumn('order_version', c.int)
        .addColumn('outcome', c.text, (col) => col.notNull())
        .addColumn('received_at', c.key, (col) => col.notNull())
        .addPrimaryKeyConstraint('cxml_documents_pk', ['connection_id', 'payload_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['cxml_documents', 'cxml_orders', 'cxml_intake_tokens', 'cxml_intakes']) await db.schema.dropTable(table).execute();
    },
  };
}
