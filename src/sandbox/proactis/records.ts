/**
 * The records the Proactis simulator holds, in exactly the JSON shape its API serves them.
 *
 * What is known of the cloud platform (docs.proactis.com, summarised in protocols-cmms-s2p.md
 * §11.2): list answers are `{pageNumber, pageSize, totalElements, content}`; every retrievable
 * record carries `lastModified` (ISO 8601 with an offset); a supplier has `id` (opaque),
 * `number` (e.g. SUP8305), `name` and `online`; receipts carry receiptID, receiptDate,
 * closeForReceiving, comments and items with receiptLineNumber, quantity, completedIndicator,
 * the order's lineNumber, supplierPartID, unitRate and a classification; invoices have
 * invoiceNumber, entryNumber, paymentDate and the published status set below.
 *
 * Everything else here is [unverified]: Proactis publishes no schema, so the remaining fields
 * are the most plausible JSON rendering of the cXML documents those APIs exchange (money as JSON
 * numbers, as a Java service serialises BigDecimal). Optional fields are left out of the JSON
 * when absent, so the documented supplier example (§11.3) is served key for key.
 */

/** The only published Proactis state machine: the invoice statuses (invoice export triggers). */
export const invoiceStatuses = ['CONCEPT', 'EXCEPTION', 'FORAPPROVAL', 'PROCESSED', 'CLEARED', 'SENT', 'ONHOLD', 'FORVALIDATION', 'REJECTED', 'DELETED', 'ARCHIVED', 'FOREVALUATION'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** [unverified] Proactis names no requisition statuses; these are the stages its documents describe. */
export const requisitionStatuses = ['DRAFT', 'FORAPPROVAL', 'APPROVED', 'REJECTED', 'ORDERED', 'CANCELLED'] as const;
export type RequisitionStatus = (typeof requisitionStatuses)[number];

/** A party as other documents name it. */
export interface PartyRef {
  id: string;
  number: string;
  name: string;
}

export interface SupplierRecord {
  id: string;
  number: string;
  name: string;
  online: boolean;
  lastModified: string;
  vatNumber?: string;
  email?: string;
  phone?: string;
  website?: string;
  currency?: string;
  paymentTerms?: string;
  address?: { street: string; city: string; state?: string; postalCode: string; country: string };
  contacts?: { name: string; email?: string; phone?: string; role?: string }[];
}

export interface RequisitionLine {
  lineNumber: number;
  supplierPartID: string;
  description: string;
  quantity: number;
  unitOfMeasure: string;
  unitPrice: number;
  supplier?: PartyRef;
  /** The ERP order the line was ordered on, once ordered. */
  orderID?: string;
}

export interface RequisitionRecord {
  id: string;
  requisitionNumber: string;
  status: RequisitionStatus;
  title: string;
  requester: { id: string; name: string; email?: string };
  requiredDate?: string;
  currency: string;
  totalAmount: number;
  createdDate: string;
  lastModified: string;
  lines: RequisitionLine[];
}

export interface ReceiptItem {
  receiptLineNumber: number;
  /** The order line received against. */
  lineNumber: number;
  quantity: number;
  unitOfMeasure: string;
  supplierPartID: string;
  description?: string;
  unitRate: { amount: number; currency: string };
  completedIndicator: boolean;
  classification?: string;
}

export interface ReceiptRecord {
  id: string;
  receiptID: string;
  receiptDate: string;
  orderReference: { orderID: string };
  supplier: PartyRef;
  receivedBy?: { id: string; name: string };
  closeForReceiving?: boolean;
  comments?: string;
  lastModified: string;
  items: ReceiptItem[];
}

export interface InvoiceLine {
  lineNumber: number;
  supplierPartID?: string;
  description: string;
  quantity: number;
  unitOfMeasure: string;
  unitPrice: number;
  netAmount: number;
  taxAmount: number;
  /** The order line invoiced, for an order-based invoice. */
  orderLineNumber?: number;
}

export interface InvoiceRecord {
  id: string;
  invoiceNumber: string;
  status: InvoiceStatus;
  supplier: PartyRef;
  orderReference?: { orderID: string };
  invoiceDate: string;
  dueDate?: string;
  currency: string;
  netAmount: number;
  taxAmount: number;
  grossAmount: number;
  /** Set through the API by the finance system (the booking's entry number). */
  entryNumber?: string;
  paymentDate?: string;
  createdDate: string;
  lastModified: string;
  lines: InvoiceLine[];
}

export interface ProactisData {
  suppliers: SupplierRecord[];
  requisitions: RequisitionRecord[];
  receipts: ReceiptRecord[];
  invoices: InvoiceRecord[];
}

export type Collection = keyof ProactisData;

/** Money: two decimals, computed in cents so JSON never shows a float artefact. */
export function money(cents: number): number {
  return Math.round(cents) / 100;
}

/** An instant as Proactis renders it: ISO 8601 to the second with the organisation's offset (`2024-05-02T08:15:00+01:00`). */
export function stamp(ms: number, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(Math.floor(ms / 1000) * 1000 + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${minutes === 0 && !m ? 'Z' : offset}`;
}
