/**
 * Unified create bodies → the cXML imports Proactis takes (../imports.ts). What Proactis needs and
 * the unified body does not carry comes from records Manifold holds for the connection: a
 * supplier's number from the vendor (synced), and a receipt's supplier and line prices from the
 * purchase order Proactis pushed by cXML (the cXML intake). Anything missing is refused before
 * the import is posted, naming the field.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { RecordRef, WriteContext } from '../../../kit/writes.js';
import type { ProactisClient } from '../client.js';
import type { InvoiceImport, ReceiptImport, RequisitionImport } from '../imports.js';
import { SupplierRaw } from '../raw.js';

type Body = Record<string, unknown>;

function refused(message: string, field: string): SystemFailure {
  return new SystemFailure('unsupported', { code: 'invalid_request', message, field, source: 'manifold' });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const ref = (v: unknown): RecordRef => (v && typeof v === 'object' ? (v as RecordRef) : {});
const lines = (body: Body): Body[] => (Array.isArray(body.lines) ? body.lines.map((l) => (l && typeof l === 'object' ? (l as Body) : {})) : []);

function need(value: string | undefined, field: string, what: string): string {
  if (value === undefined) throw refused(`Proactis needs ${what} (${field}).`, field);
  return value;
}

/** A line number Proactis knows: the referenced line's remote id (or code), a positive whole number. */
function lineNumberOf(r: RecordRef, field: string): number {
  const text = str(r.remoteId) ?? str(r.code);
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 1) throw refused(`${field} must name the order line by its line number (remoteId "1", "2", …).`, field);
  return n;
}

/** The supplier number Proactis names a supplier by: the reference's code, else the vendor Manifold holds, else Proactis' own record. */
export async function supplierNumber(client: ProactisClient, ctx: WriteContext, value: unknown, field: string): Promise<string> {
  const r = ref(value);
  const code = str(r.code) ?? str((await ctx.held?.('vendors', r))?.code);
  if (code) return code;
  if (str(r.remoteId)) {
    const supplier = SupplierRaw.safeParse(await client.get('suppliers', r.remoteId!)).data;
    if (supplier?.number) return supplier.number;
  }
  throw refused(`Proactis names a supplier by its number: give ${field}.code, or a vendor of this connection (${field}.id).`, field);
}

/** The calendar days from one date (YYYY-MM-DD) to another, for Proactis' payment term. */
function daysBetween(from: string, to: string, field: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (!Number.isInteger(days) || days < 0) throw refused('Proactis sets the due date as days after the invoice date: dueDate cannot be before invoiceDate.', field);
  return days;
}

export async function requisitionImport(client: ProactisClient, body: Body, ctx: WriteContext): Promise<RequisitionImport> {
  const currency = need(str(body.currency), 'currency', 'the currency of the prices');
  const requester = ref(body.requester) as RecordRef & { name?: unknown };
  return {
    title: need(str(body.description), 'description', 'a title'),
    requester: { name: need(str(requester.name), 'requester.name', "the requester's name") },
    ...(str(body.requiredDate) ? { requiredDate: str(body.requiredDate)! } : {}),
    lines: await Promise.all(
      lines(body).map(async (l, i) => ({
        lineNumber: typeof l.lineNumber === 'number' ? l.lineNumber : i + 1,
        supplierPartID: need(str(l.itemCode), `lines[${i}].itemCode`, 'a part code on every line'),
        description: need(str(l.description), `lines[${i}].description`, 'a description on every line'),
        quantity: need(str(l.quantity), `lines[${i}].quantity`, 'a quantity on every line'),
        unitOfMeasure: need(str(l.unitOfMeasure), `lines[${i}].unitOfMeasure`, 'a unit of measure on every line'),
        unitPrice: need(str(l.unitPrice), `lines[${i}].unitPrice`, 'a unit price on every line'),
        currency,
        ...(l.vendor ? { supplierNumber: await supplierNumber(client, ctx, l.vendor, `lines[${i}].vendor`) } : {}),
      })),
    ),
  };
}

