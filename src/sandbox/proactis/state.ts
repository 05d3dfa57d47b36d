/**
 * The simulator's organisation: its records and the business rules of changing them.
 *
 * - Supplier changes (master data) apply at once: create needs a new supplier number and a name;
 *   update and delete find the supplier by its system id or number; a supplier that documents
 *   still name cannot be deleted [unverified: the docs state no delete rule; this is the usual one].
 * - Transactional imports (requisitions, receipts, invoices) are asynchronous (docs.proactis.com
 *   "Create transactions"; protocols-cmms-s2p.md §11.2): the POST is only accepted; the document
 *   is processed after `processingDelayMs` or on `process()`, and a business error then lands in
 *   `failedImports` — Proactis shows it in a widget of its UI, never to the caller.
 */
import { randomBytes } from 'node:crypto';
import { Problem } from './answers.js';
import type { ImportedInvoice, ImportedReceipt, ImportedRequisition, SupplierChange } from './documents.js';
import { money, stamp, type Collection, type InvoiceRecord, type PartyRef, type ProactisData, type ReceiptRecord, type RequisitionRecord, type SupplierRecord } from './records.js';

export type PendingImport =
  | { kind: 'requisitions'; doc: ImportedRequisition }
  | { kind: 'receipts'; doc: ImportedReceipt }
  | { kind: 'invoices'; doc: ImportedInvoice };

const DAY = 86_400_000;

export class Organisation {
  private readonly queue: { due: number; item: PendingImport; payloadID: string }[] = [];
  /** Imports Proactis accepted and then could not process (what its UI widget would show). */
  readonly failedImports: { kind: Collection; payloadID: string; message: string }[] = [];
  private nextRequisition = 900000;

  constructor(
    readonly data: ProactisData,
    private readonly now: () => number,
    private readonly offset: string,
    private readonly processingDelayMs: number | null,
  ) {}

  stampNow(): string {
    return stamp(this.now(), this.offset);
  }

  newId(): string {
    return randomBytes(12).toString('hex');
  }

  /** Applies changes to a record and stamps its lastModified (as any change in Proactis does). */
  touch<C extends Collection>(collection: C, id: string, changes: Partial<ProactisData[C][number]> = {}): ProactisData[C][number] {
    const record = (this.data[collection] as { id: string }[]).find((r) => r.id === id) as ProactisData[C][number] | undefined;
    if (!record) throw new Error(`no ${collection} record ${id}`);
    Object.assign(record, changes, { lastModified: this.stampNow() });
    return record;
  }

  remove(collection: Collection, id: string): boolean {
    const list = this.data[collection] as { id: string }[];
    const at = list.findIndex((r) => r.id === id);
    if (at >= 0) list.splice(at, 1);
    return at >= 0;
  }

  private supplierByNumber(number: string): SupplierRecord | undefined {
    return this.data.suppliers.find((s) => s.number === number);
  }

  private ref(s: SupplierRecord): PartyRef {
    return { id: s.id, number: s.number, name: s.name };
  }

  applySupplierChange(change: SupplierChange): SupplierRecord {
    if (change.type === 'create') {
      const number = change.values.number;
      const name = change.values.name;
      if (!number) throw new Problem(400, 'A new supplier needs its number (Credential domain="SupplierID")');
      if (!name) throw new Problem(400, 'A new supplier needs a Name');
      if (this.supplierByNumber(number)) throw new Problem(400, `SUPPLIER with number "${number}" already exists`);
      const record: SupplierRecord = { id: this.newId(), number, name, online: change.values.online ?? true, lastModified: this.stampNow() };
      const { number: _n, name: _m, online: _o, ...details } = change.values;
      Object.assign(record, details);
      this.data.suppliers.push(record);
      return record;
    }
    const key = change.systemId ?? change.number;
    const existing = change.systemId ? this.data.suppliers.find((s) => s.id === change.systemId) : change.number ? this.supplierByNumber(change.number) : undefined;
    if (!key) throw new Problem(400, 'Name the supplier to change: Credential domain="SystemID" or "SupplierID"');
    if (!existing) throw new Problem(404, `SUPPLIER with ID "${key}" not found`);
    if (change.type === 'delete') {
      const users = [...this.data.requisitions.flatMap((r) => r.lines.map((l) => l.supplier?.id)), ...this.data.receipts.map((r) => r.supplier.id), ...this.data.invoices.map((i) => i.supplier.id)];
      if (users.includes(existing.id)) throw new Problem(400, `SUPPLIER "${existing.number}" is used by documents and cannot be deleted; set it offline instead`);
      this.remove('suppliers', existing.id);
      return existing;
    }
    if (change.values.number && change.values.number !== existing.number && this.supplierByNumber(change.values.number)) {
      throw new Problem(400, `SUPPLIER with number "${change.values.number}" already exists`);
    }
    return this.touch('suppliers', existing.id, change.values);
  }

