/**
 * The one JSON codec of the store. JSON columns are `jsonb` on PostgreSQL and TEXT on SQLite;
 * the pg pool is told to hand jsonb back as text (see db.ts), so both dialects go through
 * exactly this code on the way in and out and return identical values.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Serialises a value for a JSON column. Inputs are typed `unknown` because callers hold
 * zod-inferred shapes with optional (undefined) members, which JSON drops just as it does here.
 */
export function encodeJson(value: unknown): string {
  const text = JSON.stringify(value);
  // JSON.stringify answers undefined for undefined, functions and symbols: storing the string
  // "undefined" would fail only later, on read, far from the bug.
  if (text === undefined) throw new TypeError(`Cannot store ${typeof value} as JSON`);
  return text;
}

/** SQL NULL for null/undefined, so "no value" is queryable with `is null` on both dialects. */
export function encodeNullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : encodeJson(value);
}

export function decodeJson<T extends JsonValue = JsonValue>(text: string): T {
  return JSON.parse(text) as T;
}

export function decodeNullableJson<T extends JsonValue = JsonValue>(text: string | null): T | null {
  return text === null ? null : decodeJson<T>(text);
}

/** An object column that must decode to an object (metadata, counts, mapping). */
export function decodeJsonObject(text: string): JsonObject {
  const value = decodeJson(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('Expected a JSON object in the store');
  }
  return value;
}

/**
 * Canonical JSON: object keys sorted at every depth, otherwise JSON.stringify semantics
 * (toJSON honoured, undefined members dropped). Two values that store the same have the same
 * canonical form whatever their key order, which is what content hashes need.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null';
}

// Integer-like keys still enumerate first (a JS rule), which is deterministic, so still canonical.
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}
