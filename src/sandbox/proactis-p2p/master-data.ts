/**
 * The other documented master data of ImportDocument (masterData.md): exchange rates (keyed by
 * currency and effective date), nominal groups (by Code) and nominal group entries (by group and
 * Code). Each element is STORE (add/update) or REMOVE and gets its own Status.
 */
import type { Session } from './control.js';
import { Checks, dataAttrs } from './check.js';
import { markStatus } from './errors.js';
import { childrenNamed, type XmlElement } from './xml.js';

function finish(el: XmlElement, checks: Checks, apply: () => void): void {
  if (checks.failed) {
    checks.embed();
    markStatus(el, 'FAILED');
    return;
  }
  apply();
  markStatus(el, 'OK');
}

function exchangeRate(session: Session, el: XmlElement): void {
  const { company } = session;
  const checks = new Checks();
  checks.declared(el, ['ACTION', 'CurrencyCode', 'DateEffectiveFrom', 'ExchangeRateHome1']);
  const action = checks.action(el);
  checks.required(el, 'CurrencyCode', 'DateEffectiveFrom', ...(action === 'STORE' ? ['ExchangeRateHome1'] : []));
  checks.date(el, 'DateEffectiveFrom');
  checks.number(el, 'ExchangeRateHome1');
  const { CurrencyCode: currency = '', DateEffectiveFrom: from = '' } = el.attrs;
  // "The currency code specified must exist as a valid currency in P2P for the target company."
  if (currency && !company.currencies.has(currency)) checks.business(el, `The currency '${currency}' does not exist in company '${company.code}'.`);
  const key = `${currency}\u0000${from}`;
  if (action === 'REMOVE' && !checks.failed && !company.exchangeRates.has(key)) checks.business(el, `There is no exchange rate for '${currency}' effective from ${from}.`);
  finish(el, checks, () => {
    if (action === 'REMOVE') company.exchangeRates.delete(key);
    else company.exchangeRates.set(key, { currencyCode: currency, dateEffectiveFrom: from, rate: el.attrs.ExchangeRateHome1! });
  });
}

function nominalGroup(session: Session, el: XmlElement): void {
  const { company } = session;
  const checks = new Checks();
  const captions = Array.from({ length: 6 }, (_, i) => `Reference${i + 1}Caption`);
  checks.declared(el, ['ACTION', 'Code', 'Description', 'IsTopLevelGroup', ...captions]);
  const action = checks.action(el);
  checks.required(el, 'Code');
  checks.maxLength(el, { Code: 100, Description: 100, ...Object.fromEntries(captions.map((c) => [c, 50])) });
  checks.yesNo(el, 'IsTopLevelGroup');
  const code = el.attrs.Code ?? '';
  if (action === 'REMOVE' && code && !company.nominalGroups.has(code)) checks.business(el, `The nominal group '${code}' does not exist.`);
  finish(el, checks, () => {
    if (action === 'REMOVE') company.nominalGroups.delete(code);
    else company.nominalGroups.set(code, { ...company.nominalGroups.get(code), ...dataAttrs(el) });
  });
}

function nominalEntry(session: Session, el: XmlElement): void {
  const { company } = session;
  const checks = new Checks();
  const refs = Array.from({ length: 6 }, (_, i) => `Reference${i + 1}`);
  checks.declared(el, ['ACTION', 'Active', 'Code', 'Description', 'NominalGroup', 'NominalSubGroup', 'Band1DefaultTaxCode', ...refs]);
  const action = checks.action(el);
  checks.required(el, 'Code', 'NominalGroup');
  checks.maxLength(el, { Code: 30, Description: 40, NominalGroup: 40, NominalSubGroup: 40, ...Object.fromEntries(refs.map((r) => [r, 50])) });
  checks.yesNo(el, 'Active');
  const { Code: code = '', NominalGroup: group = '', NominalSubGroup: sub } = el.attrs;
  if (group && !company.nominalGroups.has(group)) checks.business(el, `The nominal group '${group}' does not exist.`);
  if (sub && !company.nominalGroups.has(sub)) checks.business(el, `The nominal sub group '${sub}' does not exist.`);
  if (el.attrs.Band1DefaultTaxCode && !company.taxCodes.has(el.attrs.Band1DefaultTaxCode)) checks.business(el, `The tax code '${el.attrs.Band1DefaultTaxCode}' does not exist.`);
  const key = `${group}\u0000${code}`;
  if (action === 'REMOVE' && code && group && !company.nominalEntries.has(key)) checks.business(el, `The nominal '${code}' does not exist in group '${group}'.`);
  finish(el, checks, () => {
    if (action === 'REMOVE') company.nominalEntries.delete(key);
    else company.nominalEntries.set(key, { ...company.nominalEntries.get(key), ...dataAttrs(el) });
  });
}

export function importExchangeRates(session: Session, block: XmlElement): void {
  for (const el of childrenNamed(block, 'ExchangeRate')) exchangeRate(session, el);
}
export function importNominalGroups(session: Session, block: XmlElement): void {
  for (const el of childrenNamed(block, 'NominalGroup')) nominalGroup(session, el);
}
export function importNominalGroupEntries(session: Session, block: XmlElement): void {
  for (const el of childrenNamed(block, 'NominalGroupEntry')) nominalEntry(session, el);
}
