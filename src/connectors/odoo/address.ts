/**
 * Partners as addresses: read in one batch with their countries' ISO codes and their states'
 * names (a many2one pair only gives the display name: "Belgium", "California (US)"), and mapped
 * to the unified Address.
 */
import type { Address } from '../../models/common.js';
import type { OdooClient } from './client.js';
import { AddressRaw, fieldNames } from './raw.js';
import { m2oId, text } from './values.js';

const ADDRESS_FIELDS = fieldNames(AddressRaw.shape);

/** The address fields of these partners, by id, with `country_id.` and `state_id.` filled in. */
export async function readAddresses(client: OdooClient, partnerIds: readonly (number | null)[]): Promise<Map<number, AddressRaw>> {
  const ids = [...new Set(partnerIds.filter((p): p is number => p !== null))];
  const partners = await client.read<AddressRaw>('res.partner', ids, ADDRESS_FIELDS);
  return embedPlaces(client, partners);
}

/** Adds `country_id.` (code) and `state_id.` (name, code) to partner rows read with address fields. */
export async function embedPlaces<T extends AddressRaw>(client: OdooClient, partners: T[]): Promise<Map<number, T>> {
  const countryIds = partners.map((p) => m2oId(p.country_id)).filter((x): x is number => x !== null);
  const stateIds = partners.map((p) => m2oId(p.state_id)).filter((x): x is number => x !== null);
  const [countries, states] = await Promise.all([
    client.read<{ id: number; code: string | false }>('res.country', countryIds, ['code']),
    client.read<{ id: number; name: string | false; code: string | false }>('res.country.state', stateIds, ['name', 'code']),
  ]);
  const countryById = new Map(countries.map((c) => [c.id, c]));
  const stateById = new Map(states.map((s) => [s.id, s]));
  return new Map(
    partners.map((p) => [
      p.id,
      { ...p, 'country_id.': countryById.get(m2oId(p.country_id) ?? 0) ?? null, 'state_id.': stateById.get(m2oId(p.state_id) ?? 0) ?? null },
    ]),
  );
}

export const addressLogic =
  'name = the partner\'s name, line1 = street, line2 = street2, line3 null, city, region = the state\'s name, postalCode = zip, ' +
  'country = the country\'s ISO code, raw = Odoo\'s contact_address (the address as Odoo formats it, company name first).';

export const addressPaths = (prefix: string) =>
  ['name', 'street', 'street2', 'city', 'zip', 'state_id..name', 'country_id..code', 'contact_address'].map((p) => `${prefix}${p}`);

export function toAddress(raw: AddressRaw | null | undefined): Address | null {
  if (!raw) return null;
  const address: Address = {
    name: text(raw.name),
    line1: text(raw.street),
    line2: text(raw.street2),
    line3: null,
    city: text(raw.city),
    region: raw['state_id.'] ? text(raw['state_id.'].name) : null,
    postalCode: text(raw.zip),
    country: raw['country_id.'] ? text(raw['country_id.'].code) : null,
    raw: text(raw.contact_address),
  };
  const { name: _name, raw: _raw, ...place } = address;
  return Object.values(place).some((v) => v !== null) ? address : null;
}
