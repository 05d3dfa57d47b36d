/**
 * Writes of MaintainX purchase orders: create (POST /purchaseorders, with its items), update
 * (PATCH /purchaseorders/{id}, items as the full list), status through PATCH
 * /purchaseorders/{id}/status within MaintainX's transition table, delete (DELETE, 204).
 */
import { z } from 'zod';
import { SystemFailure } from '../../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteCapabilities } from '../../../kit/writes.js';
import type { MaintainxClient } from '../client.js';
import { dayToInstant } from '../map-common.js';
import { toId } from '../listing.js';
import { decimalToCents } from '../money.js';
import { naming, refId, refused, toNumber } from '../writes-common.js';
import { purchaseOrderStatus } from './purchase-order-map.js';
import { PurchaseOrderRaw } from '../raw.js';

const LINE_FIELDS = ['lines[].item', 'lines[].description', 'lines[].vendorItemCode', 'lines[].quantity', 'lines[].unitPrice'];
const WRITABLE = ['vendor', 'number', 'description', 'notes', 'requiredDate', 'shipTo', 'billTo', 'lines', ...LINE_FIELDS];

/** Unified status → the MaintainX status the status endpoint moves to, with the unified statuses it may come from. */
const TRANSITIONS: Record<string, { native: string; from: string[] }> = {
  pending_approval: { native: 'PENDING', from: ['draft'] },
  approved: { native: 'APPROVED', from: ['pending_approval'] },
  draft: { native: 'DECLINED', from: ['pending_approval'] },
  cancelled: { native: 'CANCELED', from: ['draft', 'pending_approval', 'approved'] },
  closed: { native: 'COMPLETED', from: ['partially_received', 'received'] },
  partially_received: { native: 'PARTIALLY_FULFILLED', from: ['closed'] },
};

export const purchaseOrderCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['lines', 'lines[].quantity'],
    writableFields: WRITABLE,
    notes:
      'MaintainX needs at least one item, each with a quantity; the vendor may be left out (an order without a vendor). A new order is pending approval. ' +
      'A line names its part by item (remoteId or Manifold id) or is a free-text item (description); unitPrice is sent in cents, fractions of a cent kept. ' +
      'requiredDate is sent as the due date, that day at midnight UTC. The currency is the organization\'s and cannot be set.',
  },
  update: {
    updatableFields: WRITABLE,
    lockedWhen: {
      statuses: ['cancelled', 'closed'],
      reason: 'MaintainX does not modify a canceled purchase order, and a completed one only after its completion is undone (move it to partially_received first).',
      enforcedBy: 'system',
    },
    transitions: Object.fromEntries(Object.entries(TRANSITIONS).map(([to, t]) => [to, t.from])),
    notes:
      'Status moves through PATCH /purchaseorders/{id}/status within MaintainX\'s table: submit (draft → pending_approval), approve, reject (pending_approval → draft), cancel ' +
      '(not once receiving started), complete (closed) and undo completion (closed → partially_received). Receiving items is done in MaintainX. ' +
      'lines is the full list: lines with a remoteId update those items, new lines are added, items left out are removed.',
  },
  delete: { mode: 'hard', description: 'The purchase order is deleted in MaintainX (DELETE /purchaseorders/{id}); MaintainX documents no status in which it refuses.' },
  concurrency: 'read_before_write',
  concurrencyNotes:
    'MaintainX has no version or ETag on purchase orders (last write wins). Manifold reads the order just before an update or delete, so a change made in MaintainX since the ' +
    'last sync is seen first and a stale If-Match is refused (409); a change landing between that read and the write is overwritten.',
};

