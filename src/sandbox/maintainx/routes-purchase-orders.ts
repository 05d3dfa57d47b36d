/**
 * Purchase orders: list (id, status and times only), get, create (201 with the whole order),
 * update, the status workflow of PATCH /purchaseorders/{id}/status, receiving through
 * /fulfillment, delete (204). The rules are MaintainX's: the transition table of the status
 * endpoint (OpenAPI), a canceled order "cannot be modified" (same table), a completed one is
 * edited only after undoing its completion (help: Complete a Purchase Order), receiving moves an
 * approved order to PARTIALLY_FULFILLED by itself.
 */
import type { Route, RouteContext } from './context.js';
import { readSort, timeFiltered } from './filters.js';
import { bodyError, fieldError, queryError, stamp } from './http-util.js';
import { centsToMicros, lineMicros } from './money.js';
import { offsetPage } from './paging.js';
import { FulfillmentBody, PurchaseOrderCreate, PurchaseOrderPatch, PurchaseOrderStatusBody, parseBody, type PoItemInput, type PurchaseOrderPatch as Patch } from './bodies.js';
import { purchaseOrderListItem, purchaseOrderSingle } from './render.js';
import { listAnswer } from './routes-reads.js';
import type { OrgData, PoItemRec, PurchaseOrderRec, PurchaseOrderStatus } from './types.js';

/** The status endpoint's table of allowed transitions (OpenAPI, PATCH /purchaseorders/{id}/status). */
export const PO_TRANSITIONS: Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]> = {
  REQUESTED: ['CANCELED', 'DECLINED', 'PENDING'],
  PENDING: ['APPROVED', 'CANCELED', 'DECLINED'],
  DECLINED: ['CANCELED', 'PENDING'],
  // "CANCELED or start receiving items": receiving goes through /fulfillment.
  APPROVED: ['CANCELED'],
  PARTIALLY_FULFILLED: ['COMPLETED'],
  CANCELED: [],
  COMPLETED: ['PARTIALLY_FULFILLED'],
};

const byId = (r: { id: number }) => String(r.id).padStart(12, '0');

export const listPurchaseOrders: Route = (ctx) => {
  const all = timeFiltered([...ctx.data.purchaseOrders.values()], ctx.query, ctx.state.timestampFilters);
  const { sortValue, descending } = readSort<PurchaseOrderRec>(ctx.query, { id: byId, createdAt: (p) => p.createdAt, updatedAt: (p) => p.updatedAt });
  const page = offsetPage(all, ctx.query, sortValue, descending);
  return listAnswer('purchaseOrders', ctx, page.items.map(purchaseOrderListItem), page.nextCursor);
};

function order(ctx: RouteContext, notFound: string): PurchaseOrderRec {
  const rec = ctx.id === undefined ? undefined : ctx.data.purchaseOrders.get(ctx.id);
  if (!rec) throw queryError(404, notFound);
  return rec;
}

const answer = (ctx: RouteContext, rec: PurchaseOrderRec) => ({ status: 200, body: { purchaseOrder: purchaseOrderSingle(rec, ctx.data) } });

export const getPurchaseOrder: Route = (ctx) => answer(ctx, order(ctx, 'Not Found.'));

function checkReferences(data: OrgData, body: Patch): void {
  if (body.vendorId != null && !data.vendors.has(body.vendorId)) throw fieldError('Vendor not found', 'vendorId', body.vendorId);
  body.items?.forEach((it, i) => {
    if (it.partId != null && !data.parts.has(it.partId)) throw fieldError('Part not found', `items[${i}].partId`, it.partId);
  });
}

