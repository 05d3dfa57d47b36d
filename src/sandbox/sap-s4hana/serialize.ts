/**
 * Entities as SAP Gateway writes them in OData V2 JSON: `__metadata` (id, uri, type) first, then
 * every property of the entity type in EDMX order (or those $select names), then the navigation
 * properties — `{"__deferred":{"uri":…}}` unless expanded, `{"results":[…]}` for an expanded
 * collection, the entity itself for an expanded to-one. Built as text from per-type templates,
 * because a page of a thousand orders with their items is a few megabytes.
 */
import type { SimItem, SimOrder } from './generate.js';
import type { SupplierRecord } from './catalog.js';
import { BP_SERVICE, PO_SERVICE, spec, type EdmEntityType, type EdmProperty, type ServiceName } from './spec.js';
import { LAYOUT, encoderOf, wire, type Encoder, type Entity } from './values.js';
import { supplierCompany, supplierEntity, supplierPurchasingOrg } from './suppliers.js';

export interface Kind {
  service: ServiceName;
  type: EdmEntityType;
  typeName: string;
  set: string;
  /** The key predicate of an entity: `('4500000001')` or `(A='…',B='…')`. */
  key(e: Entity): string;
  /** Per property: `,"Name":` (the first without the comma is never needed: __metadata leads). */
  prefixes: string[];
  /** `,"type":"NS.Type"}}`-like tail of __metadata, and per navigation the text around a deferred link. */
  metaType: string;
  deferred: Map<string, [string, string]>;
}

function kind(service: ServiceName, typeName: string, set: string): Kind {
  const type = spec.services[service].entityTypes[typeName]!;
  const quote = (v: unknown) => {
    const text = String(v);
    return text.includes("'") ? `'${text.replace(/'/g, "''")}'` : `'${text}'`;
  };
  const [k1, k2] = type.key;
  const key =
    type.key.length === 1
      ? (e: Entity) => `(${quote(e[k1!])})`
      : type.key.length === 2
        ? (e: Entity) => `(${k1}=${quote(e[k1!])},${k2}=${quote(e[k2!])})`
        : (e: Entity) => `(${type.key.map((k) => `${k}=${quote(e[k])}`).join(',')})`;
  return {
    service,
    type,
    typeName,
    set,
    key,
    prefixes: type.properties.map((p) => `,${JSON.stringify(p.name)}:`),
    metaType: `,"type":"${spec.services[service].namespace}.${typeName}"}`,
    deferred: new Map(type.navigation.map((n) => [n.name, [`,"${n.name}":{"__deferred":{"uri":`, `/${n.name}"}}`]])),
  };
}

export const kinds = {
  order: kind(PO_SERVICE, 'A_PurchaseOrderType', 'A_PurchaseOrder'),
  item: kind(PO_SERVICE, 'A_PurchaseOrderItemType', 'A_PurchaseOrderItem'),
  schedule: kind(PO_SERVICE, 'A_PurchaseOrderScheduleLineType', 'A_PurchaseOrderScheduleLine'),
  supplier: kind(BP_SERVICE, 'A_SupplierType', 'A_Supplier'),
  supplierPurchasingOrg: kind(BP_SERVICE, 'A_SupplierPurchasingOrgType', 'A_SupplierPurchasingOrg'),
  supplierCompany: kind(BP_SERVICE, 'A_SupplierCompanyType', 'A_SupplierCompany'),
} as const;

/** An entity to write, with how to reach what its navigation properties lead to. */
export interface Node {
  kind: Kind;
  data: Entity;
  /** A to-many navigation gives a list (empty when the simulator keeps no such records), a to-one a node or null. */
  nav(name: string): Node[] | Node | null;
}

export function scheduleNode(s: Entity): Node {
  return { kind: kinds.schedule, data: s, nav: () => [] };
}

export function itemNode(it: SimItem, order: SimOrder): Node {
  return {
    kind: kinds.item,
    data: it.item,
    nav: (name) => (name === 'to_ScheduleLine' ? it.schedules.map(scheduleNode) : name === 'to_PurchaseOrder' ? orderNode(order) : []),
  };
}

export function orderNode(order: SimOrder): Node {
  return { kind: kinds.order, data: order.header, nav: (name) => (name === 'to_PurchaseOrderItem' ? order.items.map((it) => itemNode(it, order)) : []) };
}

export function supplierNode(s: SupplierRecord): Node {
  return {
    kind: kinds.supplier,
    data: supplierEntity(s),
    nav: (name) =>
      name === 'to_SupplierPurchasingOrg'
        ? [{ kind: kinds.supplierPurchasingOrg, data: supplierPurchasingOrg(s), nav: () => [] }]
        : name === 'to_SupplierCompany'
          ? [{ kind: kinds.supplierCompany, data: supplierCompany(s), nav: (n) => (n === 'to_Supplier' ? supplierNode(s) : []) }]
          : [],
  };
}

