/**
 * Locations: every stock.location (archived ones included) in Odoo's parent hierarchy, with
 * per page one batched read of the parents' usage and barcode and of the warehouses (code, view
 * location, address).
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { locationTypes } from '../../../models/location.js';
import { readAddresses, toAddress } from '../address.js';
import type { Domain, OdooClient } from '../client.js';
import { ACTIVE_OR_NOT, changedSince, idPages } from '../listing.js';
import { LocationRaw, fieldNames } from '../raw.js';
import { instant, latest, m2oId, ref, text, toId } from '../values.js';
import { locationMapping } from './location-mapping.js';

const MODEL = 'stock.location';
const FIELDS = fieldNames(LocationRaw.shape);

async function withDetails(client: OdooClient, rows: LocationRaw[]): Promise<LocationRaw[]> {
  if (rows.length === 0) return [];
  const [parents, warehouses] = await Promise.all([
    client.read<{ id: number; usage: string | false; barcode: string | false }>(MODEL, rows.map((r) => m2oId(r.location_id)).filter((p): p is number => p !== null), ['usage', 'barcode']),
    client.read<{ id: number; code: string | false; view_location_id: [number, string] | false; partner_id: [number, string] | false; write_date: string | false }>(
      'stock.warehouse',
      rows.map((r) => m2oId(r.warehouse_id)).filter((w): w is number => w !== null),
      ['code', 'view_location_id', 'partner_id', 'write_date'],
    ),
  ]);
  const addresses = await readAddresses(client, warehouses.map((w) => m2oId(w.partner_id)));
  const parentById = new Map(parents.map((p) => [p.id, p]));
  const warehouseById = new Map(warehouses.map(({ partner_id, ...w }) => [w.id, { ...w, 'partner_id.': addresses.get(m2oId(partner_id) ?? 0) ?? null }]));
  return rows.map((r) => ({ ...r, 'location_id.': parentById.get(m2oId(r.location_id) ?? 0) ?? null, 'warehouse_id.': warehouseById.get(m2oId(r.warehouse_id) ?? 0) ?? null }));
}

function fetchLocations(client: OdooClient, domain: Domain, afterId: number, limit?: number): Promise<LocationRaw[]> {
  return client
    .searchRead<LocationRaw>(MODEL, [ACTIVE_OR_NOT, ...domain, ['id', '>', afterId]], FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) })
    .then((rows) => withDetails(client, rows));
}

/** The warehouse whose view location this is, if any. */
const warehouseOf = (raw: LocationRaw) => (raw['warehouse_id.'] && m2oId(raw['warehouse_id.'].view_location_id) === raw.id ? raw['warehouse_id.'] : null);

/**
 * Odoo's usages (stock/models/stock_location.py) → unified kinds: a warehouse's view location is
 * the warehouse; an internal location under a view is a storeroom (WH/Stock), one under another
 * internal location a bin (WH/Stock/Shelf 1); vendor, customer, inventory-loss, production,
 * transit locations and other views are bookkeeping places: other.
 */
export function locationType(raw: LocationRaw): (typeof locationTypes)[number] {
  if (raw.usage === 'view' && warehouseOf(raw)) return 'warehouse';
  if (raw.usage === 'internal') return raw['location_id.']?.usage === 'internal' ? 'bin' : 'storeroom';
  return 'other';
}

export function toLocation(raw: LocationRaw, ctx: MapContext): Record<string, unknown> {
  const warehouse = warehouseOf(raw);
  return {
    code: text(raw.barcode) ?? (warehouse ? text(warehouse.code) : null),
    name: text(raw.complete_name),
    type: locationType(raw),
    parent: ref(raw.location_id, ctx, 'locations', raw['location_id.'] ? text(raw['location_id.'].barcode) : null),
    address: warehouse ? toAddress(warehouse['partner_id.']) : null,
    status: raw.active ? 'active' : 'inactive',
    remoteStatus: null,
  };
}

export const locations = defineResource<OdooClient, LocationRaw>({
  entity: 'locations',
  raw: LocationRaw,
  pageSize: 500,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: instant(raw.create_date),
    updatedAt: latest(instant(raw.write_date), instant(raw.create_date), instant(raw['warehouse_id.']?.write_date)),
  }),
  list(client, opts) {
    const domain: Domain = opts.since === undefined ? [] : changedSince(opts.since, ['', 'warehouse_id.']);
    return idPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (afterId, limit) => fetchLocations(client, domain, afterId, limit) });
  },
  listIds: async (client) => (await client.search(MODEL, [ACTIVE_OR_NOT], { order: 'id asc' })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchLocations(client, [['id', '=', id]], 0))[0];
  },
  toUnified: toLocation,
  mapping: locationMapping,
});
