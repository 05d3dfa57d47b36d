/**
 * Work orders: list (cursor paging, filters, sort, expansions), get, create (answers only the new
 * id, 200 `{"id": …}`), update, status changes through PATCH /workorders/{id}/status, delete (204).
 */
import { expandSet, type Route, type RouteContext } from './context.js';
import { many, readSort, timeFiltered } from './filters.js';
import { fieldError, queryError, stamp } from './http-util.js';
import { cursorPage } from './paging.js';
import { parseBody, WorkOrderCreate, WorkOrderPatch, WorkOrderStatusBody, type WorkOrderPatch as Patch } from './bodies.js';
import { workOrderListItem, workOrderSingle } from './render.js';
import { listAnswer } from './routes-reads.js';
import type { OrgData, WorkOrderRec } from './types.js';

const SORTS: Record<string, (w: WorkOrderRec) => string | null> = {
  updatedAt: (w) => w.updatedAt,
  createdAt: (w) => w.createdAt,
  dueDate: (w) => w.dueDate,
  // MaintainX names the start of work "startedAt" in sort (a work order's startDate).
  startedAt: (w) => w.startDate,
  completedAt: (w) => w.completedAt,
};

export const listWorkOrders: Route = (ctx) => {
  const q = ctx.query;
  let all = timeFiltered([...ctx.data.workOrders.values()], q, ctx.state.timestampFilters);
  const statuses = many(q, 'statuses');
  const priorities = many(q, 'priorities');
  const assets = many(q, 'assets').map(Number);
  const locations = many(q, 'locations').map(Number);
  const title = q.get('title');
  if (statuses.length) all = all.filter((w) => statuses.includes(w.status));
  if (priorities.length) all = all.filter((w) => priorities.includes(w.priority));
  if (assets.length) all = all.filter((w) => w.assetId !== null && assets.includes(w.assetId));
  if (locations.length) all = all.filter((w) => w.locationId !== null && locations.includes(w.locationId));
  if (title !== null) all = all.filter((w) => w.title.toLowerCase().includes(title.toLowerCase()));
  const { sortValue, descending } = readSort(q, SORTS);
  const page = cursorPage(all, q, sortValue, descending);
  const expand = expandSet(q);
  return listAnswer('workOrders', ctx, page.items.map((w) => workOrderListItem(w, ctx.data, expand)), page.nextCursor);
};

function workOrder(ctx: RouteContext, notFound: string): WorkOrderRec {
  if (ctx.id === undefined) throw queryError(404, notFound);
  // ?useSequentialId=true addresses a work order by its organization-level number.
  const rec = ctx.query.get('useSequentialId') === 'true' ? [...ctx.data.workOrders.values()].find((w) => w.sequentialId === ctx.id) : ctx.data.workOrders.get(ctx.id);
  if (!rec) throw queryError(404, notFound);
  return rec;
}

export const getWorkOrder: Route = (ctx) => ({ status: 200, body: { workOrder: workOrderSingle(workOrder(ctx, 'Not Found.'), ctx.data, expandSet(ctx.query)) } });

/** References must name records of the organization; each bad one is refused by its field. */
function checkReferences(data: OrgData, body: Patch): void {
  if (body.assetId != null && !data.assets.has(body.assetId)) throw fieldError('Asset not found', 'assetId', body.assetId);
  if (body.locationId != null && !data.locations.has(body.locationId)) throw fieldError('Location not found', 'locationId', body.locationId);
  body.vendorIds?.forEach((v, i) => {
    if (!data.vendors.has(v)) throw fieldError('Vendor not found', `vendorIds[${i}]`, v);
  });
  body.partsUsed?.forEach((p, i) => {
    if (!data.parts.has(p.partId)) throw fieldError('Part not found', `partsUsed[${i}].partId`, p.partId);
  });
  body.assignees?.forEach((a, i) => {
    const known = a.type === 'USER' ? data.userIds : data.teamIds;
    if (typeof a.id === 'number' && !known.includes(a.id)) throw fieldError(`${a.type === 'USER' ? 'User' : 'Team'} not found`, `assignees[${i}].id`, a.id);
  });
}

