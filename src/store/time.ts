/**
 * Times are stored as TEXT in the exact form of `Date.prototype.toISOString()` (UTC, milliseconds,
 * `Z`), so that `<`/`>` on the column is a byte-wise string comparison that orders by instant and
 * behaves identically on SQLite and PostgreSQL. That only holds if every value has that one
 * form: `2026-01-01T00:00:00Z` sorts *after* `2026-01-01T00:00:00.500Z` ('Z' > '.'), so every
 * time that reaches a column or a comparison goes through `toStoredTime` first.
 */

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// A date-time must name its zone: without one, `Date` reads it in the host's local time and the
// same input would store differently on differently configured hosts.
const ACCEPTED = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?$/;

export function toStoredTime(value: string | Date, what = 'time'): string {
  const date = typeof value === 'string' ? parse(value, what) : value;
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  // Years outside 0000-9999 serialise as ±YYYYYY and would break the ordering.
  if (!CANONICAL.test(iso)) throw new RangeError(`Invalid ${what}: ${String(value)}`);
  return iso;
}

export function toStoredTimeOrNull(value: string | Date | null | undefined, what = 'time'): string | null {
  return value === null || value === undefined ? null : toStoredTime(value, what);
}

export function nowIso(): string {
  return new Date().toISOString();
}

function parse(value: string, what: string): Date {
  if (!ACCEPTED.test(value) || !isCalendarDate(value)) {
    throw new RangeError(`Invalid ${what} (ISO 8601 with a zone expected): ${value}`);
  }
  return new Date(value.replace(' ', 'T'));
}

// `Date` rolls 2026-02-30 over to March 2 instead of refusing it.
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