export async function invoiceImport(client: ProactisClient, body: Body, ctx: WriteContext): Promise<InvoiceImport> {
  const currency = need(str(body.currency), 'currency', 'the currency of the invoice');
  const invoiceDate = need(str(body.invoiceDate), 'invoiceDate', 'the invoice date');
  const order = ref(body.purchaseOrder);
  const orderID = str(order.remoteId) ?? str(order.code);
  return {
    invoiceNumber: need(str(body.number), 'number', "the supplier's invoice number"),
    invoiceDate,
    supplierNumber: await supplierNumber(client, ctx, body.vendor, 'vendor'),
    ...(orderID ? { orderID } : {}),
    ...(str(body.dueDate) ? { payInDays: daysBetween(invoiceDate, str(body.dueDate)!, 'dueDate') } : {}),
    lines: lines(body).map((l, i) => ({
      lineNumber: typeof l.lineNumber === 'number' ? l.lineNumber : i + 1,
      ...(l.purchaseOrderLine ? { orderLineNumber: lineNumberOf(ref(l.purchaseOrderLine), `lines[${i}].purchaseOrderLine`) } : {}),
      ...(str(l.itemCode) ? { supplierPartID: str(l.itemCode)! } : {}),
      description: need(str(l.description), `lines[${i}].description`, 'a description on every line'),
      quantity: need(str(l.quantity), `lines[${i}].quantity`, 'a quantity on every line'),
      unitOfMeasure: need(str(l.unitOfMeasure), `lines[${i}].unitOfMeasure`, 'a unit of measure on every line'),
      unitPrice: need(str(l.unitPrice), `lines[${i}].unitPrice`, 'a unit price on every line'),
      netAmount: need(str(l.lineTotal), `lines[${i}].lineTotal`, 'the net amount of every line'),
      ...(str(l.taxAmount) ? { taxAmount: str(l.taxAmount)! } : {}),
      currency,
    })),
  };
}

interface HeldOrderLine { remoteId?: unknown; lineNumber?: unknown; itemCode?: unknown; vendorItemCode?: unknown; description?: unknown; unitOfMeasure?: unknown; unitPrice?: unknown }

/**
 * A receipt is against an order Proactis sent: the supplier, the part codes and the unit rates
 * Proactis' ReceiptRequest carries come from that order as Manifold received it.
 */
export async function receiptImport(body: Body, ctx: WriteContext): Promise<ReceiptImport> {
  const order = ref(body.purchaseOrder);
  const orderID = need(str(order.remoteId) ?? str(order.code), 'purchaseOrder', 'the purchase order the goods were received against');
  const held = await ctx.held?.('purchaseOrders', order.id ? order : { remoteId: orderID });
  if (!held) {
    throw refused(
      `Manifold holds no purchase order ${orderID} of this connection: Proactis needs the order's supplier and prices on a receipt, and Manifold knows them from the orders Proactis pushes by cXML (the connection's cXML intake).`,
      'purchaseOrder',
    );
  }
  const supplier = str(ref(held.vendor).code);
  const currency = str(held.currency);
  if (!supplier || !currency) throw refused(`Purchase order ${orderID} as Manifold holds it has no supplier code or currency, which Proactis needs on a receipt.`, 'purchaseOrder');
  const orderLines = (Array.isArray(held.lines) ? held.lines : []) as HeldOrderLine[];
  return {
    receiptID: need(str(body.number), 'number', 'a receipt number'),
    receiptDate: need(str(body.receivedAt), 'receivedAt', 'the date the goods were received'),
    orderID,
    supplierNumber: supplier,
    items: lines(body).map((l, i) => {
      const field = `lines[${i}].purchaseOrderLine`;
      const n = lineNumberOf(ref(l.purchaseOrderLine), field);
      const line = orderLines.find((o) => String(o.remoteId) === String(n) || o.lineNumber === n);
      if (!line) throw refused(`Purchase order ${orderID} has no line ${n}.`, field);
      const description = str(line.description);
      return {
        receiptLineNumber: i + 1,
        orderLineNumber: n,
        quantity: need(str(l.quantity), `lines[${i}].quantity`, 'the quantity received on every line'),
        unitOfMeasure: need(str(l.unitOfMeasure) ?? str(line.unitOfMeasure), `lines[${i}].unitOfMeasure`, 'a unit of measure on every line'),
        supplierPartID: need(str(l.itemCode) ?? str(line.vendorItemCode) ?? str(line.itemCode), `lines[${i}].itemCode`, "the supplier's part code on every line"),
        ...(description ? { description } : {}),
        unitPrice: need(str(line.unitPrice), field, `the unit price of order line ${n}`),
        currency,
      };
    }),
  };
}
