/**
 * Work orders: GET /workorders (cursor paging; updatedAt[gte] for changes) with the expansions the
 * unified work order needs (asset, location, assignees, parts, categories, custom fields).
 */
import { defineResource } from '../../../kit/definition.js';
import type { MaintainxClient } from '../client.js';
import { instant } from '../map-common.js';
import { mapPages, sinceQuery, toId } from '../listing.js';
import { WORK_ORDER_GET_EXPAND, WORK_ORDER_KEYS, WORK_ORDER_LIST_EXPAND, WorkOrderRaw, pick } from '../raw.js';
import { toWorkOrder } from './work-order-map.js';
import { workOrderMapping } from './work-order-mapping.js';
import { workOrderWrites } from './work-order-writes.js';

export const workOrders = defineResource<MaintainxClient, WorkOrderRaw>({
  entity: 'workOrders',
  raw: WorkOrderRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.createdAt), updatedAt: instant(raw.updatedAt) }),
  list: (client, opts) =>
    mapPages(
      client.pages('/workorders', 'workOrders', { expand: WORK_ORDER_LIST_EXPAND, ...sinceQuery(opts.since) }, opts),
      (records) => records.map((r) => pick(r as Record<string, unknown>, WORK_ORDER_KEYS)),
    ),
  async get(client, remoteId) {
    const id = toId(remoteId);
    const rec = id === undefined ? undefined : await client.one(`/workorders/${id}`, 'workOrder', { expand: WORK_ORDER_GET_EXPAND });
    return rec && pick(rec, WORK_ORDER_KEYS);
  },
  toUnified: toWorkOrder,
  writes: workOrderWrites,
  mapping: workOrderMapping,
});
