/**
 * MaintainX list paging: `limit` (1–200, default 100) and an opaque `cursor`, answered with
 * `nextCursor` and `nextPageUrl` (null on the last page). Work orders page by cursor over the
 * sort order; parts, assets and purchase orders "currently use offset pagination" (OpenAPI,
 * "Polling for Changes": records changing while one pages can move between pages) — the
 * simulator does the same for them and, lacking word either way, for locations and vendors.
 */
import { queryError } from './http-util.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 200;

export function readLimit(q: URLSearchParams): number {
  const raw = q.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw queryError(400, `limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  return n;
}

interface Cursor {
  id?: number;
  v?: string | null;
  offset?: number;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64');
}

function decode(raw: string | null): Cursor | undefined {
  if (raw === null || raw === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as Cursor;
  } catch {
    // falls through to the error
  }
  throw queryError(400, 'Invalid cursor');
}

export type SortValue = (rec: { id: number }) => string | null;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Sort: by the value (nulls last), then id; `-` prefix reverses. */
function ordered<T extends { id: number }>(all: T[], sortValue: SortValue | undefined, descending: boolean): T[] {
  if (!sortValue) return [...all].sort((a, b) => a.id - b.id);
  const dir = descending ? -1 : 1;
  return [...all].sort((a, b) => {
    const va = sortValue(a);
    const vb = sortValue(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * dir;
    }
    return (a.id - b.id) * dir;
  });
}

/** Keyset paging over the order: the cursor holds the last record's id (and sort value). */
export function cursorPage<T extends { id: number }>(all: T[], q: URLSearchParams, sortValue: SortValue | undefined, descending: boolean): Page<T> {
  const limit = readLimit(q);
  const list = ordered(all, sortValue, descending);
  const cursor = decode(q.get('cursor'));
  let start = 0;
  if (cursor) {
    if (typeof cursor.id !== 'number') throw queryError(400, 'Invalid cursor');
    const dir = descending ? -1 : 1;
    start = list.findIndex((r) => {
      const v = sortValue ? sortValue(r) : null;
      const cv = cursor.v ?? null;
      if (sortValue && v !== cv) {
        if (v === null) return true;
        if (cv === null) return false;
        return (v < cv ? -1 : 1) * dir > 0;
      }
      return (r.id - cursor.id!) * dir > 0;
    });
    if (start < 0) start = list.length;
  }
  const items = list.slice(start, start + limit);
  const last = items.at(-1);
  const more = start + limit < list.length;
  return { items, nextCursor: more && last ? encode(sortValue ? { id: last.id, v: sortValue(last) } : { id: last.id }) : null };
}

/** Offset paging: the cursor holds how many records came before. */
export function offsetPage<T extends { id: number }>(all: T[], q: URLSearchParams, sortValue: SortValue | undefined, descending: boolean): Page<T> {
  const limit = readLimit(q);
  const list = ordered(all, sortValue, descending);
  const cursor = decode(q.get('cursor'));
  const start = cursor?.offset ?? 0;
  if (!Number.isInteger(start) || start < 0) throw queryError(400, 'Invalid cursor');
  const items = list.slice(start, start + limit);
  return { items, nextCursor: start + limit < list.length ? encode({ offset: start + limit }) : null };
}

/** The path and query that fetch the next page: the request's own, with the new cursor. */
export function nextPageUrl(pathname: string, q: URLSearchParams, nextCursor: string | null): string | null {
  if (nextCursor === null) return null;
  const next = new URLSearchParams(q);
  next.set('cursor', nextCursor);
  return `${pathname}?${next.toString()}`;
}
