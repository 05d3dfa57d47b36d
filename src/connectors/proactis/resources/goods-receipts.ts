/**
 * Goods receipts: the Receipt API (`/receipts/v1/{domainId}`), read by page and by
 * `dateTimeFrom`. Receipts are imported as cXML ReceiptRequest, asynchronously (imports.ts).
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { ProactisClient } from '../client.js';
import { blank, decimal, reference, utc } from '../convert.js';
import { listPages } from '../listing.js';
import { ReceiptRaw } from '../raw.js';
import { goodsReceiptMapping } from './goods-receipt-mapping.js';
import { goodsReceiptWrites } from './import-writes.js';

export function toGoodsReceipt(raw: ReceiptRaw, ctx: MapContext): Record<string, unknown> {
  const id = ctx.refId('goodsReceipts', raw.id);
  const orderID = blank(raw.orderReference?.orderID);
  return {
    number: blank(raw.receiptID),
    purchaseOrder: orderID ? { id: ctx.refId('purchaseOrders', orderID), remoteId: orderID, name: null, code: orderID } : null,
    receivedAt: utc(raw.receiptDate),
    receivedBy: reference({ remoteId: blank(raw.receivedBy?.id), name: blank(raw.receivedBy?.name) }),
    lines: raw.items.map((item, i) => {
      const n = item.receiptLineNumber ?? i + 1;
      return {
        id: `${id}:${n}`,
        remoteId: String(n),
        purchaseOrderLine: item.lineNumber != null ? { id: null, remoteId: String(item.lineNumber), name: null, code: null } : null,
        itemCode: blank(item.supplierPartID),
        quantity: decimal(item.quantity),
        unitOfMeasure: blank(item.unitOfMeasure),
        customFields: {},
      };
    }),
  };
}

export const goodsReceipts = defineResource<ProactisClient, ReceiptRaw>({
  entity: 'goodsReceipts',
  raw: ReceiptRaw,
  pageSize: 50,
  remoteId: (raw) => raw.id,
  // The API gives when the goods came (receiptDate) and when the record changed, not when it was made.
  times: (raw) => ({ createdAt: null, updatedAt: utc(raw.lastModified) }),
  list: (client, opts) => listPages(client, 'receipts', opts),
  get: (client, remoteId) => client.get('receipts', remoteId),
  toUnified: toGoodsReceipt,
  writes: goodsReceiptWrites,
  mapping: goodsReceiptMapping,
});
