/**
 * The default field mapping of Proactis receipts (Receipt API), as data. Receipts are created by an
 * asynchronous import (see import-writes.ts).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { GoodsReceiptLine, goodsReceiptFields } from '../../../models/goods-receipt.js';

const fields: { [K in keyof typeof goodsReceiptFields]: FieldSource } = {
  number: { path: 'receiptID' },
  purchaseOrder: { paths: ['orderReference.orderID'], logic: 'The ERP order received against: remoteId and code = orderID (Proactis pushes the order itself as cXML).' },
  receivedAt: { path: 'receiptDate', note: 'Converted from the organisation\'s offset to UTC.' },
  receivedBy: { paths: ['receivedBy.id', 'receivedBy.name'], logic: 'remoteId = receivedBy.id, name = receivedBy.name.' },
  lines: { paths: ['items'], logic: 'One line per element of items (see the line fields).' },
};

const lines: { [K in Exclude<keyof GoodsReceiptLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['receiptLineNumber'], logic: "The receipt's Manifold id and the receipt line number." },
  remoteId: { path: 'receiptLineNumber' },
  purchaseOrderLine: { paths: ['lineNumber'], logic: 'The order line received against: remoteId = its line number within the order (the receipt\'s purchaseOrder).' },
  itemCode: { path: 'supplierPartID' },
  quantity: { path: 'quantity' },
  unitOfMeasure: { path: 'unitOfMeasure' },
};

export const goodsReceiptMapping: EntityMapping = { fields, lines, linesPath: 'items' };
