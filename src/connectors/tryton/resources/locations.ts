/**
 * Locations: every stock.location (archived ones included), in Tryton's parent hierarchy.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { locationTypes } from '../../../models/location.js';
import { toAddress } from '../address.js';
import type { Domain, TrytonClient } from '../client.js';
import { ACTIVE_OR_NOT, changedSince, idPages, latest, toId } from '../listing.js';
import { LocationRaw, fieldNames } from '../raw.js';
import { locationMapping } from './location-mapping.js';

const LOCATION_FIELDS = fieldNames(LocationRaw.shape);

/**
 * Tryton's location types (stock/location.py) → the unified kinds. A warehouse's own zones
 * (input, output, storage) are storage locations directly under it: areas of the warehouse.
 * Storage locations below those are the storerooms, cages and shelves stock is put away in.
 * Supplier, customer, lost-and-found, production, drop and view locations are bookkeeping
 * places rather than physical ones: `other`.
 */
export function locationType(raw: LocationRaw): (typeof locationTypes)[number] {
  switch (raw.type) {
    case 'warehouse':
      return 'warehouse';
    case 'storage':
      if (raw['parent.']?.type === 'warehouse') return 'area';
      if (raw['parent.']?.type === 'storage') return 'storeroom';
      return 'other';
    default:
      return 'other';
  }
}

function toLocation(raw: LocationRaw, ctx: MapContext): Record<string, unknown> {
  const parent = raw['parent.'];
  return {
    code: raw.code,
    name: raw.name,
    type: locationType(raw),
    parent: parent ? { id: ctx.refId('locations', String(parent.id)), remoteId: String(parent.id), name: parent.name, code: parent.code } : null,
    // Only warehouses carry an address in Tryton.
    address: toAddress(raw['address.']),
    status: raw.active ? 'active' : 'inactive',
    remoteStatus: null,
  };
}

function fetchLocations(client: TrytonClient, domain: Domain, afterId: number, limit: number | null): Promise<LocationRaw[]> {
  return client.searchRead<LocationRaw>('stock.location', [...domain, ACTIVE_OR_NOT, ['id', '>', afterId]], LOCATION_FIELDS, {
    limit,
    order: [['id', 'ASC']],
  });
}

export const locations = defineResource<TrytonClient, LocationRaw>({
  entity: 'locations',
  raw: LocationRaw,
  pageSize: 500,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: raw.create_date,
    updatedAt: latest(raw.write_date, raw.create_date, raw['address.']?.write_date, raw['address.']?.create_date),
  }),
  list(client, opts) {
    // A location's address is a party.address of its own: editing it leaves the location alone.
    const domain: Domain = opts.since === undefined ? [] : [changedSince(opts.since, ['', 'address.'])];
    return idPages({
      pageSize: opts.pageSize,
      resumeAfter: opts.resumeAfter,
      fetch: (afterId, limit) => fetchLocations(client, domain, afterId, limit),
    });
  },
  listIds: async (client) => (await client.search('stock.location', [ACTIVE_OR_NOT], { order: [['id', 'ASC']] })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchLocations(client, [['id', '=', id]], 0, 1))[0];
  },
  toUnified: toLocation,
  mapping: locationMapping,
});
