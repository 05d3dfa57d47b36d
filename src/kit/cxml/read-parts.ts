/**
 * The parts an OrderRequest repeats at header and line level: addresses, accounting
 * distributions, credentials. Required children follow the cXML DTD (Address needs Name; a
 * PostalAddress needs Street, City and Country with its isoCountryCode; a Distribution needs
 * Accounting and Charge).
 */
import { Checker, indexed, optionalText } from './check.js';
import type { CxmlAccountingSegment, CxmlAddress, CxmlCredential, CxmlDistribution } from './types.js';
import { attrOf, many, one, textOf } from './xml.js';

/** `<ShipTo>`/`<BillTo>` → its Address; `required` adds an issue when the holder is absent. */
export function readAddress(check: Checker, parent: unknown, path: string, holder: string, required: boolean): CxmlAddress | null {
  const node = one(parent, holder);
  if (node === undefined) {
    if (required) check.add(`${path}/${holder}`, 'is missing');
    return null;
  }
  const where = `${path}/${holder}/Address`;
  const address = check.element(node, `${path}/${holder}`, 'Address');
  if (address === undefined) return null;
  const name = check.text(address, where, 'Name');
  const postal = one(address, 'PostalAddress');
  const postalPath = `${where}/PostalAddress`;
  let street: string[] = [];
  let city: string | null = null;
  let country: string | null = null;
  let isoCountryCode: string | null = null;
  if (postal !== undefined) {
    street = many(postal, 'Street').map((s) => textOf(s) ?? '').filter(Boolean);
    if (street.length === 0) check.add(`${postalPath}/Street`, 'is missing');
    city = check.text(postal, postalPath, 'City') ?? null;
    const countryNode = check.element(postal, postalPath, 'Country');
    if (countryNode !== undefined) {
      isoCountryCode = check.attr(countryNode, `${postalPath}/Country`, 'isoCountryCode') ?? null;
      country = textOf(countryNode) || null;
    }
  }
  return {
    addressID: attrOf(address, 'addressID') || null,
    name: name ?? '',
    deliverTo: many(postal, 'DeliverTo').map((d) => textOf(d) ?? '').filter(Boolean),
    street,
    city,
    state: optionalText(postal, 'State'),
    postalCode: optionalText(postal, 'PostalCode'),
    country,
    isoCountryCode,
    email: optionalText(address, 'Email'),
    phone: phoneText(one(address, 'Phone')),
  };
}

/** Phone/TelephoneNumber → "+1 781 5550100" (country code, area code, number as given). */
function phoneText(phone: unknown): string | null {
  const number = one(phone, 'TelephoneNumber');
  if (number === undefined) return null;
  const country = textOf(one(number, 'CountryCode'));
  const parts = [country ? `+${country}` : '', textOf(one(number, 'AreaOrCityCode')) ?? '', textOf(one(number, 'Number')) ?? ''];
  const text = parts.filter(Boolean).join(' ');
  return text || null;
}

export function readDistributions(check: Checker, item: unknown, path: string, currency: string | undefined): CxmlDistribution[] {
  const list = many(item, 'Distribution');
  const out: CxmlDistribution[] = [];
  list.forEach((distribution, i) => {
    const where = `${path}/${indexed('Distribution', i, list.length)}`;
    const accounting = check.element(distribution, where, 'Accounting');
    const name = accounting === undefined ? undefined : check.attr(accounting, `${where}/Accounting`, 'name');
    const segmentNodes = many(accounting, 'AccountingSegment');
    if (accounting !== undefined && segmentNodes.length === 0) check.add(`${where}/Accounting/AccountingSegment`, 'is missing');
    const segments: CxmlAccountingSegment[] = [];
    segmentNodes.forEach((segment, j) => {
      const id = check.attr(segment, `${where}/Accounting/${indexed('AccountingSegment', j, segmentNodes.length)}`, 'id');
      if (id !== undefined) segments.push({ id, name: optionalText(segment, 'Name'), description: optionalText(segment, 'Description') });
    });
    const chargeNode = check.element(distribution, where, 'Charge');
    const charge = chargeNode === undefined ? undefined : check.money(chargeNode, `${where}/Charge`);
    if (charge && currency && charge.currency !== currency) check.refuse(`${where}/Charge/Money@currency`, `is ${charge.currency}, not the order currency ${currency}; a unified order has one currency`);
    if (name !== undefined && charge !== undefined) out.push({ accounting: name, segments, charge });
  });
  return out;
}

/** From, To or Sender: one or more Credential elements, each with a domain and an Identity. */
export function readCredentials(check: Checker, header: unknown, party: string): CxmlCredential[] {
  const holder = check.element(header, 'Header', party);
  if (holder === undefined) return [];
  const list = many(holder, 'Credential');
  if (list.length === 0) check.add(`Header/${party}/Credential`, 'is missing');
  const out: CxmlCredential[] = [];
  list.forEach((credential, i) => {
    const where = `Header/${party}/${indexed('Credential', i, list.length)}`;
    const domain = check.attr(credential, where, 'domain');
    const identity = check.text(credential, where, 'Identity');
    const secret = textOf(one(credential, 'SharedSecret'));
    if (domain !== undefined && identity !== undefined) out.push({ domain, identity, sharedSecret: secret ?? null });
  });
  return out;
}
