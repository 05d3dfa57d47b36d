/**
 * Column types that differ between the dialects, for the migrations. Every other difference is
 * in db.ts; migrations use these names and stay dialect-free.
 */
import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Expression } from 'kysely';
import type { DialectName } from '../db.js';

type DataType = ColumnDataType | Expression<unknown>;

export interface ColumnTypes {
  /**
   * Text that is compared or ordered: ids, keys, ISO times. On PostgreSQL it is collated "C" so
   * that `<`, `>` and ORDER BY are byte-wise as on SQLite, whatever the database's collation
   * (en_US and friends ignore punctuation at the first level).
   */
  key: DataType;
  text: DataType;
  json: DataType;
  int: DataType;
  real: DataType;
  /** The auto-increment primary key: type and constraints, for `addColumn(name, type, build)`. */
  sequence: { type: DataType; build: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
}

export function columnTypes(dialect: DialectName): ColumnTypes {
  if (dialect === 'postgres') {
    return {
      key: sql`text collate "C"`,
      text: 'text',
      json: 'jsonb',
      int: 'integer',
      real: 'double precision',
      sequence: { type: 'bigint', build: (col) => col.primaryKey().generatedAlwaysAsIdentity() },
    };
  }
  return {
    key: 'text',
    text: 'text',
    json: 'text',
    int: 'integer',
    real: 'real',
    // AUTOINCREMENT: never reuse a seq, even after the highest row is deleted, so a consumer's
    // "after seq N" position can never skip a new event.
    sequence: { type: 'integer', build: (col) => col.primaryKey().autoIncrement() },
  };
}
