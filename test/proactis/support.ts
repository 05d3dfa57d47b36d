/**
 * Support for the Proactis end-to-end tests: an app over a test store that may call the
 * simulator, helpers to connect, sync and list through the API, and what each unified record
 * must be, written out from the simulator's own record (as Proactis documents the fields), so a
 * test compares every mapped field with the system's data.
 */
import { recordId } from '../../src/core/ids.js';
import type { InvoiceRecord, ReceiptRecord, RequisitionRecord, SupplierRecord } from '../../src/sandbox/proactis/records.js';
import { startProactisSim, type ProactisSim, type ProactisSimOptions } from '../../src/sandbox/proactis/server.js';
import { admin } from '../support/app.js';
import { listAll as listPages, runSync, simApp, type Json, type SimApp } from '../support/api.js';

export type { Json };

export type Harness = SimApp<ProactisSim>;

export async function harness(opts: ProactisSimOptions): Promise<Harness> {
  return simApp(await startProactisSim(opts));
}

export const credentialsOf = (sim: ProactisSim) => ({ region: 'UK', domainId: sim.domainId, clientId: sim.clientId, clientSecret: sim.clientSecret, apiKey: sim.apiKey, instanceUrl: sim.url });

/** Answers whatever the API answers (the tests check refusals too). */
export async function connect(h: Harness, credentials: Json = credentialsOf(h.sim)): Promise<{ status: number; body: Json }> {
  const res = await h.app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'proactis', name: 'Proactis UK', credentials, sync: false } });
  return { status: res.statusCode, body: res.json() };
}

export const sync = (h: Harness, connectionId: string, full = false): Promise<Json> => runSync(h.app, connectionId, full);

export const listAll = (h: Harness, token: string, path: string): Promise<Json[]> => listPages(h.app, token, path);

// --- what each record must be, from the simulator's record --------------------------------------

const amount = (n: number | undefined) => (n === undefined ? null : String(n));
const instant = (s: string | undefined) => (s ? new Date(s).toISOString() : null);
const orNull = <T>(v: T | undefined) => (v === undefined ? null : v);

export function expectedVendor(s: SupplierRecord): Json {
  return {
    remoteId: s.id,
    updatedAt: instant(s.lastModified),
    code: s.number,
    name: s.name,
    status: s.online ? 'active' : 'inactive',
    remoteStatus: null,
    taxId: orNull(s.vatNumber),
    email: orNull(s.email),
    phone: orNull(s.phone),
    website: orNull(s.website),
    address: s.address ? { name: null, line1: s.address.street, line2: null, line3: null, city: s.address.city, region: orNull(s.address.state), postalCode: s.address.postalCode, country: s.address.country, raw: null } : null,
    currency: orNull(s.currency),
    paymentTerms: orNull(s.paymentTerms),
    contacts: (s.contacts ?? []).map((c) => ({ id: null, remoteId: null, name: c.name, email: orNull(c.email), phone: orNull(c.phone), role: orNull(c.role) })),
  };
}

const vendorRef = (connectionId: string, p: { id: string; number: string; name: string }) => ({ id: recordId('ven', connectionId, 'vendors', p.id), remoteId: p.id, name: p.name, code: p.number });
const orderRef = (connectionId: string, orderID: string) => ({ id: recordId('po', connectionId, 'purchaseOrders', orderID), remoteId: orderID, name: null, code: orderID });

const REQUISITION: Record<string, string> = { DRAFT: 'draft', FORAPPROVAL: 'pending_approval', APPROVED: 'approved', REJECTED: 'rejected', ORDERED: 'ordered', CANCELLED: 'cancelled' };

