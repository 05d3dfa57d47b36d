/**
 * How the Odoo resources list: keyset paging by id (`[["id", ">", last]]`, `order: "id asc"`)
 * rather than offsets, so records added or removed while listing neither shift nor repeat a
 * page, and an interrupted sync resumes after the last id it stored; and the "changed since"
 * domain over a record's own write_date and those of the records it embeds.
 */
import type { Domain } from './client.js';
import { toOdooDatetime } from './values.js';

/** `active` in the domain turns off Odoo's active test: archived records are listed too. */
export const ACTIVE_OR_NOT: Domain = ['active', 'in', [true, false]];

/**
 * Written at or after `since` — the record itself or any record at the given paths
 * (`order_line.` for an order's lines). A path through a one2many holds when any related record
 * matches, so an order whose line alone changed comes back once.
 */
export function changedSince(since: string, paths: readonly string[] = ['']): Domain {
  const at = toOdooDatetime(since);
  const leaves = paths.map((p) => [`${p}write_date`, '>=', at]);
  return [...Array<string>(leaves.length - 1).fill('|'), ...leaves];
}

export { idPages } from '../../kit/pagination/id-keyset.js';

/** Groups records by a numeric key (order lines by order). */
export function groupBy<T>(items: readonly T[], key: (item: T) => number | null): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
