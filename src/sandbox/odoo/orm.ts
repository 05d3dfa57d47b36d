/**
 * One simulated Odoo database: its models and their rows, and the ORM operations every model
 * has — search (domain, order, offset, limit, the `active` test), read, create, write, unlink,
 * fields_get — with Odoo's own refusals (unknown fields, mandatory fields, missing records).
 * Access rights are checked by the RPC layer before it calls in (rpc.ts).
 */
import { missingError, userError, validationError, valueError } from './errors.js';
import { fromWire, isRelational, toWire, type Env, type Field, type Row, type Value, type Vals } from './fields.js';
import { matches, mentions, parseDomain } from './domain.js';
import { withMagicFields, type ModelSpec } from './model.js';
import { applyCommands } from './x2many.js';
import { sortRows } from './order.js';

export interface User {
  id: number;
  login: string;
  password: string;
  /** API keys (Preferences → Account Security), accepted in place of the password over RPC. */
  apiKeys: string[];
  /** XML ids of the groups the user has (implied groups are added by access.ts). */
  groups: string[];
}

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

export class Database {
  readonly name: string;
  readonly users = new Map<number, User>();
  /** ir.sequence counters by code (purchase.order → P00001, P00002…). */
  readonly sequences = new Map<string, number>();
  private readonly specs = new Map<string, ModelSpec>();
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly nextIds = new Map<string, number>();

  constructor(name: string, specs: readonly ModelSpec[]) {
    this.name = name;
    for (const spec of specs) {
      this.specs.set(spec.name, withMagicFields(spec));
      this.tables.set(spec.name, new Map());
    }
  }

  has(model: string): boolean {
    return this.specs.has(model);
  }

  /** The model, or Odoo's refusal for a model that is not installed (odoo/service/model.py). */
  spec(model: string): ModelSpec {
    const spec = this.specs.get(model);
    if (!spec) throw userError(`Object ${model} doesn't exist`);
    return spec;
  }

