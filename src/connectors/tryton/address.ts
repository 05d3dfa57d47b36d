/**
 * party.address → the unified Address. Tryton keeps the street as one text field (several lines
 * allowed), the country as a many2one to country.country whose `code` is ISO 3166-1 alpha-2,
 * and the region as a many2one to country.subdivision.
 */
import type { Address } from '../../models/common.js';
import type { AddressRaw } from './raw.js';
import { blankToNull } from './listing.js';

export function toAddress(a: AddressRaw | null | undefined): Address | null {
  if (!a) return null;
  const street = (a.street ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    // party_name overrides the party's name on this address; name is Tryton's "Building Name".
    name: blankToNull(a.party_name) ?? blankToNull(a.name),
    line1: street[0] ?? null,
    line2: street[1] ?? null,
    line3: street.length > 2 ? street.slice(2).join(', ') : null,
    city: blankToNull(a.city),
    region: blankToNull(a['subdivision.']?.name),
    postalCode: blankToNull(a.postal_code),
    country: blankToNull(a['country.']?.code),
    raw: blankToNull(a.full_address),
  };
}

/**
 * The native paths toAddress reads, under `prefix` (the embedded party.address, e.g.
 * `invoice_address..` or `addresses[].`), for the field mapping (see ./mapping.md for the syntax).
 */
export function addressPaths(prefix: string): string[] {
  return ['party_name', 'name', 'street', 'city', 'subdivision..name', 'postal_code', 'country..code', 'full_address'].map((p) => prefix + p);
}

/** How toAddress builds the unified Address, for the field mapping. */
export const addressLogic =
  'party.address → Address: name = party_name, else name (the building name); line1/line2 = the first two lines of street, line3 = the remaining lines joined with ", "; ' +
  'city; region = subdivision.name; postalCode = postal_code; country = country.code (ISO 3166-1 alpha-2); raw = full_address. Blank values are null.';