const Ref = z.object({ id: z.string().nullable().optional(), remoteId: z.string().nullable().optional() }).passthrough();
const AddressIn = z.object({
  line1: z.string().nullable().optional(), line2: z.string().nullable().optional(), line3: z.string().nullable().optional(),
  city: z.string().nullable().optional(), region: z.string().nullable().optional(), postalCode: z.string().nullable().optional(), country: z.string().nullable().optional(),
}).passthrough();
const LineIn = z.object({
  remoteId: z.string().nullable().optional(),
  item: Ref.nullable().optional(),
  description: z.string().nullable().optional(),
  vendorItemCode: z.string().nullable().optional(),
  quantity: z.string().nullable().optional(),
  unitPrice: z.string().nullable().optional(),
}).passthrough();
const Input = z.object({
  vendor: Ref.nullable().optional(),
  number: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  requiredDate: z.string().nullable().optional(),
  shipTo: AddressIn.nullable().optional(),
  billTo: AddressIn.nullable().optional(),
  lines: z.array(LineIn).optional(),
  status: z.string().optional(),
});
type LineIn = z.infer<typeof LineIn>;

function address(a: z.infer<typeof AddressIn> | null | undefined, field: string): Record<string, string> | null | undefined {
  if (a === undefined) return undefined;
  if (a === null) return null;
  const street = [a.line1, a.line2, a.line3].filter((l): l is string => typeof l === 'string' && l.trim() !== '').join(', ');
  const missing = (['city', 'postalCode', 'country'] as const).filter((k) => !a[k]);
  if (!street) missing.unshift('line1' as never);
  if (missing.length) throw refused('invalid_request', `A MaintainX address needs a street, city, postal code and country: ${field}.${missing.join(`, ${field}.`)} missing.`, `${field}.${missing[0]}`);
  return { street, city: a.city!, state: a.region ?? '', postalCode: a.postalCode!, country: a.country! };
}

type ExistingItem = { id: number; quantityOrdered: number };

function item(line: LineIn, i: number, existing: Map<number, ExistingItem>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let current: ExistingItem | undefined;
  if (line.remoteId != null) {
    const id = toId(line.remoteId);
    current = id === undefined ? undefined : existing.get(id);
    if (!current) throw refused('invalid_request', `lines[${i}].remoteId ${line.remoteId} is not an item of this purchase order.`, `lines[${i}].remoteId`);
    out.id = current.id;
  }
  if (line.item !== undefined) out.partId = line.item === null ? null : refId(line.item, `lines[${i}].item`);
  if (line.description !== undefined) out.name = line.description;
  if (line.vendorItemCode !== undefined) out.partNumber = line.vendorItemCode;
  if (line.quantity != null) out.quantityOrdered = toNumber(line.quantity, `lines[${i}].quantity`);
  else if (current) out.quantityOrdered = current.quantityOrdered;
  else throw refused('invalid_request', `lines[${i}].quantity is required for a new item.`, `lines[${i}].quantity`);
  if (line.unitPrice === null) out.unitCost = null;
  else if (line.unitPrice !== undefined) {
    toNumber(line.unitPrice, `lines[${i}].unitPrice`);
    // Cents, with the string's own digits: "12.345" → 1234.5, no float arithmetic on the way.
    out.unitCost = decimalToCents(line.unitPrice);
  }
  return out;
}

/** The unified fields → MaintainX's body; the status stays apart (it has its own endpoint). */
export function purchaseOrderBody(raw: Record<string, unknown>, existing: Map<number, ExistingItem> = new Map()): { body: Record<string, unknown>; status?: string } {
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !WRITABLE.includes(key) && key !== 'status') throw refused('field_not_updatable', `Manifold cannot write "${key}" to a MaintainX purchase order.`, key);
  }
  const parsed = Input.safeParse(raw);
  if (!parsed.success) throw refused('invalid_request', z.prettifyError(parsed.error));
  const input = parsed.data;
  const body: Record<string, unknown> = {};
  if (input.vendor !== undefined) body.vendorId = refId(input.vendor, 'vendor');
  if (input.number !== undefined) body.overrideNumber = input.number;
  if (input.description !== undefined) body.title = input.description;
  if (input.notes !== undefined) body.note = input.notes;
  if (input.requiredDate !== undefined) body.dueDate = input.requiredDate === null ? null : dayToInstant(input.requiredDate);
  const ship = address(input.shipTo, 'shipTo');
  if (ship !== undefined) body.shippingAddress = ship;
  const bill = address(input.billTo, 'billTo');
  if (bill !== undefined) body.billingAddress = bill;
  if (input.lines !== undefined) body.items = input.lines.map((l, i) => item(l, i, existing));
  return { body, ...(input.status !== undefined ? { status: input.status } : {}) };
}

