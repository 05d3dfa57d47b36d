/**
 * OData V2 (JSON "verbose" format) values, as small pure functions: the `/Date(…)/` codec,
 * URI literals for $filter and keys, the error body, and the plain native record a connector
 * keeps (no `__metadata`, no `__deferred`, expanded collections as arrays).
 *
 * Wire facts (OData V2 JSON format, §"Primitive types"; SAP Gateway emits exactly these):
 * Edm.DateTime is `"\/Date(<ms since 1970 UTC>)\/"`, Edm.DateTimeOffset is
 * `"\/Date(<ms>+<offset minutes, 4 digits>)\/"` (SAP: always `+0000`), Edm.Decimal and Edm.Int64
 * are JSON strings, Edm.Time is an ISO 8601 duration `PT14H30M00S`. In URIs the literals are
 * `datetime'2024-05-01T00:00:00'`, `datetimeoffset'2024-05-01T00:00:00Z'` and `'text'` with a
 * quote doubled.
 */

const DATE = /^\/Date\((-?\d+)(?:([+-])(\d{1,4}))?\)\/$/;

/** Milliseconds since 1970 (UTC) of a `/Date(ms)/` or `/Date(ms±offset)/` value; undefined otherwise. */
export function parseODataDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE.exec(value);
  if (!m) return undefined;
  const ms = Number(m[1]);
  // The ticks are the instant in UTC; the offset only says which local time it was shown in.
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** An instant as ISO 8601 UTC (`2024-05-01T12:00:00.000Z`) from `/Date(…)/` or ISO text; null when empty or unreadable. */
export function toIsoInstant(value: unknown): string | null {
  const ms = parseODataDate(value);
  if (ms !== undefined) return new Date(ms).toISOString();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  return null;
}

/** A calendar date (`2024-05-01`) from an Edm.DateTime that carries a date (midnight UTC); null when empty. */
export function toIsoDate(value: unknown): string | null {
  const instant = toIsoInstant(value);
  return instant === null ? null : instant.slice(0, 10);
}

function msOf(isoDateOrInstant: string): number {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrInstant) ? `${isoDateOrInstant}T00:00:00Z` : isoDateOrInstant;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`not a date or instant: ${isoDateOrInstant}`);
  return ms;
}

/** Edm.DateTime in JSON: `/Date(1714521600000)/` (a date is sent as its midnight UTC). */
export function encodeDateTime(isoDateOrInstant: string | number): string {
  return `/Date(${typeof isoDateOrInstant === 'number' ? isoDateOrInstant : msOf(isoDateOrInstant)})/`;
}

/** Edm.DateTimeOffset in JSON: `/Date(1714560000000+0000)/`. */
export function encodeDateTimeOffset(instant: string | number): string {
  return `/Date(${typeof instant === 'number' ? instant : msOf(instant)}+0000)/`;
}

/** Edm.Time in JSON: an ISO 8601 duration `PT14H30M00S` from `14:30[:00]`. */
export function encodeTime(hhmmss: string): string {
  const [h = '00', m = '00', s = '00'] = hhmmss.split(':');
  return `PT${h.padStart(2, '0')}H${m.padStart(2, '0')}M${s.padStart(2, '0')}S`;
}

function isoSeconds(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** URI literals for $filter expressions and key predicates. */
export const literal = {
  /** `'O''Brien'` */
  string: (value: string) => `'${value.replace(/'/g, "''")}'`,
  /** `datetime'2024-05-01T00:00:00'` (Edm.DateTime, UTC, no zone designator). */
  dateTime: (isoDateOrInstant: string) => `datetime'${isoSeconds(msOf(isoDateOrInstant))}'`,
  /** `datetimeoffset'2024-05-01T00:00:00Z'` (Edm.DateTimeOffset). */
  dateTimeOffset: (instant: string) => `datetimeoffset'${isoSeconds(msOf(instant))}Z'`,
};

/** A key predicate: `('4500000001')`, or `(PurchaseOrder='4500000001',PurchaseOrderItem='10')`. */
export function keyPredicate(key: string | Record<string, string>): string {
  if (typeof key === 'string') return `(${literal.string(key)})`;
  return `(${Object.entries(key).map(([k, v]) => `${k}=${literal.string(v)}`).join(',')})`;
}

/** The path of one entity: `A_PurchaseOrder('4500000001')`, URL-encoded. */
export function entityPath(entitySet: string, key: string | Record<string, string>): string {
  return `${entitySet}${encodeURIComponent(keyPredicate(key)).replace(/%3D/g, '=').replace(/%2C/g, ',').replace(/%28/g, '(').replace(/%29/g, ')')}`;
}

function isDeferred(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && '__deferred' in value && Object.keys(value).length === 1;
}

/**
 * The native record as a connector keeps it: `__metadata` (whose URIs name the host, so a moved
 * instance would look like a changed record) and unexpanded navigations (`{"__deferred":…}`)
 * dropped, expanded collections (`{"results":[…]}`) as plain arrays, recursively.
 */
export function plainEntity(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainEntity);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'results' && Array.isArray(obj.results)) return obj.results.map(plainEntity);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === '__metadata' || isDeferred(v)) continue;
    out[k] = plainEntity(v);
  }
  return out;
}

export interface ODataErrorDetail {
  code: string;
  message: string;
  severity?: string;
  target?: string;
  propertyref?: string;
}

export interface ODataError {
  code: string;
  message: string;
  /** innererror.errordetails (SAP Gateway), when given. */
  details: ODataErrorDetail[];
}

/** The OData V2 JSON error body `{"error":{"code","message":{"lang","value"},"innererror":{…}}}`; undefined when the text is not one. */
export function parseODataError(text: string): ODataError | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (!error || typeof error !== 'object') return undefined;
  const message = error.message as { value?: unknown } | string | undefined;
  const value = typeof message === 'string' ? message : typeof message?.value === 'string' ? message.value : '';
  const inner = error.innererror as { errordetails?: unknown } | undefined;
  const details = Array.isArray(inner?.errordetails)
    ? (inner.errordetails as Record<string, unknown>[]).map((d) => ({
        code: String(d.code ?? ''),
        message: String(d.message ?? ''),
        ...(typeof d.severity === 'string' ? { severity: d.severity } : {}),
        ...(typeof d.target === 'string' ? { target: d.target } : {}),
        ...(typeof d.propertyref === 'string' ? { propertyref: d.propertyref } : {}),
      }))
    : [];
  return { code: typeof error.code === 'string' ? error.code : '', message: value, details };
}
