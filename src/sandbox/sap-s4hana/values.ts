/**
 * Values as the simulator holds them and as they travel. Held: strings, booleans, decimals as
 * strings with the property's scale, Edm.DateTime/DateTimeOffset as milliseconds (or null),
 * Edm.Time as its ISO duration. On the wire (OData V2 JSON, as SAP Gateway writes it): every
 * property present, ABAP's initial values where nothing is set ("" for text, "0.000" for an
 * amount, false, null for an initial date), decimals as strings, dates as "\/Date(ms)\/" and
 * DateTimeOffset as "\/Date(ms+0000)\/" (the slashes escaped, as Gateway does).
 * Input is read leniently (strings or numbers for decimals, /Date()/ or ISO for dates), as the
 * protocol notes ask of a simulator: accept every spelling a real system takes.
 */
import type { EdmProperty } from './spec.js';

export type Value = string | number | boolean | null;
export type Entity = Record<string, Value>;

/**
 * Generated entities carry the signature of their keys under this symbol, so the serializer
 * finds their layout without listing the keys (copies, e.g. changed orders, lose it: they are
 * listed instead).
 */
export const LAYOUT = Symbol('layout');

/** Marks a generated entity whose keys are always the same for this signature. */
export function withLayout<T extends Entity>(entity: T, signature: string): T {
  (entity as { [LAYOUT]?: string })[LAYOUT] = `gen:${signature}`;
  return entity;
}

/** The initial (empty) value of a property, as SAP holds an unset field. */
export function initial(p: EdmProperty): Value {
  switch (p.type) {
    case 'Edm.String':
      return '';
    case 'Edm.Decimal':
      return p.scale ? `0.${'0'.repeat(p.scale)}` : '0';
    case 'Edm.Boolean':
      return false;
    case 'Edm.Time':
      return 'PT00H00M00S';
    case 'Edm.Guid':
      return '00000000-0000-0000-0000-000000000000';
    default:
      return null;
  }
}

/** Writes held values of one property type as JSON text. */
export type Encoder = (v: Value) => string;

const quoted: Encoder = (v) => `"${v}"`;
const encoders: Record<EdmProperty['type'], Encoder> = {
  'Edm.String': (v) => JSON.stringify(v),
  'Edm.Decimal': quoted,
  'Edm.Time': quoted,
  'Edm.Guid': quoted,
  'Edm.Boolean': (v) => (v ? 'true' : 'false'),
  'Edm.DateTime': (v) => `"\\/Date(${v})\\/"`,
  'Edm.DateTimeOffset': (v) => `"\\/Date(${v}+0000)\\/"`,
};

/** The encoder of property p (null is always written as null). */
export function encoderOf(p: EdmProperty): Encoder {
  const encode = encoders[p.type];
  return (v) => (v === null ? 'null' : encode(v));
}

/** JSON text of a held value of property p (its initial value when unset). */
export function wire(p: EdmProperty, v: Value | undefined): string {
  return encoderOf(p)(v === undefined ? initial(p) : v);
}

/** A decimal string with exactly `scale` decimals, if the number fits precision and scale. */
export function formatDecimal(input: string, precision: number, scale: number): string | undefined {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(input.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const int = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return undefined;
  if ((int === '0' ? 0 : int.length) > precision - scale) return undefined;
  const out = scale ? `${int}.${frac.padEnd(scale, '0')}` : int;
  return m[1] && /[1-9]/.test(out) ? `-${out}` : out;
}

const DATE = /^\/Date\((-?\d+)(?:[+-]\d{1,4})?\)\/$/;

/** Milliseconds from "/Date(ms)/", "/Date(ms+0000)/" or ISO text (UTC when no zone). */
export function parseInstant(input: string): number | undefined {
  const m = DATE.exec(input);
  if (m) return Number(m[1]);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(input)) return undefined;
  const ms = Date.parse(input.length === 10 ? `${input}T00:00:00Z` : /(Z|[+-]\d{2}:\d{2})$/.test(input) ? input : `${input}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export type Parsed = { ok: true; value: Value } | { ok: false; reason: string };

/** An input value for property p, checked against its Edm type and facets. */
export function parseInput(p: EdmProperty, input: unknown): Parsed {
  if (input === null) return p.nullable === false ? { ok: false, reason: 'may not be null' } : { ok: true, value: initial(p) };
  switch (p.type) {
    case 'Edm.String': {
      if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
      if (p.maxLength !== undefined && input.length > p.maxLength) return { ok: false, reason: `is longer than ${p.maxLength} characters` };
      return { ok: true, value: p.displayFormat === 'UpperCase' ? input.toUpperCase() : input };
    }
    case 'Edm.Decimal': {
      if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, reason: 'must be a decimal string' };
      const text = typeof input === 'number' ? String(input) : input;
      const value = formatDecimal(text, p.precision ?? 16, p.scale ?? 0);
      return value === undefined ? { ok: false, reason: `must be a decimal with at most ${(p.precision ?? 16) - (p.scale ?? 0)} digits before and ${p.scale ?? 0} after the point` } : { ok: true, value };
    }
    case 'Edm.Boolean':
      return typeof input === 'boolean' ? { ok: true, value: input } : { ok: false, reason: 'must be true or false' };
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset': {
      const ms = typeof input === 'string' ? parseInstant(input) : undefined;
      if (ms === undefined) return { ok: false, reason: 'must be a date as "/Date(ms)/" or ISO 8601' };
      // A Date-formatted Edm.DateTime holds a calendar day: SAP keeps the day, not the time.
      return { ok: true, value: p.displayFormat === 'Date' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms };
    }
    case 'Edm.Time':
      return typeof input === 'string' && /^PT\d{1,2}H\d{1,2}M\d{1,2}S$/.test(input) ? { ok: true, value: input } : { ok: false, reason: 'must be a time as PT14H30M00S' };
    case 'Edm.Guid':
      return typeof input === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input) ? { ok: true, value: input.toLowerCase() } : { ok: false, reason: 'must be a GUID' };
  }
}

/** Day (midnight UTC, in ms) of an instant. */
export const dayOf = (ms: number) => Math.floor(ms / 86_400_000) * 86_400_000;

/** A decimal from a number, with `scale` decimals (for generated amounts, never for input). */
export function fixed(n: number, scale: number): string {
  return n.toFixed(scale);
}
