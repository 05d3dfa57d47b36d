/**
 * The vendor's schemas (spec/openapi-trimmed.json) compiled with ajv, for the fidelity tests.
 * Strict by default: an object may hold only the properties its schema names, so a field the
 * simulator (or the connector) invents fails — MaintainX's schemas leave additionalProperties
 * open, so the tests close them.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Schema = Record<string, unknown>;
interface Operation {
  query?: Record<string, Schema>;
  requestBody?: Schema;
  responses: Record<string, Schema | null>;
}

export const spec = JSON.parse(readFileSync(new URL('./spec/openapi-trimmed.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

/**
 * Closes every object schema, and reads two OpenAPI 3.0 habits the way the spec means them:
 * `oneOf` as `anyOf` (its oneOf of nullable objects — recurrenceInfo — matches null in every
 * branch, which oneOf would reject), and `nullable` with an `enum` as allowing null (work order
 * `type`: "Historical Work Orders may have a null type"), which ajv reads strictly otherwise.
 */
export function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) out[k === 'oneOf' ? 'anyOf' : k] = strictify(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  // `nullable` beside oneOf/anyOf without a type (externalData, requesterId): null or one of them.
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('decimal', true);
const cache = new Map<string, ValidateFunction>();

export function operation(method: string, path: string): Operation {
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`the trimmed spec has no ${method} ${path}`);
  return op;
}

function compiled(key: string, schema: unknown): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = ajv.compile(strictify(schema) as Schema);
    cache.set(key, v);
  }
  return v;
}

/** Validation errors of a response body against its operation's schema for that status ([] = valid). */
export function responseErrors(method: string, path: string, status: number, body: unknown): string[] {
  const schema = operation(method, path).responses[String(status)];
  if (schema === undefined) return [`${method} ${path} documents no ${status} answer`];
  if (schema === null) return body === undefined || body === '' ? [] : [`${method} ${path} ${status} has no body in the spec`];
  const v = compiled(`${method} ${path} ${status}`, schema);
  return v(body) ? [] : (v.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Validation errors of a request body against its operation's request schema. */
export function requestErrors(method: string, path: string, body: unknown): string[] {
  const schema = operation(method, path).requestBody;
  if (!schema) return [`${method} ${path} takes no body in the spec`];
  const v = compiled(`${method} ${path} request`, schema);
  return v(body) ? [] : (v.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** The property names of an object schema at a path (`workOrders.[]`), for key-set checks. */
export function propertyNames(method: string, path: string, status: number, at: string): string[] {
  let s = operation(method, path).responses[String(status)] as Schema | undefined;
  for (const k of at.split('.').filter(Boolean)) s = (k === '[]' ? s?.items : (s?.properties as Record<string, Schema> | undefined)?.[k]) as Schema | undefined;
  return Object.keys((s?.properties as Schema | undefined) ?? {});
}
