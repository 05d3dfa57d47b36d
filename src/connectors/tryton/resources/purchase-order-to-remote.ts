/**
 * Unified purchase-order fields → Tryton values (purchase.purchase, purchase.line). Pure: the
 * lookups (party, products, units, currency, payment term) happen in purchase-order-resolve.ts
 * and come in as ids. A key absent from the input is left alone; `null` clears the field.
 * ../mapping.md lists every field.
 */
import { z } from 'zod';
import { SystemFailure } from '../../../kit/failure.js';
import { encodeDate, encodeDecimal, normaliseDecimal } from '../codec.js';
import type { PurchaseLineRaw } from '../raw.js';

/** What a write needs of a line as last read. */
export type LineState = Pick<PurchaseLineRaw, 'id' | 'type' | 'sequence' | 'product' | 'unit' | 'quantity' | 'unit_price' | 'description' | 'delivery_date' | '_timestamp'>;

const text = z.string().nullable().optional();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string').nullable().optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullable().optional();

export const RefInput = z.looseObject({ id: text, remoteId: text, name: text, code: text });
export type RefInput = z.infer<typeof RefInput>;

/** The line fields a write honours; `id`/`remoteId` only say which existing line is meant. */
export const LINE_WRITABLE = ['item', 'itemCode', 'description', 'quantity', 'unitOfMeasure', 'unitPrice', 'deliveryDate'] as const;
export const LineInput = z.strictObject({
  id: text,
  remoteId: text,
  item: RefInput.nullable().optional(),
  itemCode: text,
  description: text,
  quantity: decimal,
  unitOfMeasure: text,
  unitPrice: decimal,
  deliveryDate: day,
});
export type LineInput = z.infer<typeof LineInput>;

/** The header fields a create honours (`status` only as "draft", what a create makes anyway). */
export const CREATE_HEADER = ['vendor', 'currency', 'paymentTerms', 'orderDate', 'deliveryDate', 'description', 'notes', 'lines'] as const;
/** The header fields an update honours (vendor and currency are not among them: see capabilities). */
export const UPDATE_HEADER = ['paymentTerms', 'orderDate', 'deliveryDate', 'description', 'notes', 'lines'] as const;
/** What Tryton's own client leaves editable on a quotation (PYSON `states` of purchase.purchase). */
export const QUOTATION_EDITABLE: readonly string[] = ['paymentTerms', 'orderDate', 'deliveryDate', 'notes'];

export const OrderInput = z.looseObject({
  vendor: RefInput.nullable().optional(),
  currency: text,
  paymentTerms: text,
  orderDate: day,
  deliveryDate: day,
  description: text,
  notes: text,
  lines: z.array(z.unknown()).optional(),
  status: z.string().optional(),
});
export type OrderInput = z.infer<typeof OrderInput>;

/** A write Manifold refuses itself, before (or instead of) calling Tryton. */
export function refused(code: 'field_not_updatable' | 'invalid_request' | 'record_locked', message: string, field?: string): SystemFailure {
  return new SystemFailure('unsupported', { code, message, field, source: 'manifold' });
}

/** Parses the unified input; a field this connector does not write is refused, never dropped. */
export function parseOrder(input: Record<string, unknown>, allowed: readonly string[]): { order: OrderInput; lines: LineInput[] | undefined } {
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || allowed.includes(key)) continue;
    throw refused('field_not_updatable', `Manifold cannot write "${key}" to a Tryton purchase order.`, key);
  }
  const parsed = OrderInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('invalid_request', `Not a valid purchase order: ${issue?.path.join('.')} ${issue?.message}`, issue?.path.join('.'));
  }
  const lines = parsed.data.lines?.map((line, i) => {
    const l = LineInput.safeParse(line);
    if (l.success) return l.data;
    const issue = l.error.issues[0];
    const field = `lines[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}`;
    if (issue?.code === 'unrecognized_keys') {
      throw refused('field_not_updatable', `Manifold cannot write ${issue.keys.map((k) => `lines[].${k}`).join(', ')} to a Tryton purchase line.`, `lines[${i}].${issue.keys[0]}`);
    }
    throw refused('invalid_request', `Not a valid purchase order line: ${field} ${issue?.message}`, field);
  });
  return { order: parsed.data, lines };
}

