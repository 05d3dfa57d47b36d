/**
 * Odoo's wire formats (protocols-erp.md §6.5, §11.2): datetimes are UTC "YYYY-MM-DD HH:MM:SS"
 * (no "T", no zone), dates "YYYY-MM-DD"; floats are rounded to their field's digits when stored,
 * monetary values to their currency's decimal places.
 */

export type OdooDatetime = string;

export function toOdooDatetime(d: Date): OdooDatetime {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** The current second, as Odoo stamps create_date/write_date. */
export const odooNow = (): OdooDatetime => toOdooDatetime(new Date());

export function addDays(datetime: OdooDatetime, days: number): OdooDatetime {
  return toOdooDatetime(new Date(Date.parse(`${datetime.replace(' ', 'T')}Z`) + days * 86_400_000));
}

export function addSeconds(datetime: OdooDatetime, seconds: number): OdooDatetime {
  return toOdooDatetime(new Date(Date.parse(`${datetime.replace(' ', 'T')}Z`) + seconds * 1000));
}

/** Odoo's float_round (half-up on the value) to a number of decimals. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);
export const isDatetime = (v: unknown): v is string => typeof v === 'string' && DATETIME.test(v);
