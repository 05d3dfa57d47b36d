/**
 * Purchase orders: GET /purchaseorders gives only id, status and times, so each listed order is
 * read in full (GET /purchaseorders/{id}, a few at a time); updatedAt[gte] narrows the listing to
 * what changed. Each order carries the organization's currency.
 */
import { defineResource } from '../../../kit/definition.js';
import type { MaintainxClient } from '../client.js';
import { instant } from '../map-common.js';
import { mapPages, pooled, sinceQuery, toId } from '../listing.js';
import { PurchaseOrderRaw } from '../raw.js';
import { toPurchaseOrder } from './purchase-order-map.js';
import { purchaseOrderMapping } from './purchase-order-mapping.js';
import { purchaseOrderWrites } from './purchase-order-writes.js';

/** Detail reads in flight at once per page (the connection's guard caps calls in flight anyway). */
const DETAIL_READS = 4;

async function fullOrder(client: MaintainxClient, id: number): Promise<Record<string, unknown> | undefined> {
  const [order, organization] = await Promise.all([client.one(`/purchaseorders/${id}`, 'purchaseOrder'), client.organization()]);
  return order && { ...order, organization: { id: organization.id, name: organization.name, currency: organization.currency ?? null } };
}

export const purchaseOrders = defineResource<MaintainxClient, PurchaseOrderRaw>({
  entity: 'purchaseOrders',
  raw: PurchaseOrderRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.createdAt), updatedAt: instant(raw.updatedAt) }),
  list: (client, opts) =>
    mapPages(client.pages('/purchaseorders', 'purchaseOrders', sinceQuery(opts.since), opts), async (records) => {
      const ids = records.map((r) => (r as { id: number }).id);
      // An order deleted between the listing and its read is left out.
      return (await pooled(ids, DETAIL_READS, (id) => fullOrder(client, id))).filter((o) => o !== undefined);
    }),
  async get(client, remoteId) {
    const id = toId(remoteId);
    return id === undefined ? undefined : fullOrder(client, id);
  },
  toUnified: toPurchaseOrder,
  writes: purchaseOrderWrites,
  mapping: purchaseOrderMapping,
});
