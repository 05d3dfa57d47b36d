/**
 * Request bodies of writes, read as Gateway reads them: the entity as a bare object or wrapped
 * in `{"d": …}`; every name must be a property (or, on create, a navigation) of the type —
 * an unknown one is a 400; values are checked against the Edm type and facets; properties the
 * EDMX marks `sap:creatable="false"` (on create) or `sap:updatable="false"` (on update) are
 * ignored, as the framework does for read-only fields; key properties on update are ignored
 * (the key is in the URL). Deep-insert navigations come as `{"results":[…]}` or a bare array.
 */
import { badRequest } from './errors.js';
import { property, type EdmEntityType } from './spec.js';
import { parseInput, type Entity } from './values.js';

export interface ReadBody {
  values: Entity;
  /** Deep-insert payloads by navigation name (create only). */
  navigations: Record<string, Record<string, unknown>[]>;
  /** Every property name the body gave (for the request log and the fidelity tests). */
  given: string[];
}

export function unwrapBody(raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('The request body is not a JSON object');
  const obj = raw as Record<string, unknown>;
  const d = obj.d;
  return d !== null && typeof d === 'object' && !Array.isArray(d) && Object.keys(obj).length === 1 ? (d as Record<string, unknown>) : obj;
}

export function readBody(type: EdmEntityType, typeName: string, raw: unknown, mode: 'create' | 'update'): ReadBody {
  const body = unwrapBody(raw);
  const values: Entity = {};
  const navigations: Record<string, Record<string, unknown>[]> = {};
  const given: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (name === '__metadata') continue;
    const nav = type.navigation.find((n) => n.name === name);
    if (nav) {
      if (mode === 'update') throw badRequest(`Navigation property ${name} cannot be changed with an update (no deep update)`);
      const list = Array.isArray(value) ? value : (value as { results?: unknown } | null)?.results;
      if (!Array.isArray(list) || list.some((x) => x === null || typeof x !== 'object')) throw badRequest(`Navigation property ${name} must be {"results":[…]} or a list of entities`);
      navigations[name] = list as Record<string, unknown>[];
      continue;
    }
    const p = property(type, name);
    if (!p) throw badRequest(`Property '${name}' is invalid: not a property of type ${typeName}`, name);
    given.push(name);
    if (mode === 'create' && p.creatable === false) continue;
    if (mode === 'update' && (p.updatable === false || type.key.includes(name))) continue;
    const parsed = parseInput(p, value);
    if (!parsed.ok) throw badRequest(`Property '${name}' has an invalid value: ${parsed.reason}`, name);
    values[name] = parsed.value;
  }
  return { values, navigations, given };
}
