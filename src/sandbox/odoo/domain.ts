/**
 * Odoo domains (odoo/osv/expression.py): prefix notation with '&' (implicit between terms), '|'
 * and '!', leaves `[path, operator, value]` where a dotted path follows many2one and x2many
 * fields (an x2many leaf holds when any related record matches), the operators =, !=, <, <=, >,
 * >=, in, not in, like, not like, ilike, not ilike, =like, =ilike, and the constant leaves
 * `[1, "=", 1]` / `[0, "=", 1]`. A field the model lacks is a ValueError (protocols-erp.md §6.8).
 */
import { valueError } from './errors.js';
import type { Env, Field, Row, Value } from './fields.js';
import { isDate } from './wire.js';

type Node = { op: '&' | '|'; a: Node; b: Node } | { op: '!'; a: Node } | { leaf: [string, string, unknown] } | { constant: boolean };

const OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'like', 'not like', 'ilike', 'not ilike', '=like', '=ilike']);

export function parseDomain(domain: unknown): Node {
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  let i = 0;
  const next = (): Node => {
    if (i >= domain.length) throw valueError(`Invalid domain: an operator is missing its operands in ${JSON.stringify(domain)}`);
    const term = domain[i++];
    if (term === '&' || term === '|') return { op: term, a: next(), b: next() };
    if (term === '!') return { op: '!', a: next() };
    if (!Array.isArray(term) || term.length !== 3) throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
    const [left, op, right] = term as [unknown, unknown, unknown];
    if ((left === 1 || left === 0) && op === '=' && right === 1) return { constant: left === 1 };
    if (typeof left !== 'string' || typeof op !== 'string' || !OPERATORS.has(op.toLowerCase())) throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
    return { leaf: [left, op.toLowerCase(), right] };
  };
  let node: Node = { constant: true };
  let first = true;
  while (i < domain.length) {
    const n = next();
    node = first ? n : { op: '&', a: node, b: n };
    first = false;
  }
  return node;
}

/** Whether a domain names a field at its top (the `active` test is skipped when it names `active`). */
export function mentions(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((t) => Array.isArray(t) && typeof t[0] === 'string' && t[0].split('.')[0] === field);
}

const CHAR: Field = { type: 'char', string: '' };

const empty = (v: unknown) => v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0);

function likeMatch(value: unknown, pattern: string, op: string): boolean {
  if (typeof value !== 'string') return false;
  const insensitive = op.includes('ilike');
  const exact = op.startsWith('=');
  const re = exact
    ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, insensitive ? 'is' : 's')
    : undefined;
  if (re) return re.test(value);
  return insensitive ? value.toLowerCase().includes(pattern.toLowerCase()) : value.includes(pattern);
}

/** A plain (non-relational-path) comparison of one value. */
function compare(fieldValue: unknown, op: string, right: unknown, f: Field): boolean {
  let r = right;
  // A date compared with a datetime field means midnight of that date.
  if (f.type === 'datetime' && isDate(r)) r = `${r} 00:00:00`;
  switch (op) {
    case '=':
      return r === false || r === null ? empty(fieldValue) : fieldValue === r;
    case '!=':
      return r === false || r === null ? !empty(fieldValue) : fieldValue !== r;
    case 'in':
    case 'not in': {
      const list = Array.isArray(r) ? r : [r];
      const hit = list.some((x) => (x === false || x === null ? empty(fieldValue) : x === fieldValue));
      return op === 'in' ? hit : !hit;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (empty(fieldValue) && f.type !== 'integer' && f.type !== 'float' && f.type !== 'monetary') return false;
      const a = fieldValue as number | string;
      const b = r as number | string;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    default: {
      const negative = op.startsWith('not');
      if (typeof r !== 'string') throw valueError(`Invalid value ${JSON.stringify(r)} for operator ${op}`);
      const hit = likeMatch(fieldValue, r, negative ? op.slice(4) : op);
      return negative ? !hit : hit;
    }
  }
}

export function matches(env: Env, model: string, row: Row, node: Node): boolean {
  if ('constant' in node) return node.constant;
  if ('leaf' in node) return leafMatches(env, model, row, node.leaf);
  if (node.op === '!') return !matches(env, model, row, node.a);
  return node.op === '&' ? matches(env, model, row, node.a) && matches(env, model, row, node.b) : matches(env, model, row, node.a) || matches(env, model, row, node.b);
}

function leafMatches(env: Env, model: string, row: Row, [path, op, right]: [string, string, unknown]): boolean {
  const [name, ...rest] = path.split('.');
  const spec = env.db.spec(model);
  const f = spec.fields[name!];
  if (!f) throw valueError(`Invalid field '${name}' on model '${model}'`);
  const value = env.db.value(env, model, row, name!);
  if (f.type === 'many2one' || f.type === 'one2many' || f.type === 'many2many') {
    const ids = relatedIds(value);
    if (rest.length) {
      const sub = { leaf: [rest.join('.'), op, right] as [string, string, unknown] };
      return ids.some((id) => {
        const target = env.db.get(f.relation!, id);
        return target !== undefined && matches(env, f.relation!, target, sub);
      });
    }
    // A name instead of ids: Odoo runs a name_search on the comodel.
    if (typeof right === 'string') {
      const negative = op === '!=' || op.startsWith('not');
      const positive = op === '!=' ? '=' : negative ? op.slice(4) : op;
      const hit = ids.some((id) => compare(env.db.displayName(env, f.relation!, id), positive, right, CHAR));
      return negative ? !hit : hit;
    }
    if (f.type !== 'many2one') {
      if (op === '=' || op === 'in') return right === false || right === null ? ids.length === 0 : ids.some((id) => compare(id, 'in', right, f));
      if (op === '!=' || op === 'not in') return right === false || right === null ? ids.length > 0 : !ids.some((id) => compare(id, 'in', right, f));
    }
    return compare(typeof value === 'number' ? value : null, op, right, f);
  }
  if (rest.length) throw valueError(`Invalid field '${path}' on model '${model}': ${name} is not relational`);
  return compare(value, op, right, f);
}

export function relatedIds(value: Value | undefined): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value : [];
}
