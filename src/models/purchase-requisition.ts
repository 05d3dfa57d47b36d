/**
 * PurchaseRequisition (`/v1/purchase-requisitions`): an internal request to buy, before it
 * becomes a purchase order.
 */
import { z } from 'zod';
import { CustomFields, currency, date, decimal, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const purchaseRequisitionStatuses = [
  'draft',
  'pending_approval',
  'approved',
  'rejected',
  'ordered',
  'cancelled',
  'unknown',
] as const;

export const PurchaseRequisitionLine = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the line (the requisition's id and the line's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the line."),
    lineNumber: z.number().int().nullable().describe('Position of the line in the requisition (1-based where the system numbers lines).'),
    itemCode: text('Product or material code requested.').nullable(),
    description: text('Description of what is requested.').nullable(),
    quantity: decimal('Requested quantity.').nullable(),
    unitOfMeasure: text('Unit of measure of the quantity (as the system names it, e.g. "EA", "kg").').nullable(),
    unitPrice: decimal('Estimated price per unit of measure, in the requisition currency.').nullable(),
    vendor: ref('The suggested or assigned vendor.'),
    purchaseOrder: ref('The purchase order the line was turned into, once ordered.'),
    customFields: CustomFields,
  })
  .describe('One line of a purchase requisition.')
  .meta({ id: 'PurchaseRequisitionLine' });

export const purchaseRequisitionFields = {
  number: text('Requisition number as the system shows it (null until the system assigns one).').nullable(),
  status: z.enum(purchaseRequisitionStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  requester: ref('The person who requested the purchase.'),
  requiredDate: date('Date the goods or services are needed by.').nullable(),
  currency: currency('ISO 4217 currency of every amount of the requisition.').nullable(),
  total: decimal('Estimated total of the requisition.').nullable(),
  description: text('Short description or justification of the requisition.').nullable(),
  lines: z.array(PurchaseRequisitionLine).describe('The requisition lines, in order.'),
};

export const PurchaseRequisition = z
  .object({ ...recordEnvelope, ...purchaseRequisitionFields })
  .describe('A purchase requisition with its lines.')
  .meta({ id: 'PurchaseRequisition' });

export type PurchaseRequisition = z.infer<typeof PurchaseRequisition>;
export type PurchaseRequisitionLine = z.infer<typeof PurchaseRequisitionLine>;