function toItem(input: PoItemInput, data: OrgData, existing: PoItemRec | undefined, newId: () => number): PoItemRec {
  const partId = input.partId !== undefined ? input.partId : (existing?.partId ?? null);
  const part = partId === null ? undefined : data.parts.get(partId);
  const quantity = input.quantityOrdered;
  const unitMicros = input.unitCost != null ? centsToMicros(input.unitCost) : input.unitCost === null ? null : (existing?.unitCostMicros ?? (part?.unitCost != null ? part.unitCost * 10_000 : null));
  // A price given without a unit cost stands for the line; otherwise the line is quantity × unit cost.
  const priceMicros = input.price != null && input.unitCost == null ? centsToMicros(input.price) : unitMicros === null ? null : lineMicros(quantity, unitMicros);
  return {
    id: existing?.id ?? newId(),
    partId,
    name: input.name !== undefined ? input.name : (existing?.name ?? part?.name ?? null),
    partNumber: input.partNumber !== undefined ? input.partNumber : (existing?.partNumber ?? part?.vendors[0]?.partNumber ?? null),
    quantityOrdered: quantity,
    quantityReceived: input.quantityReceived !== undefined ? input.quantityReceived : (existing?.quantityReceived ?? 0),
    unitCostMicros: unitMicros,
    priceMicros,
    fulfillments: existing?.fulfillments ?? [],
    lineExtraFields: { ...(existing?.lineExtraFields ?? {}), ...(input.extraFields ?? {}), ...(input.lineExtraFields ?? {}) },
  };
}

function applyHeader(rec: PurchaseOrderRec, body: Patch, ctx: RouteContext): void {
  if (body.note !== undefined) rec.note = body.note;
  if (body.title !== undefined) rec.title = body.title;
  if (body.dueDate !== undefined) rec.dueDate = body.dueDate && new Date(body.dueDate).toISOString();
  if (body.vendorId !== undefined) rec.vendorId = body.vendorId;
  if (body.overrideNumber !== undefined) rec.overrideNumber = body.overrideNumber;
  if (body.reviewNote !== undefined) rec.reviewNote = body.reviewNote;
  if (body.vendorContactIds !== undefined) rec.vendorContactIds = [...body.vendorContactIds];
  if (body.shippingAddress !== undefined) rec.shippingAddress = body.shippingAddress && { ...body.shippingAddress };
  if (body.billingAddress !== undefined) rec.billingAddress = body.billingAddress && { ...body.billingAddress };
  if (body.extraFields !== undefined) rec.extraFields = { ...rec.extraFields, ...body.extraFields };
  if (body.costs !== undefined) rec.costs = body.costs.map((c) => ({ id: c.id ?? ctx.state.ids.take('cost'), name: c.name, type: c.type, amount: c.amount }));
}

export const createPurchaseOrder: Route = async (ctx) => {
  const body = parseBody(PurchaseOrderCreate, await ctx.body());
  checkReferences(ctx.data, body);
  const now = stamp();
  const orgId = ctx.data.organization.id;
  const number = ctx.state.poNumbers.get(orgId) ?? 1;
  const rec: PurchaseOrderRec = {
    id: ctx.state.ids.take('purchaseOrder'),
    organizationId: orgId,
    title: null,
    note: null,
    reviewNote: null,
    // "New purchase orders have the status Pending" (help: Purchase Order Workflow Overview).
    status: 'PENDING',
    dueDate: null,
    creatorId: ctx.userId,
    vendorId: null,
    autoGeneratedNumber: number,
    overrideNumber: null,
    approverId: null,
    approvalDate: null,
    createdAt: now,
    updatedAt: now,
    items: body.items.map((it) => toItem(it, ctx.data, undefined, () => ctx.state.ids.take('poItem'))),
    costs: [],
    vendorContactIds: [],
    shippingAddress: null,
    billingAddress: null,
    extraFields: {},
  };
  applyHeader(rec, body, ctx);
  ctx.state.poNumbers.set(orgId, number + 1);
  ctx.data.purchaseOrders.set(rec.id, rec);
  // Unlike a work order's, a purchase order's create answers 201 with the order itself, unwrapped.
  return { status: 201, body: purchaseOrderSingle(rec, ctx.data) };
};

function refuseLocked(rec: PurchaseOrderRec): void {
  if (rec.status === 'CANCELED') throw bodyError(400, [{ error: 'This Purchase Order has been canceled and cannot be modified', fieldPath: 'status', fieldValue: rec.status }]);
  if (rec.status === 'COMPLETED') throw bodyError(400, [{ error: 'This Purchase Order is completed: undo its completion before modifying it', fieldPath: 'status', fieldValue: rec.status }]);
}

