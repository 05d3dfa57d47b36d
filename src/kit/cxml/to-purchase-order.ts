/**
 * A checked cXML OrderRequest → the unified PurchaseOrder. Pure and total. What the unified model
 * has no field for stays: Extrinsics, classifications, accounting distributions, the cXML control
 * data (payloadID, type, orderVersion, identities) in customFields; the whole document (secrets
 * stripped) in remoteData. Mapping rules: protocols §12.2 ("Mapping to a unified PO").
 */
import type { Address, Reference } from '../../models/common.js';
import type { PurchaseOrderLine } from '../../models/purchase-order.js';
import { multiply, sum } from './decimal.js';
import type { CxmlAddress, CxmlCredential, CxmlItem, CxmlOrderRequest, CxmlPaymentTerm } from './types.js';

export interface MappedOrder {
  /** The unified fields (without the record envelope), ready to validate and store. */
  fields: Record<string, unknown> & { status: string; lines: PurchaseOrderLine[] };
  customFields: Record<string, unknown>;
  /** When the order was placed (orderDate as an instant), where its zone makes that exact. */
  createdAt: string | null;
}

export interface MapOptions {
  /** Manifold's id of the order's record: each line's id is `<recordId>:<lineNumber>`. */
  recordId: string;
  /** The vendor record the To identity resolved to in this connection, if any. */
  vendor?: Reference | null;
}

export function toPurchaseOrder(req: CxmlOrderRequest, opts: MapOptions): MappedOrder {
  const h = req.header;
  const cancelled = h.type === 'delete';
  const lines = req.items.map((item) => toLine(item, opts.recordId, cancelled));
  const supplier = req.to[0];
  const buyer = h.contacts.find((c) => c.role !== null && /^(buyer|purchasingagent)$/i.test(c.role) && c.name !== null);
  const organisation = req.from[0];
  return {
    fields: {
      number: h.orderID,
      status: cancelled ? 'cancelled' : 'ordered',
      remoteStatus: h.type,
      vendor: opts.vendor ?? (supplier ? { id: null, remoteId: supplier.identity, name: null, code: supplier.identity } : null),
      buyer: buyer ? { id: null, remoteId: null, name: buyer.name, code: null } : null,
      site: organisation ? { id: null, remoteId: organisation.identity, name: null, code: organisation.identity } : null,
      orderDate: datePart(h.orderDate),
      requiredDate: h.requestedDeliveryDate === null ? null : datePart(h.requestedDeliveryDate),
      deliveryDate: null,
      currency: h.total.currency,
      paymentTerms: paymentTermsText(h.paymentTerms),
      shippingMethod: h.shippingMethod,
      shipTo: toAddress(h.shipTo),
      billTo: toAddress(h.billTo),
      subtotal: sum(lines.map((l) => l.lineTotal ?? '0')),
      taxTotal: h.tax?.amount ?? null,
      total: h.total.amount,
      description: null,
      notes: h.comments,
      approvedAt: null,
      lines,
    },
    customFields: { extrinsics: h.extrinsics, cxml: controlData(req) },
    createdAt: instantOf(h.orderDate),
  };
}

/** The cXML control data of the document an order was last written from. */
export function controlData(req: CxmlOrderRequest): Record<string, unknown> {
  const h = req.header;
  const ids = (list: CxmlCredential[]) => list.map((c) => ({ domain: c.domain, identity: c.identity }));
  return {
    payloadID: req.payloadID,
    timestamp: req.timestamp,
    type: h.type,
    orderType: h.orderType,
    orderVersion: h.orderVersion,
    documentReference: h.documentReference,
    deploymentMode: req.deploymentMode,
    from: ids(req.from),
    to: ids(req.to),
    sender: ids(req.sender),
    userAgent: req.userAgent,
  };
}

/**
 * A stored order, cancelled by a type="delete" document: everything it had stays (a cancel
 * often carries less than the order), its status and its lines' become cancelled.
 */
