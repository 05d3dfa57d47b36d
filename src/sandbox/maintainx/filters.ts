/**
 * The list filters MaintainX offers for polling: `updatedAt[gte]`, `updatedAt[lte]`,
 * `createdAt[gte]`, `createdAt[lte]` (ISO 8601, UTC) on work orders, parts, assets and purchase
 * orders (OpenAPI, "Polling for Changes"; absent from older versions of the API, so the
 * simulator can run without them, when they are ignored), and the `sort` parameter.
 */
import { queryError } from './http-util.js';
import type { SortValue } from './paging.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function instant(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const at = Date.parse(raw);
  if (!ISO.test(raw) || Number.isNaN(at)) throw queryError(400, `${name} must be an ISO 8601 date-time`);
  return at;
}

export function timeFiltered<T extends { createdAt: string | null; updatedAt: string | null }>(all: T[], q: URLSearchParams, enabled: boolean): T[] {
  if (!enabled) return all;
  const bounds = {
    updatedGte: instant(q, 'updatedAt[gte]'),
    updatedLte: instant(q, 'updatedAt[lte]'),
    createdGte: instant(q, 'createdAt[gte]'),
    createdLte: instant(q, 'createdAt[lte]'),
  };
  const inRange = (iso: string | null, gte: number | undefined, lte: number | undefined) => {
    if (gte === undefined && lte === undefined) return true;
    if (iso === null) return false;
    const t = Date.parse(iso);
    return (gte === undefined || t >= gte) && (lte === undefined || t <= lte);
  };
  return all.filter((r) => inRange(r.updatedAt, bounds.updatedGte, bounds.updatedLte) && inRange(r.createdAt, bounds.createdGte, bounds.createdLte));
}

/** `sort=updatedAt` / `sort=-createdAt`: the field, its direction, checked against what the endpoint allows. */
export function readSort<T>(q: URLSearchParams, allowed: Record<string, (r: T) => string | null>): { sortValue?: SortValue; descending: boolean } {
  const raw = q.get('sort');
  if (raw === null || raw === '') return { descending: false };
  const descending = raw.startsWith('-');
  const field = descending ? raw.slice(1) : raw;
  const get = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
  if (!get) throw queryError(400, `sort must be one of ${Object.keys(allowed).flatMap((f) => [f, `-${f}`]).join(', ')}`);
  return { sortValue: (r) => get(r as T), descending };
}

/** Repeated list parameters (`statuses=OPEN&statuses=DONE`), as numbers where asked. */
export function many(q: URLSearchParams, name: string): string[] {
  return q.getAll(name).flatMap((v) => v.split(',')).filter((v) => v !== '');
}
