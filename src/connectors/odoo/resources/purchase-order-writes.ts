/**
 * Writes of Odoo purchase orders: create (with lines), find again by reference, update (header
 * and lines in one write, then the status button), delete (what is not cancelled yet is
 * cancelled first, as Odoo only deletes cancelled orders). What is allowed, and why, is in
 * purchase-order-capabilities.ts.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteContext } from '../../../kit/writes.js';
import type { OdooClient } from '../client.js';
import { toId } from '../values.js';
import { purchaseOrderCapabilities } from './purchase-order-capabilities.js';
import { statusOf } from './purchase-order-map.js';
import { headerValues, lineCommands, lineValues, type LineInput } from './purchase-order-to-remote.js';
import { TRANSITIONS, runTransition } from './purchase-order-workflow.js';
import { refused, resolveCurrency, resolvePaymentTerm, resolveRef, type RefInput } from './resolve.js';

const MODEL = 'purchase.order';
const EDITABLE_STATES = ['draft', 'sent', 'to approve'];

interface OrderState {
  id: number;
  state: string;
  receiptStatus: string | false;
  /** The product lines as last read (ids, what was received and billed). */
  lines: { id: number; received: number; invoiced: number }[];
}

function existingOrder(existing: ExistingRecord): OrderState {
  const id = toId(existing.remoteId);
  const raw = existing.remoteData as { state?: unknown; receipt_status?: unknown; order_line?: unknown };
  if (id === undefined || typeof raw.state !== 'string' || !Array.isArray(raw.order_line)) {
    throw new SystemFailure('system', { code: 'system_error', message: `Manifold's copy of purchase order ${existing.remoteId} is not one it can write from; sync the connection again.` });
  }
  const lines = (raw.order_line as { id: number; display_type?: unknown; qty_received?: number; qty_invoiced?: number }[])
    .filter((l) => !l.display_type)
    .map((l) => ({ id: l.id, received: l.qty_received ?? 0, invoiced: l.qty_invoiced ?? 0 }));
  return { id, state: raw.state, receiptStatus: typeof raw.receipt_status === 'string' ? raw.receipt_status : false, lines };
}

/** Odoo refuses to cancel once goods were received or bills posted: say so before calling. */
function checkCancellable(order: OrderState): void {
  if (order.lines.some((l) => l.received > 0)) throw refused('record_locked', 'Odoo cannot cancel this purchase order: some receptions have already been done.', 'status');
  if (order.lines.some((l) => l.invoiced > 0)) throw refused('record_locked', 'Odoo cannot cancel this purchase order: cancel its vendor bills in Odoo first.', 'status');
}

async function createOrder(client: OdooClient, input: Record<string, unknown>, ctx: WriteContext): Promise<string> {
  if (input.status !== undefined && input.status !== 'draft') throw refused('field_not_updatable', 'A new Odoo purchase order is an RFQ (draft); confirm it with an update of status.', 'status');
  const lines = (Array.isArray(input.lines) ? input.lines : []) as LineInput[];
  const [partner, currency, header] = await Promise.all([
    resolveRef(client, input.vendor as RefInput | undefined, 'res.partner', 'ref', 'vendor', 'vendor'),
    typeof input.currency === 'string' ? resolveCurrency(client, input.currency) : undefined,
    headerValues(input, (name) => resolvePaymentTerm(client, name)),
  ]);
  const delivery = typeof input.deliveryDate === 'string' ? input.deliveryDate : null;
  const orderLines = await Promise.all(lines.map(async (l, i) => [0, 0, await lineValues(client, l, i, delivery)]));
  // The order's expected arrival follows its lines; set it directly only for an order without lines.
  if (orderLines.length) delete header.date_planned;
  const values = {
    partner_id: partner,
    ...(currency !== undefined ? { currency_id: currency } : {}),
    ...header,
    // Manifold's reference as the Source Document, to find the order again if the answer is lost.
    ...(ctx.reference !== undefined ? { origin: ctx.reference } : {}),
    order_line: orderLines,
  };
  return String(await client.create(MODEL, values));
}

async function findByReference(client: OdooClient, reference: string): Promise<string | undefined> {
  const [id] = await client.search(MODEL, [['origin', '=', reference]], { limit: 1, order: 'id asc' });
  return id === undefined ? undefined : String(id);
}

async function updateOrder(client: OdooClient, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<void> {
  const order = existingOrder(existing);
  const { status, nativeFields: _native, ...fields } = patch;
  const given = Object.keys(fields).filter((k) => fields[k] !== undefined);
  const currentStatus = statusOf(order.state, order.receiptStatus);
  const transition = typeof status === 'string' && status !== currentStatus ? TRANSITIONS[status] : undefined;
  if (typeof status === 'string' && status !== currentStatus) {
    if (!transition) throw refused('field_not_updatable', `Manifold cannot move an Odoo purchase order to "${status}".`, 'status');
    if (!transition.from.includes(order.state)) throw refused('record_locked', `An Odoo purchase order cannot go from ${currentStatus} to ${status} (only from ${transition.fromStatuses.join(' or ')}).`, 'status');
    if (transition.button === 'button_cancel') checkCancellable(order);
  }
  if (given.length && !EDITABLE_STATES.includes(order.state)) {
    throw refused('record_locked', `This purchase order is ${currentStatus}: ${purchaseOrderCapabilities.update!.lockedWhen!.reason}`);
  }
  if (given.length) {
    const values = await headerValues(fields, (name) => resolvePaymentTerm(client, name));
    const delivery = typeof fields.deliveryDate === 'string' ? fields.deliveryDate : undefined;
    if (Array.isArray(fields.lines)) {
      const commands = await lineCommands(client, order.lines.map((l) => l.id), fields.lines as LineInput[], ctx.refId('purchaseOrders', existing.remoteId), delivery);
      if (commands.length) values.order_line = commands;
    } else if (delivery) {
      // As Odoo's form does: a new expected arrival on the order moves every product line.
      values.order_line = order.lines.map((l) => [1, l.id, { date_planned: values.date_planned }]);
    }
    if (Object.keys(values).length) await client.write(MODEL, [order.id], values);
  }
  if (transition) await runTransition(client, order.id, transition);
}

async function deleteOrder(client: OdooClient, existing: ExistingRecord): Promise<'hard'> {
  const order = existingOrder(existing);
  if (order.state !== 'cancel') {
    if (!TRANSITIONS.cancelled!.from.includes(order.state) || order.state === 'purchase') {
      throw refused('record_locked', `This purchase order is ${statusOf(order.state, order.receiptStatus)}: ${purchaseOrderCapabilities.delete!.lockedWhen!.reason}`);
    }
    checkCancellable(order);
    // Odoo deletes only cancelled orders: an RFQ is cancelled first, as a user would.
    await runTransition(client, order.id, TRANSITIONS.cancelled!);
  }
  await client.unlink(MODEL, [order.id]);
  return 'hard';
}

export const purchaseOrderWrites: ResourceWrites<OdooClient> = {
  capabilities: purchaseOrderCapabilities,
  create: createOrder,
  findByReference,
  update: updateOrder,
  delete: deleteOrder,
};
