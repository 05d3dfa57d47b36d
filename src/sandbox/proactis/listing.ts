/**
 * Listing as the Proactis APIs document it (docs.proactis.com "Pagination", "Filtering",
 * "Ordering results", "Using last modified dates"; protocols-cmms-s2p.md §11.2):
 * - `pageNumber` is 0-based (default 0), `pageSize` defaults to 25 with a maximum of 50;
 * - the answer is `{pageNumber, pageSize, totalElements, content}` with `totalElements`
 *   counted after the filters;
 * - `dateTimeFrom=2023-01-30T00:00` keeps records whose `lastModified` is at or after it;
 * - `sortField` / `sortOrder=asc|desc`; without them, the order records were stored in;
 * - filters are per API, case-sensitive, `name=Pro` a prefix match.
 *
 * [unverified] Above 50, the page size is clamped to 50 (and the answer says 50), as a Spring
 * pageable with a maximum does; the docs only say 50 is the maximum. `dateTimeFrom` without an
 * offset is read as UTC. Values that cannot be read answer 400 naming the parameter.
 */
import { Problem } from './answers.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 50;

export interface Page<T> {
  pageNumber: number;
  pageSize: number;
  totalElements: number;
  content: T[];
}

function nonNegativeInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Problem(400, `Parameter ${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}

export function paging(query: URLSearchParams): { pageNumber: number; pageSize: number } {
  const pageNumber = nonNegativeInt(query, 'pageNumber', 0);
  const pageSize = nonNegativeInt(query, 'pageSize', DEFAULT_PAGE_SIZE);
  if (pageSize < 1) throw new Problem(400, 'Parameter pageSize must be at least 1');
  return { pageNumber, pageSize: Math.min(pageSize, MAX_PAGE_SIZE) };
}

/** `2023-01-30T00:00`, with optional seconds, fraction and offset; no offset: UTC. */
export function parseDateTimeFrom(raw: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(raw);
  const at = m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}${m[5] ?? 'Z'}`) : Number.NaN;
  if (Number.isNaN(at)) throw new Problem(400, `Parameter dateTimeFrom must be a date and time such as 2023-01-30T00:00, not "${raw}"`);
  return at;
}

type Row = { lastModified: string } & Record<string, unknown>;

export function list<T extends Row>(all: readonly T[], query: URLSearchParams, filters: Record<string, (record: T, value: string) => boolean> = {}): Page<T> {
  const { pageNumber, pageSize } = paging(query);
  let rows = [...all];
  const from = query.get('dateTimeFrom');
  if (from) {
    const at = parseDateTimeFrom(from);
    rows = rows.filter((r) => Date.parse(r.lastModified) >= at);
  }
  for (const [name, keep] of Object.entries(filters)) {
    const value = query.get(name);
    if (value !== null) rows = rows.filter((r) => keep(r, value));
  }
  const field = query.get('sortField');
  const order = (query.get('sortOrder') ?? 'asc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') throw new Problem(400, `Parameter sortOrder must be asc or desc, not "${query.get('sortOrder')}"`);
  if (field) {
    const sample = all.find((r) => field in r);
    if (all.length > 0 && (!sample || typeof sample[field] === 'object')) throw new Problem(400, `Cannot sort on field ${field}`);
    const sign = order === 'desc' ? -1 : 1;
    const key = (r: T) => (field === 'lastModified' ? Date.parse(r.lastModified) : r[field]);
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return 0;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }
  return { pageNumber, pageSize, totalElements: rows.length, content: rows.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize) };
}