export function cancelledOrder(stored: Record<string, unknown>, storedCustomFields: Record<string, unknown>, req: CxmlOrderRequest): Pick<MappedOrder, 'fields' | 'customFields'> {
  const lines = (Array.isArray(stored.lines) ? stored.lines : []) as PurchaseOrderLine[];
  return {
    fields: { ...stored, status: 'cancelled', remoteStatus: 'delete', lines: lines.map((l) => ({ ...l, status: 'cancelled' as const })) },
    customFields: { ...storedCustomFields, cxml: controlData(req) },
  };
}

function toLine(item: CxmlItem, recordId: string, cancelled: boolean): PurchaseOrderLine {
  const first = item.distributions[0];
  const segment = first?.segments[0];
  return {
    id: `${recordId}:${item.lineNumber}`,
    remoteId: String(item.lineNumber),
    lineNumber: item.lineNumber,
    item: item.buyerPartID ? { id: null, remoteId: item.buyerPartID, name: item.description, code: item.buyerPartID } : null,
    itemCode: item.buyerPartID,
    vendorItemCode: item.supplierPartID,
    description: item.description,
    quantity: item.quantity,
    unitOfMeasure: item.unitOfMeasure,
    unitPrice: item.unitPrice.amount,
    discount: null,
    taxAmount: item.tax?.amount ?? null,
    lineTotal: multiply(item.quantity, item.unitPrice.amount),
    requiredDate: item.requestedDeliveryDate === null ? null : datePart(item.requestedDeliveryDate),
    deliveryDate: null,
    quantityReceived: null,
    quantityInvoiced: null,
    status: cancelled ? 'cancelled' : 'open',
    account: segment ? { id: null, remoteId: segment.id, name: segment.name, code: segment.id } : null,
    asset: null,
    workOrder: null,
    customFields: {
      supplierPartAuxiliaryID: item.supplierPartAuxiliaryID,
      classifications: item.classifications,
      manufacturerPartID: item.manufacturerPartID,
      manufacturerName: item.manufacturerName,
      requisitionID: item.requisitionID,
      shipTo: toAddress(item.shipTo),
      comments: item.comments,
      extrinsics: item.extrinsics,
      distribution: item.distributions.map((d) => ({ accounting: d.accounting, segments: d.segments, charge: d.charge })),
    },
  };
}

/**
 * cXML PostalAddress → Address: DeliverTo (the attention lines) then Street, as a label prints
 * them, in line1–line3 (more than three: the rest joined into line3); the ISO country code.
 */
export function toAddress(a: CxmlAddress | null): Address | null {
  if (!a) return null;
  const lines = [...a.deliverTo, ...a.street];
  return {
    name: a.name || null,
    line1: lines[0] ?? null,
    line2: lines[1] ?? null,
    line3: lines.length > 2 ? lines.slice(2).join(', ') : null,
    city: a.city,
    region: a.state,
    postalCode: a.postalCode,
    country: a.isoCountryCode ?? a.country,
    raw: null,
  };
}

/** "Net 30", or "2% 10 days, Net 30" with an early-payment discount; null without terms. */
function paymentTermsText(terms: CxmlPaymentTerm[]): string | null {
  const parts = terms
    .filter((t) => t.payInNumberOfDays !== null)
    .map((t) => (t.discountPercent ? `${t.discountPercent}% ${t.payInNumberOfDays} days` : `Net ${t.payInNumberOfDays}`));
  return parts.length ? parts.join(', ') : null;
}

/** The calendar date as the sender wrote it (its own zone): what a person reads on the order. */
function datePart(value: string): string {
  return value.slice(0, 10);
}

/** An instant in UTC, for a date-time with a zone or a plain date; null when the zone is unknown. */
export function instantOf(value: string): string | null {
  const exact = /^\d{4}-\d{2}-\d{2}$/.test(value) || /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  if (!exact) return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
