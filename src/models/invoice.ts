/**
 * Invoice (`/v1/invoices`): a supplier invoice, matched to purchase orders line by line where the
 * system does so.
 */
import { z } from 'zod';
import { CustomFields, currency, date, decimal, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const invoiceStatuses = ['draft', 'submitted', 'approved', 'disputed', 'paid', 'cancelled', 'unknown'] as const;

export const InvoiceLine = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the line (the invoice's id and the line's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the line."),
    lineNumber: z.number().int().nullable().describe('Position of the line in the invoice (1-based where the system numbers lines).'),
    itemCode: text('Product or material code invoiced.').nullable(),
    description: text('Line description as printed on the invoice.').nullable(),
    quantity: decimal('Invoiced quantity.').nullable(),
    unitOfMeasure: text('Unit of measure of the quantity (as the system names it, e.g. "EA", "kg").').nullable(),
    unitPrice: decimal('Price per unit of measure, in the invoice currency.').nullable(),
    taxAmount: decimal('Tax on the line, in the invoice currency.').nullable(),
    lineTotal: decimal('Line amount before tax, in the invoice currency.').nullable(),
    purchaseOrderLine: ref('The purchase order line the invoice line is matched to.'),
    customFields: CustomFields,
  })
  .describe('One line of a supplier invoice.')
  .meta({ id: 'InvoiceLine' });

export const invoiceFields = {
  number: text("The vendor's invoice number.").nullable(),
  vendor: ref('The vendor who issued the invoice.'),
  purchaseOrder: ref('The purchase order the invoice is for, when it is for one order.'),
  status: z.enum(invoiceStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  invoiceDate: date('Date on the invoice.').nullable(),
  dueDate: date('Date payment is due.').nullable(),
  currency: currency('ISO 4217 currency of every amount of the invoice.').nullable(),
  subtotal: decimal('Sum of the lines before tax.').nullable(),
  taxTotal: decimal('Total tax.').nullable(),
  total: decimal('Invoice total including tax.').nullable(),
  lines: z.array(InvoiceLine).describe('The invoice lines, in order; empty when the system keeps header totals only.'),
};

export const Invoice = z
  .object({ ...recordEnvelope, ...invoiceFields })
  .describe('A supplier invoice with its lines.')
  .meta({ id: 'Invoice' });

export type Invoice = z.infer<typeof Invoice>;
export type InvoiceLine = z.infer<typeof InvoiceLine>;
