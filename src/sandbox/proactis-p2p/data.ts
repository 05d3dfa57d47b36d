/**
 * What the PROACTIS P2P simulator holds: databases (as listed in PROACTIS_databases.xml), their
 * users and companies, suppliers with branches, contacts and per-company settings, purchase
 * orders with items, and the documents imported through the gateway. Tests read and change this
 * directly (the handle's `data`).
 */

/** Order states as the P2P front end names them; which allow what is in ./rules.ts. */
export const orderStates = ['Draft', 'Awaiting Authorisation', 'Authorised', 'Sent', 'Part Received', 'Fully Received', 'Part Invoiced', 'Fully Invoiced', 'Cancelled', 'Closed'] as const;
export type OrderState = (typeof orderStates)[number];

export interface P2pUser {
  userName: string;
  password: string;
  /** P2P roles; the gateway needs DataImport (masterData.md, "Authentication" note). */
  roles: Set<string>;
  companies: string[];
  departments: string[];
  /** Templates the user may use (acceptance, invoice, credit note), by label. */
  templates: string[];
  trays: string[];
  defaultTray: string;
  defaultLocation: string;
}

export interface ContactRec { tag: string; attrs: Record<string, string> }
export interface BranchRec { tag: string; attrs: Record<string, string>; contacts: Map<string, ContactRec> }
export interface CompanySupplierRec { attrs: Record<string, string>; groups: Set<string> }

export interface SupplierRec {
  code: string;
  /** Header attributes as last stored (Title, SalesTaxCountry, …). */
  attrs: Record<string, string>;
  branches: Map<string, BranchRec>;
  /** Per company code: the supplier's settings in that company (masterData.md, "Company Supplier"). */
  companies: Map<string, CompanySupplierRec>;
}

export interface OrderNominal { coding: string; commitmentDate: string; quantity: number }

export interface OrderItem {
  position: number;
  guid: string;
  code: string;
  description: string;
  /** goods: price × quantity; service: data entry by value (quantity 1). */
  kind: 'goods' | 'service';
  quantity: number;
  unitPrice: number;
  unitOfMeasure: string;
  nominals: OrderNominal[];
  received: number;
  invoiced: number;
}

export interface OrderRec {
  guid: string;
  template: string;
  orderNumber: number;
  /** Template label followed by the number, e.g. PORD10034. */
  displayNumber: string;
  supplierCode: string;
  currency: string;
  orderDate: string;
  state: OrderState;
  items: OrderItem[];
  cancellation?: { reason: string; comments: string; by: string };
}

export interface DocumentLine { order: string; position: number; code: string; quantity: number; value: number }

export interface AcceptanceRec { documentNumber: string; template: string; dateReceived: string; acceptedAt: string; deliveryNote: string | null; supplierCode: string; lines: (DocumentLine & { condition: string })[] }
export interface InvoiceRec { documentNumber: string; template: string; status: 'OK' | 'REGISTERED'; supplierCode: string; supplierInvoiceNumber: string; invoiceDate: string; grossValue: number; taxValue: number; lines: DocumentLine[] }
export interface CreditNoteRec { documentNumber: string; template: string; supplierCode: string; supplierCreditNoteNumber: string; creditNoteDate: string; grossValue: number; parents: string[] }

export type TemplateKind = 'order' | 'acceptance' | 'invoice' | 'standalone-invoice' | 'credit-note';
/** A document template; one may serve several kinds (the docs' PINV is used for order-based and standalone invoices). */
export interface TemplateRec { label: string; kinds: TemplateKind[] }

export interface CompanyRec {
  code: string;
  title: string;
  homeCurrency: string;
  departments: string[];
  locations: string[];
  currencies: Set<string>;
  supplierGrades: Set<string>;
  supplierGroups: Set<string>;
  taxBands: string[];
  taxCodes: Map<string, { rate: number }>;
  templates: TemplateRec[];
  trays: string[];
  deliveryConditions: string[];
  /** Defined in the List snap-in of the management console (cancelPurhaseOrderGateway.md). */
  cancellationReasons: string[];
  /** "optional/required as configured … may also enforce the reference to be unique for a given supplier" (acceptanceGateway.md). */
  deliveryNoteRequired: boolean;
  deliveryNoteUnique: boolean;
  orders: Map<string, OrderRec>;
  acceptances: AcceptanceRec[];
  invoices: InvoiceRec[];
  creditNotes: CreditNoteRec[];
  exchangeRates: Map<string, { currencyCode: string; dateEffectiveFrom: string; rate: string }>;
  nominalGroups: Map<string, Record<string, string>>;
  nominalEntries: Map<string, Record<string, string>>;
  /** Next document number per template label. */
  counters: Map<string, number>;
}

export interface DatabaseRec {
  title: string;
  countries: Set<string>;
  users: Map<string, P2pUser>;
  companies: Map<string, CompanyRec>;
  suppliers: Map<string, SupplierRec>;
}

export interface P2pData {
  databases: Map<string, DatabaseRec>;
}

/** The next document number of a template (PINV10001, ACC10002, …). */
export function nextNumber(company: CompanyRec, template: string): string {
  const n = company.counters.get(template) ?? 10001;
  company.counters.set(template, n + 1);
  return `${template}${n}`;
}

export const userKey = (name: string) => name.toUpperCase();
