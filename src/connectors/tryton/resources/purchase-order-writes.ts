/**
 * Writes of Tryton purchase orders: create (with lines), find again by reference, update (header,
 * lines as x2many commands in one write, then the status button), delete (a draft for real, a
 * quotation by cancelling it). What is allowed, and why, is in purchase-order-capabilities.ts.
 */
import { z } from 'zod';
import { SystemFailure } from '../../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteContext } from '../../../kit/writes.js';
import { encodeDate } from '../codec.js';
import type { TrytonClient } from '../client.js';
import { toId } from '../listing.js';
import { naming } from '../write-failures.js';
import { purchaseOrderCapabilities } from './purchase-order-capabilities.js';
import { Units, defaultWarehouse, productDefaults, resolveCurrency, resolveParty, resolvePaymentTerm, resolveProducts, type OrderContext, type Product } from './purchase-order-resolve.js';
import {
  CREATE_HEADER,
  QUOTATION_EDITABLE,
  UPDATE_HEADER,
  headerChanges,
  headerToRemote,
  lineChanges,
  newLineToRemote,
  nextSequences,
  parseOrder,
  planLines,
  quantityToRemote,
  refused,
  type LineInput,
  type LineRefs,
  type LineState,
} from './purchase-order-to-remote.js';
import { TRANSITIONS, planTransition, readState, runTransition, statusOfState, timestampContext } from './purchase-order-workflow.js';

const MODEL = 'purchase.purchase';

/** What a write needs of the order as last read (the stored native record). */
const ExistingOrder = z.looseObject({
  state: z.string(),
  _timestamp: z.string().nullable().optional(),
  party: z.number().int(),
  currency: z.number().int().nullable().optional(),
  company: z.number().int().nullable().optional(),
  purchase_date: z.string().nullable().optional(),
  delivery_date: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
  'payment_term.': z.looseObject({ id: z.number().int() }).nullable().optional(),
  lines: z.array(
    z.looseObject({
      id: z.number().int(),
      type: z.string(),
      sequence: z.number().int().nullable(),
      product: z.number().int().nullable(),
      unit: z.number().int().nullable(),
      quantity: z.number().nullable(),
      unit_price: z.string().nullable(),
      description: z.string().nullable(),
      delivery_date: z.string().nullable(),
      _timestamp: z.string().nullable().optional(),
    }),
  ),
});
type ExistingOrder = z.infer<typeof ExistingOrder>;

function existingOrder(existing: ExistingRecord): { id: number; order: ExistingOrder } {
  const id = toId(existing.remoteId);
  const parsed = ExistingOrder.safeParse(existing.remoteData);
  if (id === undefined || !parsed.success) {
    throw new SystemFailure('system', { code: 'system_error', message: `Manifold's copy of purchase order ${existing.remoteId} is not one it can write from; sync the connection again.` });
  }
  return { id, order: parsed.data };
}

const tokenKey = (model: string, id: number) => `${model},${id}`;
const asDate = (iso: string | null | undefined) => (iso ? encodeDate(iso) : null);

/**
 * The refs of a line getting a product: the product and unit, plus Tryton's defaults for it.
 * `currentUnit`: the unit the line has now, which Tryton keeps when it fits the new product.
 */
async function newLineRefs(client: TrytonClient, line: LineInput, index: number, product: Product | undefined, units: Units | undefined, order: OrderContext, currentUnit: number | null = null): Promise<LineRefs> {
  const unit = line.unitOfMeasure ? units!.resolve(line.unitOfMeasure, product?.category ?? null, `lines[${index}].unitOfMeasure`) : undefined;
  if (!product) return unit === undefined ? {} : { unit };
  // Tryton's on_change of the product needs a purchase unit, which only purchasable products have;
  // for any other product Tryton refuses the line anyway (its domain: purchasable).
  if (!product.purchasable) return { product: product.id, unit: unit ?? product.unit };
  const quantity = line.quantity ? quantityToRemote(line.quantity, `lines[${index}].quantity`) : null;
  const d = await productDefaults(client, order, product, unit ?? currentUnit, quantity);
  return { product: product.id, unit: unit ?? d.unit, productSupplier: d.productSupplier, taxes: d.taxes };
}

const needsUnits = (lines: readonly LineInput[]) => lines.some((l) => l.unitOfMeasure);

