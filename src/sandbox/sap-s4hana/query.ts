/**
 * The system query options of an OData V2 request ($filter, $select, $expand, $orderby, $top,
 * $skip, $skiptoken, $inlinecount, $format) checked against the entity type, as Gateway checks
 * them: an unknown property or navigation is a 400, not something ignored.
 */
import { badRequest } from './errors.js';
import { FilterError, checkFilter, parseFilter, type Node } from './filter.js';
import { property, spec, type EdmEntityType, type ServiceName } from './spec.js';
import type { Shape } from './serialize.js';

export interface Query {
  filter?: Node;
  top?: number;
  skip: number;
  /** Records of this listing already given (server-driven paging). */
  skiptoken: number;
  inlinecount: boolean;
  orderby: { name: string; desc: boolean }[];
  shape: Shape;
  /** `$format=json`, or an Accept header that asks for JSON. */
  json: boolean;
}

function count(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for system query option ${name}`);
  return Number(raw);
}

function typeOf(service: ServiceName, name: string): EdmEntityType {
  return spec.services[service].entityTypes[name]!;
}

/** The $expand tree with the $select names of each level, checked against the types. */
export function shapeOf(service: ServiceName, typeName: string, select: string | null, expand: string | null): Shape {
  const root: Shape = { expand: new Map() };
  const types = new Map<Shape, string>([[root, typeName]]);
  const walk = (path: string, onLast: (shape: Shape, name: string, type: EdmEntityType, typeName: string) => void) => {
    let shape = root;
    const parts = path.split('/');
    for (const [i, part] of parts.entries()) {
      const tn = types.get(shape)!;
      const type = typeOf(service, tn);
      if (i === parts.length - 1) return onLast(shape, part, type, tn);
      const nav = type.navigation.find((n) => n.name === part);
      if (!nav) throw badRequest(`Property ${part} not found in type ${tn}`);
      let next = shape.expand.get(part);
      if (!next) {
        next = { expand: new Map() };
        shape.expand.set(part, next);
        types.set(next, nav.type);
      }
      shape = next;
    }
  };
  for (const path of (expand ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    walk(`${path}/`, () => {});
  }
  for (const path of (select ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    walk(path, (shape, name, type, tn) => {
      if (name === '*') {
        shape.select = undefined;
        return;
      }
      if (!property(type, name) && !type.navigation.some((n) => n.name === name)) throw badRequest(`Property ${name} not found in type ${tn}`);
      (shape.select ??= new Set()).add(name);
    });
  }
  return root;
}

export function parseQuery(params: URLSearchParams, accept: string | undefined, service: ServiceName, typeName: string): Query {
  const type = typeOf(service, typeName);
  let filter: Node | undefined;
  const f = params.get('$filter');
  if (f !== null && f.trim() !== '') {
    try {
      filter = parseFilter(f);
      checkFilter(filter, type, typeName);
    } catch (err) {
      if (err instanceof FilterError) throw badRequest(`Invalid filter expression: ${err.message}`);
      throw err;
    }
  }
  const orderby = (params.get('$orderby') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      const [name = '', dir = 'asc', ...rest] = term.split(/\s+/);
      if (rest.length || !/^(asc|desc)$/i.test(dir)) throw badRequest(`Invalid $orderby term '${term}'`);
      if (!property(type, name)) throw badRequest(`Property ${name} not found in type ${typeName}`);
      return { name, desc: dir.toLowerCase() === 'desc' };
    });
  const inline = params.get('$inlinecount');
  if (inline !== null && inline !== 'allpages' && inline !== 'none') throw badRequest(`Invalid value '${inline}' for system query option $inlinecount`);
  const format = params.get('$format');
  if (format !== null && !/^(json|xml|atom)$/i.test(format)) throw badRequest(`Invalid value '${format}' for system query option $format`);
  const top = count(params, '$top');
  return {
    ...(filter ? { filter } : {}),
    ...(top !== undefined ? { top } : {}),
    skip: count(params, '$skip') ?? 0,
    skiptoken: count(params, '$skiptoken') ?? 0,
    inlinecount: inline === 'allpages',
    orderby,
    shape: shapeOf(service, typeName, params.get('$select'), params.get('$expand')),
    json: format !== null ? /^json$/i.test(format) : /application\/json/i.test(accept ?? ''),
  };
}
