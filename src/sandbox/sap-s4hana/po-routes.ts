/**
 * The resources of API_PURCHASEORDER_PROCESS_SRV the simulator serves (OpenAPI paths of
 * OP_API_PURCHASEORDER_PROCESS_SRV_0001): A_PurchaseOrder (list, key, create, update, delete,
 * to_PurchaseOrderItem), A_PurchaseOrderItem (list, key, create, update, delete,
 * to_ScheduleLine, to_PurchaseOrder), A_PurchaseOrderScheduleLine (list, key, update). Notes,
 * account assignments, pricing elements and subcontracting components are served empty when
 * expanded and answered "not simulated" when addressed.
 */
import { collectionBody, entityBody, itemNode, orderNode, scheduleNode, fullShape, type Node, type Roots } from './serialize.js';
import { nodePage, orderPage, type Page, type PagingLimits } from './collections.js';
import { SapError, methodNotAllowed, notFound, notSimulated } from './errors.js';
import { matches } from './filter.js';
import { addItem, createOrder, deleteItem, deleteOrder, updateItem, updateOrder, updateSchedule } from './order-writes.js';
import { parseQuery, type Query } from './query.js';
import { keyValue, type Resource } from './resource.js';
import { PO_SERVICE, types } from './spec.js';
import type { OrderStore } from './store.js';

export interface RouteContext {
  store: OrderStore;
  limits: PagingLimits;
  roots: Roots;
  method: string;
  params: URLSearchParams;
  accept: string | undefined;
  body: unknown;
  user: string;
  resource: Resource;
  /** The request path under the service root (for __next links). */
  path: string;
}

export interface Answer {
  status: number;
  /** Text, or chunks of text written as they come (large collections). */
  body?: string | Iterable<string>;
  contentType?: string;
  headers?: Record<string, string>;
}

const json = (status: number, body: string | Iterable<string>, headers: Record<string, string> = {}): Answer => ({ status, body, contentType: 'application/json', headers });

/** `__next`: this request again from where the server cut it. */
function nextLink(ctx: RouteContext, token: number): string {
  const params = new URLSearchParams(ctx.params);
  params.delete('$skiptoken');
  params.set('$skiptoken', String(token));
  return `${ctx.roots[PO_SERVICE]}${ctx.path}?${params.toString().replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%27/g, "'")}`;
}

export function pageAnswer(ctx: RouteContext, q: Query, page: Page<Node>, next: (token: number) => string): Answer {
  if (ctx.resource.count) return { status: 200, body: String(page.count ?? page.records.length), contentType: 'text/plain' };
  return json(200, collectionBody(page.records, q.shape, ctx.roots, { ...(page.count !== undefined ? { count: page.count } : {}), ...(page.nextToken !== undefined ? { next: next(page.nextToken) } : {}) }));
}

function query(ctx: RouteContext, typeName: string): Query {
  const q = parseQuery(ctx.params, ctx.accept, PO_SERVICE, typeName);
  // $count answers the number of matches, whatever the paging.
  return ctx.resource.count ? { ...q, inlinecount: true, top: 0 } : q;
}

function order(ctx: RouteContext, number: string) {
  const o = ctx.store.byNumber(number);
  if (!o) throw notFound('A_PurchaseOrderType');
  return o;
}

/** Items of all orders, in key order, walking only as far as the page needs (unless sorted or counted). */
function itemNodes(ctx: RouteContext, q: Query, need: number): Node[] {
  const plan = ctx.store.plan(q.filter);
  const out: Node[] = [];
  const full = q.orderby.length > 0 || q.inlinecount;
  const visit = (i: number) => {
    const o = ctx.store.get(i);
    if (!o) return;
    for (const it of o.items) if (!q.filter || matches(q.filter, it.item, types.item)) out.push(itemNode(it, o));
  };
  for (let i = plan.lo; i < plan.hi && (full || out.length < need); i += 1) visit(i);
  for (let i = ctx.store.size; i < ctx.store.count && (full || out.length < need); i += 1) visit(i);
  return out;
}

function created(ctx: RouteContext, node: Node): Answer {
  const body = entityBody(node, fullShape(), ctx.roots);
  const k = node.kind;
  return json(201, body, { location: `${ctx.roots[k.service]}${k.set}${k.key(node.data)}` });
}

