/**
 * Invoices: P2P purchase invoices, imported through ImportDocument (purchaseInvoiceGateway.md).
 * An invoice for an order is matched item by item against it (each line names the order item's
 * position); one without an order is only registered. P2P answers Status OK (imported and
 * matched), REGISTERED (imported, to be matched by hand) or FAILED (refused: 422 with its words).
 */
import { z } from 'zod';
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { EntityMapping } from '../../../kit/mapping.js';
import type { AcknowledgedWrites } from '../../../kit/writes.js';
import { refused } from '../failures.js';
import type { GatewayClient } from '../gateway.js';
import { InvoiceRaw } from '../raw.js';
import { el, type Json } from '../xml.js';
import { orderNumberOf } from './goods-receipts.js';
import { NO_READ } from './read-notes.js';

const dec = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');
const Ref = z.looseObject({ id: z.string().nullable().optional(), remoteId: z.string().nullable().optional(), code: z.string().nullable().optional() });
const InvoiceInput = z.looseObject({
  number: z.string().min(1),
  invoiceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  vendor: Ref.nullable().optional(),
  purchaseOrder: Ref.nullable().optional(),
  total: dec,
  taxTotal: dec.nullable().optional(),
  lines: z.array(z.looseObject({ lineNumber: z.number().int().positive().nullable().optional(), purchaseOrderLine: Ref.nullable().optional(), quantity: dec.nullable().optional(), unitPrice: dec.nullable().optional(), lineTotal: dec.nullable().optional() })).optional(),
});

/** "The position is used to specify the item on the purchase order": the order line's number. */
function positionOf(line: { lineNumber?: number | null; purchaseOrderLine?: z.infer<typeof Ref> | null }, i: number): string {
  const fromRef = line.purchaseOrderLine?.remoteId ?? line.purchaseOrderLine?.code;
  const position = fromRef && /^\d+$/.test(fromRef) ? fromRef : line.lineNumber ? String(line.lineNumber) : undefined;
  if (!position) throw refused('invalid_request', `lines[${i}] must name the order line it invoices: purchaseOrderLine (its line number as remoteId) or lineNumber.`, `lines[${i}].purchaseOrderLine`);
  return position;
}

function invoiceXml(input: Record<string, unknown>, taxCode: string): string {
  const parsed = InvoiceInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('invalid_request', `Not a valid invoice: ${issue?.path.join('.')} ${issue?.message}`, issue?.path.join('.'));
  }
  const inv = parsed.data;
  const order = orderNumberOf(inv.purchaseOrder);
  const supplier = inv.vendor?.code || inv.vendor?.remoteId || undefined;
  if (!order && !supplier) throw refused('invalid_request', 'An invoice needs its purchaseOrder (to be matched) or, without one, its vendor (it is then only registered).', 'purchaseOrder');
  if (order && !inv.lines?.length) throw refused('invalid_request', 'An invoice for an order needs lines: P2P matches the invoice item by item.', 'lines');
  const items = (inv.lines ?? []).map((l, i) => {
    const amounts = l.quantity && l.unitPrice ? { Price: l.unitPrice, Quantity: l.quantity } : l.lineTotal ? { Value: l.lineTotal } : undefined;
    // "Depending on the type of item, either the Price plus Quantity should be provided or the Value."
    if (!amounts) throw refused('invalid_request', `lines[${i}] needs quantity and unitPrice, or lineTotal.`, `lines[${i}]`);
    return el('Item', { Position: positionOf(l, i), ...amounts });
  });
  return el('Invoice', { InvoiceDate: inv.invoiceDate, SupplierInvoiceNumber: inv.number, GrossValue: inv.total, Supplier: supplier }, [
    ...(order ? [el('ParentOrders', {}, [el('ParentOrder', { OrderNumber: order }, items)])] : []),
    // "If the TaxValue is missing, then it will be automatically calculated."
    el('TaxDetails', {}, [el('Tax', { Code: taxCode, GrossValue: inv.total, TaxValue: inv.taxTotal ?? undefined })]),
  ]);
}

/** Exact decimal subtraction (amounts keep their scale; never floats). */
function minus(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const int = (s: string) => BigInt(s.replace('.', '') + '0'.repeat(scale - (s.split('.')[1]?.length ?? 0)));
  const d = int(a) - int(b);
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
}

