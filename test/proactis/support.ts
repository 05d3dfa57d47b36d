/**
 * Support for the Proactis end-to-end tests: an app over a test store that may call the
 * simulator, helpers to connect, sync and list through the API, and what each unified record
 * must be, written out from the simulator's own record (as Proactis documents the fields), so a
 * test compares every mapped field with the system's data.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { recordId } from '../../src/core/ids.js';
import type { InvoiceRecord, ReceiptRecord, RequisitionRecord, SupplierRecord } from '../../src/sandbox/proactis/records.js';
import { startProactisSim, type ProactisSim, type ProactisSimOptions } from '../../src/sandbox/proactis/server.js';
import type { Store } from '../../src/store/index.js';
import { admin, appFor, bearer } from '../support/app.js';
import { createTestStore } from '../support/stores.js';

export type Json = Record<string, any>;

export interface Harness {
  sim: ProactisSim;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function harness(opts: ProactisSimOptions): Promise<Harness> {
  const sim = await startProactisSim(opts);
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store, { allowedOrigins: [new URL(sim.url).host] });
  return {
    sim,
    store,
    app,
    async close() {
      await app.close();
      await dispose();
      await sim.stop();
    },
  };
}

export const credentialsOf = (sim: ProactisSim) => ({ region: 'UK', domainId: sim.domainId, clientId: sim.clientId, clientSecret: sim.clientSecret, apiKey: sim.apiKey, instanceUrl: sim.url });

export async function connect(h: Harness, credentials: Json = credentialsOf(h.sim)): Promise<{ status: number; body: Json }> {
  const res = await h.app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'proactis', name: 'Proactis UK', credentials, sync: false } });
  return { status: res.statusCode, body: res.json() };
}

export async function sync(h: Harness, connectionId: string, full = false): Promise<Json> {
  const res = await h.app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full } });
  assert.equal(res.statusCode, 200, res.body);
  return Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
}

export async function listAll(h: Harness, token: string, path: string): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; body: string; json(): Json } = await h.app.inject({ url: `/v1/${path}?limit=200${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(token) });
    assert.equal(res.statusCode, 200, res.body);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

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