/** Tryton keeps quantities as floats; the unified decimal string must fit one. */
export function quantityToRemote(value: string | null, field: string): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw refused('invalid_request', `${value} is not a quantity Tryton can store.`, field);
  return n;
}

const dateOrNull = (v: string | null) => (v === null ? null : encodeDate(v));

/** Ids found for the header's references; undefined: not given, leave alone. */
export interface HeaderRefs {
  party?: number;
  invoiceAddress?: number | null;
  currency?: number;
  paymentTerm?: number | null;
  warehouse?: number | null;
  company?: number;
}

export function headerToRemote(order: OrderInput, refs: HeaderRefs): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (refs.company !== undefined) v.company = refs.company;
  if (refs.party !== undefined) v.party = refs.party;
  if (refs.invoiceAddress !== undefined) v.invoice_address = refs.invoiceAddress;
  if (refs.currency !== undefined) v.currency = refs.currency;
  if (refs.paymentTerm !== undefined) v.payment_term = refs.paymentTerm;
  if (refs.warehouse !== undefined) v.warehouse = refs.warehouse;
  if (order.orderDate !== undefined) v.purchase_date = dateOrNull(order.orderDate);
  if (order.deliveryDate !== undefined) v.delivery_date = dateOrNull(order.deliveryDate);
  if (order.description !== undefined) v.description = order.description;
  if (order.notes !== undefined) v.comment = order.notes;
  return v;
}

/** The order's header as last read, for headerChanges. */
export interface HeaderState {
  description?: string | null;
  comment?: string | null;
  purchase_date?: string | null;
  delivery_date?: string | null;
  'payment_term.'?: { id: number } | null;
}

/** What a patch of the header really changes: values equal to the order's are left out. */
export function headerChanges(values: Record<string, unknown>, current: HeaderState): Record<string, unknown> {
  const now: Record<string, unknown> = {
    description: current.description ?? null,
    comment: current.comment ?? null,
    purchase_date: current.purchase_date ?? null,
    delivery_date: current.delivery_date ?? null,
    payment_term: current['payment_term.']?.id ?? null,
  };
  const encoded = (key: string, v: unknown) => (key.endsWith('_date') && typeof v === 'string' ? encodeDate(v) : v);
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => !(k in now) || JSON.stringify(encoded(k, now[k])) !== JSON.stringify(v)));
}

/** Ids found for a line's references, and what Tryton's own on_change of the product adds. */
export interface LineRefs {
  product?: number | null;
  unit?: number | null;
  /** The supplier's catalogue entry Tryton picks for the product (set with the product). */
  productSupplier?: number | null;
  /** The product's supplier taxes (set with the product), as Tryton's client does. */
  taxes?: number[];
  /** Taxes the line has now, removed when the product changes. */
  previousTaxes?: number[];
}

/** A new order line's values for the `create` command. */
export function newLineToRemote(line: LineInput, refs: LineRefs, index: number, sequence: number): Record<string, unknown> {
  return { type: 'line', sequence, ...lineToRemote(line, refs, index) };
}

/** The values of every field a line input gives (see lineChanges for the diff with a line). */
export function lineToRemote(line: LineInput, refs: LineRefs, index: number): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (refs.product !== undefined) v.product = refs.product;
  if (refs.unit !== undefined) v.unit = refs.unit;
  if (refs.productSupplier !== undefined) v.product_supplier = refs.productSupplier;
  if (refs.taxes !== undefined) {
    const commands: unknown[] = [];
    if (refs.previousTaxes?.length) commands.push(['remove', refs.previousTaxes]);
    if (refs.taxes.length) commands.push(['add', refs.taxes]);
    if (commands.length) v.taxes = commands;
  }
  if (line.description !== undefined) v.description = line.description;
  if (line.quantity !== undefined) v.quantity = quantityToRemote(line.quantity, `lines[${index}].quantity`);
  if (line.unitPrice !== undefined) v.unit_price = line.unitPrice === null ? null : encodeDecimal(line.unitPrice);
  if (line.deliveryDate !== undefined) {
    // purchase.line.delivery_date is computed (from the moves, the order or the supplier's lead
    // time); a date of one's own goes to delivery_date_store with delivery_date_edit ticked.
    v.delivery_date_edit = line.deliveryDate !== null;
    v.delivery_date_store = dateOrNull(line.deliveryDate);
  }
  return v;
}

