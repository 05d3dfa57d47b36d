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
