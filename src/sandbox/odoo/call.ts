/**
 * Python's call semantics for the RPC layer: positional arguments and keyword arguments bound
 * to a method's parameters, with Python's TypeErrors for what does not fit
 * ("search_read() got an unexpected keyword argument 'foo'").
 */
import { typeError } from './errors.js';

export interface Param {
  name: string;
  /** Absent: the parameter is required. */
  default?: unknown;
}

export function bind(fn: string, params: readonly Param[], args: readonly unknown[], kwargs: Record<string, unknown>, extraKwargs: readonly string[] = []): Record<string, unknown> {
  if (args.length > params.length) throw typeError(`${fn}() takes ${params.length} positional arguments but ${args.length} were given`);
  const out: Record<string, unknown> = {};
  params.forEach((p, i) => {
    if (i < args.length) out[p.name] = args[i];
  });
  for (const [k, v] of Object.entries(kwargs)) {
    if (k === 'context') continue;
    const known = params.some((p) => p.name === k);
    if (!known && !extraKwargs.includes(k)) throw typeError(`${fn}() got an unexpected keyword argument '${k}'`);
    if (known && k in out) throw typeError(`${fn}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  const missing = params.filter((p) => !(p.name in out) && !('default' in p));
  if (missing.length) {
    throw typeError(`${fn}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${missing.map((p) => `'${p.name}'`).join(' and ')}`);
  }
  for (const p of params) if (!(p.name in out)) out[p.name] = p.default;
  return out;
}

/** A record argument (`ids`): an id or a list of ids. */
export function idsOf(value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'number' && Number.isInteger(v))) throw typeError(`Invalid record ids: ${JSON.stringify(value)}`);
  return list as number[];
}