async function createPurchase(client: TrytonClient, input: Record<string, unknown>, ctx: WriteContext): Promise<string> {
  const { order, lines = [] } = parseOrder(input, [...CREATE_HEADER, 'status']);
  if (order.status !== undefined && order.status !== 'draft') {
    throw refused('field_not_updatable', 'A new Tryton purchase order is a draft; move it on with an update of status.', 'status');
  }
  if (!order.vendor) throw refused('invalid_request', 'A Tryton purchase order needs a vendor.', 'vendor');
  const { context } = await client.session();
  const company = typeof context.company === 'number' ? context.company : undefined;
  const [party, currency, warehouse, products, units] = await Promise.all([
    resolveParty(client, order.vendor),
    order.currency ? resolveCurrency(client, order.currency) : undefined,
    defaultWarehouse(client),
    resolveProducts(client, lines),
    needsUnits(lines) ? Units.load(client) : undefined,
  ]);
  // Absent: the vendor's supplier payment term, as Tryton's client fills it in for the party.
  const paymentTerm = order.paymentTerms === undefined ? party.paymentTerm : await resolvePaymentTerm(client, order.paymentTerms);
  const orderCtx: OrderContext = { party: party.id, currency: currency ?? null, purchaseDate: asDate(order.orderDate), company: company ?? null };
  const refs = await Promise.all(lines.map((line, i) => newLineRefs(client, line, i, products.byLine[i], units, orderCtx)));
  const values = headerToRemote(order, { company, party: party.id, invoiceAddress: party.invoiceAddress, currency, paymentTerm, warehouse });
  if (lines.length) values.lines = [['create', lines.map((line, i) => newLineToRemote(line, refs[i]!, i, (i + 1) * 10))]];
  // Tryton's `reference` (the supplier's reference, which the unified model does not map) keeps
  // Manifold's reference, so a create whose answer was lost can be found again (mapping.md).
  if (ctx.reference !== undefined) values.reference = ctx.reference;
  const [id] = await naming(client.model<number[]>(MODEL, 'create', [[values]], { idempotent: false }));
  if (typeof id !== 'number') throw new SystemFailure('system', { code: 'system_error', message: 'Tryton answered a create without the new id.' });
  return String(id);
}

async function findByReference(client: TrytonClient, reference: string): Promise<string | undefined> {
  const [id] = await client.search(MODEL, [['reference', '=', reference]], { limit: 1, order: [['id', 'ASC']] });
  return id === undefined ? undefined : String(id);
}

/** The x2many commands for `lines` (the full list wanted), with the tokens of the lines touched. */
async function lineCommands(client: TrytonClient, order: ExistingOrder, lines: LineInput[], orderRefId: string, tokens: Record<string, string | null | undefined>): Promise<unknown[]> {
  const plan = planLines(order.lines as LineState[], lines, orderRefId);
  const unitOnly = plan.updates.filter((u) => u.line.unitOfMeasure && u.current.product !== null).map((u) => u.current.product!);
  const [products, units] = await Promise.all([resolveProducts(client, lines, unitOnly), needsUnits(lines) ? Units.load(client) : undefined]);
  const orderCtx: OrderContext = { party: order.party, currency: order.currency ?? null, purchaseDate: asDate(order.purchase_date), company: order.company ?? null };
  const changed = plan.updates.filter((u) => products.byLine[u.index] && products.byLine[u.index]!.id !== u.current.product);
  const taxesNow = new Map(
    (await client.read<{ id: number; taxes: number[] }>('purchase.line', changed.map((u) => u.current.id), ['taxes'])).map((l) => [l.id, l.taxes]),
  );

  const commands: unknown[] = [];
  for (const { line, index, current } of plan.updates) {
    if (line.item === null && !line.itemCode) {
      throw refused('invalid_request', `lines[${index}]: a line's product cannot be removed; leave the line out and add a free-text line instead.`, `lines[${index}].item`);
    }
    const product = products.byLine[index];
    let refs: LineRefs;
    if (product && product.id !== current.product) {
      refs = { ...(await newLineRefs(client, line, index, product, units, orderCtx, current.unit)), previousTaxes: taxesNow.get(current.id) ?? [] };
      refs.productSupplier ??= null; // the old product's catalogue entry does not fit the new one
    } else {
      const own = current.product === null ? undefined : products.byId.get(current.product);
      refs = line.unitOfMeasure ? { unit: units!.resolve(line.unitOfMeasure, own?.category ?? null, `lines[${index}].unitOfMeasure`) } : {};
    }
    const values = lineChanges(line, refs, current, index);
    if (Object.keys(values).length === 0) continue;
    commands.push(['write', [current.id], values]);
    tokens[tokenKey('purchase.line', current.id)] = current._timestamp;
  }
  if (plan.creates.length) {
    const sequences = nextSequences(order.lines as LineState[], plan.creates.length);
    const created = await Promise.all(
      plan.creates.map(async ({ line, index }, k) => newLineToRemote(line, await newLineRefs(client, line, index, products.byLine[index], units, orderCtx), index, sequences[k]!)),
    );
    commands.push(['create', created]);
  }
  if (plan.deletes.length) {
    commands.push(['delete', plan.deletes]);
    for (const id of plan.deletes) tokens[tokenKey('purchase.line', id)] = order.lines.find((l) => l.id === id)?._timestamp;
  }
  return commands;
}

