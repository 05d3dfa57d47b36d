/**
 * Small pure conversions from Proactis' JSON to the unified model's conventions: money and
 * quantities as decimal strings (Proactis sends JSON numbers), instants in UTC with `Z`
 * (Proactis renders the organisation's offset, e.g. `2024-05-02T08:15:00+01:00`), dates without
 * time, blanks as null.
 */
import type { Reference } from '../../models/common.js';

/** A JSON number as a decimal string ("1250.5"), never an exponent; null when absent. */
export function decimal(n: number | null | undefined): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, '');
}

/** An instant with any offset → ISO 8601 UTC (`2024-05-02T07:15:00.000Z`). */
export function utc(s: string | null | undefined): string | null {
  if (!s) return null;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** The calendar date of a date or date-time as written (the organisation's own day). */
export function dateOnly(s: string | null | undefined): string | null {
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

export function blank(s: string | null | undefined): string | null {
  return typeof s === 'string' && s.trim() !== '' ? s : null;
}

/** An ISO 4217 code, or null for anything else. */
export function currency(s: string | null | undefined): string | null {
  return s && /^[A-Z]{3}$/.test(s) ? s : null;
}

export function reference(fields: Partial<Reference>): Reference | null {
  const r: Reference = { id: fields.id ?? null, remoteId: fields.remoteId ?? null, name: fields.name ?? null, code: fields.code ?? null };
  return r.id === null && r.remoteId === null && r.name === null && r.code === null ? null : r;
}