function transition(rec: PurchaseOrderRec, to: PurchaseOrderStatus, userId: number, now: string, reviewNote?: string | null): void {
  if (to === rec.status) return;
  if (!PO_TRANSITIONS[rec.status].includes(to)) {
    throw fieldError(`Invalid status transition from ${rec.status} to ${to}`, 'status', to);
  }
  rec.status = to;
  if (to === 'APPROVED') {
    rec.approverId = userId;
    rec.approvalDate = now;
  }
  if (reviewNote !== undefined) rec.reviewNote = reviewNote;
}

export const patchPurchaseOrder: Route = async (ctx) => {
  const rec = order(ctx, 'Purchase Order Not Found');
  const body = parseBody(PurchaseOrderPatch, await ctx.body());
  refuseLocked(rec);
  checkReferences(ctx.data, body);
  const next = structuredClone(rec);
  const now = stamp(rec.updatedAt);
  applyHeader(next, body, ctx);
  if (body.items !== undefined) {
    // items is the full list: known ids are updated, new items added, the others removed.
    next.items = body.items.map((it, i) => {
      const existing = it.id === undefined ? undefined : rec.items.find((x) => x.id === it.id);
      if (it.id !== undefined && !existing) throw fieldError('Item not found', `items[${i}].id`, it.id);
      return toItem(it, ctx.data, existing, () => ctx.state.ids.take('poItem'));
    });
  }
  // Setting status here is deprecated in favour of the status endpoint, but still obeys its table.
  if (body.status != null) transition(next, body.status as PurchaseOrderStatus, ctx.userId, now);
  next.updatedAt = now;
  ctx.data.purchaseOrders.set(rec.id, next);
  return answer(ctx, next);
};

export const patchPurchaseOrderStatus: Route = async (ctx) => {
  const rec = order(ctx, 'Purchase Order Not Found');
  const body = parseBody(PurchaseOrderStatusBody, await ctx.body());
  const now = stamp(rec.updatedAt);
  const before = rec.status;
  transition(rec, body.status, ctx.userId, now, body.reviewNote);
  if (rec.status !== before || body.reviewNote !== undefined) rec.updatedAt = now;
  return answer(ctx, rec);
};

export const fulfillPurchaseOrder: Route = async (ctx) => {
  const rec = order(ctx, 'Purchase Order Not Found');
  const body = parseBody(FulfillmentBody, await ctx.body());
  if (rec.status !== 'APPROVED' && rec.status !== 'PARTIALLY_FULFILLED') {
    throw bodyError(400, [{ error: `A ${rec.status} Purchase Order cannot be fulfilled`, fieldPath: 'status', fieldValue: rec.status }]);
  }
  for (const [i, input] of body.items.entries()) {
    const item = rec.items.find((x) => x.id === input.id);
    if (!item) throw fieldError('Item not found', `items[${i}].id`, input.id);
  }
  for (const input of body.items) {
    const item = rec.items.find((x) => x.id === input.id)!;
    if (input.unitCost !== undefined) {
      item.unitCostMicros = centsToMicros(input.unitCost);
      item.priceMicros = lineMicros(item.quantityOrdered, item.unitCostMicros);
    }
    const before = item.quantityReceived ?? 0;
    if ('fulfillments' in input) {
      for (const f of input.fulfillments) item.fulfillments.push({ id: ctx.state.ids.take('fulfillment'), locationId: f.locationId, quantityReceived: f.quantityReceived, isLegacy: false });
      item.quantityReceived = before + input.fulfillments.reduce((n, f) => n + f.quantityReceived, 0);
    } else {
      item.quantityReceived = input.quantityReceived;
    }
    // Received parts go into stock (MaintainX adds them to the parts inventory).
    const part = item.partId === null ? undefined : ctx.data.parts.get(item.partId);
    const stock = part?.locations[0];
    if (part && stock) {
      stock.availableQuantity += Math.round((item.quantityReceived ?? 0) - before);
      part.updatedAt = stamp(part.updatedAt);
    }
  }
  rec.status = 'PARTIALLY_FULFILLED';
  rec.updatedAt = stamp(rec.updatedAt);
  return answer(ctx, rec);
};

export const deletePurchaseOrder: Route = (ctx) => {
  const rec = order(ctx, 'purchaseOrder Not Found');
  ctx.data.purchaseOrders.delete(rec.id);
  return { status: 204 };
};

