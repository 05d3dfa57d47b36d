/**
 * The default field mapping of Proactis invoices (Invoice API), as data. Invoices are
 * created by an asynchronous import (see import-writes.ts).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { InvoiceLine, invoiceFields } from '../../../models/invoice.js';
import { invoiceStatusMap } from './invoice-status.js';

const fields: { [K in keyof typeof invoiceFields]: FieldSource } = {
  number: { path: 'invoiceNumber' },
  vendor: { paths: ['supplier.id', 'supplier.number', 'supplier.name'], logic: "The supplier: remoteId = supplier.id (a vendor's remote id), code = number, name." },
  purchaseOrder: { paths: ['orderReference.orderID'], logic: 'For an order-based invoice: remoteId and code = orderID; null for a standalone invoice.' },
  status: { paths: ['status'], logic: `${Object.entries(invoiceStatusMap).map(([k, v]) => `${k} → ${v}`).join('; ')}; any other value → unknown.` },
  remoteStatus: { path: 'status' },
  invoiceDate: { path: 'invoiceDate' },
  dueDate: { path: 'dueDate' },
  currency: { path: 'currency' },
  subtotal: { path: 'netAmount' },
  taxTotal: { path: 'taxAmount' },
  total: { path: 'grossAmount' },
  lines: { paths: ['lines'], logic: 'One line per element of lines (see the line fields).' },
};

const lines: { [K in Exclude<keyof InvoiceLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['lineNumber'], logic: "The invoice's Manifold id and the line number." },
  remoteId: { path: 'lineNumber' },
  lineNumber: { path: 'lineNumber' },
  itemCode: { path: 'supplierPartID' },
  description: { path: 'description' },
  quantity: { path: 'quantity' },
  unitOfMeasure: { path: 'unitOfMeasure' },
  unitPrice: { path: 'unitPrice' },
  taxAmount: { path: 'taxAmount' },
  lineTotal: { path: 'netAmount', note: 'The line amount before tax.' },
  purchaseOrderLine: { paths: ['orderLineNumber'], logic: "The order line invoiced: remoteId = its line number within the invoice's order." },
};

export const invoiceMapping: EntityMapping = { fields, lines, linesPath: 'lines' };