function apply(rec: WorkOrderRec, body: Patch, data: OrgData): void {
  if (body.title !== undefined) rec.title = body.title;
  if (body.description !== undefined) rec.description = body.description;
  if (body.priority !== undefined) rec.priority = body.priority;
  if (body.type !== undefined) rec.type = body.type;
  if (body.assetId !== undefined) rec.assetId = body.assetId;
  if (body.locationId !== undefined) rec.locationId = body.locationId;
  if (body.dueDate !== undefined) rec.dueDate = body.dueDate && new Date(body.dueDate).toISOString();
  if (body.startDate !== undefined) rec.startDate = body.startDate && new Date(body.startDate).toISOString();
  if (body.assignees !== undefined) rec.assignees = body.assignees.map((a) => ({ type: a.type, id: typeof a.id === 'number' ? a.id : data.userIds[0]! }));
  if (body.categories !== undefined) rec.categories = [...body.categories];
  if (body.requesterId !== undefined) rec.requesterId = typeof body.requesterId === 'number' || body.requesterId === null ? body.requesterId : data.userIds[0]!;
  if (body.estimatedTime !== undefined) rec.estimatedTime = body.estimatedTime;
  if (body.extraFields !== undefined) rec.extraFields = { ...rec.extraFields, ...body.extraFields };
  if (body.vendorIds !== undefined) rec.vendorIds = [...body.vendorIds];
  if (body.partsUsed !== undefined) rec.parts = body.partsUsed.map((p) => ({ partId: p.partId, quantityUsed: p.quantityUsed, locationId: p.locationId ?? null }));
  if (body.externalData !== undefined) rec.externalData = body.externalData;
  // "startDate: only valid when dueDate is set" (OpenAPI, work order startDate).
  if (rec.startDate !== null && rec.dueDate === null) throw fieldError('startDate is only valid when dueDate is set', 'startDate', rec.startDate);
}

export const createWorkOrder: Route = async (ctx) => {
  const body = parseBody(WorkOrderCreate, await ctx.body());
  checkReferences(ctx.data, body);
  const now = stamp();
  const seq = ctx.state.woNumbers.get(ctx.data.organization.id) ?? 1;
  const rec: WorkOrderRec = {
    id: ctx.state.ids.take('workOrder'),
    sequentialId: seq,
    organizationId: ctx.data.organization.id,
    title: body.title,
    description: null,
    status: 'OPEN',
    priority: 'NONE',
    type: 'REACTIVE',
    locationId: null,
    assetId: null,
    assignees: [],
    categories: [],
    requesterId: null,
    creatorId: ctx.userId,
    completerId: null,
    createdAt: now,
    updatedAt: now,
    startDate: null,
    dueDate: null,
    dueDateIsFullDay: null,
    completedAt: null,
    lastMessageSentAt: null,
    extraFields: {},
    vendorIds: [],
    parts: [],
    estimatedTime: null,
    workOrderSummary: null,
    recurrenceInfo: null,
  };
  apply(rec, body, ctx.data);
  if (rec.dueDate !== null) rec.dueDateIsFullDay = false;
  ctx.state.woNumbers.set(ctx.data.organization.id, seq + 1);
  ctx.data.workOrders.set(rec.id, rec);
  // POST /workorders answers only the new id (its 200 schema: { id }).
  return { status: 200, body: { id: rec.id } };
};

export const patchWorkOrder: Route = async (ctx) => {
  const rec = workOrder(ctx, 'Work Order Not Found');
  const body = parseBody(WorkOrderPatch, await ctx.body());
  checkReferences(ctx.data, body);
  const next = structuredClone(rec);
  apply(next, body, ctx.data);
  next.updatedAt = stamp(rec.updatedAt);
  ctx.data.workOrders.set(rec.id, next);
  return { status: 200, body: { workOrder: workOrderSingle(next, ctx.data, expandSet(ctx.query)) } };
};

export const patchWorkOrderStatus: Route = async (ctx) => {
  const rec = workOrder(ctx, 'Work Order Not Found');
  const { status } = parseBody(WorkOrderStatusBody, await ctx.body());
  const now = stamp(rec.updatedAt);
  if (status !== rec.status) {
    rec.status = status;
    // completedAt is "the last time the work order was marked as DONE": kept when reopened.
    if (status === 'DONE') {
      rec.completedAt = now;
      rec.completerId = ctx.userId;
    }
    rec.updatedAt = now;
  }
  return { status: 200, body: { workOrder: workOrderSingle(rec, ctx.data, expandSet(ctx.query)) } };
};

export const deleteWorkOrder: Route = (ctx) => {
  const rec = workOrder(ctx, 'workOrder Not Found');
  ctx.data.workOrders.delete(rec.id);
  return { status: 204 };
};
