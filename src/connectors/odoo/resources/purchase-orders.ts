/**
 * Purchase orders: purchase.order, with per page one batched read each of their lines
 * (purchase.order.line), the lines' products, the vendors' codes, the currencies' decimals and
 * the addresses (drop-ship address, the company's), embedded in the native record.
 */
import { defineResource } from '../../../kit/definition.js';
import { readAddresses } from '../address.js';
import type { Domain, OdooClient } from '../client.js';
import { changedSince, groupBy, idPages } from '../listing.js';
import { PurchaseLineRaw, PurchaseRaw, fieldNames, type Replace } from '../raw.js';
import { instant, latest, m2oId, toId } from '../values.js';
import { toPurchaseOrder } from './purchase-order-map.js';
import { purchaseOrderMapping } from './purchase-order-mapping.js';
import { purchaseOrderWrites } from './purchase-order-writes.js';

type Header = Replace<PurchaseRaw, { order_line: number[] }>;

export const MODEL = 'purchase.order';
const HEADER_FIELDS = fieldNames(PurchaseRaw.shape);
const LINE_FIELDS = fieldNames(PurchaseLineRaw.shape);

/** Headers → native records with their lines and what the mapping needs of related records. */
export async function withDetails(client: OdooClient, headers: Header[]): Promise<PurchaseRaw[]> {
  if (headers.length === 0) return [];
  const lines = await client.searchRead<PurchaseLineRaw>('purchase.order.line', [['order_id', 'in', headers.map((h) => h.id)]], LINE_FIELDS, { order: 'order_id, sequence, id' });
  const companies = [...new Set(headers.map((h) => m2oId(h.company_id)).filter((c): c is number => c !== null))];
  const [products, partners, currencies, companyRows] = await Promise.all([
    client.read<{ id: number; default_code: string | false; type: string | false }>('product.product', lines.map((l) => m2oId(l.product_id)).filter((p): p is number => p !== null), ['default_code', 'type']),
    client.read<{ id: number; ref: string | false }>('res.partner', headers.map((h) => m2oId(h.partner_id)).filter((p): p is number => p !== null), ['ref']),
    client.read<{ id: number; name: string | false; decimal_places: number }>('res.currency', headers.map((h) => m2oId(h.currency_id)).filter((c): c is number => c !== null), ['name', 'decimal_places']),
    client.read<{ id: number; partner_id: [number, string] | false }>('res.company', companies, ['partner_id']),
  ]);
  const addresses = await readAddresses(client, [...headers.map((h) => m2oId(h.dest_address_id)), ...companyRows.map((c) => m2oId(c.partner_id))]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const currencyById = new Map(currencies.map((c) => [c.id, c]));
  const companyById = new Map(companyRows.map((c) => [c.id, c]));
  const byOrder = groupBy(lines, (l) => m2oId(l.order_id));
  return headers.map((h) => {
    const company = companyById.get(m2oId(h.company_id) ?? 0);
    return {
      ...h,
      order_line: (byOrder.get(h.id) ?? []).map((l) => ({ ...l, 'product_id.': productById.get(m2oId(l.product_id) ?? 0) ?? null })),
      'partner_id.': partnerById.get(m2oId(h.partner_id) ?? 0) ?? null,
      'currency_id.': currencyById.get(m2oId(h.currency_id) ?? 0) ?? null,
      'dest_address_id.': addresses.get(m2oId(h.dest_address_id) ?? 0) ?? null,
      'company_id.': company ? { id: company.id, 'partner_id.': addresses.get(m2oId(company.partner_id) ?? 0) ?? null } : null,
    };
  });
}

/**
 * Changed since: the order or any of its lines. A line written through purchase.order.line
 * leaves the order's own write_date alone (protocols-erp.md §6.4), hence `order_line.`.
 */
function domainFor(since: string | undefined): Domain {
  return since === undefined ? [] : changedSince(since, ['', 'order_line.']);
}

export function fetchOrders(client: OdooClient, domain: Domain, afterId: number, limit?: number): Promise<Header[]> {
  return client.searchRead<Header>(MODEL, [...domain, ['id', '>', afterId]], HEADER_FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) });
}

export async function getOrder(client: OdooClient, remoteId: string): Promise<PurchaseRaw | undefined> {
  const id = toId(remoteId);
  if (id === undefined) return undefined;
  const [record] = await withDetails(client, await client.searchRead<Header>(MODEL, [['id', '=', id]], HEADER_FIELDS));
  return record;
}

export const purchaseOrders = defineResource<OdooClient, PurchaseRaw>({
  entity: 'purchaseOrders',
  raw: PurchaseRaw,
  pageSize: 100,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: instant(raw.create_date),
    updatedAt: latest(instant(raw.write_date), instant(raw.create_date), ...raw.order_line.map((l) => instant(l.write_date))),
  }),
  list(client, opts) {
    const domain = domainFor(opts.since);
    return idPages({
      pageSize: opts.pageSize,
      resumeAfter: opts.resumeAfter,
      fetch: async (afterId, limit) => withDetails(client, await fetchOrders(client, domain, afterId, limit)),
    });
  },
  listIds: async (client) => (await client.search(MODEL, [], { order: 'id asc' })).map(String),
  get: getOrder,
  toUnified: toPurchaseOrder,
  writes: purchaseOrderWrites,
  mapping: purchaseOrderMapping,
});
