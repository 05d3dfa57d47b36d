/**
 * The native records Manifold reads from Odoo 17, as Odoo answers them (protocols-erp.md §6.5):
 * many2one `[id, "name"]` or `false`, `false` for empty chars and dates, floats as numbers,
 * datetimes "YYYY-MM-DD HH:MM:SS" UTC. These schemas are also the field lists each read asks
 * for (`fieldNames`), so a read and its validation cannot drift apart.
 *
 * What Manifold reads in further, batched calls is embedded the way the Tryton connector does
 * it: one2many fields hold the records instead of their ids (`order_line`, `child_ids`,
 * `seller_ids`, `stock_quant_ids`), and a key with a trailing dot holds what was read of a
 * many2one's target (`"partner_id.": {"id": 7, "ref": "V0007"}`), or null.
 */
import { z } from 'zod';

const id = z.number().int();
const m2o = z.union([z.tuple([id, z.string()]), z.literal(false)]);
const char = z.union([z.string(), z.literal(false)]);
const datetime = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), z.literal(false)]);
const date = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal(false)]);
const num = z.number();
const flag = z.boolean();
const times = { create_date: datetime, write_date: datetime };
const embedded = <S extends z.ZodRawShape>(shape: S) => z.looseObject({ id, ...shape }).nullable();

/** The fields a read asks for: the schema's keys, without the embedded ones (trailing dot) and the given extras. */
export function fieldNames(shape: z.ZodRawShape, synthetic: readonly string[] = []): string[] {
  return Object.keys(shape).filter((k) => !k.endsWith('.') && !synthetic.includes(k));
}

// --- res.partner as an address ---------------------------------------------------------------

export const AddressRaw = z.looseObject({
  id,
  name: char,
  street: char,
  street2: char,
  city: char,
  zip: char,
  state_id: m2o,
  country_id: m2o,
  contact_address: char,
  'state_id.': embedded({ name: char, code: char }),
  'country_id.': embedded({ code: char }),
});
export type AddressRaw = z.output<typeof AddressRaw>;

// --- purchase.order with purchase.order.line ------------------------------------------------

export const PurchaseLineRaw = z.looseObject({
  id,
  order_id: m2o,
  sequence: num,
  display_type: char,
  name: char,
  product_id: m2o,
  product_qty: num,
  product_uom: m2o,
  price_unit: num,
  discount: num,
  price_subtotal: num,
  price_tax: num,
  date_planned: datetime,
  qty_received: num,
  qty_invoiced: num,
  ...times,
  'product_id.': embedded({ default_code: char, type: char }),
});
export type PurchaseLineRaw = z.output<typeof PurchaseLineRaw>;

export const PurchaseRaw = z.looseObject({
  id,
  name: char,
  state: z.string(),
  partner_id: m2o,
  partner_ref: char,
  origin: char,
  date_order: datetime,
  date_approve: datetime,
  date_planned: datetime,
  currency_id: m2o,
  payment_term_id: m2o,
  incoterm_id: m2o,
  user_id: m2o,
  company_id: m2o,
  dest_address_id: m2o,
  notes: char,
  amount_untaxed: num,
  amount_tax: num,
  amount_total: num,
  receipt_status: char,
  invoice_status: char,
  ...times,
  order_line: z.array(PurchaseLineRaw),
  'partner_id.': embedded({ ref: char }),
  'currency_id.': embedded({ name: char, decimal_places: z.number().int() }),
  'dest_address_id.': AddressRaw.nullable(),
  'company_id.': embedded({ 'partner_id.': AddressRaw.nullable() }),
});
export type PurchaseRaw = z.output<typeof PurchaseRaw>;

// --- res.partner as a vendor -----------------------------------------------------------------

export const ContactRaw = z.looseObject({ id, name: char, email: char, phone: char, mobile: char, function: char, ...times });
export type ContactRaw = z.output<typeof ContactRaw>;

