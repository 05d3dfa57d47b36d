/**
 * How the Tryton resources list: keyset paging by id, the incremental domain, and the small
 * helpers the mappers share.
 */
import { encodeDateTime } from './codec.js';
import type { Domain } from './client.js';

/**
 * `search` hides archived records (active = false) unless the domain names `active`; the
 * listings ask for both so an archived record is updated rather than seen as deleted.
 */
export const ACTIVE_OR_NOT: Domain = ['active', 'in', [true, false]];

/**
 * Records created or written at or after `since`, on the record itself or on the records under
 * the given one2many/many2one paths (`lines.` for a purchase's lines). Both dates are needed:
 * write_date stays NULL until the first write. Tryton stamps both with the transaction's start.
 */
export function changedSince(since: string, paths: readonly string[] = ['']): Domain {
  const at = encodeDateTime(since);
  return ['OR', ...paths.flatMap((p) => [[`${p}write_date`, '>=', at], [`${p}create_date`, '>=', at]])];
}

export { idPages } from '../../kit/pagination/id-keyset.js';

/** A remote id as Tryton's integer id, or undefined when it cannot be one. */
export function toId(remoteId: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(remoteId) ? Number(remoteId) : undefined;
}

/** Tryton's `sequence_ordered` order: sequence ascending with empty sequences first, then id. */
export function bySequence<T extends { id: number; sequence: number | null }>(a: T, b: T): number {
  if (a.sequence !== b.sequence) {
    if (a.sequence === null) return -1;
    if (b.sequence === null) return 1;
    return a.sequence - b.sequence;
  }
  return a.id - b.id;
}

/** The latest of ISO instants (they compare as strings), ignoring nulls. */
export function latest(...instants: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const t of instants) if (t && (best === null || t > best)) best = t;
  return best;
}

/** Groups records by a numeric key (e.g. purchase lines by purchase). */
export function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** '' and whitespace-only strings (Tryton's computed char fields answer '') as null. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}
