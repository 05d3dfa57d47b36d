/**
 * The lookups a purchase-order write needs: unified references and codes → Tryton ids (party,
 * invoice address, products, units, currency, payment term, warehouse), and what Tryton's own
 * client fills in when a user picks a product on a line (the line's `on_change`: default unit,
 * supplier taxes, the supplier's catalogue entry).
 */
import { toBoolean } from '../codec.js';
import type { TrytonClient } from '../client.js';
import { toId } from '../listing.js';
import { naming, notInTryton } from '../write-failures.js';
import { refused, type LineInput, type LineRefs, type RefInput } from './purchase-order-to-remote.js';

export interface Party {
  id: number;
  invoiceAddress: number | null;
  paymentTerm: number | null;
}

/** The vendor by remote id (as the engine resolves Manifold ids), else by its code. */
export async function resolveParty(client: TrytonClient, ref: RefInput): Promise<Party> {
  let id: number | undefined;
  if (ref.remoteId) {
    id = toId(ref.remoteId);
    if (id === undefined) throw refused('invalid_request', `"${ref.remoteId}" is not a Tryton party id.`, 'vendor.remoteId');
  } else if (ref.code) {
    const found = await client.search('party.party', [['code', '=', ref.code]], { limit: 2 });
    if (found.length !== 1) throw notInTryton('vendor.code', `Tryton has no party with the code "${ref.code}".`);
    id = found[0]!;
  } else {
    throw refused('invalid_request', 'The vendor must be given by id, remoteId or code.', 'vendor');
  }
  // A read (not a search) so that a missing party is Tryton's own refusal ("… don't exist
  // anymore"): on SQLite Tryton would otherwise store an order for a party that does not exist.
  const [party] = await naming(client.read<{ supplier_payment_term: number | null }>('party.party', [id], ['supplier_payment_term']), 'vendor');
  // Tryton's Party.address_get(type='invoice'): the first address flagged for invoices, else the first.
  const addresses = await client.searchRead<{ id: number; invoice: unknown }>('party.address', [['party', '=', id]], ['invoice']);
  const invoice = addresses.find((a) => toBoolean(a.invoice)) ?? addresses[0];
  return { id, invoiceAddress: invoice?.id ?? null, paymentTerm: party?.supplier_payment_term ?? null };
}

export async function resolveCurrency(client: TrytonClient, code: string): Promise<number> {
  const [id] = await client.search('currency.currency', [['code', '=', code.toUpperCase()]], { limit: 1 });
  if (id === undefined) throw notInTryton('currency', `Tryton has no currency ${code}.`);
  return id;
}

export async function resolvePaymentTerm(client: TrytonClient, name: string | null): Promise<number | null> {
  if (name === null) return null;
  const ids = await client.search('account.invoice.payment_term', [['name', '=', name]], { limit: 2 });
  if (ids.length === 0) throw notInTryton('paymentTerms', `Tryton has no payment term named "${name}".`);
  if (ids.length > 1) throw notInTryton('paymentTerms', `Tryton has several payment terms named "${name}".`);
  return ids[0]!;
}

/**
 * The user's own warehouse (Tryton's preference), else the first warehouse created. Tryton
 * leaves the warehouse empty when a company has several, and an order without one cannot be
 * quoted; the unified model has no field that names a warehouse.
 */
export async function defaultWarehouse(client: TrytonClient): Promise<number | null> {
  const { context } = await client.session();
  if (typeof context.warehouse === 'number') return context.warehouse;
  const [id] = await client.search('stock.location', [['type', '=', 'warehouse']], { limit: 1, order: [['id', 'ASC']] });
  return id ?? null;
}

export interface Product {
  id: number;
  code: string | null;
  purchasable: boolean;
  /** The purchase unit, else the default unit. */
  unit: number | null;
  category: number | null;
}

interface ProductRow {
  id: number;
  code: string | null;
  purchasable: unknown;
  purchase_uom: number | null;
  'purchase_uom.': { category: number } | null;
  default_uom: number | null;
  'default_uom.': { category: number } | null;
}
const PRODUCT_FIELDS = ['code', 'purchasable', 'purchase_uom', 'purchase_uom.category', 'default_uom', 'default_uom.category'];
const toProduct = (p: ProductRow): Product => ({
  id: p.id,
  code: p.code,
  purchasable: toBoolean(p.purchasable) === true,
  unit: p.purchase_uom ?? p.default_uom,
  category: p['purchase_uom.']?.category ?? p['default_uom.']?.category ?? null,
});

/** What a line names as its product: its remote id, else a code; undefined when it names none. */
function named(line: LineInput, i: number): { id?: number; code?: string } | undefined {
  if (line.item?.code && line.itemCode && line.item.code !== line.itemCode) {
    throw refused('invalid_request', `lines[${i}]: item.code "${line.item.code}" and itemCode "${line.itemCode}" name different products.`, `lines[${i}].itemCode`);
  }
  if (line.item?.remoteId) {
    const id = toId(line.item.remoteId);
    if (id === undefined) throw refused('invalid_request', `"${line.item.remoteId}" is not a Tryton product id.`, `lines[${i}].item.remoteId`);
    return { id };
  }
  const code = line.item?.code ?? line.itemCode ?? undefined;
  if (code) return { code };
  if (line.item) throw refused('invalid_request', `lines[${i}].item names no product: give its id, remoteId or code.`, `lines[${i}].item`);
  return undefined;
}

