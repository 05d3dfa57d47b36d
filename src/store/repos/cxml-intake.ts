/**
 * The cXML intake's tables (migration 0005): settings per connection, issued bearer tokens
 * (hashes), the current state of every order received, and every accepted document by payloadID.
 * Writes that decide a race are guarded in the database (insert-or-nothing, compare-and-set on
 * the order's last payloadID), the same on SQLite and PostgreSQL.
 */
import type { Kysely, Selectable } from 'kysely';
import { decodeJsonObject, encodeJson, type JsonObject } from '../json.js';
import type { CxmlDocumentsTable, CxmlIntakesTable, CxmlOrdersTable, Database } from '../schema.js';
import { nowIso, toStoredTime } from '../time.js';

export interface CxmlIntakeRow {
  connectionId: string;
  /** Everything but the secrets. */
  settings: JsonObject;
  /** Ciphertext made by the caller. */
  secrets: string;
  createdAt: string;
  updatedAt: string;
}

export type CxmlOrderState = 'open' | 'cancelled';

export interface CxmlOrderRow {
  connectionId: string;
  orderId: string;
  recordId: string;
  orderVersion: number;
  state: CxmlOrderState;
  /** The payloadID of the last document applied: the compare-and-set guard of the next change. */
  lastPayloadId: string;
  updatedAt: string;
}

export interface CxmlDocumentRow {
  connectionId: string;
  payloadId: string;
  /** SHA-256 of the document: tells a resend from another document reusing the payloadID. */
  contentHash: string;
  orderId: string;
  type: string;
  orderVersion: number | null;
  /** What the document did: created, updated, cancelled, unchanged. */
  outcome: string;
  receivedAt: string;
}

export interface CxmlIntakeRepo {
  getSettings(connectionId: string): Promise<CxmlIntakeRow | undefined>;
  putSettings(row: { connectionId: string; settings: Record<string, unknown>; secrets: string; at?: string }): Promise<CxmlIntakeRow>;
  /** Removes the settings and every token; answers whether there were settings. */
  deleteSettings(connectionId: string): Promise<boolean>;
  createToken(row: { hash: string; connectionId: string; expiresAt: string; createdAt?: string }): Promise<void>;
  /** The connection of an unexpired token with this hash. */
  findToken(hash: string, now: string): Promise<{ connectionId: string; expiresAt: string } | undefined>;
  revokeTokens(connectionId: string): Promise<number>;
  pruneTokens(now: string): Promise<number>;
  getDocument(connectionId: string, payloadId: string): Promise<CxmlDocumentRow | undefined>;
  /** False when the payloadID is already taken (by a concurrent request, say). */
  insertDocument(row: CxmlDocumentRow): Promise<boolean>;
  getOrder(connectionId: string, orderId: string): Promise<CxmlOrderRow | undefined>;
  /** Creates the order's row, or answers false when it exists. */
  insertOrder(row: CxmlOrderRow): Promise<boolean>;
  /** Replaces the order's row if its lastPayloadId is still `expectedPayloadId`; false otherwise. */
  updateOrder(row: CxmlOrderRow, expectedPayloadId: string): Promise<boolean>;
}

