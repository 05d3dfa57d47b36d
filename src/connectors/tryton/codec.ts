/**
 * Tryton's JSON-RPC wire format. JSON has no decimals, dates or times, so Tryton sends them as
 * tagged objects (`{"__class__": "Decimal", "decimal": "80.00"}`, `{"__class__": "date", …}`);
 * see trytond/protocols/jsonrpc.py (JSONDecoder/JSONEncoder). The codec turns them into the plain
 * strings of the unified models on the way in, and builds them on the way out. Everything here is
 * pure; nothing here knows a model or a field.
 */
import type { JsonRpcCodec } from '../../kit/transports/json-rpc.js';
import { SystemFailure } from '../../kit/failure.js';

export interface TaggedDecimal {
  __class__: 'Decimal';
  decimal: string;
}
export interface TaggedDate {
  __class__: 'date';
  year: number;
  month: number;
  day: number;
}
export interface TaggedDateTime {
  __class__: 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function nonsense(what: string, value: unknown): SystemFailure {
  return new SystemFailure('system', {
    code: 'system_error',
    message: `Tryton sent a ${what} Manifold cannot read.`,
    systemMessage: JSON.stringify(value),
  });
}

/**
 * A decimal string as Tryton gives it, normalised to plain notation: digits after the point are
 * kept as given ("80.00" stays "80.00", zero stays "0"), but Python's exponent forms ("1E+1",
 * "0E-8") are expanded, a leading "+" or missing "0" is fixed and "-0.00" loses its sign.
 */
export function normaliseDecimal(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) throw nonsense('decimal', text);
  const intPart = m[2] ?? '';
  let digits = intPart + (m[3] ?? '');
  let point = intPart.length + Number(m[4] ?? 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = digits.slice(point);
  const plain = fraction ? `${whole}.${fraction}` : whole;
  const negative = m[1] === '-' && /[1-9]/.test(plain);
  return negative ? `-${plain}` : plain;
}

/**
 * A float field (Tryton sends quantities as JSON numbers) as a decimal string. JavaScript's
 * shortest round-trip form equals Python's repr, so what a user typed comes back unchanged;
 * results of float arithmetic ("0.30000000000000004") are cut to 15 significant digits, which
 * is all a double guarantees, and exponents are expanded.
 */
export function floatToDecimal(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw nonsense('number', value);
  let text = String(value);
  const significant = text.replace(/e.*$/i, '').replace(/[-.]/g, '').replace(/^0+/, '').length;
  if (significant > 15) text = String(Number(value.toPrecision(15)));
  return normaliseDecimal(text);
}

export function decodeDate(v: { year: number; month: number; day: number }): string {
  return `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
}

/**
 * Tryton's datetimes are naive. trytond stamps create_date/write_date with the server's clock
 * (local time on SQLite, the DB session's zone on PostgreSQL), and a server run in UTC is what
 * the guide asks for, so they are read as UTC. Microseconds are cut to milliseconds.
 */
export function decodeDateTime(v: Omit<TaggedDateTime, '__class__'>): string {
  const ms = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, Math.floor((v.microsecond ?? 0) / 1000));
  if (Number.isNaN(ms)) throw nonsense('datetime', v);
  return new Date(ms).toISOString();
}

/** Stored booleans come back as 1/0 on SQLite (it has no boolean type); PostgreSQL and computed fields give true/false. */
export function toBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1;
}

/** Replaces every tagged value in an answer by its plain form, recursively. */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  switch (obj.__class__) {
    case 'Decimal':
      if (typeof obj.decimal !== 'string') throw nonsense('decimal', obj);
      return normaliseDecimal(obj.decimal);
    case 'date':
      return decodeDate(obj as unknown as TaggedDate);
    case 'datetime':
      return decodeDateTime(obj as unknown as TaggedDateTime);
    case 'time':
      return `${pad(Number(obj.hour))}:${pad(Number(obj.minute))}:${pad(Number(obj.second))}`;
    case 'timedelta':
      return Number(obj.seconds);
    case 'bytes':
      return obj.base64;
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) out[k] = decodeValue(v);
      return out;
    }
  }
}

export function encodeDecimal(value: string): TaggedDecimal {
  return { __class__: 'Decimal', decimal: normaliseDecimal(value) };
}

export function encodeDate(iso: string): TaggedDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new TypeError(`not a date YYYY-MM-DD: ${iso}`);
  return { __class__: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** An instant as the naive UTC datetime Tryton compares create_date/write_date with. */
export function encodeDateTime(iso: string): TaggedDateTime {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new TypeError(`not an ISO 8601 instant: ${iso}`);
  return {
    __class__: 'datetime',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    microsecond: d.getUTCMilliseconds() * 1000,
  };
}

/**
 * The envelope. Tryton answers with its `{id, result}` / `{id, error}` envelope only when the
 * request has exactly the keys id, method and params (trytond/protocols/jsonrpc.py).
 */
export const trytonCodec: JsonRpcCodec = {
  encode: (method, params, id) => ({ id, method, params }),
  decode(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const env = body as Record<string, unknown>;
    if (env.error !== undefined && env.error !== null) return { error: env.error };
    if ('result' in env) return { result: decodeValue(env.result) };
    return undefined;
  },
};
