/**
 * Goods receipts: P2P purchase order acceptances, created through ImportDocument
 * (acceptanceGateway.md). One receipt is one `<pro:Acceptance>` against one order, its items
 * selected by their PROACTIS item code with the quantity received. "This XML gateway only
 * supports the creation and submission of acceptances": no update, no delete, no read.
 */
import { z } from 'zod';
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { EntityMapping } from '../../../kit/mapping.js';
import type { AcknowledgedWrites } from '../../../kit/writes.js';
import { refused } from '../failures.js';
import type { GatewayClient } from '../gateway.js';
import { AcceptanceRaw } from '../raw.js';
import { el, type Json } from '../xml.js';
import { NO_READ } from './read-notes.js';

const Ref = z.looseObject({ id: z.string().nullable().optional(), remoteId: z.string().nullable().optional(), code: z.string().nullable().optional() });
const ReceiptInput = z.looseObject({
  purchaseOrder: Ref,
  receivedAt: z.string().nullable().optional(),
  lines: z.array(z.looseObject({ itemCode: z.string().min(1), quantity: z.string().regex(/^\d+(\.\d+)?$/, 'must be a positive decimal string') })).min(1),
});

/** The order's display number (PORD10034): the reference's code, else its remote id (the cXML orderID). */
export const orderNumberOf = (ref: z.infer<typeof Ref> | null | undefined) => ref?.code || ref?.remoteId || undefined;

function acceptanceXml(input: Record<string, unknown>): string {
  const parsed = ReceiptInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('invalid_request', `Not a valid goods receipt: ${issue?.path.join('.')} ${issue?.message}`, issue?.path.join('.'));
  }
  const r = parsed.data;
  const order = orderNumberOf(r.purchaseOrder);
  if (!order) throw refused('invalid_request', 'purchaseOrder needs the order number (code or remoteId) P2P knows the order by.', 'purchaseOrder');
  // "@DateReceived … will default to today's date if missing. Must be in the format yyyy-mm-dd".
  const date = r.receivedAt ? new Date(r.receivedAt).toISOString().slice(0, 10) : undefined;
  const items = r.lines.map((l) => el('Item', { SelectUsingCode: l.itemCode }, [el('Conditions', {}, [el('Condition', { Receipted: l.quantity })])]));
  return el('Acceptance', { DateReceived: date }, [el('Orders', {}, [el('Order', { SelectUsingDisplayNo: order }, [el('Items', {}, items)])])]);
}

const displayOf = (o: { SelectUsingDisplayNo?: string; SelectUsingTemplate?: string; SelectUsingOrderNo?: string }) =>
  o.SelectUsingDisplayNo ?? (o.SelectUsingTemplate !== undefined ? `${o.SelectUsingTemplate}${o.SelectUsingOrderNo ?? ''}` : null);

function toGoodsReceipt(raw: AcceptanceRaw, ctx: MapContext): Record<string, unknown> {
  const orders = raw.Orders?.Order ?? [];
  const first = orders[0] ? displayOf(orders[0]) : null;
  return {
    number: raw.DocumentNumber,
    purchaseOrder: first ? { id: ctx.refId('purchaseOrders', first), remoteId: first, name: null, code: first } : null,
    receivedAt: raw.DateReceived ? `${raw.DateReceived}T00:00:00.000Z` : null,
    receivedBy: null,
    lines: orders.flatMap((o) =>
      (o.Items?.Item ?? []).flatMap((item) =>
        (item.Conditions?.Condition ?? []).map((c) => ({ id: null, remoteId: null, purchaseOrderLine: null, itemCode: item.SelectUsingCode ?? null, quantity: c.Receipted ?? null, unitOfMeasure: null, customFields: {} })),
      ),
    ),
  };
}

const pickAcceptance = (answer: Json) => (answer.Acceptance as Json[] | undefined)?.[0];

const writes: AcknowledgedWrites<GatewayClient> = {
  capabilities: {
    create: {
      requiredFields: ['purchaseOrder', 'lines', 'lines[].itemCode', 'lines[].quantity'],
      writableFields: ['purchaseOrder', 'receivedAt', 'lines', 'lines[].itemCode', 'lines[].quantity'],
      notes: 'Imported as a P2P acceptance of one order (purchaseOrder: its number as code or remoteId). Each line receipts the order item with that PROACTIS item code, in the default delivery condition; a quantity above what is outstanding is an over-delivery. receivedAt sets the date received (today when absent). The import user must have access to exactly one acceptance template.',
    },
    concurrency: 'none',
    concurrencyNotes: 'Acceptances cannot be changed through the gateway.',
  },
  async create(client, input) {
    const node = await client.importOne(acceptanceXml(input), pickAcceptance, 'goods receipt');
    const record = AcceptanceRaw.parse(node);
    return { remoteId: record.DocumentNumber, record };
  },
};

const fields: EntityMapping['fields'] = {
  number: { path: 'DocumentNumber', note: 'The acceptance number P2P generated.' },
  purchaseOrder: { paths: ['Orders.Order[].SelectUsingDisplayNo', 'Orders.Order[].SelectUsingTemplate', 'Orders.Order[].SelectUsingOrderNo'], logic: 'The first order: its display number, or template label followed by number.' },
  receivedAt: { path: 'DateReceived', note: 'A date: read as midnight UTC.' },
  receivedBy: { none: 'The gateway answer does not name who received the goods (the import user).' },
  lines: { paths: ['Orders.Order[].Items.Item[].SelectUsingCode', 'Orders.Order[].Items.Item[].Conditions.Condition[].Receipted'], logic: 'One line per delivery condition of each item: itemCode SelectUsingCode, quantity Receipted.' },
};

export const goodsReceipts = defineResource<GatewayClient, AcceptanceRaw>({
  entity: 'goodsReceipts',
  raw: AcceptanceRaw,
  readNotes: NO_READ,
  remoteId: (raw) => raw.DocumentNumber,
  times: () => ({ createdAt: null, updatedAt: null }),
  toUnified: toGoodsReceipt,
  writes,
  mapping: { fields },
});
