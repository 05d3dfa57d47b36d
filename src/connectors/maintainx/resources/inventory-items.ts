/**
 * Inventory items: MaintainX parts (GET /parts with their vendors and custom fields, stock per
 * location, costs in cents), each with the organization's currency. Read only.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { MaintainxClient } from '../client.js';
import { blankToNull, instant, quantity, ref } from '../map-common.js';
import { centsToDecimal } from '../money.js';
import { mapPages, sinceQuery, toId } from '../listing.js';
import { PART_KEYS, PART_LIST_EXPAND, PartRaw, pick } from '../raw.js';
import { inventoryItemMapping } from './inventory-item-mapping.js';

type Committed = { kitted?: number | undefined; reserved?: number | undefined; staged?: number | undefined } | undefined;

/** Committed stock: reserved + kitted + staged (assigned is not committed). */
const committed = (c: Committed) => (c?.reserved ?? 0) + (c?.kitted ?? 0) + (c?.staged ?? 0);

export function toInventoryItem(raw: PartRaw, ctx: MapContext): Record<string, unknown> {
  const inStock = raw.inStockQuantity ?? raw.availableQuantity;
  const vendor = raw.vendors?.[0];
  return {
    itemCode: blankToNull(raw.barcode),
    name: raw.name,
    description: raw.description ?? null,
    status: 'active',
    remoteStatus: null,
    category: raw.partTypes?.length ? raw.partTypes.join(', ') : null,
    unitOfMeasure: null,
    unitCost: raw.unitCost === null || raw.unitCost === undefined ? null : centsToDecimal(raw.unitCost),
    currency: raw.organization.currency ?? null,
    preferredVendor: ref(ctx, 'vendors', vendor?.vendorId),
    vendorItemCode: blankToNull(vendor?.partNumber),
    manufacturer: null,
    manufacturerPartNumber: null,
    quantityOnHand: quantity(inStock),
    quantityAvailable: quantity(inStock - committed(raw.committedQuantities)),
    quantityOnOrder: quantity(raw.orderedQuantity),
    reorderPoint: quantity(raw.minimumQuantity),
    reorderQuantity: null,
    stock: (raw.locations ?? []).map((l) => ({
      location: ref(ctx, 'locations', l.locationId),
      quantityOnHand: quantity(l.availableQuantity),
      quantityAvailable: l.availableQuantity === undefined ? null : quantity(l.availableQuantity - committed(l.committedQuantities)),
      bin: blankToNull(l.area),
    })),
  };
}

async function withOrganization(client: MaintainxClient, records: unknown[]): Promise<unknown[]> {
  const { id, name, currency } = await client.organization();
  return records.map((r) => ({ ...pick(r as Record<string, unknown>, PART_KEYS), organization: { id, name, currency: currency ?? null } }));
}

export const inventoryItems = defineResource<MaintainxClient, PartRaw>({
  entity: 'inventoryItems',
  raw: PartRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.createdAt), updatedAt: instant(raw.updatedAt) }),
  list: (client, opts) =>
    mapPages(client.pages('/parts', 'parts', { expand: PART_LIST_EXPAND, ...sinceQuery(opts.since) }, opts), (records) => withOrganization(client, records)),
  async get(client, remoteId) {
    const id = toId(remoteId);
    const rec = id === undefined ? undefined : await client.one(`/parts/${id}`, 'part');
    return rec && (await withOrganization(client, [rec]))[0];
  },
  toUnified: toInventoryItem,
  mapping: inventoryItemMapping,
});
