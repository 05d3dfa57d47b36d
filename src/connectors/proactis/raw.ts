/**
 * The native records of the Proactis cloud APIs as Manifold reads them (JSON). Documented:
 * every record's `lastModified` (ISO 8601 with an offset); a supplier's id, number, name and
 * online; a receipt's receiptID, receiptDate, closeForReceiving, comments and its items'
 * receiptLineNumber, quantity, completedIndicator, lineNumber, supplierPartID, unitRate,
 * classification; an invoice's invoiceNumber, entryNumber, paymentDate and status (the twelve
 * published values). The rest is [unverified] — Proactis publishes no schema — so everything
 * beyond the documented keys is optional here, and records keep every key they arrive with.
 */
import { z } from 'zod';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date and time');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date YYYY-MM-DD');
const amount = z.number();
const text = z.string();
const party = z.looseObject({ id: text.optional(), number: text.optional(), name: text.optional() });

export const SupplierRaw = z.looseObject({
  id: text,
  number: text.nullish(),
  name: text.nullish(),
  online: z.boolean().nullish(),
  lastModified: instant,
  vatNumber: text.nullish(),
  email: text.nullish(),
  phone: text.nullish(),
  website: text.nullish(),
  currency: text.nullish(),
  paymentTerms: text.nullish(),
  address: z.looseObject({ street: text.nullish(), city: text.nullish(), state: text.nullish(), postalCode: text.nullish(), country: text.nullish() }).nullish(),
  contacts: z.array(z.looseObject({ name: text.nullish(), email: text.nullish(), phone: text.nullish(), role: text.nullish() })).nullish(),
});
export type SupplierRaw = z.output<typeof SupplierRaw>;

export const RequisitionRaw = z.looseObject({
  id: text,
  requisitionNumber: text.nullish(),
  status: text.nullish(),
  title: text.nullish(),
  requester: z.looseObject({ id: text.nullish(), name: text.nullish(), email: text.nullish() }).nullish(),
  requiredDate: day.nullish(),
  currency: text.nullish(),
  totalAmount: amount.nullish(),
  createdDate: instant.nullish(),
  lastModified: instant,
  lines: z
    .array(
      z.looseObject({
        lineNumber: z.number().int().nullish(),
        supplierPartID: text.nullish(),
        description: text.nullish(),
        quantity: amount.nullish(),
        unitOfMeasure: text.nullish(),
        unitPrice: amount.nullish(),
        supplier: party.nullish(),
        orderID: text.nullish(),
      }),
    )
    .default([]),
});
export type RequisitionRaw = z.output<typeof RequisitionRaw>;

export const ReceiptRaw = z.looseObject({
  id: text,
  receiptID: text.nullish(),
  receiptDate: instant.nullish(),
  orderReference: z.looseObject({ orderID: text.nullish() }).nullish(),
  supplier: party.nullish(),
  receivedBy: z.looseObject({ id: text.nullish(), name: text.nullish() }).nullish(),
  closeForReceiving: z.boolean().nullish(),
  comments: text.nullish(),
  lastModified: instant,
  items: z
    .array(
      z.looseObject({
        receiptLineNumber: z.number().int().nullish(),
        lineNumber: z.number().int().nullish(),
        quantity: amount.nullish(),
        unitOfMeasure: text.nullish(),
        supplierPartID: text.nullish(),
        description: text.nullish(),
        unitRate: z.looseObject({ amount: amount.nullish(), currency: text.nullish() }).nullish(),
        completedIndicator: z.boolean().nullish(),
        classification: text.nullish(),
      }),
    )
    .default([]),
});
export type ReceiptRaw = z.output<typeof ReceiptRaw>;

export const InvoiceRaw = z.looseObject({
  id: text,
  invoiceNumber: text.nullish(),
  status: text.nullish(),
  supplier: party.nullish(),
  orderReference: z.looseObject({ orderID: text.nullish() }).nullish(),
  invoiceDate: day.nullish(),
  dueDate: day.nullish(),
  currency: text.nullish(),
  netAmount: amount.nullish(),
  taxAmount: amount.nullish(),
  grossAmount: amount.nullish(),
  entryNumber: text.nullish(),
  paymentDate: instant.nullish(),
  createdDate: instant.nullish(),
  lastModified: instant,
  lines: z
    .array(
      z.looseObject({
        lineNumber: z.number().int().nullish(),
        supplierPartID: text.nullish(),
        description: text.nullish(),
        quantity: amount.nullish(),
        unitOfMeasure: text.nullish(),
        unitPrice: amount.nullish(),
        netAmount: amount.nullish(),
        taxAmount: amount.nullish(),
        orderLineNumber: z.number().int().nullish(),
      }),
    )
    .default([]),
});
export type InvoiceRaw = z.output<typeof InvoiceRaw>;
