/**
 * What a simulated Odoo model is: its fields (the magic ones added for every model, as Odoo's
 * BaseModel does), its default order, its display name, and the hooks through which a model
 * enforces its business rules on create, write and unlink, plus its public methods (buttons).
 */
import { F, type Env, type Field, type Row, type Vals } from './fields.js';

export type Method = (env: Env, ids: number[], args: unknown[], kwargs: Record<string, unknown>) => unknown;

export interface ModelSpec {
  name: string;
  /** `_description`, used in access errors ("Purchase Order"). */
  description: string;
  fields: Record<string, Field>;
  /** `_order`, e.g. "priority desc, id desc" (default "id"). */
  order?: string;
  /** display_name; default: the name field. */
  displayName?: (row: Row, env: Env) => string;
  /** Fills defaults and checks values before insert (vals are the converted values). */
  beforeCreate?: (env: Env, vals: Vals) => void;
  afterCreate?: (env: Env, id: number, given: Vals) => void;
  beforeWrite?: (env: Env, ids: number[], vals: Vals) => void;
  afterWrite?: (env: Env, ids: number[], vals: Vals) => void;
  beforeUnlink?: (env: Env, ids: number[]) => void;
  /** After the rows (given as they were) are gone. */
  afterUnlink?: (env: Env, rows: Row[]) => void;
  /** Public methods callable through execute_kw on records (`button_confirm`…). */
  methods?: Record<string, Method>;
}

/** BaseModel's magic fields, on every model (LOG_ACCESS_COLUMNS and display_name). */
export function withMagicFields(spec: ModelSpec): ModelSpec {
  const display = spec.displayName ?? ((row: Row) => (typeof row.name === 'string' ? row.name : `${spec.name},${row.id}`));
  return {
    ...spec,
    fields: {
      id: F.integer('ID', { readonly: true }),
      display_name: F.char('Display Name', { readonly: true, compute: (row, env) => display(row, env) }),
      create_date: F.datetime('Created on', { readonly: true }),
      create_uid: F.many2one('Created by', 'res.users', { readonly: true }),
      write_date: F.datetime('Last Updated on', { readonly: true }),
      write_uid: F.many2one('Last Updated by', 'res.users', { readonly: true }),
      ...spec.fields,
    },
  };
}