/** What of an entity to write: the $select names at this level (undefined: all) and the $expand tree. */
export interface Shape {
  select?: Set<string>;
  expand: Map<string, Shape>;
}

export const fullShape = (): Shape => ({ expand: new Map() });

/** Service roots by service, absolute (from the request's Host), with a trailing slash. */
export type Roots = Record<ServiceName, string>;

/**
 * A compiled layout of one entity type for one set of present properties (and one $select):
 * the text between the values that vary is fixed, so an entity costs its set values, not the
 * hundred-odd properties of its type. Layouts are cached by that signature.
 */
interface Layout {
  /** consts[i] comes before value i; consts[props.length] after the last. */
  consts: string[];
  names: string[];
  encoders: Encoder[];
}

const layouts = new Map<Kind, Map<string, Map<string, Layout>>>();
const selectKeys = new WeakMap<Set<string>, string>();

function layoutOf(k: Kind, data: Entity, select: Set<string> | undefined): Layout {
  let selectKey = '';
  if (select) {
    selectKey = selectKeys.get(select) ?? [...select].sort().join(',');
    selectKeys.set(select, selectKey);
  }
  let byKind = layouts.get(k);
  if (!byKind) layouts.set(k, (byKind = new Map()));
  let bySelect = byKind.get(selectKey);
  if (!bySelect) byKind.set(selectKey, (bySelect = new Map()));
  const signature = (data as { [LAYOUT]?: string })[LAYOUT] ?? Object.keys(data).join(',');
  let layout = bySelect.get(signature);
  if (layout) return layout;
  const consts: string[] = [''];
  const props: EdmProperty[] = [];
  k.type.properties.forEach((p, i) => {
    if (select && !select.has(p.name)) return;
    if (Object.hasOwn(data, p.name)) {
      consts[consts.length - 1] += k.prefixes[i]!;
      props.push(p);
      consts.push('');
    } else {
      consts[consts.length - 1] += k.prefixes[i]! + wire(p, undefined);
    }
  });
  layout = { consts, names: props.map((p) => p.name), encoders: props.map(encoderOf) };
  if (bySelect.size < 1000) bySelect.set(signature, layout);
  return layout;
}

export function entityJson(node: Node, shape: Shape, roots: Roots): string {
  const k = node.kind;
  const data = node.data;
  const uri = JSON.stringify(`${roots[k.service]}${k.set}${k.key(data)}`);
  let out = '{"__metadata":{"id":';
  out += uri;
  out += ',"uri":';
  out += uri;
  out += k.metaType;
  const select = shape.select;
  const { consts, names, encoders } = layoutOf(k, data, select);
  for (let i = 0; i < names.length; i += 1) {
    out += consts[i]!;
    out += encoders[i]!(data[names[i]!]!);
  }
  out += consts[names.length]!;
  const link = uri.slice(0, -1);
  for (const nav of k.type.navigation) {
    const sub = shape.expand.get(nav.name);
    if (select && !sub && !select.has(nav.name)) continue;
    if (!sub) {
      const [before, after] = k.deferred.get(nav.name)!;
      out += before;
      out += link;
      out += after;
      continue;
    }
    const target = node.nav(nav.name);
    if (Array.isArray(target)) {
      out += `,"${nav.name}":{"results":[`;
      for (let i = 0; i < target.length; i += 1) out += (i ? ',' : '') + entityJson(target[i]!, sub, roots);
      out += ']}';
    } else out += `,"${nav.name}":${target ? entityJson(target, sub, roots) : 'null'}`;
  }
  return `${out}}`;
}

/** `{"d":{…}}` of one entity. */
export function entityBody(node: Node, shape: Shape, roots: Roots): string {
  return `{"d":${entityJson(node, shape, roots)}}`;
}

/**
 * `{"d":{"__count":"n","results":[…],"__next":"…"}}` of a collection (SAP writes __count before
 * results), in chunks of a few dozen entities: a page of a thousand orders is megabytes, and is
 * sent as it is written rather than built whole first.
 */
export function* collectionBody(nodes: Node[], shape: Shape, roots: Roots, extra: { count?: number; next?: string }): Generator<string> {
  let chunk = `{"d":{${extra.count !== undefined ? `"__count":"${extra.count}",` : ''}"results":[`;
  for (let i = 0; i < nodes.length; i += 1) {
    chunk += (i ? ',' : '') + entityJson(nodes[i]!, shape, roots);
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]${extra.next ? `,"__next":${JSON.stringify(extra.next)}` : ''}}}`;
}
