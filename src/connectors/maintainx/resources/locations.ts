/**
 * Locations: GET /locations. MaintainX offers no change filter on locations, so every sync lists
 * them all (unchanged ones keep their version: Manifold compares content). Read only.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { MaintainxClient } from '../client.js';
import { blankToNull, instant, ref } from '../map-common.js';
import { mapPages, toId } from '../listing.js';
import { LOCATION_KEYS, LOCATION_LIST_EXPAND, LocationRaw, pick } from '../raw.js';
import { locationMapping } from './location-mapping.js';

export function toLocation(raw: LocationRaw, ctx: MapContext): Record<string, unknown> {
  const address = blankToNull(raw.address);
  return {
    code: blankToNull(raw.barcode),
    name: raw.name,
    type: null,
    parent: ref(ctx, 'locations', raw.parentId),
    address: address === null ? null : { name: null, line1: null, line2: null, line3: null, city: null, region: null, postalCode: null, country: null, raw: address },
    status: 'active',
    remoteStatus: null,
  };
}

export const locations = defineResource<MaintainxClient, LocationRaw>({
  entity: 'locations',
  raw: LocationRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.createdAt), updatedAt: instant(raw.updatedAt) }),
  // No updatedAt filter on /locations (OpenAPI): `since` cannot narrow the listing.
  list: (client, opts) =>
    mapPages(client.pages('/locations', 'locations', { expand: LOCATION_LIST_EXPAND }, opts), (records) => records.map((r) => pick(r as Record<string, unknown>, LOCATION_KEYS))),
  async get(client, remoteId) {
    const id = toId(remoteId);
    const rec = id === undefined ? undefined : await client.one(`/locations/${id}`, 'location');
    return rec && pick(rec, LOCATION_KEYS);
  },
  toUnified: toLocation,
  mapping: locationMapping,
});
