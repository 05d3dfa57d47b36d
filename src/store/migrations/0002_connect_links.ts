/**
 * Connect links: single-use invitations an admin sends to a customer to connect their system.
 * The link token is stored as a hash only, like connection tokens. A link does not hang off a
 * connection (it exists before one), so it keeps the connection id without a foreign key.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './columns.js';

export function connectLinksMigration(c: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('connect_links')
        .addColumn('id', c.key, (col) => col.primaryKey())
        .addColumn('hash', c.key, (col) => col.notNull().unique())
        .addColumn('prefix', c.text, (col) => col.notNull())
        .addColumn('system', c.text)
        .addColumn('name', c.text)
        .addColumn('metadata', c.json, (col) => col.notNull())
        .addColumn('redirect_url', c.text)
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('expires_at', c.key, (col) => col.notNull())
        .addColumn('used_at', c.key)
        .addColumn('revoked_at', c.key)
        .addColumn('connection_id', c.key)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('connect_links').execute();
    },
  };
}
