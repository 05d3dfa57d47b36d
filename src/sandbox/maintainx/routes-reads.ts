/**
 * Read-only endpoints: organizations, assets, parts, locations, vendors — lists with MaintainX's
 * paging, filters and expansions, and single reads (404 `{"error": "Not Found."}` as in the
 * OpenAPI's examples).
 */
import { expandSet, type Route, type RouteContext, type RouteResult } from './context.js';
import { timeFiltered, readSort } from './filters.js';
import { queryError } from './http-util.js';
import { nextPageUrl, offsetPage } from './paging.js';
import { assetListItem, assetSingle, locationListItem, locationSingle, organizationItem, partListItem, partSingle, vendorListItem, vendorSingle } from './render.js';

type Timed = { id: number; createdAt: string; updatedAt: string };
const times: Record<string, (r: Timed) => string | null> = {
  id: (r) => String(r.id).padStart(12, '0'),
  createdAt: (r) => r.createdAt,
  updatedAt: (r) => r.updatedAt,
};

export function listAnswer(key: string, ctx: RouteContext, items: unknown[], nextCursor: string | null): RouteResult {
  return { status: 200, body: { [key]: items, nextCursor, nextPageUrl: nextPageUrl(ctx.pathname, ctx.query, nextCursor) } };
}

function found<T>(map: Map<number, T>, id: number | undefined): T {
  const rec = id === undefined ? undefined : map.get(id);
  if (rec === undefined) throw queryError(404, 'Not Found.');
  return rec;
}

export const listOrganizations: Route = (ctx) => {
  // The organizations the API key reaches (one, or several for a multi-organization key).
  const orgs = ctx.organizationIds.flatMap((id) => ctx.state.orgs.get(id)?.organization ?? []);
  const page = offsetPage(orgs, ctx.query, undefined, false);
  return listAnswer('organizations', ctx, page.items.map(organizationItem), page.nextCursor);
};

export const listAssets: Route = (ctx) => {
  let all = timeFiltered([...ctx.data.assets.values()], ctx.query, ctx.state.timestampFilters);
  const locationId = ctx.query.get('locationId');
  if (locationId !== null) all = all.filter((a) => String(a.locationId) === locationId);
  const { sortValue, descending } = readSort(ctx.query, times);
  const page = offsetPage(all, ctx.query, sortValue, descending);
  const expand = expandSet(ctx.query);
  return listAnswer('assets', ctx, page.items.map((a) => assetListItem(a, expand)), page.nextCursor);
};

export const getAsset: Route = (ctx) => ({ status: 200, body: { asset: assetSingle(found(ctx.data.assets, ctx.id), ctx.data) } });

export const listParts: Route = (ctx) => {
  let all = timeFiltered([...ctx.data.parts.values()], ctx.query, ctx.state.timestampFilters);
  const numbers = ctx.query.getAll('partNumber');
  if (numbers.length) all = all.filter((p) => p.vendors.some((v) => numbers.includes(v.partNumber)));
  const { sortValue, descending } = readSort(ctx.query, times);
  const page = offsetPage(all, ctx.query, sortValue, descending);
  const expand = expandSet(ctx.query);
  return listAnswer('parts', ctx, page.items.map((p) => partListItem(p, expand)), page.nextCursor);
};

export const getPart: Route = (ctx) => ({ status: 200, body: { part: partSingle(found(ctx.data.parts, ctx.id)) } });

export const listLocations: Route = (ctx) => {
  // No updatedAt filter on locations in MaintainX's API: a poller lists them all.
  let all = [...ctx.data.locations.values()];
  const name = ctx.query.get('name');
  if (name !== null) all = all.filter((l) => l.name.startsWith(name));
  const page = offsetPage(all, ctx.query, undefined, false);
  const expand = expandSet(ctx.query);
  return listAnswer('locations', ctx, page.items.map((l) => locationListItem(l, expand)), page.nextCursor);
};

export const getLocation: Route = (ctx) => ({ status: 200, body: { location: locationSingle(found(ctx.data.locations, ctx.id), ctx.data) } });

export const listVendors: Route = (ctx) => {
  // Vendors have no timestamps and no filter: a poller lists them all.
  const page = offsetPage([...ctx.data.vendors.values()], ctx.query, undefined, false);
  const expand = expandSet(ctx.query);
  return listAnswer('vendors', ctx, page.items.map((v) => vendorListItem(v, expand)), page.nextCursor);
};

export const getVendor: Route = (ctx) => ({ status: 200, body: { vendor: vendorSingle(found(ctx.data.vendors, ctx.id)) } });

export { found };
