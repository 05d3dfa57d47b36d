/**
 * Invoices: the Invoice API (`/invoices/v1/{domainId}` — [unverified] path, by the pattern of the
 * documented services), read by page and by `dateTimeFrom`, statuses mapped by invoice-status.ts.
 * Invoices are imported as cXML InvoiceDetailRequest, asynchronously (imports.ts).
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { ProactisClient } from '../client.js';
import { blank, currency, dateOnly, decimal, utc } from '../convert.js';
import { listPages } from '../listing.js';
import { InvoiceRaw } from '../raw.js';
import { invoiceMapping } from './invoice-mapping.js';
import { invoiceStatus } from './invoice-status.js';
import { invoiceWrites } from './import-writes.js';

export function toInvoice(raw: InvoiceRaw, ctx: MapContext): Record<string, unknown> {
  const id = ctx.refId('invoices', raw.id);
  const orderID = blank(raw.orderReference?.orderID);
  return {
    number: blank(raw.invoiceNumber),
    vendor: raw.supplier?.id ? { id: ctx.refId('vendors', raw.supplier.id), remoteId: raw.supplier.id, name: blank(raw.supplier.name), code: blank(raw.supplier.number) } : null,
    purchaseOrder: orderID ? { id: ctx.refId('purchaseOrders', orderID), remoteId: orderID, name: null, code: orderID } : null,
    status: invoiceStatus(raw.status),
    remoteStatus: raw.status ?? null,
    invoiceDate: dateOnly(raw.invoiceDate),
    dueDate: dateOnly(raw.dueDate),
    currency: currency(raw.currency),
    subtotal: decimal(raw.netAmount),
    taxTotal: decimal(raw.taxAmount),
    total: decimal(raw.grossAmount),
    lines: raw.lines.map((l, i) => {
      const n = l.lineNumber ?? i + 1;
      return {
        id: `${id}:${n}`,
        remoteId: String(n),
        lineNumber: n,
        itemCode: blank(l.supplierPartID),
        description: blank(l.description),
        quantity: decimal(l.quantity),
        unitOfMeasure: blank(l.unitOfMeasure),
        unitPrice: decimal(l.unitPrice),
        taxAmount: decimal(l.taxAmount),
        lineTotal: decimal(l.netAmount),
        purchaseOrderLine: orderID && l.orderLineNumber != null ? { id: null, remoteId: String(l.orderLineNumber), name: null, code: null } : null,
        customFields: {},
      };
    }),
  };
}

export const invoices = defineResource<ProactisClient, InvoiceRaw>({
  entity: 'invoices',
  raw: InvoiceRaw,
  pageSize: 50,
  remoteId: (raw) => raw.id,
  times: (raw) => ({ createdAt: utc(raw.createdDate), updatedAt: utc(raw.lastModified) }),
  list: (client, opts) => listPages(client, 'invoices', opts),
  get: (client, remoteId) => client.get('invoices', remoteId),
  toUnified: toInvoice,
  writes: invoiceWrites,
  mapping: invoiceMapping,
});
