/**
 * PurchaseOrder (`/v1/purchase-orders`): an order to a vendor, with its full line items.
 */
import { z } from 'zod';
import { CustomFields, address, currency, date, decimal, instant, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const purchaseOrderStatuses = [
  'draft',
  'pending_approval',
  'approved',
  'ordered',
  'partially_received',
  'received',
  'closed',
  'cancelled',
  'unknown',
] as const;

export const purchaseOrderLineStatuses = ['open', 'partially_received', 'received', 'closed', 'cancelled', 'unknown'] as const;

export const PurchaseOrderLine = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the line (the order's id and the line's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the line."),
    lineNumber: z.number().int().nullable().describe('Position of the line in the order (1-based where the system numbers lines).'),
    item: ref('The ordered product or material.'),
    itemCode: text('Product or material code (our side).').nullable(),
    vendorItemCode: text("The vendor's own part number.").nullable(),
    description: text('Line description as printed on the order.').nullable(),
    quantity: decimal('Ordered quantity.').nullable(),
    unitOfMeasure: text('Unit of measure of the quantity (as the system names it, e.g. "u", "kg", "EA").').nullable(),
    unitPrice: decimal('Price per unit of measure, in the order currency.').nullable(),
    discount: decimal('Discount amount on the line, in the order currency.').nullable(),
    taxAmount: decimal('Tax on the line, in the order currency.').nullable(),
    lineTotal: decimal('Line amount before tax, in the order currency.').nullable(),
    requiredDate: date('Date the line is needed by.').nullable(),
    deliveryDate: date('Promised or expected delivery date of the line.').nullable(),
    quantityReceived: decimal('Quantity received so far.').nullable(),
    quantityInvoiced: decimal('Quantity invoiced so far.').nullable(),
    status: z.enum(purchaseOrderLineStatuses).nullable().describe('Normalised line status.'),
    account: ref('GL account or cost centre charged.'),
    asset: ref('Asset the line is for (maintenance purchasing).'),
    workOrder: ref('Work order the line is for.'),
    customFields: CustomFields,
  })
  .describe('One line of a purchase order.')
  .meta({ id: 'PurchaseOrderLine' });

export const purchaseOrderFields = {
  number: text('Order number as the system shows it (null until the system assigns one).').nullable(),
  status: z.enum(purchaseOrderStatuses).describe('Normalised status; the system\'s own value is in remoteStatus.'),
  remoteStatus,
  vendor: ref('The vendor (supplier) the order is placed with.'),
  buyer: ref('The buyer or purchasing agent.'),
  site: ref('The site, plant or company the order belongs to.'),
  orderDate: date('Date the order was placed.').nullable(),
  requiredDate: date('Date the goods are needed by.').nullable(),
  deliveryDate: date('Promised or expected delivery date.').nullable(),
  currency: currency('ISO 4217 currency of every amount of the order.').nullable(),
  paymentTerms: text('Payment terms, as the system names them (e.g. "Net 30").').nullable(),
  shippingMethod: text('Shipping method or incoterm.').nullable(),
  shipTo: address('Where the goods go.'),
  billTo: address('Where the invoice goes.'),
  subtotal: decimal('Sum of the lines before tax.').nullable(),
  taxTotal: decimal('Total tax.').nullable(),
  total: decimal('Order total including tax.').nullable(),
  description: text('Short description or title of the order.').nullable(),
  notes: text('Free-text notes or comments.').nullable(),
  approvedAt: instant('When the order was approved or confirmed.').nullable(),
  lines: z.array(PurchaseOrderLine).describe('The order lines, in order.'),
};

export const PurchaseOrder = z
  .object({ ...recordEnvelope, ...purchaseOrderFields })
  .describe('A purchase order with its full line items.')
  .meta({ id: 'PurchaseOrder' });

export type PurchaseOrder = z.infer<typeof PurchaseOrder>;
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;