export function expectedRequisition(connectionId: string, r: RequisitionRecord): Json {
  const id = recordId('req', connectionId, 'purchaseRequisitions', r.id);
  return {
    remoteId: r.id,
    createdAt: instant(r.createdDate),
    updatedAt: instant(r.lastModified),
    number: r.requisitionNumber,
    status: REQUISITION[r.status],
    remoteStatus: r.status,
    requester: { id: null, remoteId: r.requester.id, name: r.requester.name, code: null },
    requiredDate: orNull(r.requiredDate),
    currency: r.currency,
    total: amount(r.totalAmount),
    description: r.title,
    lines: r.lines.map((l) => ({
      id: `${id}:${l.lineNumber}`, remoteId: String(l.lineNumber), lineNumber: l.lineNumber, itemCode: l.supplierPartID, description: l.description, quantity: amount(l.quantity),
      unitOfMeasure: l.unitOfMeasure, unitPrice: amount(l.unitPrice), vendor: l.supplier ? vendorRef(connectionId, l.supplier) : null, purchaseOrder: l.orderID ? orderRef(connectionId, l.orderID) : null, customFields: {},
    })),
  };
}

export function expectedReceipt(connectionId: string, r: ReceiptRecord): Json {
  const id = recordId('gr', connectionId, 'goodsReceipts', r.id);
  return {
    remoteId: r.id,
    createdAt: null,
    updatedAt: instant(r.lastModified),
    number: r.receiptID,
    purchaseOrder: orderRef(connectionId, r.orderReference.orderID),
    receivedAt: instant(r.receiptDate),
    receivedBy: r.receivedBy ? { id: null, remoteId: r.receivedBy.id, name: r.receivedBy.name, code: null } : null,
    lines: r.items.map((i) => ({ id: `${id}:${i.receiptLineNumber}`, remoteId: String(i.receiptLineNumber), purchaseOrderLine: { id: null, remoteId: String(i.lineNumber), name: null, code: null }, itemCode: i.supplierPartID, quantity: amount(i.quantity), unitOfMeasure: i.unitOfMeasure, customFields: {} })),
  };
}

/** The published invoice statuses, each with the unified status it means. */
export const INVOICE: Record<string, string> = { CONCEPT: 'draft', FORVALIDATION: 'submitted', FOREVALUATION: 'submitted', FORAPPROVAL: 'submitted', EXCEPTION: 'disputed', ONHOLD: 'disputed', PROCESSED: 'approved', SENT: 'approved', CLEARED: 'paid', REJECTED: 'cancelled', DELETED: 'cancelled', ARCHIVED: 'unknown' };

export function expectedInvoice(connectionId: string, i: InvoiceRecord): Json {
  const id = recordId('inv', connectionId, 'invoices', i.id);
  const orderID = i.orderReference?.orderID;
  return {
    remoteId: i.id,
    createdAt: instant(i.createdDate),
    updatedAt: instant(i.lastModified),
    number: i.invoiceNumber,
    vendor: vendorRef(connectionId, i.supplier),
    purchaseOrder: orderID ? orderRef(connectionId, orderID) : null,
    status: INVOICE[i.status],
    remoteStatus: i.status,
    invoiceDate: i.invoiceDate,
    dueDate: orNull(i.dueDate),
    currency: i.currency,
    subtotal: amount(i.netAmount),
    taxTotal: amount(i.taxAmount),
    total: amount(i.grossAmount),
    lines: i.lines.map((l) => ({
      id: `${id}:${l.lineNumber}`, remoteId: String(l.lineNumber), lineNumber: l.lineNumber, itemCode: orNull(l.supplierPartID), description: l.description, quantity: amount(l.quantity), unitOfMeasure: l.unitOfMeasure,
      unitPrice: amount(l.unitPrice), taxAmount: amount(l.taxAmount), lineTotal: amount(l.netAmount), purchaseOrderLine: orderID && l.orderLineNumber !== undefined ? { id: null, remoteId: String(l.orderLineNumber), name: null, code: null } : null, customFields: {},
    })),
  };
}

/** The record's fields that `expected` names (the envelope's id, version and remoteData aside). */
export function pick(record: Json, expected: Json): Json {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, record[k]]));
}
