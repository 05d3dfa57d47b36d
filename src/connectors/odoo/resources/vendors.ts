/**
 * Vendors: res.partner records with a supplier rank (supplier_rank > 0: Odoo raises it when a
 * partner is billed or bought from), archived ones included, with their contact persons (child
 * contacts) and their country codes and state names read in one batch per page.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { VendorContact } from '../../../models/vendor.js';
import { embedPlaces, toAddress } from '../address.js';
import type { Domain, OdooClient } from '../client.js';
import { ACTIVE_OR_NOT, changedSince, groupBy, idPages } from '../listing.js';
import { ContactRaw, VendorRaw, fieldNames, type Replace } from '../raw.js';
import { instant, latest, m2oId, m2oName, text, toId } from '../values.js';
import { vendorMapping } from './vendor-mapping.js';
import { vendorWrites } from './vendor-writes.js';

type Partner = Replace<VendorRaw, { child_ids: number[] }>;

const MODEL = 'res.partner';
const VENDOR: Domain = ['supplier_rank', '>', 0];
const PARTNER_FIELDS = fieldNames(VendorRaw.shape);
const CONTACT_FIELDS = [...fieldNames(ContactRaw.shape), 'parent_id'];

async function withContacts(client: OdooClient, partners: Partner[]): Promise<VendorRaw[]> {
  if (partners.length === 0) return [];
  // Contact persons only (not invoice or delivery addresses); archived ones stay out.
  const contacts = await client.searchRead<ContactRaw & { parent_id: [number, string] | false }>(
    MODEL,
    [['parent_id', 'in', partners.map((p) => p.id)], ['type', '=', 'contact'], ['is_company', '=', false]],
    CONTACT_FIELDS,
    { order: 'id asc' },
  );
  const byParent = groupBy(contacts, (c) => m2oId(c.parent_id));
  const placed = await embedPlaces(client, partners as unknown as VendorRaw[]);
  return partners.map((p) => ({ ...(placed.get(p.id) ?? (p as unknown as VendorRaw)), child_ids: (byParent.get(p.id) ?? []).map(({ parent_id: _p, ...c }) => c) }));
}

export function fetchVendors(client: OdooClient, domain: Domain, afterId: number, limit?: number): Promise<VendorRaw[]> {
  return client
    .searchRead<Partner>(MODEL, [VENDOR, ACTIVE_OR_NOT, ...domain, ['id', '>', afterId]], PARTNER_FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) })
    .then((rows) => withContacts(client, rows));
}

function contacts(raw: VendorRaw, ctx: MapContext): VendorContact[] {
  const vendorId = ctx.refId('vendors', String(raw.id));
  return raw.child_ids.map((c) => ({
    id: `${vendorId}:${c.id}`,
    remoteId: String(c.id),
    name: text(c.name),
    email: text(c.email),
    phone: text(c.phone) ?? text(c.mobile),
    role: text(c.function),
  }));
}

export function toVendor(raw: VendorRaw, ctx: MapContext): Record<string, unknown> {
  return {
    code: text(raw.ref),
    name: text(raw.name),
    // purchase's "Blocking Message" on a vendor stops new orders to it.
    status: raw.purchase_warn === 'block' ? 'blocked' : raw.active ? 'active' : 'inactive',
    remoteStatus: null,
    taxId: text(raw.vat),
    email: text(raw.email),
    phone: text(raw.phone) ?? text(raw.mobile),
    website: text(raw.website),
    address: toAddress(raw),
    currency: m2oName(raw.property_purchase_currency_id),
    paymentTerms: m2oName(raw.property_supplier_payment_term_id),
    contacts: contacts(raw, ctx),
  };
}

export const vendors = defineResource<OdooClient, VendorRaw>({
  entity: 'vendors',
  raw: VendorRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: instant(raw.create_date),
    updatedAt: latest(instant(raw.write_date), instant(raw.create_date), ...raw.child_ids.map((c) => instant(c.write_date))),
  }),
  list(client, opts) {
    // A contact person is a partner of its own: editing one leaves the vendor's write_date alone.
    const domain: Domain = opts.since === undefined ? [] : changedSince(opts.since, ['', 'child_ids.']);
    return idPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (afterId, limit) => fetchVendors(client, domain, afterId, limit) });
  },
  listIds: async (client) => (await client.search(MODEL, [VENDOR, ACTIVE_OR_NOT], { order: 'id asc' })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchVendors(client, [['id', '=', id]], 0))[0];
  },
  toUnified: toVendor,
  writes: vendorWrites,
  mapping: vendorMapping,
});
