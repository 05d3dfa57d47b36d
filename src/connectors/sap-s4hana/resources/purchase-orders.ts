/**
 * Purchase orders: A_PurchaseOrder with its items and their schedule lines in one read
 * ($expand), paged by $skip/$top in purchase-order-number order (a stable order: new orders get
 * higher numbers and a change does not move an order), changed since a time by
 * LastChangeDateTime. Items have no change time of their own; SAP stamps the order when any
 * item changes, so the header's stamp finds them.
 */
import { defineResource } from '../../../kit/definition.js';
import { entityPath, literal, plainEntity } from '../../../kit/transports/odata-v2-values.js';
import type { SapClient } from '../client.js';
import { PurchaseOrderRaw } from '../raw.js';
import { orderTimes, toPurchaseOrder } from './purchase-order-map.js';
import { purchaseOrderMapping } from './purchase-order-mapping.js';
import { purchaseOrderWrites } from './purchase-order-writes.js';

const EXPAND = 'to_PurchaseOrderItem,to_PurchaseOrderItem/to_ScheduleLine';

export const purchaseOrders = defineResource<SapClient, PurchaseOrderRaw>({
  entity: 'purchaseOrders',
  raw: PurchaseOrderRaw,
  // Well under the 5,000 a server enforcing paging allows per answer, and a page of orders with
  // their items is already a few megabytes.
  pageSize: 200,
  remoteId: (raw) => raw.PurchaseOrder,
  times: orderTimes,
  async *list(client, opts) {
    const query = {
      $expand: EXPAND,
      $orderby: 'PurchaseOrder',
      ...(opts.since ? { $filter: `LastChangeDateTime ge ${literal.dateTimeOffset(opts.since)}` } : {}),
    };
    for await (const page of client.po.pages('A_PurchaseOrder', query, { pageSize: opts.pageSize, resumeAfter: opts.resumeAfter })) {
      yield { ...page, records: page.records.map(plainEntity) };
    }
  },
  async get(client, remoteId) {
    if (!/^[A-Za-z0-9]{1,10}$/.test(remoteId)) return undefined;
    const raw = await client.po.get(entityPath('A_PurchaseOrder', remoteId), { $expand: EXPAND });
    return raw === undefined ? undefined : plainEntity(raw);
  },
  toUnified: toPurchaseOrder,
  writes: purchaseOrderWrites,
  mapping: purchaseOrderMapping,
});
