/**
 * OData V2 `$filter` (the subset SAP Gateway services answer: comparisons eq ne gt ge lt le,
 * and/or/not, parentheses, substringof/startswith/endswith/tolower/toupper, and the typed
 * literals 'text', datetime'…', datetimeoffset'…', time'…', guid'…', numbers with an optional
 * m/d/l/f suffix, true, false, null), parsed into a small tree and evaluated on held values.
 * OData V2 URI conventions §4.5 ($filter) is the reference.
 */
import { parseInstant, type Entity, type Value } from './values.js';
import { property, type EdmEntityType } from './spec.js';

export type Literal = { kind: 'lit'; type: 'string' | 'datetime' | 'number' | 'bool' | 'null' | 'time' | 'guid'; value: string | number | boolean | null };
export type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'not'; arg: Node }
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Node; right: Node }
  | { kind: 'prop'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | Literal;

export class FilterError extends Error {}

const FUNCTIONS = new Set(['substringof', 'startswith', 'endswith', 'tolower', 'toupper', 'length', 'trim']);
const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

type Token = { t: 'word' | 'str' | 'typed' | 'num' | '(' | ')' | ','; v: string; prefix?: string; at: number };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c, at: i });
      i += 1;
      continue;
    }
    const quoted = (start: number): [string, number] => {
      let j = start + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) throw new FilterError(`unterminated literal at position ${start}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            s += "'";
            j += 2;
            continue;
          }
          return [s, j + 1];
        }
        s += text[j];
        j += 1;
      }
    };
    if (c === "'") {
      const [s, next] = quoted(i);
      out.push({ t: 'str', v: s, at: i });
      i = next;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_/.]*/.exec(text.slice(i));
    if (word) {
      const after = i + word[0].length;
      if (text[after] === "'" && /^(datetime|datetimeoffset|time|guid|X|binary)$/i.test(word[0])) {
        const [s, next] = quoted(after);
        out.push({ t: 'typed', v: s, prefix: word[0].toLowerCase(), at: i });
        i = next;
        continue;
      }
      out.push({ t: 'word', v: word[0], at: i });
      i = after;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDlLfF]?/.exec(text.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0].replace(/[mMdDlLfF]$/, ''), at: i });
      i += num[0].length;
      continue;
    }
    throw new FilterError(`unexpected character '${c}' at position ${i}`);
  }
  return out;
}

export function parseFilter(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const word = (w: string) => peek()?.t === 'word' && peek()!.v.toLowerCase() === w;
  const expect = (t: Token['t']) => {
    const tok = tokens[pos];
    if (tok?.t !== t) throw new FilterError(`expected "${t}" at position ${tok?.at ?? text.length}`);
    pos += 1;
    return tok;
  };
  const or = (): Node => {
    let left = and();
    while (word('or')) {
      pos += 1;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): Node => {
    let left = not();
    while (word('and')) {
      pos += 1;
      left = { kind: 'and', left, right: not() };
    }
    return left;
  };
  const not = (): Node => {
    if (word('not')) {
      pos += 1;
      return { kind: 'not', arg: not() };
    }
    const left = primary();
    const op = peek();
    if (op?.t === 'word' && COMPARE.has(op.v.toLowerCase())) {
      pos += 1;
      return { kind: 'cmp', op: op.v.toLowerCase() as 'eq', left, right: primary() };
    }
    return left;
  };
  const primary = (): Node => {
    const tok = tokens[pos];
    if (!tok) throw new FilterError('the filter ends too early');
    pos += 1;
    if (tok.t === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (tok.t === 'str') return { kind: 'lit', type: 'string', value: tok.v };
    if (tok.t === 'num') return { kind: 'lit', type: 'number', value: Number(tok.v) };
    if (tok.t === 'typed') {
      if (tok.prefix === 'datetime' || tok.prefix === 'datetimeoffset') {
        const ms = parseInstant(tok.v);
        if (ms === undefined) throw new FilterError(`invalid ${tok.prefix} literal '${tok.v}'`);
        return { kind: 'lit', type: 'datetime', value: ms };
      }
      return { kind: 'lit', type: tok.prefix === 'guid' ? 'guid' : 'time', value: tok.v.toLowerCase() };
    }
    if (tok.t === 'word') {
      const w = tok.v;
      if (w === 'true' || w === 'false') return { kind: 'lit', type: 'bool', value: w === 'true' };
      if (w === 'null') return { kind: 'lit', type: 'null', value: null };
      if (peek()?.t === '(' && FUNCTIONS.has(w.toLowerCase())) {
        pos += 1;
        const args: Node[] = [or()];
        while (peek()?.t === ',') {
          pos += 1;
          args.push(or());
        }
        expect(')');
        return { kind: 'call', name: w.toLowerCase(), args };
      }
      return { kind: 'prop', name: w };
    }
    throw new FilterError(`unexpected "${tok.v}" at position ${tok.at}`);
  };
  const tree = or();
  if (pos < tokens.length) throw new FilterError(`unexpected "${tokens[pos]!.v}" at position ${tokens[pos]!.at}`);
  return tree;
}

/** Checks every property the filter names exists in the type (and may be filtered on). */
export function checkFilter(node: Node, type: EdmEntityType, typeName: string): void {
  switch (node.kind) {
    case 'or':
    case 'and':
      checkFilter(node.left, type, typeName);
      checkFilter(node.right, type, typeName);
      return;
    case 'not':
      checkFilter(node.arg, type, typeName);
      return;
    case 'cmp':
      checkFilter(node.left, type, typeName);
      checkFilter(node.right, type, typeName);
      return;
    case 'call':
      for (const a of node.args) checkFilter(a, type, typeName);
      return;
    case 'prop': {
      const p = property(type, node.name);
      if (!p) throw new FilterError(`Property ${node.name} not found in type ${typeName}`);
      if (p.filterable === false) throw new FilterError(`Property ${node.name} is not filterable`);
      return;
    }
    default:
      return;
  }
}

type Scalar = string | number | boolean | null;

function valueOf(node: Node, entity: Entity, type: EdmEntityType): Scalar {
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'prop': {
      const v: Value | undefined = entity[node.name];
      if (v !== undefined) return v;
      const p = property(type, node.name)!;
      return p.type === 'Edm.String' ? '' : p.type === 'Edm.Boolean' ? false : p.type === 'Edm.Decimal' ? '0' : null;
    }
    case 'call': {
      const args = node.args.map((a) => valueOf(a, entity, type));
      const s = (x: Scalar) => (x === null ? '' : String(x));
      switch (node.name) {
        case 'substringof':
          return s(args[1] ?? null).includes(s(args[0] ?? null));
        case 'startswith':
          return s(args[0] ?? null).startsWith(s(args[1] ?? null));
        case 'endswith':
          return s(args[0] ?? null).endsWith(s(args[1] ?? null));
        case 'tolower':
          return s(args[0] ?? null).toLowerCase();
        case 'toupper':
          return s(args[0] ?? null).toUpperCase();
        case 'trim':
          return s(args[0] ?? null).trim();
        default:
          return s(args[0] ?? null).length;
      }
    }
    default:
      return matches(node, entity, type);
  }
}

function compare(a: Scalar, b: Scalar): number | undefined {
  if (a === null || b === null) return undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? undefined : x - y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function matches(node: Node, entity: Entity, type: EdmEntityType): boolean {
  switch (node.kind) {
    case 'or':
      return matches(node.left, entity, type) || matches(node.right, entity, type);
    case 'and':
      return matches(node.left, entity, type) && matches(node.right, entity, type);
    case 'not':
      return !matches(node.arg, entity, type);
    case 'cmp': {
      const a = valueOf(node.left, entity, type);
      const b = valueOf(node.right, entity, type);
      if (node.op === 'eq' && (a === null || b === null)) return a === b;
      if (node.op === 'ne' && (a === null || b === null)) return a !== b;
      const c = compare(a, b);
      if (c === undefined) return false;
      return node.op === 'eq' ? c === 0 : node.op === 'ne' ? c !== 0 : node.op === 'gt' ? c > 0 : node.op === 'ge' ? c >= 0 : node.op === 'lt' ? c < 0 : c <= 0;
    }
    default:
      return valueOf(node, entity, type) === true;
  }
}

/** The comparisons of a filter that is only an `and` of `Property op literal` terms; undefined otherwise. */
export function conjunction(node: Node): { name: string; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; value: Literal['value'] }[] | undefined {
  if (node.kind === 'and') {
    const l = conjunction(node.left);
    const r = conjunction(node.right);
    return l && r ? [...l, ...r] : undefined;
  }
  if (node.kind !== 'cmp') return undefined;
  if (node.left.kind === 'prop' && node.right.kind === 'lit') return [{ name: node.left.name, op: node.op, value: node.right.value }];
  const flip = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as const;
  if (node.right.kind === 'prop' && node.left.kind === 'lit') return [{ name: node.right.name, op: flip[node.op], value: node.left.value }];
  return undefined;
}