export function purchaseOrderRoute(ctx: RouteContext): Answer {
  const { resource: r, method, store } = ctx;
  const poKey = (k: Record<string, string> | undefined) => keyValue(k, 'PurchaseOrder', true);
  switch (r.set) {
    case 'A_PurchaseOrder': {
      const number = poKey(r.key);
      if (number === undefined) {
        if (method === 'GET') {
          const q = query(ctx, 'A_PurchaseOrderType');
          const page = orderPage(store, q, ctx.limits);
          return pageAnswer(ctx, q, { ...page, records: page.records.map(orderNode) }, (t) => nextLink(ctx, t));
        }
        if (method === 'POST') return created(ctx, orderNode(createOrder(store, ctx.body, ctx.user)));
        throw methodNotAllowed(method);
      }
      if (r.nav === 'to_PurchaseOrderItem') {
        if (method === 'POST') return created(ctx, itemNode(addItem(store, number, ctx.body), order(ctx, number)));
        if (method !== 'GET') throw methodNotAllowed(method);
        const o = order(ctx, number);
        const q = query(ctx, 'A_PurchaseOrderItemType');
        return pageAnswer(ctx, q, nodePage(o.items.map((it) => itemNode(it, o)), q, ctx.limits, types.item), (t) => nextLink(ctx, t));
      }
      if (r.nav === 'to_PurchaseOrderNote') {
        order(ctx, number);
        return json(200, collectionBody([], fullShape(), ctx.roots, {}));
      }
      if (r.nav !== undefined) throw notFound(r.nav);
      if (method === 'GET') {
        const q = query(ctx, 'A_PurchaseOrderType');
        return json(200, entityBody(orderNode(order(ctx, number)), q.shape, ctx.roots));
      }
      if (method === 'PATCH' || method === 'MERGE') {
        updateOrder(store, number, ctx.body);
        return { status: 204 };
      }
      if (method === 'DELETE') {
        deleteOrder(store, number);
        return { status: 204 };
      }
      throw methodNotAllowed(method);
    }
    case 'A_PurchaseOrderItem': {
      const number = keyValue(r.key, 'PurchaseOrder', false);
      const itemNo = keyValue(r.key, 'PurchaseOrderItem', false);
      if (!r.key) {
        if (method === 'POST') {
          const po = String((ctx.body as { PurchaseOrder?: unknown; d?: { PurchaseOrder?: unknown } } | null)?.PurchaseOrder ?? (ctx.body as { d?: { PurchaseOrder?: unknown } } | null)?.d?.PurchaseOrder ?? '');
          if (!po) throw new SapError(400, 'ME/083', 'Enter Purchase Order', { propertyref: 'PurchaseOrder' });
          return created(ctx, itemNode(addItem(store, po, ctx.body), order(ctx, po)));
        }
        if (method !== 'GET') throw methodNotAllowed(method);
        const q = query(ctx, 'A_PurchaseOrderItemType');
        const need = q.skip + q.skiptoken + Math.min(q.top ?? ctx.limits.pageSizeWithoutTop, ctx.limits.maxPageSize) + 1;
        return pageAnswer(ctx, q, nodePage(itemNodes(ctx, q, need), { ...q, filter: undefined } as Query, ctx.limits, types.item), (t) => nextLink(ctx, t));
      }
      if (number === undefined || itemNo === undefined) throw notFound('A_PurchaseOrderItemType');
      const o = order(ctx, number);
      const it = o.items.find((x) => x.item.PurchaseOrderItem === itemNo.replace(/^0+(?=\d)/, ''));
      if (!it) throw notFound('A_PurchaseOrderItemType');
      if (r.nav === 'to_ScheduleLine') {
        if (method !== 'GET') throw method === 'POST' ? notSimulated('Adding schedule lines') : methodNotAllowed(method);
        const q = query(ctx, 'A_PurchaseOrderScheduleLineType');
        return pageAnswer(ctx, q, nodePage(it.schedules.map(scheduleNode), q, ctx.limits, types.schedule), (t) => nextLink(ctx, t));
      }
      if (r.nav === 'to_PurchaseOrder') return json(200, entityBody(orderNode(o), query(ctx, 'A_PurchaseOrderType').shape, ctx.roots));
      if (r.nav !== undefined) {
        if (types.item.navigation.some((n) => n.name === r.nav) && method === 'GET') return json(200, collectionBody([], fullShape(), ctx.roots, {}));
        throw notFound(r.nav);
      }
      if (method === 'GET') return json(200, entityBody(itemNode(it, o), query(ctx, 'A_PurchaseOrderItemType').shape, ctx.roots));
      if (method === 'PATCH' || method === 'MERGE') {
        updateItem(store, number, itemNo, ctx.body);
        return { status: 204 };
      }
      if (method === 'DELETE') {
        deleteItem(store, number, itemNo);
        return { status: 204 };
      }
      throw methodNotAllowed(method);
    }
    case 'A_PurchaseOrderScheduleLine': {
      if (!r.key) {
        if (method !== 'GET') throw method === 'POST' ? notSimulated('Adding schedule lines') : methodNotAllowed(method);
        const q = query(ctx, 'A_PurchaseOrderScheduleLineType');
        const all: Node[] = [];
        for (let i = 0; i < store.count; i += 1) for (const it of store.get(i)?.items ?? []) all.push(...it.schedules.map(scheduleNode));
        return pageAnswer(ctx, q, nodePage(all, q, ctx.limits, types.schedule), (t) => nextLink(ctx, t));
      }
      const number = keyValue(r.key, 'PurchasingDocument', false) ?? '';
      const itemNo = keyValue(r.key, 'PurchasingDocumentItem', false) ?? '';
      const line = keyValue(r.key, 'ScheduleLine', false) ?? '';
      const it = order(ctx, number).items.find((x) => x.item.PurchaseOrderItem === itemNo.replace(/^0+(?=\d)/, ''));
      const s = it?.schedules.find((x) => x.ScheduleLine === line.replace(/^0+(?=\d)/, ''));
      if (!s) throw notFound('A_PurchaseOrderScheduleLineType');
      if (method === 'GET') return json(200, entityBody(scheduleNode(s), query(ctx, 'A_PurchaseOrderScheduleLineType').shape, ctx.roots));
      if (method === 'PATCH' || method === 'MERGE') {
        updateSchedule(store, number, itemNo, line, ctx.body);
        return { status: 204 };
      }
      throw method === 'DELETE' ? notSimulated('Deleting schedule lines') : methodNotAllowed(method);
    }
    case 'A_PurchaseOrderNote':
    case 'A_PurchaseOrderItemNote':
    case 'A_PurOrdAccountAssignment':
    case 'A_PurOrdPricingElement':
    case 'A_POSubcontractingComponent':
      throw notSimulated(`The entity set ${r.set}`);
    default:
      throw new SapError(404, '/IWBEP/CM_MGW_RT/021', `Resource not found for segment '${r.set}'`);
  }
}

