/**
 * Inventory items: product.product variants that are not services (storable and consumable
 * products), archived ones included, with per page one batched read each of their vendor
 * pricelist entries, their quants in internal locations, and their templates' write dates.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { Domain, OdooClient } from '../client.js';
import { ACTIVE_OR_NOT, changedSince, groupBy, idPages } from '../listing.js';
import { ProductRaw, QuantRaw, SupplierRaw, fieldNames, type Replace } from '../raw.js';
import { decimal, htmlToText, instant, latest, m2oId, m2oName, ref, text, toId } from '../values.js';
import { inventoryItemMapping } from './inventory-item-mapping.js';

type Product = Replace<ProductRaw, { seller_ids: number[]; stock_quant_ids: number[] }>;

const MODEL = 'product.product';
const GOODS: Domain = ['type', '!=', 'service'];
const PRODUCT_FIELDS = fieldNames(ProductRaw.shape);
const SUPPLIER_FIELDS = fieldNames(SupplierRaw.shape);
const QUANT_FIELDS = [...fieldNames(QuantRaw.shape), 'product_id'];

async function withDetails(client: OdooClient, products: Product[]): Promise<ProductRaw[]> {
  if (products.length === 0) return [];
  const ids = products.map((p) => p.id);
  const [sellers, quants, templates] = await Promise.all([
    client.read<SupplierRaw>('product.supplierinfo', products.flatMap((p) => p.seller_ids), SUPPLIER_FIELDS),
    // Stock is what lies in internal locations (not at vendors, customers or in transit).
    client.searchRead<QuantRaw & { product_id: [number, string] | false }>('stock.quant', [['product_id', 'in', ids], ['location_id.usage', '=', 'internal']], QUANT_FIELDS, { order: 'location_id, id' }),
    client.read<{ id: number; write_date: string | false }>('product.template', products.map((p) => m2oId(p.product_tmpl_id)).filter((t): t is number => t !== null), ['write_date']),
  ]);
  const [partners, locations] = await Promise.all([
    client.read<{ id: number; ref: string | false }>('res.partner', sellers.map((s) => m2oId(s.partner_id)).filter((p): p is number => p !== null), ['ref']),
    client.read<{ id: number; barcode: string | false }>('stock.location', quants.map((q) => m2oId(q.location_id)).filter((l): l is number => l !== null), ['barcode']),
  ]);
  const sellerById = new Map(sellers.map((s) => [s.id, { ...s, 'partner_id.': partners.find((p) => p.id === m2oId(s.partner_id)) ?? null }]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const templateById = new Map(templates.map((t) => [t.id, t]));
  const quantsByProduct = groupBy(quants, (q) => m2oId(q.product_id));
  return products.map((p) => ({
    ...p,
    seller_ids: p.seller_ids.flatMap((id) => sellerById.get(id) ?? []),
    stock_quant_ids: (quantsByProduct.get(p.id) ?? []).map(({ product_id: _p, ...q }) => ({ ...q, 'location_id.': locationById.get(m2oId(q.location_id) ?? 0) ?? null })),
    'product_tmpl_id.': templateById.get(m2oId(p.product_tmpl_id) ?? 0) ?? null,
  }));
}

function fetchProducts(client: OdooClient, domain: Domain, afterId: number, limit?: number): Promise<ProductRaw[]> {
  return client
    .searchRead<Product>(MODEL, [GOODS, ACTIVE_OR_NOT, ...domain, ['id', '>', afterId]], PRODUCT_FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) })
    .then((rows) => withDetails(client, rows));
}

/** Sums the quants per location, in the order Odoo gives them. */
function stockRows(raw: ProductRaw, ctx: MapContext) {
  const rows = new Map<number, { location: ReturnType<typeof ref>; onHand: number; available: number }>();
  for (const q of raw.stock_quant_ids) {
    const loc = m2oId(q.location_id);
    if (loc === null) continue;
    const row = rows.get(loc) ?? { location: ref(q.location_id, ctx, 'locations', q['location_id.'] ? text(q['location_id.'].barcode) : null), onHand: 0, available: 0 };
    row.onHand += q.quantity;
    row.available += q.quantity - q.reserved_quantity;
    rows.set(loc, row);
  }
  // Sums of floats: rounded back to what Odoo's quantities carry (Product Unit of Measure, 2 decimals).
  return [...rows.values()].map((r) => ({ location: r.location, quantityOnHand: decimal(Math.round(r.onHand * 100) / 100), quantityAvailable: decimal(Math.round(r.available * 100) / 100), bin: null }));
}

export function toInventoryItem(raw: ProductRaw, ctx: MapContext): Record<string, unknown> {
  const preferred = [...raw.seller_ids].sort((a, b) => a.sequence - b.sequence || b.min_qty - a.min_qty || a.id - b.id)[0];
  return {
    itemCode: text(raw.default_code),
    name: text(raw.name),
    description: htmlToText(raw.description),
    status: raw.active ? 'active' : 'inactive',
    remoteStatus: null,
    category: m2oName(raw.categ_id),
    unitOfMeasure: m2oName(raw.uom_id),
    unitCost: decimal(raw.standard_price),
    currency: m2oName(raw.cost_currency_id),
    preferredVendor: preferred ? ref(preferred.partner_id, ctx, 'vendors', preferred['partner_id.'] ? text(preferred['partner_id.'].ref) : null) : null,
    vendorItemCode: preferred ? text(preferred.product_code) : null,
    manufacturer: null,
    manufacturerPartNumber: null,
    quantityOnHand: decimal(raw.qty_available),
    quantityAvailable: decimal(raw.free_qty),
    quantityOnOrder: decimal(raw.incoming_qty),
    reorderPoint: raw.reordering_min_qty > 0 || raw.reordering_max_qty > 0 ? decimal(raw.reordering_min_qty) : null,
    reorderQuantity: null,
    stock: stockRows(raw, ctx),
  };
}

export const inventoryItems = defineResource<OdooClient, ProductRaw>({
  entity: 'inventoryItems',
  raw: ProductRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: instant(raw.create_date),
    updatedAt: latest(
      instant(raw.write_date),
      instant(raw.create_date),
      instant(raw['product_tmpl_id.']?.write_date),
      ...raw.seller_ids.map((s) => instant(s.write_date)),
      ...raw.stock_quant_ids.map((q) => instant(q.write_date)),
    ),
  }),
  list(client, opts) {
    // The name lives on the template (the product form edits it there), vendors and quants are
    // records of their own: none of their changes moves the variant's write_date.
    const domain: Domain = opts.since === undefined ? [] : changedSince(opts.since, ['', 'product_tmpl_id.', 'seller_ids.', 'stock_quant_ids.']);
    return idPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (afterId, limit) => fetchProducts(client, domain, afterId, limit) });
  },
  listIds: async (client) => (await client.search(MODEL, [GOODS, ACTIVE_OR_NOT], { order: 'id asc' })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchProducts(client, [['id', '=', id]], 0))[0];
  },
  toUnified: toInventoryItem,
  mapping: inventoryItemMapping,
});