export function createCxmlIntakeRepo(db: Kysely<Database>): CxmlIntakeRepo {
  return {
    async getSettings(connectionId) {
      const row = await db.selectFrom('cxml_intakes').selectAll().where('connection_id', '=', connectionId).executeTakeFirst();
      return row && toIntakeRow(row);
    },

    async putSettings({ connectionId, settings, secrets, at }) {
      const now = toStoredTime(at ?? nowIso(), 'at');
      const row = await db
        .insertInto('cxml_intakes')
        .values({ connection_id: connectionId, settings: encodeJson(settings), secrets, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('connection_id').doUpdateSet({ settings: encodeJson(settings), secrets, updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toIntakeRow(row);
    },

    async deleteSettings(connectionId) {
      await db.deleteFrom('cxml_intake_tokens').where('connection_id', '=', connectionId).execute();
      const result = await db.deleteFrom('cxml_intakes').where('connection_id', '=', connectionId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async createToken({ hash, connectionId, expiresAt, createdAt }) {
      await db
        .insertInto('cxml_intake_tokens')
        .values({ hash, connection_id: connectionId, created_at: toStoredTime(createdAt ?? nowIso(), 'createdAt'), expires_at: toStoredTime(expiresAt, 'expiresAt') })
        .execute();
    },

    async findToken(hash, now) {
      const row = await db
        .selectFrom('cxml_intake_tokens')
        .select(['connection_id', 'expires_at'])
        .where('hash', '=', hash)
        .where('expires_at', '>', toStoredTime(now, 'now'))
        .executeTakeFirst();
      return row && { connectionId: row.connection_id, expiresAt: row.expires_at };
    },

    async revokeTokens(connectionId) {
      const result = await db.deleteFrom('cxml_intake_tokens').where('connection_id', '=', connectionId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async pruneTokens(now) {
      const result = await db.deleteFrom('cxml_intake_tokens').where('expires_at', '<=', toStoredTime(now, 'now')).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async getDocument(connectionId, payloadId) {
      const row = await db
        .selectFrom('cxml_documents')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('payload_id', '=', payloadId)
        .executeTakeFirst();
      return row && toDocumentRow(row);
    },

    async insertDocument(row) {
      const inserted = await db
        .insertInto('cxml_documents')
        .values({
          connection_id: row.connectionId,
          payload_id: row.payloadId,
          content_hash: row.contentHash,
          order_id: row.orderId,
          type: row.type,
          order_version: row.orderVersion,
          outcome: row.outcome,
          received_at: toStoredTime(row.receivedAt, 'receivedAt'),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('payload_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async getOrder(connectionId, orderId) {
      const row = await db
        .selectFrom('cxml_orders')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      return row && toOrderRow(row);
    },

    async insertOrder(row) {
      const inserted = await db
        .insertInto('cxml_orders')
        .values(orderValues(row))
        .onConflict((oc) => oc.doNothing())
        .returning('order_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async updateOrder(row, expectedPayloadId) {
      const { connection_id, order_id, ...set } = orderValues(row);
      const result = await db
        .updateTable('cxml_orders')
        .set(set)
        .where('connection_id', '=', connection_id)
        .where('order_id', '=', order_id)
        .where('last_payload_id', '=', expectedPayloadId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function orderValues(row: CxmlOrderRow): CxmlOrdersTable {
  return {
    connection_id: row.connectionId,
    order_id: row.orderId,
    record_id: row.recordId,
    order_version: row.orderVersion,
    state: row.state,
    last_payload_id: row.lastPayloadId,
    updated_at: toStoredTime(row.updatedAt, 'updatedAt'),
  };
}

function toIntakeRow(row: Selectable<CxmlIntakesTable>): CxmlIntakeRow {
  return { connectionId: row.connection_id, settings: decodeJsonObject(row.settings), secrets: row.secrets, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toOrderRow(row: Selectable<CxmlOrdersTable>): CxmlOrderRow {
  return {
    connectionId: row.connection_id,
    orderId: row.order_id,
    recordId: row.record_id,
    orderVersion: row.order_version,
    state: row.state as CxmlOrderState,
    lastPayloadId: row.last_payload_id,
    updatedAt: row.updated_at,
  };
}

function toDocumentRow(row: Selectable<CxmlDocumentsTable>): CxmlDocumentRow {
  return {
    connectionId: row.connection_id,
    payloadId: row.payload_id,
    contentHash: row.content_hash,
    orderId: row.order_id,
    type: row.type,
    orderVersion: row.order_version,
    outcome: row.outcome,
    receivedAt: row.received_at,
  };
}
