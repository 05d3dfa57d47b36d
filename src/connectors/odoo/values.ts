/**
 * Odoo's wire values (protocols-erp.md §6.5) turned into unified ones, pure: `false` for an
 * empty char, date or many2one; many2one pairs `[id, "display name"]`; datetimes as UTC
 * "YYYY-MM-DD HH:MM:SS"; floats as JSON numbers (amounts rounded to the currency's decimals).
 */
import type { EntityKey } from '../../models/registry.js';
import type { MapContext } from '../../kit/definition.js';
import { floatToDecimal } from '../../kit/numbers.js';

export type Many2one = [number, string] | false;

/** A char/text/selection value, or null for Odoo's `false` and blanks. */
export function text(value: string | false | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export const m2oId = (v: Many2one | null | undefined): number | null => (Array.isArray(v) ? v[0] : null);
export const m2oName = (v: Many2one | null | undefined): string | null => (Array.isArray(v) ? v[1] : null);

/** A reference to a record Manifold keeps (its Manifold id is derived from the remote id). */
export function ref(v: Many2one | null | undefined, ctx: MapContext, entity: EntityKey | null, code: string | null = null) {
  if (!Array.isArray(v)) return null;
  return { id: entity ? ctx.refId(entity, String(v[0])) : null, remoteId: String(v[0]), name: v[1], code };
}

/** "2024-05-02 09:31:12" (UTC) → "2024-05-02T09:31:12.000Z". */
export function instant(v: string | false | null | undefined): string | null {
  return typeof v === 'string' && v ? `${v.slice(0, 10)}T${v.slice(11, 19) || '00:00:00'}.000Z` : null;
}

/** The UTC date of a datetime, or a date as it is. */
export function dateOf(v: string | false | null | undefined): string | null {
  return typeof v === 'string' && v ? v.slice(0, 10) : null;
}

/** ISO instant → Odoo's datetime literal for domains (seconds, UTC, no "T"). */
export function toOdooDatetime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

/** A quantity or price as its shortest exact decimal; an amount with its currency's decimals. */
export const decimal = (v: number | null | undefined, digits?: number): string | null => floatToDecimal(v, digits);

/** The latest of ISO instants (they compare as strings), ignoring nulls. */
export function latest(...instants: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const t of instants) if (t && (best === null || t > best)) best = t;
  return best;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * An Html field as plain text: paragraphs and line breaks become new lines, tags go, the common
 * entities are decoded; an empty document ("<p><br></p>") is null.
 */
export function htmlToText(v: string | false | null | undefined): string | null {
  if (typeof v !== 'string') return null;
  const plain = v
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return plain === '' ? null : plain;
}

/** A remote id as Odoo's integer id, or undefined when it cannot be one. */
export function toId(remoteId: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(remoteId) ? Number(remoteId) : undefined;
}
