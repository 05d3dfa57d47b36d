/**
 * Reading collections the way the service pages them: $filter, $orderby, $skip/$top, the count
 * of $inlinecount=allpages, and server-driven paging — a page never holds more than the
 * server's limit (5,000 with $top, 100 without, as SAP documents for services that enforce
 * paging: community blog "How to deal with OData services that return only 100 entities";
 * protocol notes §1.4), and a cut page ends with `__next` carrying `$skiptoken`.
 */
import { matches } from './filter.js';
import type { SimOrder } from './generate.js';
import type { Query } from './query.js';
import type { Node } from './serialize.js';
import { types, type EdmEntityType } from './spec.js';
import type { OrderStore } from './store.js';

export interface PagingLimits {
  /** Most records one answer holds when the client gave $top. */
  maxPageSize: number;
  /** Records one answer holds when the client gave no $top. */
  pageSizeWithoutTop: number;
}

export interface Page<T> {
  records: T[];
  count?: number;
  /** $skiptoken of the next page, when this one was cut by the server. */
  nextToken?: number;
}

/** Where this answer starts and how many it may hold, from $skip, $top, $skiptoken and the limits. */
function window(q: Query, limits: PagingLimits): { start: number; take: number; remaining: number } {
  const remaining = q.top === undefined ? Number.POSITIVE_INFINITY : Math.max(0, q.top - q.skiptoken);
  const take = Math.min(remaining, q.top === undefined ? limits.pageSizeWithoutTop : limits.maxPageSize);
  return { start: q.skip + q.skiptoken, take, remaining };
}

function compareBy(order: Query['orderby'], valueOf: (r: unknown, name: string) => unknown): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const { name, desc } of order) {
      const x = valueOf(a, name);
      const y = valueOf(b, name);
      const c = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : typeof x === 'number' || /^-?\d+(\.\d+)?$/.test(String(x)) ? Number(x) - Number(y) : String(x) < String(y) ? -1 : 1;
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}

/** A page of purchase orders (fast paths for key order and change-time order). */
export function orderPage(store: OrderStore, q: Query, limits: PagingLimits): Page<SimOrder> {
  const { start, take, remaining } = window(q, limits);
  const ob = q.orderby;
  const keyOrder = ob.length === 0 || (ob.length === 1 && ob[0]!.name === 'PurchaseOrder' && !ob[0]!.desc);
  const changeOrder = ob.length > 0 && ob[0]!.name === 'LastChangeDateTime' && !ob[0]!.desc && ob.slice(1).every((o) => o.name === 'PurchaseOrder' && !o.desc);
  let records: SimOrder[];
  let count: number | undefined;
  if (keyOrder || changeOrder) {
    const listing = store.list(q.filter, { skip: start, top: take + 1, byChangeTime: changeOrder, count: q.inlinecount });
    records = listing.orders;
    count = listing.total;
  } else {
    const all = store.list(q.filter, { skip: 0, top: Number.POSITIVE_INFINITY }).orders;
    all.sort(compareBy(ob, (r, name) => (r as SimOrder).header[name]));
    count = all.length;
    records = all.slice(start, start + take + 1);
  }
  const more = records.length > take && remaining > take;
  return { records: records.slice(0, take), ...(q.inlinecount ? { count } : {}), ...(more ? { nextToken: q.skiptoken + take } : {}) };
}

/** A page of any other collection (items, schedule lines, suppliers), given all its nodes. */
export function nodePage(all: Node[], q: Query, limits: PagingLimits, type: EdmEntityType = all[0]?.kind.type ?? types.order): Page<Node> {
  const { start, take, remaining } = window(q, limits);
  let list = q.filter ? all.filter((n) => matches(q.filter!, n.data, type)) : all;
  if (q.orderby.length) list = [...list].sort(compareBy(q.orderby, (r, name) => (r as Node).data[name]));
  const records = list.slice(start, start + take);
  const more = list.length > start + take && remaining > take;
  return { records, ...(q.inlinecount ? { count: list.length } : {}), ...(more ? { nextToken: q.skiptoken + take } : {}) };
}
