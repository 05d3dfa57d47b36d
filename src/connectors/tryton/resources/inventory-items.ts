/**
 * Inventory items: product.product variants of type "goods" (services and assets are not
 * stocked), archived ones included, with their stock from the stock module: `quantity` read
 * with a context naming the warehouses' storage zones, as Tryton's own stock views do.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { Context, Domain, TrytonClient } from '../client.js';
import { floatToDecimal } from '../codec.js';
import { ACTIVE_OR_NOT, blankToNull, bySequence, changedSince, idPages, latest, toId } from '../listing.js';
import { ProductRaw, ProductSupplierRaw, fieldNames, productSynthetic, type Replace } from '../raw.js';
import { inventoryItemMapping } from './inventory-item-mapping.js';

type Product = Replace<ProductRaw, { categories: number[]; product_suppliers: number[]; stock?: never; company_currency?: never }>;
interface Warehouse {
  id: number;
  name: string | null;
  code: string | null;
  storage_location: number;
}
interface Setting {
  warehouses: Warehouse[];
  currency: string | null;
}

const PRODUCT_FIELDS = fieldNames(ProductRaw.shape, productSynthetic);
const SUPPLIER_FIELDS = fieldNames(ProductSupplierRaw.shape);
const GOODS: Domain = ['type', '=', 'goods'];

/**
 * Stock context: `locations` sums stock over these locations, and `with_childs` must be explicit
 * because trytond 6.0 only includes child locations by default when one location is given
 * (stock/move.py `_get_quantity`), and bins live under the storage zone.
 */
const stockContext = (locations: number[]): Context => ({ locations, with_childs: true });

async function loadSetting(client: TrytonClient): Promise<Setting> {
  const { context } = await client.session();
  const [warehouses, companies] = await Promise.all([
    client.searchRead<Warehouse>('stock.location', [['type', '=', 'warehouse']], ['name', 'code', 'storage_location'], { order: [['id', 'ASC']] }),
    typeof context.company === 'number' ? client.read<{ 'currency.': { code: string } | null }>('company.company', [context.company], ['currency.code']) : [],
  ]);
  return { warehouses, currency: companies[0]?.['currency.']?.code ?? null };
}

async function fetchProducts(client: TrytonClient, setting: Setting, domain: Domain, afterId: number, limit: number | null): Promise<ProductRaw[]> {
  const storage = setting.warehouses.map((w) => w.storage_location);
  const products = await client.searchRead<Product>('product.product', [GOODS, ACTIVE_OR_NOT, ...domain, ['id', '>', afterId]], PRODUCT_FIELDS, {
    limit,
    order: [['id', 'ASC']],
    context: stockContext(storage),
  });
  if (products.length === 0) return [];
  const ids = products.map((p) => p.id);
  const [perWarehouse, categories, suppliers] = await Promise.all([
    Promise.all(setting.warehouses.map((w) => client.read<{ id: number; quantity: number | null }>('product.product', ids, ['quantity'], { context: stockContext([w.storage_location]) }))),
    client.read<{ id: number; rec_name: string | null }>('product.category', [...new Set(products.flatMap((p) => p.categories))], ['rec_name']),
    client.read<ProductSupplierRaw>('purchase.product_supplier', products.flatMap((p) => p.product_suppliers), SUPPLIER_FIELDS),
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const supplierById = new Map(suppliers.map((s) => [s.id, s]));
  return products.map((p) => ({
    ...p,
    // With no warehouse there is no stock to speak of (Tryton would answer 0 for no location).
    quantity: storage.length === 0 ? null : p.quantity,
    categories: p.categories.flatMap((id) => categoryById.get(id) ?? []),
    product_suppliers: p.product_suppliers.flatMap((id) => supplierById.get(id) ?? []),
    stock: setting.warehouses.map((w, i) => ({
      warehouse: w.id,
      name: w.name,
      code: w.code,
      storage_location: w.storage_location,
      quantity: perWarehouse[i]?.find((q) => q.id === p.id)?.quantity ?? null,
    })),
    company_currency: setting.currency,
  }));
}

/** Stock moves change a product's quantity without touching the product. */
async function productsMovedSince(client: TrytonClient, since: string): Promise<number[]> {
  const moves = await client.searchRead<{ product: number }>('stock.move', [changedSince(since)], ['product']);
  return [...new Set(moves.map((m) => m.product))];
}

function toInventoryItem(raw: ProductRaw, ctx: MapContext): Record<string, unknown> {
  const preferred = [...raw.product_suppliers].sort(bySequence)[0];
  const party = preferred?.['party.'];
  return {
    itemCode: raw.code,
    name: raw.name,
    description: raw.description,
    status: raw.active ? 'active' : 'inactive',
    remoteStatus: null,
    category: raw.categories[0]?.rec_name ?? null,
    unitOfMeasure: raw['default_uom.']?.symbol ?? null,
    unitCost: raw.cost_price,
    currency: raw.cost_price === null ? null : raw.company_currency,
    // Tryton's first supplier by sequence is the one purchase requests pick.
    preferredVendor: preferred
      ? { id: ctx.refId('vendors', String(preferred.party)), remoteId: String(preferred.party), name: party?.name ?? null, code: party?.code ?? null }
      : null,
    vendorItemCode: blankToNull(preferred?.code),
    manufacturer: null,
    manufacturerPartNumber: null,
    quantityOnHand: floatToDecimal(raw.quantity),
    quantityAvailable: null,
    quantityOnOrder: null,
    reorderPoint: null,
    reorderQuantity: null,
    stock: raw.stock.map((s) => ({
      location: { id: ctx.refId('locations', String(s.warehouse)), remoteId: String(s.warehouse), name: s.name, code: s.code },
      quantityOnHand: floatToDecimal(s.quantity),
      quantityAvailable: null,
      bin: null,
    })),
  };
}

export const inventoryItems = defineResource<TrytonClient, ProductRaw>({
  entity: 'inventoryItems',
  raw: ProductRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: raw.create_date,
    updatedAt: latest(raw.write_date, raw.create_date, raw['template.']?.write_date, ...raw.product_suppliers.map((s) => s.write_date ?? s.create_date)),
  }),
  list(client, opts) {
    let prepared: Promise<[Setting, Domain]> | undefined;
    const prepare = async (): Promise<[Setting, Domain]> => {
      const setting = await loadSetting(client);
      if (opts.since === undefined) return [setting, []];
      // The name, units and prices live on the template; supplier entries are records of their own.
      const changed = changedSince(opts.since, ['', 'template.', 'product_suppliers.']);
      return [setting, [['OR', changed, ['id', 'in', await productsMovedSince(client, opts.since)]]]];
    };
    return idPages({
      pageSize: opts.pageSize,
      resumeAfter: opts.resumeAfter,
      fetch: async (afterId, limit) => {
        const [setting, domain] = await (prepared ??= prepare());
        return fetchProducts(client, setting, domain, afterId, limit);
      },
    });
  },
  listIds: async (client) => (await client.search('product.product', [GOODS, ACTIVE_OR_NOT], { order: [['id', 'ASC']] })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    const [record] = await fetchProducts(client, await loadSetting(client), [['id', '=', id]], 0, 1);
    return record;
  },
  toUnified: toInventoryItem,
  mapping: inventoryItemMapping,
});