/** MaintainX's fieldPath (`items[1].quantityOrdered`) → the unified field. */
function unifiedField(path: string): string | undefined {
  const line = /^items\[(\d+)\]\.(\w+)/.exec(path);
  const lineMap: Record<string, string> = { partId: 'item', name: 'description', partNumber: 'vendorItemCode', quantityOrdered: 'quantity', unitCost: 'unitPrice', id: 'remoteId' };
  if (line) return `lines[${line[1]}].${lineMap[line[2]!] ?? line[2]}`;
  const map: Record<string, string> = { vendorId: 'vendor', overrideNumber: 'number', title: 'description', note: 'notes', dueDate: 'requiredDate', shippingAddress: 'shipTo', billingAddress: 'billTo', items: 'lines', status: 'status' };
  return map[/^\w+/.exec(path)?.[0] ?? ''];
}

async function create(client: MaintainxClient, input: Record<string, unknown>): Promise<string> {
  const { body, status } = purchaseOrderBody(input);
  if (status !== undefined && status !== 'pending_approval') throw refused('field_not_updatable', 'A new MaintainX purchase order is pending approval; change its status with an update.', 'status');
  // vendorId is a required key of the create body, null for an order without a vendor.
  body.vendorId ??= null;
  const answer = await naming(client.request<{ id?: unknown }>({ method: 'POST', path: '/purchaseorders', body }), unifiedField);
  if (typeof answer?.id !== 'number') throw new SystemFailure('system', { code: 'system_error', message: 'MaintainX answered the create without the new purchase order id.' });
  return String(answer.id);
}

function current(existing: ExistingRecord): { id: number; order: PurchaseOrderRaw } {
  const id = toId(existing.remoteId);
  const parsed = PurchaseOrderRaw.safeParse(existing.remoteData);
  if (id === undefined || !parsed.success) throw new SystemFailure('system', { code: 'system_error', message: `Manifold's copy of purchase order ${existing.remoteId} is not one it can write from; sync the connection again.` });
  return { id, order: parsed.data };
}

async function update(client: MaintainxClient, existing: ExistingRecord, patch: Record<string, unknown>): Promise<void> {
  const { id, order } = current(existing);
  const items = new Map(order.items.map((i) => [i.id, { id: i.id, quantityOrdered: i.quantityOrdered }]));
  const { body, status } = purchaseOrderBody(patch, items);
  const target = status === undefined ? undefined : TRANSITIONS[status];
  if (status !== undefined && !target) throw refused('field_not_updatable', `MaintainX cannot move a purchase order to ${status}.`, 'status');
  if (Object.keys(body).length) await naming(client.request({ method: 'PATCH', path: `/purchaseorders/${id}`, body }), unifiedField);
  if (target && status !== purchaseOrderStatus(order)) {
    await naming(client.request({ method: 'PATCH', path: `/purchaseorders/${id}/status`, body: { status: target.native } }), unifiedField);
  }
}

async function remove(client: MaintainxClient, existing: ExistingRecord): Promise<'hard'> {
  await client.request({ method: 'DELETE', path: `/purchaseorders/${current(existing).id}` });
  return 'hard';
}

export const purchaseOrderWrites: ResourceWrites<MaintainxClient> = { capabilities: purchaseOrderCapabilities, create, update, delete: remove };
