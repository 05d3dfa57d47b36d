/**
 * GoodsReceipt (`/v1/goods-receipts`): goods received against a purchase order.
 */
import { z } from 'zod';
import { CustomFields, decimal, instant, recordEnvelope, ref, text } from './common.js';

export const GoodsReceiptLine = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the line (the receipt's id and the line's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the line."),
    purchaseOrderLine: ref('The purchase order line the goods were received against.'),
    itemCode: text('Product or material code received.').nullable(),
    quantity: decimal('Quantity received (negative for a return or reversal, where the system records it so).').nullable(),
    unitOfMeasure: text('Unit of measure of the quantity (as the system names it, e.g. "EA", "kg").').nullable(),
    customFields: CustomFields,
  })
  .describe('One line of a goods receipt.')
  .meta({ id: 'GoodsReceiptLine' });

// No status: models.md gives a goods receipt none, so the registry lists no statuses for it.
export const goodsReceiptFields = {
  number: text('Receipt (material document) number as the system shows it (null until the system assigns one).').nullable(),
  purchaseOrder: ref('The purchase order the goods were received against.'),
  receivedAt: instant('When the goods were received (or the receipt posted, where the system records only that).').nullable(),
  receivedBy: ref('The person who received the goods.'),
  lines: z.array(GoodsReceiptLine).describe('The receipt lines, in order.'),
};

export const GoodsReceipt = z
  .object({ ...recordEnvelope, ...goodsReceiptFields })
  .describe('A goods receipt against a purchase order.')
  .meta({ id: 'GoodsReceipt' });

export type GoodsReceipt = z.infer<typeof GoodsReceipt>;
export type GoodsReceiptLine = z.infer<typeof GoodsReceiptLine>;