export const VendorRaw = z.looseObject({
  ...AddressRaw.shape,
  ref: char,
  vat: char,
  email: char,
  phone: char,
  mobile: char,
  website: char,
  is_company: flag,
  active: flag,
  supplier_rank: num,
  property_purchase_currency_id: m2o,
  property_supplier_payment_term_id: m2o,
  purchase_warn: char,
  ...times,
  child_ids: z.array(ContactRaw),
});
export type VendorRaw = z.output<typeof VendorRaw>;

// --- product.product with its vendors and quants ------------------------------------------------

export const SupplierRaw = z.looseObject({ id, partner_id: m2o, product_code: char, sequence: num, min_qty: num, ...times, 'partner_id.': embedded({ ref: char }) });
export type SupplierRaw = z.output<typeof SupplierRaw>;

export const QuantRaw = z.looseObject({ id, location_id: m2o, quantity: num, reserved_quantity: num, ...times, 'location_id.': embedded({ barcode: char }) });
export type QuantRaw = z.output<typeof QuantRaw>;

export const ProductRaw = z.looseObject({
  id,
  default_code: char,
  name: char,
  type: z.string(),
  categ_id: m2o,
  uom_id: m2o,
  standard_price: num,
  cost_currency_id: m2o,
  description: char,
  description_purchase: char,
  active: flag,
  qty_available: num,
  free_qty: num,
  incoming_qty: num,
  reordering_min_qty: num,
  reordering_max_qty: num,
  product_tmpl_id: m2o,
  ...times,
  seller_ids: z.array(SupplierRaw),
  stock_quant_ids: z.array(QuantRaw),
  'product_tmpl_id.': embedded({ write_date: datetime }),
});
export type ProductRaw = z.output<typeof ProductRaw>;

// --- stock.location -----------------------------------------------------------------------------

export const LocationRaw = z.looseObject({
  id,
  name: char,
  complete_name: char,
  location_id: m2o,
  usage: z.string(),
  barcode: char,
  active: flag,
  warehouse_id: m2o,
  company_id: m2o,
  ...times,
  'location_id.': embedded({ usage: char, barcode: char }),
  'warehouse_id.': embedded({ code: char, view_location_id: m2o, write_date: datetime, 'partner_id.': AddressRaw.nullable() }),
});
export type LocationRaw = z.output<typeof LocationRaw>;

// --- maintenance.request and maintenance.equipment --------------------------------------------

export const RequestRaw = z.looseObject({
  id,
  name: char,
  description: char,
  request_date: date,
  owner_user_id: m2o,
  equipment_id: m2o,
  user_id: m2o,
  stage_id: m2o,
  priority: char,
  close_date: date,
  kanban_state: char,
  archive: flag,
  maintenance_type: char,
  schedule_date: datetime,
  maintenance_team_id: m2o,
  duration: num,
  company_id: m2o,
  ...times,
  /** The stage read with it; `first`: it is the first stage of the pipe (lowest sequence), set by the connector. */
  'stage_id.': embedded({ name: char, sequence: num, done: flag, first: flag }),
});
export type RequestRaw = z.output<typeof RequestRaw>;

export const EquipmentRaw = z.looseObject({
  id,
  name: char,
  active: flag,
  serial_no: char,
  model: char,
  location: char,
  category_id: m2o,
  partner_id: m2o,
  effective_date: date,
  scrap_date: date,
  warranty_date: date,
  note: char,
  cost: num,
  company_id: m2o,
  technician_user_id: m2o,
  maintenance_team_id: m2o,
  ...times,
});
export type EquipmentRaw = z.output<typeof EquipmentRaw>;

/**
 * T with some keys' types replaced (x2many ids before the connector embeds the records). `Omit`
 * would drop every known key of a loose object.
 */
export type Replace<T, R> = { [P in keyof T as P extends keyof R ? never : P]: T[P] } & R;
