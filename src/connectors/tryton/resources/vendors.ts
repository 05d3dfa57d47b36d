/**
 * Vendors: party.party records that act as suppliers. Tryton 6.0 has no supplier flag on a
 * party (any party can be on a purchase), so a party is a vendor when it is the supplier of at
 * least one purchase or has a supplier catalogue entry (purchase.product_supplier). A supplier
 * payment term alone does not count: the field has no search function and its table
 * (party.party.payment_term) answers 403 over RPC, so it cannot be asked for.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { VendorContact } from '../../../models/vendor.js';
import { toAddress } from '../address.js';
import type { Domain, TrytonClient } from '../client.js';
import { encodeDateTime } from '../codec.js';
import { ACTIVE_OR_NOT, blankToNull, bySequence, changedSince, idPages, latest, toId } from '../listing.js';
import { ContactMechanismRaw, PartyAddressRaw, PartyRaw, fieldNames, type Replace } from '../raw.js';
import { vendorMapping } from './vendor-mapping.js';

type Party = Replace<PartyRaw, { addresses: number[]; contact_mechanisms: number[] }>;

const PARTY_FIELDS = fieldNames(PartyRaw.shape);
const ADDRESS_FIELDS = fieldNames(PartyAddressRaw.shape);
const CONTACT_FIELDS = fieldNames(ContactMechanismRaw.shape);
/** Rows per round when collecting the suppliers of purchases. */
const SUPPLIER_SCAN = 1000;

/** The ids of every party that is a vendor by the rule above (archived parties included). */
export async function supplierIds(client: TrytonClient): Promise<number[]> {
  const catalogue = await client.searchRead<{ party: number }>('purchase.product_supplier', [], ['party']);
  const ids = new Set<number>(catalogue.map((r) => r.party));
  // Tryton's RPC has no DISTINCT: ask only for purchases of parties not seen yet, so each round
  // finds new suppliers and the loop ends after a few rounds rather than reading every purchase.
  for (;;) {
    const rows = await client.searchRead<{ party: number }>('purchase.purchase', [['party', 'not in', [...ids]]], ['party'], {
      limit: SUPPLIER_SCAN,
      order: [['id', 'ASC']],
    });
    if (rows.length === 0) break;
    for (const r of rows) ids.add(r.party);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Parties that became vendors since: a new purchase or catalogue entry does not touch the party. */
async function newSuppliersSince(client: TrytonClient, since: string): Promise<number[]> {
  const created = [['create_date', '>=', encodeDateTime(since)]];
  const [purchases, catalogue] = await Promise.all([
    client.searchRead<{ party: number }>('purchase.purchase', created, ['party']),
    client.searchRead<{ party: number }>('purchase.product_supplier', created, ['party']),
  ]);
  return [...new Set([...purchases, ...catalogue].map((r) => r.party))];
}

async function withDetails(client: TrytonClient, parties: Party[]): Promise<PartyRaw[]> {
  const [addresses, contacts] = await Promise.all([
    client.read<PartyAddressRaw>('party.address', parties.flatMap((p) => p.addresses), ADDRESS_FIELDS),
    client.read<ContactMechanismRaw>('party.contact_mechanism', parties.flatMap((p) => p.contact_mechanisms), CONTACT_FIELDS),
  ]);
  const addressById = new Map(addresses.map((a) => [a.id, a]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  return parties.map((p) => ({
    ...p,
    addresses: p.addresses.flatMap((id) => addressById.get(id) ?? []),
    contact_mechanisms: p.contact_mechanisms.flatMap((id) => contactById.get(id) ?? []),
  }));
}

async function fetchParties(client: TrytonClient, domain: Domain, afterId: number, limit: number | null): Promise<PartyRaw[]> {
  const parties = await client.searchRead<Party>('party.party', [...domain, ACTIVE_OR_NOT, ['id', '>', afterId]], PARTY_FIELDS, {
    limit,
    order: [['id', 'ASC']],
  });
  return withDetails(client, parties);
}

/** Tryton's own choice for invoicing (Party.address_get): the first address flagged invoice, else the first. */
function mainAddress(raw: PartyRaw) {
  const active = raw.addresses.filter((a) => a.active).sort(bySequence);
  return active.find((a) => a.invoice) ?? active[0] ?? null;
}

/**
 * Tryton keeps no contact persons on a supplier, only contact mechanisms (e-mail, phone…), which
 * may carry a person's name. Named mechanisms are grouped into contacts by that name.
 */
function contacts(raw: PartyRaw): VendorContact[] {
  const byName = new Map<string, VendorContact>();
  for (const m of raw.contact_mechanisms.filter((c) => c.active).sort(bySequence)) {
    const name = blankToNull(m.name);
    if (name === null) continue;
    const contact = byName.get(name) ?? { id: null, remoteId: null, name, email: null, phone: null, role: null };
    if (m.type === 'email') contact.email ??= blankToNull(m.value);
    if (m.type === 'phone' || m.type === 'mobile') contact.phone ??= blankToNull(m.value);
    byName.set(name, contact);
  }
  return [...byName.values()];
}

function toVendor(raw: PartyRaw, _ctx: MapContext): Record<string, unknown> {
  return {
    code: raw.code,
    name: raw.name,
    // Tryton has only the active flag (archived parties); no blocked state.
    status: raw.active ? 'active' : 'inactive',
    remoteStatus: null,
    taxId: raw['tax_identifier.']?.code ?? null,
    // party.email/phone/website: Tryton's first contact mechanism of that type ('' when none).
    email: blankToNull(raw.email),
    phone: blankToNull(raw.phone),
    website: blankToNull(raw.website),
    address: toAddress(mainAddress(raw)),
    currency: null,
    paymentTerms: raw['supplier_payment_term.']?.name ?? null,
    contacts: contacts(raw),
  };
}

export const vendors = defineResource<TrytonClient, PartyRaw>({
  entity: 'vendors',
  raw: PartyRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: raw.create_date,
    updatedAt: latest(
      raw.write_date,
      raw.create_date,
      raw['tax_identifier.']?.write_date,
      raw['tax_identifier.']?.create_date,
      ...[...raw.addresses, ...raw.contact_mechanisms].flatMap((r) => [r.write_date, r.create_date]),
    ),
  }),
  list(client, opts) {
    let domain: Promise<Domain> | undefined;
    const buildDomain = async (): Promise<Domain> => {
      const ids: Domain = ['id', 'in', await supplierIds(client)];
      if (opts.since === undefined) return [ids];
      const since = opts.since;
      // Addresses, contact mechanisms and identifiers are records of their own: changing one
      // leaves the party's write_date alone.
      const changed = changedSince(since, ['', 'addresses.', 'contact_mechanisms.', 'identifiers.']);
      return [ids, ['OR', changed, ['id', 'in', await newSuppliersSince(client, since)]]];
    };
    return idPages({
      pageSize: opts.pageSize,
      resumeAfter: opts.resumeAfter,
      fetch: async (afterId, limit) => fetchParties(client, await (domain ??= buildDomain()), afterId, limit),
    });
  },
  listIds: async (client) => (await supplierIds(client)).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    const [party] = await fetchParties(client, [['id', '=', id]], 0, 1);
    if (!party) return undefined;
    return (await supplierIds(client)).includes(id) ? party : undefined;
  },
  toUnified: toVendor,
  mapping: vendorMapping,
});
