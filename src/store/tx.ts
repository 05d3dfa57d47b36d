import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `fn` in a transaction, or in the caller's transaction when `db` already is one, so that a
 * repo built on a transaction (e.g. records + events written together) composes instead of
 * failing on Kysely's refusal to nest.
 */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/**
 * Rows per multi-row statement: keeps the bound parameters well under SQLite's 32,766 and
 * PostgreSQL's 65,535 for the widest table (records, 14 columns).
 */
export const ROWS_PER_STATEMENT = 500;

export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
