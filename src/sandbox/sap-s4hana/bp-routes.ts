/**
 * The supplier part of API_BUSINESS_PARTNER (read only in this simulator): A_Supplier with
 * to_SupplierPurchasingOrg and to_SupplierCompany, and those two sets on their own.
 */
import type { SupplierRecord } from './catalog.js';
import { nodePage } from './collections.js';
import { methodNotAllowed, notFound, notSimulated } from './errors.js';
import type { Answer, RouteContext } from './po-routes.js';
import { parseQuery, type Query } from './query.js';
import { keyValue } from './resource.js';
import { collectionBody, entityBody, kinds, supplierNode, type Node } from './serialize.js';
import { BP_SERVICE, types } from './spec.js';
import { supplierCompany, supplierPurchasingOrg } from './suppliers.js';

const json = (status: number, body: string | Iterable<string>): Answer => ({ status, body, contentType: 'application/json' });

function page(ctx: RouteContext, typeName: string, all: Node[]): Answer {
  const parsed = parseQuery(ctx.params, ctx.accept, BP_SERVICE, typeName);
  const q: Query = ctx.resource.count ? { ...parsed, inlinecount: true, top: 0 } : parsed;
  const type = typeName === 'A_SupplierType' ? types.supplier : typeName === 'A_SupplierPurchasingOrgType' ? types.supplierPurchasingOrg : types.supplierCompany;
  const p = nodePage(all, q, ctx.limits, type);
  if (ctx.resource.count) return { status: 200, body: String(p.count ?? 0), contentType: 'text/plain' };
  const next = (token: number) => {
    const params = new URLSearchParams(ctx.params);
    params.set('$skiptoken', String(token));
    return `${ctx.roots[BP_SERVICE]}${ctx.path}?${params.toString().replace(/%24/g, '$')}`;
  };
  return json(200, collectionBody(p.records, q.shape, ctx.roots, { ...(p.count !== undefined ? { count: p.count } : {}), ...(p.nextToken !== undefined ? { next: next(p.nextToken) } : {}) }));
}

const orgNode = (s: SupplierRecord): Node => ({ kind: kinds.supplierPurchasingOrg, data: supplierPurchasingOrg(s), nav: () => [] });
const companyNode = (s: SupplierRecord): Node => ({ kind: kinds.supplierCompany, data: supplierCompany(s), nav: (n) => (n === 'to_Supplier' ? supplierNode(s) : []) });

export function businessPartnerRoute(ctx: RouteContext): Answer {
  const { resource: r, method } = ctx;
  if (method !== 'GET') throw method === 'POST' || method === 'PATCH' || method === 'MERGE' || method === 'DELETE' ? notSimulated('Changing business partners') : methodNotAllowed(method);
  const suppliers = ctx.store.suppliers;
  const find = (id: string | undefined) => {
    const s = suppliers.find((x) => x.supplier === id);
    if (!s) throw notFound('A_SupplierType');
    return s;
  };
  switch (r.set) {
    case 'A_Supplier': {
      if (!r.key) return page(ctx, 'A_SupplierType', suppliers.map(supplierNode));
      const s = find(keyValue(r.key, 'Supplier', true));
      if (r.nav === 'to_SupplierPurchasingOrg') return page(ctx, 'A_SupplierPurchasingOrgType', [orgNode(s)]);
      if (r.nav === 'to_SupplierCompany') return page(ctx, 'A_SupplierCompanyType', [companyNode(s)]);
      if (r.nav === 'to_SupplierText') return json(200, collectionBody([], { expand: new Map() }, ctx.roots, {}));
      if (r.nav !== undefined) throw notFound(r.nav);
      return json(200, entityBody(supplierNode(s), parseQuery(ctx.params, ctx.accept, BP_SERVICE, 'A_SupplierType').shape, ctx.roots));
    }
    case 'A_SupplierPurchasingOrg': {
      if (!r.key) return page(ctx, 'A_SupplierPurchasingOrgType', suppliers.map(orgNode));
      const s = find(keyValue(r.key, 'Supplier', false));
      if (keyValue(r.key, 'PurchasingOrganization', false) !== s.purchasingOrganization) throw notFound('A_SupplierPurchasingOrgType');
      return json(200, entityBody(orgNode(s), parseQuery(ctx.params, ctx.accept, BP_SERVICE, 'A_SupplierPurchasingOrgType').shape, ctx.roots));
    }
    case 'A_SupplierCompany': {
      if (!r.key) return page(ctx, 'A_SupplierCompanyType', suppliers.map(companyNode));
      const s = find(keyValue(r.key, 'Supplier', false));
      if (keyValue(r.key, 'CompanyCode', false) !== s.companyCode) throw notFound('A_SupplierCompanyType');
      return json(200, entityBody(companyNode(s), parseQuery(ctx.params, ctx.accept, BP_SERVICE, 'A_SupplierCompanyType').shape, ctx.roots));
    }
    default:
      throw notSimulated(`The entity set ${r.set}`);
  }
}