async function updatePurchase(client: TrytonClient, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<void> {
  const { id, order: current } = existingOrder(existing);
  // Custom fields written back: native values the engine checked against customFieldTargets.
  const { nativeFields, ...unified } = patch as Record<string, unknown> & { nativeFields?: Record<string, unknown> };
  const native = Object.fromEntries(Object.entries(nativeFields ?? {}).filter(([k]) => purchaseOrderCapabilities.update!.customFieldTargets!.includes(k)));
  const { order, lines } = parseOrder(unified, [...UPDATE_HEADER, 'status']);
  const state = current.state;
  const currentStatus = typeof existing.data.status === 'string' ? existing.data.status : statusOfState(state);
  const fields = [...Object.keys(unified).filter((k) => k !== 'status' && unified[k] !== undefined), ...Object.keys(native)];
  // Everything is checked before anything is written.
  const transition = order.status === undefined ? undefined : planTransition(state, currentStatus, order.status);
  if (fields.length && state !== 'draft' && state !== 'quotation') {
    throw refused('record_locked', `This purchase order is ${currentStatus}: ${purchaseOrderCapabilities.update!.lockedWhen!.reason}`);
  }
  const frozen = state === 'quotation' ? fields.filter((f) => !QUOTATION_EDITABLE.includes(f) && !(f in native)) : [];
  if (frozen.length) {
    throw refused('record_locked', `A quotation's ${frozen.join(' and ')} cannot change in Tryton; move the order back to draft first (status "draft").`, frozen[0]);
  }

  let token = current._timestamp;
  if (fields.length) {
    const values = { ...headerChanges(headerToRemote(order, { paymentTerm: order.paymentTerms === undefined ? undefined : await resolvePaymentTerm(client, order.paymentTerms) }), current), ...native };
    const tokens: Record<string, string | null | undefined> = { [tokenKey(MODEL, id)]: current._timestamp };
    if (lines) {
      const commands = await lineCommands(client, current, lines, ctx.refId('purchaseOrders', existing.remoteId), tokens);
      if (commands.length) values.lines = commands;
    }
    if (Object.keys(values).length) {
      // One write: the header and its lines together, so the order's own write_date moves too.
      await naming(client.model(MODEL, 'write', [[id], values], { context: timestampContext(tokens), idempotent: false }));
      if (transition) token = (await readState(client, id))._timestamp;
    }
  }
  if (transition) await runTransition(client, id, transition, token);
}

function conflict(id: number): SystemFailure {
  return new SystemFailure('transient', { code: 'version_conflict', message: `Purchase order ${id} was changed in Tryton since it was read; read it again and retry.` });
}

async function deletePurchase(client: TrytonClient, existing: ExistingRecord): Promise<'hard' | 'cancelled'> {
  const { id, order } = existingOrder(existing);
  switch (order.state) {
    case 'quotation':
      // Tryton's delete would cancel the quotation and then delete it; Manifold only cancels it.
      await runTransition(client, id, TRANSITIONS.cancelled!, order._timestamp);
      return 'cancelled';
    case 'cancelled': {
      // Already what a delete leaves; Tryton would delete it for good, which Manifold does not.
      const now = await readState(client, id);
      if ((order._timestamp && now._timestamp !== order._timestamp) || now.state !== 'cancelled') throw conflict(id);
      return 'cancelled';
    }
    default:
      // A draft is deleted. Any other state: Tryton itself refuses ("you must cancel it"),
      // as it cancels before deleting and cannot cancel a confirmed order.
      await naming(client.model(MODEL, 'delete', [[id]], { context: timestampContext({ [tokenKey(MODEL, id)]: order._timestamp }), idempotent: false }));
      return 'hard';
  }
}

export const purchaseOrderWrites: ResourceWrites<TrytonClient> = {
  capabilities: purchaseOrderCapabilities,
  create: createPurchase,
  findByReference,
  update: updatePurchase,
  delete: deletePurchase,
};
