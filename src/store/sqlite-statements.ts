/**
 * Prepared statements kept per SQL text. Kysely's SQLite driver prepares every query afresh;
 * compiling the same few statements again on every request and every sync batch was a visible
 * share of the CPU (docs/benchmarks.md). better-sqlite3 runs a statement to completion
 * synchronously, so one statement can serve every caller; only a statement still being iterated
 * (`busy`) cannot be reused, and a fresh one is prepared for that caller.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept; multi-row inserts of many sizes would otherwise grow it without end. */
const MAX_STATEMENTS = 500;

export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting keeps the most recently used last.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  } as SqliteDatabase;
}