  /** Accepts an import: it is processed later (or by `process()` when no delay is set). */
  enqueue(item: PendingImport, payloadID: string): void {
    this.queue.push({ due: this.processingDelayMs === null ? Infinity : this.now() + this.processingDelayMs, item, payloadID });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Processes the imports that are due (all of them with `all`); answers how many were processed. */
  process(all = false): number {
    const now = this.now();
    const due = this.queue.filter((q) => all || q.due <= now);
    for (const q of due) {
      this.queue.splice(this.queue.indexOf(q), 1);
      try {
        this.apply(q.item);
      } catch (err) {
        this.failedImports.push({ kind: q.item.kind, payloadID: q.payloadID, message: err instanceof Error ? err.message : String(err) });
      }
    }
    return due.length;
  }

  private supplierOrFail(number: string): SupplierRecord {
    const s = this.supplierByNumber(number);
    if (!s) throw new Error(`Supplier ${number} does not exist`);
    return s;
  }

  private apply(item: PendingImport): void {
    const at = this.stampNow();
    if (item.kind === 'receipts') {
      const d = item.doc;
      if (this.data.receipts.some((r) => r.receiptID === d.receiptID)) throw new Error(`Receipt ${d.receiptID} already exists`);
      const { supplierNumber, orderID, ...rest } = d;
      const record: ReceiptRecord = { id: this.newId(), ...rest, orderReference: { orderID }, supplier: this.ref(this.supplierOrFail(supplierNumber)), lastModified: at };
      this.data.receipts.push(record);
    } else if (item.kind === 'invoices') {
      const d = item.doc;
      const supplier = this.supplierOrFail(d.supplierNumber);
      if (this.data.invoices.some((i) => i.supplier.id === supplier.id && i.invoiceNumber === d.invoiceNumber)) throw new Error(`Invoice ${d.invoiceNumber} of ${supplier.number} already exists`);
      const net = d.lines.reduce((s, l) => s + Math.round(l.netAmount * 100), 0);
      const tax = d.lines.reduce((s, l) => s + Math.round(l.taxAmount * 100), 0);
      const record: InvoiceRecord = {
        id: this.newId(),
        invoiceNumber: d.invoiceNumber,
        // [unverified] An imported invoice starts in validation.
        status: 'FORVALIDATION',
        supplier: this.ref(supplier),
        ...(d.orderID ? { orderReference: { orderID: d.orderID } } : {}),
        invoiceDate: d.invoiceDate,
        ...(d.dueInDays !== undefined ? { dueDate: new Date(Date.parse(`${d.invoiceDate}T00:00:00Z`) + d.dueInDays * DAY).toISOString().slice(0, 10) } : {}),
        currency: d.currency,
        netAmount: money(net),
        taxAmount: money(tax),
        grossAmount: money(net + tax),
        createdDate: at,
        lastModified: at,
        lines: d.lines,
      };
      this.data.invoices.push(record);
    } else {
      const d = item.doc;
      const lines = d.lines.map(({ supplierNumber, ...line }) => ({ ...line, ...(supplierNumber ? { supplier: this.ref(this.supplierOrFail(supplierNumber)) } : {}) }));
      const record: RequisitionRecord = {
        id: this.newId(),
        requisitionNumber: `REQ${(this.nextRequisition += 1)}`,
        // [unverified] An imported requisition goes to approval.
        status: 'FORAPPROVAL',
        title: d.title,
        requester: { id: `EXT-${d.requester.name.replace(/\W+/g, '').toUpperCase()}`, ...d.requester },
        ...(d.requiredDate ? { requiredDate: d.requiredDate } : {}),
        currency: d.currency,
        totalAmount: money(lines.reduce((s, l) => s + Math.round(l.unitPrice * 100) * l.quantity, 0)),
        createdDate: at,
        lastModified: at,
        lines,
      };
      this.data.requisitions.push(record);
    }
  }
}
