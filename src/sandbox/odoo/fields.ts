/**
 * The simulated ORM's field types and their two conversions: what `read` answers on the wire
 * (protocols-erp.md §6.5: many2one → `[id, "display name"]` or `false`, x2many → ids, empty
 * char/date → `false`, floats as JSON numbers, datetimes "YYYY-MM-DD HH:MM:SS" UTC) and what
 * `create`/`write` accept (odoo/fields.py `convert_to_cache`: `false` empties, floats rounded to
 * their digits, monetary values to their currency, selection keys checked).
 */
import { valueError } from './errors.js';
import type { OdooDatetime } from './wire.js';
import { isDate, isDatetime, round } from './wire.js';
import type { Database } from './orm.js';

export type FieldType = 'integer' | 'float' | 'monetary' | 'char' | 'text' | 'html' | 'boolean' | 'date' | 'datetime' | 'selection' | 'many2one' | 'one2many' | 'many2many';

/** A stored value: m2o as an id or null, x2many as ids, empties as null. */
export type Value = string | number | boolean | null | number[];
export interface Row {
  id: number;
  [field: string]: Value | undefined;
}
export type Vals = Record<string, unknown>;

/** Who calls, when, in which database (Odoo's `env`). */
export interface Env {
  db: Database;
  uid: number;
  now: OdooDatetime;
  context: Record<string, unknown>;
}

export interface Field {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the comodel's many2one pointing back. */
  inverse?: string;
  required?: boolean;
  readonly?: boolean;
  selection?: readonly (readonly [string, string])[];
  /** float: decimals kept when stored (decimal.precision). */
  digits?: number;
  /** monetary: the many2one to res.currency whose decimal places apply. */
  currencyField?: string;
  /** many2one: what deleting the target does to this record (PostgreSQL's ON DELETE). */
  ondelete?: 'cascade' | 'set null' | 'restrict';
  /** A related field ("product_tmpl_id.name"): read from, and written to, the record it follows. */
  related?: [string, string];
  /** A computed field, evaluated whenever it is read or searched. */
  compute?: (row: Row, env: Env) => Value;
  /** The value a create gets when the field is not given. */
  default?: (env: Env, vals: Vals) => unknown;
}

type Opts = Omit<Field, 'type' | 'string'>;
const field = (type: FieldType) => (string: string, opts: Opts = {}): Field => ({ type, string, ...opts });

export const F = {
  integer: field('integer'),
  float: field('float'),
  monetary: (string: string, currencyField: string, opts: Opts = {}): Field => ({ type: 'monetary', string, currencyField, ...opts }),
  char: field('char'),
  text: field('text'),
  html: field('html'),
  boolean: field('boolean'),
  date: field('date'),
  datetime: field('datetime'),
  selection: (string: string, selection: readonly (readonly [string, string])[], opts: Opts = {}): Field => ({ type: 'selection', string, selection, ...opts }),
  many2one: (string: string, relation: string, opts: Opts = {}): Field => ({ type: 'many2one', string, relation, ...opts }),
  one2many: (string: string, relation: string, inverse: string, opts: Opts = {}): Field => ({ type: 'one2many', string, relation, inverse, ...opts }),
  many2many: (string: string, relation: string, opts: Opts = {}): Field => ({ type: 'many2many', string, relation, ...opts }),
};

export const isRelational = (f: Field) => f.type === 'many2one' || f.type === 'one2many' || f.type === 'many2many';

/** A value as `read` answers it. */
export function toWire(env: Env, f: Field, value: Value | undefined): unknown {
  switch (f.type) {
    case 'many2one':
      if (typeof value !== 'number') return false;
      // Odoo reads the display name with sudo, so a pair never fails on the comodel's rights.
      return [value, env.db.displayName(env, f.relation!, value)];
    case 'one2many':
    case 'many2many':
      return Array.isArray(value) ? value : [];
    case 'integer':
    case 'float':
    case 'monetary':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return value === true;
    default:
      return value === null || value === undefined || value === '' ? false : value;
  }
}

const invalid = (model: string, name: string, value: unknown) => valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(value)}`);

/** A value given to create/write, checked and converted to what is stored (x2many handled by the ORM). */
export function fromWire(env: Env, model: string, name: string, f: Field, value: unknown, row: Vals): Value {
  if (value === false || value === null || value === undefined) {
    if (f.type === 'boolean') return false;
    if (f.type === 'integer' || f.type === 'float' || f.type === 'monetary') return 0;
    return null;
  }
  switch (f.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw valueError(`invalid literal for int() with base 10: ${JSON.stringify(value)}`);
      return value;
    case 'float':
    case 'monetary': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw valueError(`could not convert string to float: ${JSON.stringify(value)}`);
      if (f.type === 'monetary') {
        const currency = row[f.currencyField!];
        const places = typeof currency === 'number' ? env.db.get('res.currency', currency)?.decimal_places : undefined;
        return round(n, typeof places === 'number' ? places : 2);
      }
      return f.digits === undefined ? n : round(n, f.digits);
    }
    case 'boolean':
      return Boolean(value);
    case 'char':
    case 'text':
    case 'html':
      if (typeof value !== 'string') return String(value);
      return value;
    case 'date':
      if (isDate(value)) return value;
      if (isDatetime(value)) return value.slice(0, 10);
      throw valueError(`time data ${JSON.stringify(value)} does not match format '%Y-%m-%d'`);
    case 'datetime':
      if (isDatetime(value)) return value;
      // fields.Datetime.to_datetime also takes a bare date (midnight).
      if (isDate(value)) return `${value} 00:00:00`;
      throw valueError(`time data ${JSON.stringify(value)} does not match format '%Y-%m-%d %H:%M:%S'`);
    case 'selection':
      if (typeof value !== 'string' || !f.selection!.some(([k]) => k === value)) throw invalid(model, name, value);
      return value;
    case 'many2one': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(value)}`);
      // A many2one to a missing record is a foreign-key violation in PostgreSQL.
      if (!env.db.get(f.relation!, value)) throw env.db.foreignKeyError(model, name, f);
      return value;
    }
    default:
      throw invalid(model, name, value);
  }
}
