/**
 * The tax details of an invoice or credit note (purchaseInvoiceGateway.md, "Tax";
 * purchaseCreditNoteGateway.md, "Tax" and "Troubleshooting"): at least one tax line ("You must
 * have at least one tax code. If there is no tax, then use a zero-rated or exempt code"), the band
 * by name or number ("If neither is specified then the first band is assumed"), a known tax code,
 * and the tax value computed when missing.
 */
import type { Session } from './control.js';
import { num, type Checks } from './check.js';
import { round } from './orders.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

/** Checks the tax lines; answers the document's total tax. */
export function checkTaxes(session: Session, checks: Checks, doc: XmlElement): number {
  const { company } = session;
  const taxes = childrenNamed(child(doc, 'TaxDetails') ?? doc, 'Tax');
  if (taxes.length === 0) {
    checks.business(doc, 'You must have at least one tax code. If there is no tax, then use a zero-rated or exempt code.');
    return 0;
  }
  let total = 0;
  for (const t of taxes) {
    checks.declared(t, ['Band', 'BandNumber', 'Code', 'GrossValue', 'TaxValue']);
    checks.number(t, 'BandNumber', 'GrossValue', 'TaxValue');
    if (t.attrs.Band !== undefined && !company.taxBands.includes(t.attrs.Band)) checks.business(t, `The tax band '${t.attrs.Band}' does not exist.`);
    if (t.attrs.BandNumber !== undefined && (num(t.attrs.BandNumber) < 1 || num(t.attrs.BandNumber) > company.taxBands.length)) checks.business(t, `There is no tax band number ${t.attrs.BandNumber}.`);
    if (!checks.required(t, 'Code')) continue;
    const code = company.taxCodes.get(t.attrs.Code!);
    if (!code) {
      checks.business(t, `The tax code '${t.attrs.Code}' does not exist.`);
      continue;
    }
    // "If the TaxValue is missing, then it will be automatically calculated."
    const gross = num(t.attrs.GrossValue);
    total += t.attrs.TaxValue !== undefined ? num(t.attrs.TaxValue) : round(gross - gross / (1 + code.rate));
  }
  return round(total);
}
