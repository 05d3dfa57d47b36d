/**
 * Purchase requisitions: the Requisition API (`/requisitions/v1/{domainId}`), read by page and by
 * `dateTimeFrom`. Creating one is an asynchronous cXML import (import-writes.ts): 202 Accepted,
 * and the requisition appears once Proactis has processed it.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { ProactisClient } from '../client.js';
import { blank, currency, dateOnly, decimal, reference, utc } from '../convert.js';
import { listPages } from '../listing.js';
import { RequisitionRaw } from '../raw.js';
import { requisitionMapping, requisitionStatusMap } from './requisition-mapping.js';
import { requisitionWrites } from './import-writes.js';

export function toRequisition(raw: RequisitionRaw, ctx: MapContext): Record<string, unknown> {
  const id = ctx.refId('purchaseRequisitions', raw.id);
  return {
    number: blank(raw.requisitionNumber),
    status: (raw.status && requisitionStatusMap[raw.status]) ?? 'unknown',
    remoteStatus: raw.status ?? null,
    requester: reference({ remoteId: blank(raw.requester?.id), name: blank(raw.requester?.name) }),
    requiredDate: dateOnly(raw.requiredDate),
    currency: currency(raw.currency),
    total: decimal(raw.totalAmount),
    description: blank(raw.title),
    lines: raw.lines.map((l, i) => {
      const n = l.lineNumber ?? i + 1;
      const orderID = blank(l.orderID);
      return {
        id: `${id}:${n}`,
        remoteId: String(n),
        lineNumber: n,
        itemCode: blank(l.supplierPartID),
        description: blank(l.description),
        quantity: decimal(l.quantity),
        unitOfMeasure: blank(l.unitOfMeasure),
        unitPrice: decimal(l.unitPrice),
        vendor: l.supplier?.id ? { id: ctx.refId('vendors', l.supplier.id), remoteId: l.supplier.id, name: blank(l.supplier.name), code: blank(l.supplier.number) } : null,
        purchaseOrder: orderID ? { id: ctx.refId('purchaseOrders', orderID), remoteId: orderID, name: null, code: orderID } : null,
        customFields: {},
      };
    }),
  };
}

export const purchaseRequisitions = defineResource<ProactisClient, RequisitionRaw>({
  entity: 'purchaseRequisitions',
  raw: RequisitionRaw,
  pageSize: 50,
  remoteId: (raw) => raw.id,
  times: (raw) => ({ createdAt: utc(raw.createdDate), updatedAt: utc(raw.lastModified) }),
  list: (client, opts) => listPages(client, 'requisitions', opts),
  get: (client, remoteId) => client.get('requisitions', remoteId),
  toUnified: toRequisition,
  writes: requisitionWrites,
  mapping: requisitionMapping,
});