function toInvoice(raw: InvoiceRaw, ctx: MapContext): Record<string, unknown> {
  const parents = raw.ParentOrders?.ParentOrder ?? [];
  const order = parents.length === 1 ? parents[0]!.OrderNumber : undefined;
  const taxes = (raw.TaxDetails?.Tax ?? []).map((t) => t.TaxValue);
  const taxTotal = taxes.length === 1 && taxes[0] !== undefined ? taxes[0] : null;
  return {
    number: raw.SupplierInvoiceNumber ?? null,
    vendor: raw.Supplier ? { id: ctx.refId('vendors', raw.Supplier), remoteId: raw.Supplier, name: null, code: raw.Supplier } : null,
    purchaseOrder: order ? { id: ctx.refId('purchaseOrders', order), remoteId: order, name: null, code: order } : null,
    // OK: imported and matched, on its way to approval; REGISTERED: to be matched by hand in P2P first.
    status: raw.Status === 'OK' ? 'submitted' : raw.Status === 'REGISTERED' ? 'draft' : 'unknown',
    remoteStatus: raw.Status ?? null,
    invoiceDate: raw.InvoiceDate ?? null,
    dueDate: null,
    currency: null,
    subtotal: raw.GrossValue && taxTotal ? minus(raw.GrossValue, taxTotal) : null,
    taxTotal,
    total: raw.GrossValue ?? null,
    lines: parents.flatMap((p) =>
      (p.Item ?? []).map((item, i) => ({
        id: null, remoteId: null, lineNumber: i + 1, itemCode: null, description: null,
        quantity: item.Quantity ?? null, unitOfMeasure: null, unitPrice: item.Price ?? null, taxAmount: null,
        lineTotal: item.Value ?? null,
        purchaseOrderLine: item.Position ? { id: null, remoteId: item.Position, name: null, code: null } : null,
        customFields: {},
      })),
    ),
  };
}

const pickInvoice = (answer: Json) => (answer.Invoice as Json[] | undefined)?.[0];

const writes: AcknowledgedWrites<GatewayClient> = {
  capabilities: {
    create: {
      requiredFields: ['number', 'invoiceDate', 'total', 'purchaseOrder|vendor'],
      writableFields: ['number', 'invoiceDate', 'vendor', 'purchaseOrder', 'total', 'taxTotal', 'lines', 'lines[].lineNumber', 'lines[].purchaseOrderLine', 'lines[].quantity', 'lines[].unitPrice', 'lines[].lineTotal'],
      notes:
        'Imported as a P2P purchase invoice. With purchaseOrder (its number as code or remoteId) each line is matched to the order item at the position its purchaseOrderLine names (the order line number as remoteId; else lineNumber), by quantity and unitPrice or by lineTotal; items not on the order are not supported. Without an order the invoice is only registered (status draft, remoteStatus REGISTERED), as it is when P2P cannot match an item. vendor (its supplier code as code or remoteId) is sent when given; without it P2P takes the order\'s supplier and its answer names none (vendor null). The number must be unique for the supplier. The tax line uses the tax code set on the connection; the currency is the order\'s or supplier\'s.',
    },
    concurrency: 'none',
    concurrencyNotes: 'Invoices cannot be changed through the gateway.',
  },
  async create(client, input) {
    const node = await client.importOne(invoiceXml(input, client.creds.invoiceTaxCode), pickInvoice, 'invoice');
    const record = InvoiceRaw.parse(node);
    return { remoteId: record.DocumentNumber, record };
  },
};

const fields: EntityMapping['fields'] = {
  number: { path: 'SupplierInvoiceNumber' },
  vendor: { path: 'Supplier', note: 'The supplier code (given, or the parent order\'s).' },
  purchaseOrder: { path: 'ParentOrders.ParentOrder[].OrderNumber', note: 'When the invoice has one parent order.' },
  status: { paths: ['Status'], logic: 'OK → submitted; REGISTERED → draft (P2P must match it by hand).' },
  remoteStatus: { path: 'Status' },
  invoiceDate: { path: 'InvoiceDate' },
  dueDate: { none: 'The invoice import has no due date (P2P computes it from the supplier\'s terms).' },
  currency: { none: 'The invoice import names no currency: it is the order\'s or supplier\'s.' },
  subtotal: { paths: ['GrossValue', 'TaxDetails.Tax[].TaxValue'], logic: 'GrossValue less the tax value, when there is one tax line with a value.' },
  taxTotal: { path: 'TaxDetails.Tax[].TaxValue', note: 'When there is one tax line; absent values are calculated by P2P and not returned.' },
  total: { path: 'GrossValue' },
  lines: { paths: ['ParentOrders.ParentOrder[].Item[].Position', 'ParentOrders.ParentOrder[].Item[].Quantity', 'ParentOrders.ParentOrder[].Item[].Price', 'ParentOrders.ParentOrder[].Item[].Value'], logic: 'One line per order item invoiced: purchaseOrderLine.remoteId Position, quantity Quantity, unitPrice Price, lineTotal Value.' },
};

export const invoices = defineResource<GatewayClient, InvoiceRaw>({
  entity: 'invoices',
  raw: InvoiceRaw,
  readNotes: NO_READ,
  remoteId: (raw) => raw.DocumentNumber,
  times: () => ({ createdAt: null, updatedAt: null }),
  toUnified: toInvoice,
  writes,
  mapping: { fields },
});