  get(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** Every row of a model by id (no access or active test: the simulator's own view). */
  rows(model: string): Row[] {
    return [...(this.tables.get(model)?.values() ?? [])].sort((a, b) => a.id - b.id);
  }

  /** A field's value: stored, computed, or (one2many) the ids pointing back, in the comodel's order. */
  value(env: Env, model: string, row: Row, name: string): Value {
    const f = this.spec(model).fields[name];
    if (!f) throw valueError(`Invalid field '${name}' on model '${model}'`);
    if (name === 'id') return row.id;
    if (f.related) {
      const [via, target] = f.related;
      const linked = row[via];
      const other = typeof linked === 'number' ? this.get(this.spec(model).fields[via]!.relation!, linked) : undefined;
      return other ? this.value(env, this.spec(model).fields[via]!.relation!, other, target) : null;
    }
    if (f.compute) return f.compute(row, env);
    if (f.type === 'one2many') {
      const children = this.rows(f.relation!).filter((r) => r[f.inverse!] === row.id);
      return sortRows(env, f.relation!, children, this.spec(f.relation!).order).map((r) => r.id);
    }
    const v = row[name];
    return v === undefined ? (f.type === 'many2many' ? [] : null) : v;
  }

  displayName(env: Env, model: string, id: number): string {
    const row = this.get(model, id);
    return row ? String(this.value(env, model, row, 'display_name')) : `${model},${id}`;
  }

  /** Inserts a row as it is (seeding): no conversion, no hooks. */
  insert(model: string, row: Omit<Row, 'id'> & { id?: number }): number {
    const id = row.id ?? this.nextIds.get(model) ?? 1;
    this.tables.get(model)!.set(id, { ...row, id } as Row);
    this.nextIds.set(model, Math.max(this.nextIds.get(model) ?? 1, id + 1));
    return id;
  }

  nextSequence(code: string): number {
    const n = (this.sequences.get(code) ?? 0) + 1;
    this.sequences.set(code, n);
    return n;
  }

  search(env: Env, model: string, domain: unknown, opts: SearchOptions = {}): number[] {
    const spec = this.spec(model);
    const node = parseDomain(domain ?? []);
    // Archived records are left out unless the domain names `active` (odoo/models.py _where_calc).
    const activeTest = 'active' in spec.fields && env.context.active_test !== false && !mentions(domain, 'active');
    const found = this.rows(model).filter((row) => (!activeTest || row.active !== false) && matches(env, model, row, node));
    const sorted = sortRows(env, model, found, opts.order ?? spec.order);
    const offset = opts.offset ?? 0;
    return sorted.slice(offset, opts.limit === null || opts.limit === undefined ? undefined : offset + opts.limit).map((r) => r.id);
  }

  read(env: Env, model: string, ids: readonly number[], fields?: readonly string[] | null): Record<string, unknown>[] {
    const spec = this.spec(model);
    const names = fields && fields.length ? fields : Object.keys(spec.fields);
    for (const n of names) if (!spec.fields[n]) throw valueError(`Invalid field '${n}' on model '${model}'`);
    // Ids that do not exist are dropped silently (protocols-erp.md §6.3 "Get").
    return ids.flatMap((id) => {
      const row = this.get(model, id);
      if (!row) return [];
      const out: Record<string, unknown> = { id };
      for (const n of names) if (n !== 'id') out[n] = toWire(env, spec.fields[n]!, this.value(env, model, row, n));
      return [out];
    });
  }

  private checkFields(model: string, spec: ModelSpec, vals: Vals): void {
    for (const name of Object.keys(vals)) if (!spec.fields[name]) throw valueError(`Invalid field '${name}' on model '${model}'`);
  }

  /** Plain values converted (many2ones first: a monetary value rounds with its currency). */
  private convert(env: Env, model: string, spec: ModelSpec, vals: Vals, current: Vals): { plain: Vals; x2many: [string, Field, unknown][]; related: [Field, unknown][] } {
    const plain: Vals = {};
    const x2many: [string, Field, unknown][] = [];
    const related: [Field, unknown][] = [];
    const names = Object.keys(vals).sort((a, b) => Number(spec.fields[b]!.type === 'many2one') - Number(spec.fields[a]!.type === 'many2one'));
    for (const name of names) {
      const f = spec.fields[name]!;
      // A readonly related field ignores what is written to it.
      if (f.related) {
        if (!f.readonly) related.push([f, vals[name]]);
      }
      else if (f.type === 'one2many' || f.type === 'many2many') x2many.push([name, f, vals[name]]);
      else if (!f.compute) plain[name] = fromWire(env, model, name, f, vals[name], { ...current, ...plain });
    }
    return { plain, x2many, related };
  }

  /** Writes related fields through to the record they follow, which gets its own write_date. */
  private writeRelated(env: Env, model: string, row: Row, related: [Field, unknown][]): void {
    for (const [f, value] of related) {
      const [via, target] = f.related!;
      const linked = row[via];
      if (typeof linked === 'number') this.write(env, this.spec(model).fields[via]!.relation!, [linked], { [target]: value });
    }
  }

  mandatoryError(spec: ModelSpec, name: string): Error {
    // odoo/service/model.py _as_validation_error for a NOT NULL violation.
    return validationError(
      'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
        `Model: ${spec.description} (${spec.name})\nField: ${spec.fields[name]!.string} (${name})\n`,
    );
  }

  foreignKeyError(model: string, name: string, _f: Field): Error {
    const spec = this.spec(model);
    return validationError(
      'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
        `Model: ${spec.description} (${model})\nConstraint: ${model.replace(/\./g, '_')}_${name}_fkey\n`,
    );
  }

  private checkRequired(spec: ModelSpec, row: Vals): void {
    for (const [name, f] of Object.entries(spec.fields)) {
      if (!f.required || f.compute || f.related || (isRelational(f) && f.type !== 'many2one')) continue;
      const v = row[name];
      if (v === null || v === undefined || v === '') throw this.mandatoryError(spec, name);
    }
  }

  create(env: Env, model: string, vals: Vals): number {
    const spec = this.spec(model);
    if (!vals || typeof vals !== 'object' || Array.isArray(vals)) throw valueError(`create() expects a dict of values, got ${JSON.stringify(vals)}`);
    this.checkFields(model, spec, vals);
    const { plain, x2many, related } = this.convert(env, model, spec, vals, {});
    for (const [name, f] of Object.entries(spec.fields)) {
      if (!(name in plain) && f.default && !f.compute && !f.related && f.type !== 'one2many') plain[name] = fromWire(env, model, name, f, f.default(env, { ...vals, ...plain }), plain);
    }
    spec.beforeCreate?.(env, plain);
    this.checkRequired(spec, plain);
    const id = this.insert(model, { ...plain, create_date: env.now, write_date: env.now, create_uid: env.uid, write_uid: env.uid } as Omit<Row, 'id'>);
    for (const [name, f, commands] of x2many) applyCommands(env, model, id, name, f, commands);
    this.writeRelated(env, model, this.get(model, id)!, related);
    spec.afterCreate?.(env, id, vals);
    return id;
  }

  write(env: Env, model: string, ids: readonly number[], vals: Vals): void {
    const spec = this.spec(model);
    this.checkFields(model, spec, vals);
    const rows = this.existing(env, model, ids);
    for (const row of rows) {
      const { plain, x2many, related } = this.convert(env, model, spec, vals, row as Vals);
      spec.beforeWrite?.(env, [row.id], plain);
      this.checkRequired(spec, { ...row, ...plain });
      Object.assign(row, plain, { write_date: env.now, write_uid: env.uid });
      for (const [name, f, commands] of x2many) applyCommands(env, model, row.id, name, f, commands);
      this.writeRelated(env, model, row, related);
    }
    spec.afterWrite?.(env, [...ids], vals);
  }

  unlink(env: Env, model: string, ids: readonly number[]): void {
    const spec = this.spec(model);
    const gone = this.existing(env, model, ids);
    spec.beforeUnlink?.(env, [...ids]);
    for (const id of ids) this.tables.get(model)!.delete(id);
    // ON DELETE of the many2ones pointing here: cascade, or set null.
    for (const [other, otherSpec] of this.specs) {
      for (const [name, f] of Object.entries(otherSpec.fields)) {
        if (f.type !== 'many2one' || f.relation !== model || f.compute || f.related) continue;
        const hit = this.rows(other).filter((r) => typeof r[name] === 'number' && ids.includes(r[name] as number));
        if (!hit.length) continue;
        if (f.ondelete === 'cascade') this.unlink(env, other, hit.map((r) => r.id));
        else for (const r of hit) r[name] = null;
      }
    }
    spec.afterUnlink?.(env, gone);
  }

  /** The rows, or Odoo's MissingError naming the ones that are gone. */
  existing(env: Env, model: string, ids: readonly number[]): Row[] {
    const missing = ids.filter((id) => !this.get(model, id));
    if (missing.length) {
      throw missingError(`Record does not exist or has been deleted.\n(Record: ${model}(${missing.join(', ')},), User: ${env.uid})`);
    }
    return ids.map((id) => this.get(model, id)!);
  }

  fieldsGet(model: string, allfields?: readonly string[] | null, attributes?: readonly string[] | null): Record<string, Record<string, unknown>> {
    const spec = this.spec(model);
    const out: Record<string, Record<string, unknown>> = {};
    for (const [name, f] of Object.entries(spec.fields)) {
      if (allfields?.length && !allfields.includes(name)) continue;
      const all: Record<string, unknown> = {
        type: f.type,
        string: f.string,
        required: Boolean(f.required),
        readonly: Boolean(f.readonly || f.compute),
        store: !f.compute && !f.related,
        ...(f.relation ? { relation: f.relation } : {}),
        ...(f.selection ? { selection: f.selection.map(([k, v]) => [k, v]) } : {}),
        ...(f.type === 'float' && f.digits !== undefined ? { digits: [16, f.digits] } : {}),
      };
      out[name] = attributes?.length ? Object.fromEntries(Object.entries(all).filter(([k]) => attributes.includes(k))) : all;
    }
    return out;
  }
}