/**
 * The products lines name, by index (undefined: the line names none). A product id Tryton does
 * not have is Tryton's own refusal; a code it does not have is Manifold's.
 */
export async function resolveProducts(client: TrytonClient, lines: readonly LineInput[], extraIds: readonly number[] = []): Promise<{ byLine: (Product | undefined)[]; byId: Map<number, Product> }> {
  const wanted = lines.map(named);
  const ids = [...new Set([...wanted.flatMap((w) => (w?.id === undefined ? [] : [w.id])), ...extraIds])];
  const codes = [...new Set(wanted.flatMap((w) => (w?.id === undefined && w?.code ? [w.code] : [])))];
  const [read, found] = await Promise.all([
    naming(client.read<ProductRow>('product.product', ids, PRODUCT_FIELDS), 'lines[].item'),
    codes.length ? client.searchRead<ProductRow>('product.product', [['code', 'in', codes]], PRODUCT_FIELDS) : [],
  ]);
  const byId = new Map([...read, ...found].map((r) => [r.id, toProduct(r)]));
  const byLine = wanted.map((w, i) => {
    if (w === undefined) return undefined;
    if (w.id !== undefined) {
      const p = byId.get(w.id)!;
      const code = lines[i]!.itemCode ?? lines[i]!.item?.code;
      if (code && p.code !== code) throw refused('invalid_request', `lines[${i}]: item ${w.id} has the code "${p.code}", not "${code}".`, `lines[${i}].itemCode`);
      return p;
    }
    const matches = found.filter((r) => r.code === w.code);
    const field = lines[i]!.item?.code ? `lines[${i}].item.code` : `lines[${i}].itemCode`;
    if (matches.length === 0) throw notInTryton(field, `Tryton has no product with the code "${w.code}".`);
    if (matches.length > 1) throw notInTryton(field, `Several Tryton products have the code "${w.code}".`);
    return byId.get(matches[0]!.id);
  });
  return { byLine, byId };
}

interface Unit {
  id: number;
  symbol: string | null;
  name: string | null;
  category: number;
}

/** Units of measure by symbol ("kg") or name ("Kilogram"), within the product's category. */
export class Units {
  private constructor(private readonly all: Unit[]) {}

  static async load(client: TrytonClient): Promise<Units> {
    return new Units(await client.searchRead<Unit>('product.uom', [], ['symbol', 'name', 'category']));
  }

  resolve(text: string, category: number | null, field: string): number {
    const inCategory = this.all.filter((u) => category === null || u.category === category);
    const bySymbol = inCategory.filter((u) => u.symbol === text);
    const matches = bySymbol.length ? bySymbol : inCategory.filter((u) => u.name?.toLowerCase() === text.toLowerCase());
    const where = category === null ? '' : " among the product's units (the units of its purchase unit's category)";
    if (matches.length === 0) throw notInTryton(field, `Tryton has no unit of measure "${text}"${where}.`);
    if (matches.length > 1) throw notInTryton(field, `Several Tryton units of measure are called "${text}"${where}.`);
    return matches[0]!.id;
  }
}

/** The order as a line's on_change sees it (`_parent_purchase.*`). */
export interface OrderContext {
  party: number;
  currency: number | null;
  purchaseDate: unknown;
  company: number | null;
}

/**
 * What Tryton's client sets when a product is picked on a line: the purchase unit (when the
 * given one is not of the product's category), the supplier taxes after the party's tax rule,
 * and the supplier's catalogue entry when there is exactly one. Asked of Tryton itself.
 */
export async function productDefaults(client: TrytonClient, order: OrderContext, product: Product, unit: number | null, quantity: number | null): Promise<Required<Pick<LineRefs, 'productSupplier' | 'taxes'>> & { unit: number | null }> {
  const values = {
    type: 'line',
    product: product.id,
    unit,
    quantity,
    taxes: [],
    product_supplier: null,
    company: order.company,
    purchase: null,
    '_parent_purchase.party': order.party,
    '_parent_purchase.invoice_party': null,
    '_parent_purchase.currency': order.currency,
    '_parent_purchase.purchase_date': order.purchaseDate,
  };
  const [changes] = await client.model<Record<string, unknown>[]>('purchase.line', 'on_change', [values, ['product']]);
  const c = changes ?? {};
  return {
    unit: typeof c.unit === 'number' ? c.unit : unit,
    productSupplier: typeof c.product_supplier === 'number' ? c.product_supplier : null,
    taxes: Array.isArray(c.taxes) ? c.taxes.filter((t): t is number => typeof t === 'number') : [],
  };
}