/** "80.00", "80.0" and "80" are the same price. */
function canonical(value: string): string {
  const n = normaliseDecimal(value);
  return n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n;
}
const sameDecimal = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && canonical(a) === canonical(b));

/** What a patch of an existing line really changes: values equal to the line's are left out. */
export function lineChanges(line: LineInput, refs: LineRefs, current: LineState, index: number): Record<string, unknown> {
  const v = lineToRemote(line, refs, index);
  if ('product' in v && v.product === current.product) {
    delete v.product;
    delete v.product_supplier;
    delete v.taxes;
  }
  if ('unit' in v && v.unit === current.unit) delete v.unit;
  if ('quantity' in v && v.quantity === current.quantity) delete v.quantity;
  if ('description' in v && v.description === current.description) delete v.description;
  if ('unit_price' in v && sameDecimal(line.unitPrice ?? null, current.unit_price)) delete v.unit_price;
  if ('delivery_date_edit' in v && (line.deliveryDate ?? null) === current.delivery_date) {
    delete v.delivery_date_edit;
    delete v.delivery_date_store;
  }
  return v;
}

/** The remote id a patched line names: `remoteId`, or the line part of its Manifold id. */
export function lineRemoteId(line: LineInput, orderId: string): string | undefined {
  if (line.remoteId) return line.remoteId;
  if (line.id && line.id.startsWith(`${orderId}:`)) return line.id.slice(orderId.length + 1);
  if (line.id) return line.id; // an id Manifold did not make: refused below unless it is a line's.
  return undefined;
}

export interface LinePlan {
  updates: { line: LineInput; index: number; current: LineState }[];
  creates: { line: LineInput; index: number }[];
  deletes: number[];
}

/**
 * `lines` in a PATCH is the full list of order lines (type "line") wanted: a line naming an
 * existing one updates it, a line naming none is added, an order line not named is deleted.
 * Title, subtotal and comment lines are not order lines and stay as they are.
 */
export function planLines(existing: readonly LineState[], desired: readonly LineInput[], orderId: string): LinePlan {
  const orderLines = new Map(existing.filter((l) => l.type === 'line').map((l) => [String(l.id), l]));
  const plan: LinePlan = { updates: [], creates: [], deletes: [] };
  const named = new Set<string>();
  desired.forEach((line, index) => {
    const remoteId = lineRemoteId(line, orderId);
    if (remoteId === undefined) {
      plan.creates.push({ line, index });
      return;
    }
    const current = orderLines.get(remoteId);
    if (!current) throw refused('invalid_request', `lines[${index}] names line ${remoteId}, which is not an order line of this purchase order.`, `lines[${index}].remoteId`);
    if (named.has(remoteId)) throw refused('invalid_request', `lines[${index}] names line ${remoteId} a second time.`, `lines[${index}].remoteId`);
    named.add(remoteId);
    plan.updates.push({ line, index, current });
  });
  for (const [id, line] of orderLines) if (!named.has(id)) plan.deletes.push(line.id);
  return plan;
}

/** New lines go after every line there is (Tryton sorts lines without a sequence first). */
export function nextSequences(existing: readonly LineState[], count: number): number[] {
  const top = existing.reduce((max, l) => Math.max(max, l.sequence ?? 0), 0);
  return Array.from({ length: count }, (_, i) => top + (i + 1) * 10);
}
