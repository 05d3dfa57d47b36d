/**
 * The initial schema. Index choices follow the repos' queries; each index names the query it
 * serves. Tables that hang off a connection reference it so that an orphan cannot be written;
 * the connections repo deletes them explicitly (no ON DELETE CASCADE) so the cascade is in one
 * visible place and behaves the same on both dialects.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './columns.js';

export function initialMigration(c: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('connections')
        .addColumn('id', c.key, (col) => col.primaryKey())
        .addColumn('system', c.text, (col) => col.notNull())
        .addColumn('name', c.text, (col) => col.notNull())
        .addColumn('status', c.text, (col) => col.notNull())
        .addColumn('credentials', c.text)
        .addColumn('metadata', c.json, (col) => col.notNull())
        .addColumn('last_sync_at', c.key)
        .addColumn('last_error', c.text)
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('updated_at', c.key, (col) => col.notNull())
        .addCheckConstraint('connections_status_check', sql`status in ('active', 'syncing', 'needs_attention', 'disabled')`)
        .execute();

      await db.schema
        .createTable('tokens')
        .addColumn('id', c.key, (col) => col.primaryKey())
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('prefix', c.text, (col) => col.notNull())
        .addColumn('hash', c.key, (col) => col.notNull().unique())
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('last_used_at', c.key)
        .addColumn('revoked_at', c.key)
        .execute();
      // listForConnection, revokeAllForConnection, connection delete
      await db.schema.createIndex('tokens_connection_idx').on('tokens').column('connection_id').execute();

      await db.schema
        .createTable('records')
        .addColumn('id', c.key, (col) => col.primaryKey())
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('entity', c.key, (col) => col.notNull())
        .addColumn('remote_id', c.key, (col) => col.notNull())
        .addColumn('data', c.json, (col) => col.notNull())
        .addColumn('remote_data', c.json)
        .addColumn('custom_fields', c.json, (col) => col.notNull())
        .addColumn('content_hash', c.text, (col) => col.notNull())
        .addColumn('version', c.int, (col) => col.notNull())
        .addColumn('status', c.key)
        .addColumn('created_at', c.key)
        .addColumn('updated_at', c.key, (col) => col.notNull())
        .addColumn('deleted_at', c.key)
        .addColumn('synced_at', c.key, (col) => col.notNull())
        // getByRemoteId; also leads with connection_id for the connection delete
        .addUniqueConstraint('records_remote_key', ['connection_id', 'entity', 'remote_id'])
        .execute();
      // list and count: keyset on id within one connection's entity
      await db.schema.createIndex('records_list_idx').on('records').columns(['connection_id', 'entity', 'id']).execute();
      // list with status=…
      await db.schema
        .createIndex('records_status_idx')
        .on('records')
        .columns(['connection_id', 'entity', 'status', 'id'])
        .execute();
      // list with modifiedAfter=… when few records changed
      await db.schema
        .createIndex('records_modified_idx')
        .on('records')
        .columns(['connection_id', 'entity', 'updated_at'])
        .execute();
      // sweepNotSyncedSince
      await db.schema
        .createIndex('records_synced_idx')
        .on('records')
        .columns(['connection_id', 'entity', 'synced_at'])
        .execute();

      await db.schema
        .createTable('sync_checkpoints')
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('entity', c.key, (col) => col.notNull())
        .addColumn('cursor', c.json)
        .addColumn('status', c.text, (col) => col.notNull())
        .addColumn('last_run_started_at', c.key)
        .addColumn('last_success_at', c.key)
        .addColumn('last_error', c.text)
        .addColumn('counts', c.json, (col) => col.notNull())
        .addPrimaryKeyConstraint('sync_checkpoints_pk', ['connection_id', 'entity'])
        .execute();

      // No reference to connections: support needs a request's log after its connection is gone.
      await db.schema
        .createTable('request_log')
        .addColumn('request_id', c.key, (col) => col.primaryKey())
        .addColumn('method', c.text, (col) => col.notNull())
        .addColumn('route', c.text, (col) => col.notNull())
        .addColumn('url', c.text, (col) => col.notNull())
        .addColumn('connection_id', c.key)
        .addColumn('status', c.int, (col) => col.notNull())
        .addColumn('duration_ms', c.real, (col) => col.notNull())
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('calls', c.json, (col) => col.notNull())
        .addColumn('error_code', c.text)
        .execute();
      // pruneOlderThan
      await db.schema.createIndex('request_log_created_idx').on('request_log').column('created_at').execute();

      await db.schema
        .createTable('field_mappings')
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('entity', c.key, (col) => col.notNull())
        .addColumn('version', c.int, (col) => col.notNull())
        .addColumn('mapping', c.json, (col) => col.notNull())
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addPrimaryKeyConstraint('field_mappings_pk', ['connection_id', 'entity', 'version'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('key', c.key, (col) => col.notNull())
        .addColumn('request_hash', c.text, (col) => col.notNull())
        .addColumn('state', c.text, (col) => col.notNull())
        .addColumn('response_status', c.int)
        .addColumn('response_body', c.json)
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addColumn('expires_at', c.key, (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['connection_id', 'key'])
        .addCheckConstraint('idempotency_keys_state_check', sql`state in ('in_progress', 'completed')`)
        .execute();
      // pruneExpired
      await db.schema.createIndex('idempotency_keys_expires_idx').on('idempotency_keys').column('expires_at').execute();

      await db.schema
        .createTable('events')
        .addColumn('seq', c.sequence.type, c.sequence.build)
        .addColumn('id', c.key, (col) => col.notNull().unique())
        .addColumn('connection_id', c.key, (col) => col.notNull().references('connections.id'))
        .addColumn('entity', c.key, (col) => col.notNull())
        .addColumn('record_id', c.key, (col) => col.notNull())
        .addColumn('type', c.text, (col) => col.notNull())
        .addColumn('payload', c.json, (col) => col.notNull())
        .addColumn('created_at', c.key, (col) => col.notNull())
        .addCheckConstraint('events_type_check', sql`type in ('created', 'updated', 'deleted')`)
        .execute();
      // listAfter
      await db.schema.createIndex('events_connection_seq_idx').on('events').columns(['connection_id', 'seq']).execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of [
        'events',
        'idempotency_keys',
        'field_mappings',
        'request_log',
        'sync_checkpoints',
        'records',
        'tokens',
        'connections',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
