import type { Kysely, Selectable } from 'kysely';
import { decodeJsonObject, encodeJson, type JsonObject } from '../json.js';
import type { ConnectLinksTable, Database } from '../schema.js';
import { nowIso, toStoredTime } from '../time.js';

export type ConnectLinkStatus = 'pending' | 'used' | 'expired' | 'revoked';

export interface ConnectLinkRow {
  id: string;
  /** SHA-256 hex of the link token; the token itself is never stored. */
  hash: string;
  prefix: string;
  system: string | null;
  name: string | null;
  metadata: JsonObject;
  redirectUrl: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  connectionId: string | null;
}

export interface NewConnectLink {
  id: string;
  hash: string;
  prefix: string;
  system: string | null;
  name: string | null;
  metadata: Record<string, unknown>;
  redirectUrl: string | null;
  expiresAt: string;
}

export interface ConnectLinksRepo {
  create(row: NewConnectLink): Promise<ConnectLinkRow>;
  get(id: string): Promise<ConnectLinkRow | undefined>;
  findByHash(hash: string): Promise<ConnectLinkRow | undefined>;
  /** Newest first. */
  list(opts: { limit: number }): Promise<ConnectLinkRow[]>;
  /**
   * Claims a pending link for a connection, atomically: true for exactly one caller, false when
   * the link was used, revoked or expired in the meantime.
   */
  claim(id: string, connectionId: string, at: string): Promise<boolean>;
  revoke(id: string, at: string): Promise<boolean>;
}

export function linkStatus(row: ConnectLinkRow, now: string): ConnectLinkStatus {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

export function createConnectLinksRepo(db: Kysely<Database>): ConnectLinksRepo {
  return {
    async create(row) {
      const inserted = await db
        .insertInto('connect_links')
        .values({
          id: row.id,
          hash: row.hash,
          prefix: row.prefix,
          system: row.system,
          name: row.name,
          metadata: encodeJson(row.metadata),
          redirect_url: row.redirectUrl,
          created_at: nowIso(),
          expires_at: toStoredTime(row.expiresAt, 'expiresAt'),
          used_at: null,
          revoked_at: null,
          connection_id: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRow(inserted);
    },
    async get(id) {
      const row = await db.selectFrom('connect_links').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRow(row);
    },
    async findByHash(hash) {
      const row = await db.selectFrom('connect_links').selectAll().where('hash', '=', hash).executeTakeFirst();
      return row && toRow(row);
    },
    async list({ limit }) {
      const rows = await db.selectFrom('connect_links').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRow);
    },
    async claim(id, connectionId, at) {
      const stored = toStoredTime(at, 'at');
      const result = await db
        .updateTable('connect_links')
        .set({ used_at: stored, connection_id: connectionId })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', stored)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revoke(id, at) {
      const result = await db
        .updateTable('connect_links')
        .set({ revoked_at: toStoredTime(at, 'at') })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toRow(row: Selectable<ConnectLinksTable>): ConnectLinkRow {
  return {
    id: row.id,
    hash: row.hash,
    prefix: row.prefix,
    system: row.system,
    name: row.name,
    metadata: decodeJsonObject(row.metadata),
    redirectUrl: row.redirect_url,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
    connectionId: row.connection_id,
  };
}
