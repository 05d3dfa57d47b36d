/**
 * The resource path of an OData V2 request: `Set`, `Set/$count`, `Set(key)`, `Set(key)/nav`,
 * `Set(key)/nav/$count`, with key predicates `('4500000001')` or `(A='…',B='…')` (quotes
 * doubled inside a value).
 */
import { badRequest } from './errors.js';

export interface Resource {
  set: string;
  /** The key values; a single unnamed key is under "". */
  key?: Record<string, string>;
  nav?: string;
  count: boolean;
}

function parseKey(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const value = (): string => {
    if (text[i] !== "'") {
      // Unquoted keys (numbers) are allowed by the grammar; this service's keys are strings.
      const m = /^[^,)]+/.exec(text.slice(i));
      i += m?.[0].length ?? 0;
      return m?.[0] ?? '';
    }
    i += 1;
    let s = '';
    for (;;) {
      if (i >= text.length) throw badRequest(`Invalid key predicate (${text})`);
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        i += 1;
        return s;
      }
      s += text[i];
      i += 1;
    }
  };
  while (i < text.length) {
    const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text.slice(i));
    if (name) i += name[0].length;
    out[name ? name[1]! : ''] = value();
    if (i < text.length) {
      if (text[i] !== ',') throw badRequest(`Invalid key predicate (${text})`);
      i += 1;
    }
  }
  return out;
}

export function parseResource(path: string): Resource {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?(?:\/([A-Za-z_][A-Za-z0-9_]*))?(\/\$count)?$/.exec(path);
  if (!m) throw badRequest(`Invalid resource path ${path}`);
  return {
    set: m[1]!,
    ...(m[2] !== undefined ? { key: parseKey(m[2]) } : {}),
    ...(m[3] !== undefined ? { nav: m[3] } : {}),
    count: m[4] !== undefined,
  };
}

/** The value of key `name`, accepting the unnamed form for single keys. */
export function keyValue(key: Record<string, string> | undefined, name: string, single: boolean): string | undefined {
  if (!key) return undefined;
  return key[name] ?? (single ? key[''] : undefined);
}
