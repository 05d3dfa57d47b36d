/**
 * Small pure helpers the MaintainX mappers share: instants, dates, references, numbers.
 */
import type { MapContext } from '../../kit/definition.js';
import type { Reference } from '../../models/common.js';
import type { EntityKey } from '../../models/registry.js';
import { numberToDecimal } from './money.js';

/** An ISO 8601 instant in UTC with Z, or null (MaintainX already writes `…Z`; offsets are normalised). */
export function instant(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The UTC calendar day of a MaintainX instant (due dates are instants, midnight UTC for a day). */
export function dayOf(value: string | null | undefined): string | null {
  return instant(value)?.slice(0, 10) ?? null;
}

/** A unified date (YYYY-MM-DD) as the instant MaintainX takes: that day at midnight UTC. */
export function dayToInstant(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** A reference to a record Manifold syncs (asset, location, part, vendor). */
export function ref(ctx: MapContext, entity: EntityKey, id: number | null | undefined, name: string | null = null, code: string | null = null): Reference | null {
  if (id === null || id === undefined) return null;
  return { id: ctx.refId(entity, String(id)), remoteId: String(id), name, code };
}

/**
 * A MaintainX user or team, which Manifold does not sync: users and teams have separate id
 * spaces, so the remote id says which (`USER:340`, `TEAM:12`).
 */
export function memberRef(type: string, id: number | string): Reference {
  return { id: null, remoteId: `${type}:${id}`, name: null, code: null };
}

/** A quantity (JSON number) as a decimal string. */
export function quantity(n: number | null | undefined): string | null {
  return n === null || n === undefined ? null : numberToDecimal(n);
}

export function blankToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v;
}
