/**
 * The native records Manifold reads from Tryton, after the codec (decimals, dates and datetimes
 * are plain strings). These schemas are also the list of fields each read asks for
 * (`fieldNames`), so the read and its validation cannot drift apart.
 *
 * Shapes follow Tryton's own answer: a many2one is an id, and a dotted read (`party.name`)
 * comes back nested under the key with a trailing dot (`"party.": {"id": 2, "name": …}`), or
 * `null` when the many2one is empty. One2many fields that Manifold reads in a second, batched
 * call (purchase lines, party addresses…) hold those records instead of their ids.
 */
import { z } from 'zod';
import { toBoolean } from './codec.js';

const id = z.number().int();
/** char/text: Tryton answers null for an empty field, and '' for some computed ones. */
const char = z.string().nullable();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/).nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
const instant = z.iso.datetime().nullable();
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => toBoolean(v) === true);
const float = z.number().nullable();
/** A dotted read of a many2one: the target's id plus the requested fields, or null. */
const ref = <S extends z.ZodRawShape>(shape: S) => z.looseObject({ id, ...shape }).nullable();
const times = { create_date: instant, write_date: instant };

export const addressShape = {
  name: char,
  party_name: char,
  street: char,
  city: char,
  postal_code: char,
  full_address: char,
  'subdivision.': ref({ name: char, code: char }),
  'country.': ref({ code: char, name: char }),
};
export const AddressRef = ref(addressShape);
export type AddressRaw = z.output<typeof AddressRef>;

// --- purchase.purchase with purchase.line and stock.move -------------------------------------

export const MoveRaw = z.looseObject({
  id,
  state: z.string(),
  quantity: float,
  'uom.': ref({ factor: float }),
  'from_location.': ref({ type: char }),
  'to_location.': ref({ type: char }),
});
export type MoveRaw = z.output<typeof MoveRaw>;

export const PurchaseLineRaw = z.looseObject({
  id,
  purchase: id,
  sequence: z.number().int().nullable(),
  type: z.string(),
  product: id.nullable(),
  'product.': ref({ code: char, name: char, type: char }),
  'product_supplier.': ref({ code: char }),
  description: char,
  note: char,
  quantity: float,
  unit: id.nullable(),
  'unit.': ref({ symbol: char, factor: float }),
  unit_price: decimal,
  amount: decimal,
  delivery_date: date,
  // stock.move records where the user may read them, else their ids.
  moves: z.array(z.union([id, MoveRaw])),
  // The line's own concurrency token: a direct purchase.line write does not move the order's.
  // Optional, as records stored before it was read do not carry it.
  _timestamp: z.string().nullable().optional(),
  ...times,
});
export type PurchaseLineRaw = z.output<typeof PurchaseLineRaw>;

export const PurchaseRaw = z.looseObject({
  id,
  number: char,
  reference: char,
  description: char,
  comment: char,
  state: z.string(),
  shipment_state: char,
  invoice_state: char,
  invoice_method: char,
  party: id,
  'party.': ref({ name: char, code: char }),
  company: id,
  'company.': ref({ rec_name: char, 'party.': ref({ code: char }) }),
  currency: id,
  'currency.': ref({ code: char }),
  'payment_term.': ref({ name: char }),
  invoice_address: id.nullable(),
  'invoice_address.': ref(addressShape),
  warehouse: id.nullable(),
  'warehouse.': ref({ name: char, code: char, 'address.': ref(addressShape) }),
  quoted_by: id.nullable(),
  'quoted_by.': ref({ rec_name: char }),
  confirmed_by: id.nullable(),
  'confirmed_by.': ref({ rec_name: char }),
  purchase_date: date,
  delivery_date: date,
  untaxed_amount: decimal,
  tax_amount: decimal,
  total_amount: decimal,
  // The purchase.line records (Tryton gives ids; the connector reads them per page).
  lines: z.array(PurchaseLineRaw),
  _timestamp: z.string().nullable(),
  ...times,
});
export type PurchaseRaw = z.output<typeof PurchaseRaw>;

