import type { Kysely, Selectable } from 'kysely';
import type { Database, TokensTable } from '../schema.js';
import { nowIso, toStoredTime } from '../time.js';

export interface TokenRow {
  id: string;
  connectionId: string;
  /** The first characters of the token, shown to users to tell tokens apart. */
  prefix: string;
  /** SHA-256 hex of the whole token; the token itself is never stored. */
  hash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  id: string;
  connectionId: string;
  prefix: string;
  hash: string;
  /** Defaults to now. */
  createdAt?: string;
}

export interface TokensRepo {
  create(row: NewToken): Promise<TokenRow>;
  /** The unrevoked token with this hash: the lookup behind every connection-token request. */
  findActiveByHash(hash: string): Promise<TokenRow | undefined>;
  /** Oldest first, revoked ones included. */
  listForConnection(connectionId: string): Promise<TokenRow[]>;
  /** False if there is no such token or it was already revoked (its revocation time is kept). */
  revoke(id: string, at?: string): Promise<boolean>;
  /** Revokes every active token of the connection but `exceptId`; answers how many. */
  revokeAllForConnection(connectionId: string, exceptId?: string, at?: string): Promise<number>;
  touch(id: string, at: string): Promise<void>;
}

export function createTokensRepo(db: Kysely<Database>): TokensRepo {
  return {
    async create(row) {
      const inserted = await db
        .insertInto('tokens')
        .values({
          id: row.id,
          connection_id: row.connectionId,
          prefix: row.prefix,
          hash: row.hash,
          created_at: toStoredTime(row.createdAt ?? nowIso(), 'createdAt'),
          last_used_at: null,
          revoked_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTokenRow(inserted);
    },

    async findActiveByHash(hash) {
      const row = await db
        .selectFrom('tokens')
        .selectAll()
        .where('hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row && toTokenRow(row);
    },

    async listForConnection(connectionId) {
      const rows = await db
        .selectFrom('tokens')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toTokenRow);
    },

    async revoke(id, at) {
      const result = await db
        .updateTable('tokens')
        .set({ revoked_at: toStoredTime(at ?? nowIso(), 'revokedAt') })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeAllForConnection(connectionId, exceptId, at) {
      let query = db
        .updateTable('tokens')
        .set({ revoked_at: toStoredTime(at ?? nowIso(), 'revokedAt') })
        .where('connection_id', '=', connectionId)
        .where('revoked_at', 'is', null);
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async touch(id, at) {
      const stored = toStoredTime(at, 'lastUsedAt');
      // Requests finish out of order; never move last_used_at backwards.
      await db
        .updateTable('tokens')
        .set({ last_used_at: stored })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stored)]))
        .execute();
    },
  };
}

function toTokenRow(row: Selectable<TokensTable>): TokenRow {
  return {
    id: row.id,
    connectionId: row.connection_id,
    prefix: row.prefix,
    hash: row.hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
