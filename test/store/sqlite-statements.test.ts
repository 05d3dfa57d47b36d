/**
 * The SQLite statement cache: one prepared statement per SQL text, reused, except while a caller
 * is still iterating it; bounded in size.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../../src/store/sqlite-statements.js';

it('reuses a statement per SQL text, and prepares a fresh one while the cached one is being iterated', () => {
  const raw = new SqliteDatabase(':memory:');
  const db = withStatementCache(raw);
  try {
    db.prepare('create table t (n integer)').run([]);
    const insert = db.prepare('insert into t (n) values (?)');
    for (let n = 1; n <= 3; n += 1) db.prepare('insert into t (n) values (?)').run([n]);
    assert.equal(db.prepare('insert into t (n) values (?)'), insert, 'the same statement object');

    const select = db.prepare('select n from t order by n');
    const seen: number[][] = [];
    // Kysely streams with iterate(): a second caller of the same SQL meanwhile gets its own statement.
    for (const row of select.iterate([]) as Iterable<{ n: number }>) {
      const again = db.prepare('select n from t order by n');
      assert.notEqual(again, select);
      seen.push([row.n, (again.all([]) as { n: number }[]).length]);
    }
    assert.deepEqual(seen, [[1, 3], [2, 3], [3, 3]]);
    assert.equal(db.prepare('select n from t order by n'), select, 'reused once no longer busy');
  } finally {
    db.close();
  }
  assert.equal(raw.open, false, 'close closes the database');
});

it('keeps at most 500 statements, dropping the least recently used', () => {
  const db = withStatementCache(new SqliteDatabase(':memory:'));
  try {
    const first = db.prepare('select 0');
    const kept = db.prepare('select 1');
    for (let i = 2; i <= 500; i += 1) db.prepare(`select ${i}`);
    assert.equal(db.prepare('select 1'), kept, 'used again: now the most recent');
    db.prepare('select 501');
    assert.notEqual(db.prepare('select 0'), first, 'the least recently used was dropped');
    assert.equal(db.prepare('select 1'), kept);
  } finally {
    db.close();
  }
});