// --- party.party (vendors) -------------------------------------------------------------------

export const PartyAddressRaw = z.looseObject({
  id,
  ...addressShape,
  sequence: z.number().int().nullable(),
  active: flag,
  invoice: flag,
  ...times,
});
export type PartyAddressRaw = z.output<typeof PartyAddressRaw>;

export const ContactMechanismRaw = z.looseObject({
  id,
  type: z.string(),
  value: char,
  name: char,
  sequence: z.number().int().nullable(),
  active: flag,
  ...times,
});
export type ContactMechanismRaw = z.output<typeof ContactMechanismRaw>;

export const PartyRaw = z.looseObject({
  id,
  code: char,
  name: char,
  active: flag,
  'tax_identifier.': ref({ code: char, type: char, ...times }),
  email: char,
  phone: char,
  website: char,
  'supplier_payment_term.': ref({ name: char }),
  addresses: z.array(PartyAddressRaw),
  contact_mechanisms: z.array(ContactMechanismRaw),
  ...times,
});
export type PartyRaw = z.output<typeof PartyRaw>;

// --- product.product (inventory items) -------------------------------------------------------

export const ProductSupplierRaw = z.looseObject({
  id,
  sequence: z.number().int().nullable(),
  code: char,
  party: id,
  'party.': ref({ name: char, code: char }),
  ...times,
});
export type ProductSupplierRaw = z.output<typeof ProductSupplierRaw>;

/** Stock of one warehouse: `quantity` read with the context `locations = [storage zone]`. */
export const WarehouseStockRaw = z.object({ warehouse: id, name: char, code: char, storage_location: id, quantity: float });

export const ProductRaw = z.looseObject({
  id,
  code: char,
  name: char,
  description: char,
  active: flag,
  type: z.string(),
  consumable: flag,
  purchasable: flag,
  'default_uom.': ref({ symbol: char, name: char }),
  cost_price: decimal,
  'template.': ref({ write_date: instant }),
  categories: z.array(z.looseObject({ id, rec_name: char })),
  product_suppliers: z.array(ProductSupplierRaw),
  // Over all warehouses' storage zones (Tryton sums the locations given in the context).
  quantity: float,
  ...times,
  // Assembled by the connector, not Tryton fields: per-warehouse stock, and the company's
  // currency, which cost_price is expressed in.
  stock: z.array(WarehouseStockRaw),
  company_currency: char,
});
export type ProductRaw = z.output<typeof ProductRaw>;
export const productSynthetic = ['stock', 'company_currency'] as const;

// --- stock.location --------------------------------------------------------------------------

export const LocationRaw = z.looseObject({
  id,
  name: char,
  code: char,
  type: char,
  active: flag,
  parent: id.nullable(),
  'parent.': ref({ name: char, code: char, type: char }),
  'address.': ref({ ...addressShape, ...times }),
  ...times,
});
export type LocationRaw = z.output<typeof LocationRaw>;

/**
 * A raw record with some keys' types replaced (e.g. `lines` as Tryton sends it, ids, before the
 * connector embeds the records). `Omit` would drop every known key of a loose object.
 */
export type Replace<T, R> = { [P in keyof T as P extends keyof R ? never : P]: T[P] } & R;

// --- the fields a read asks for --------------------------------------------------------------

function objectShape(schema: unknown): z.ZodRawShape | undefined {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap();
  return s instanceof z.ZodObject ? (s.shape as z.ZodRawShape) : undefined;
}

/**
 * The field names for `read`/`search_read` from a raw shape: plain keys as they are, nested
 * `x.` keys as dotted names (`party.name`, `invoice_address.country.code`). `id` always comes.
 */
export function fieldNames(shape: z.ZodRawShape, skip: readonly string[] = [], prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'id' || skip.includes(key)) continue;
    const inner = key.endsWith('.') ? objectShape(schema) : undefined;
    if (inner) out.push(...fieldNames(inner, [], prefix + key));
    else out.push(prefix + key);
  }
  return out;
}
