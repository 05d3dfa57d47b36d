/**
 * Purchase credit notes through ImportDocument (purchaseCreditNoteGateway.md): matched against
 * parent documents (purchase invoices) by their DocumentNumber and item Position. Without parent
 * documents a credit note "can only be registered", and the supplier must be set.
 */
import type { Session } from './control.js';
import { nextNumber, type InvoiceRec } from './data.js';
import { Checks, num } from './check.js';
import { markStatus } from './errors.js';
import { checkTaxes } from './taxes.js';
import { pickTemplate, pickTray } from './templates.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

export function importCreditNote(session: Session, el: XmlElement): void {
  const { company, database } = session;
  const header = new Checks();
  const items = new Checks();
  header.declared(el, ['CreditNoteDate', 'SupplierCreditNoteNumber', 'Template', 'Tray', 'GrossValue', 'Supplier']);
  header.required(el, 'SupplierCreditNoteNumber', 'CreditNoteDate');
  header.date(el, 'CreditNoteDate');
  header.number(el, 'GrossValue');
  const template = pickTemplate(session, header, el, 'credit-note');
  pickTray(session, header, el);
  const parents = childrenNamed(child(el, 'ParentDocuments') ?? el, 'ParentDocument');
  const invoices: InvoiceRec[] = [];
  for (const p of parents) {
    header.declared(p, ['DocumentNumber']);
    if (!header.required(p, 'DocumentNumber')) continue;
    const invoice = company.invoices.find((i) => i.documentNumber === p.attrs.DocumentNumber);
    if (!invoice) {
      header.business(p, `The document '${p.attrs.DocumentNumber}' could not be found.`);
      continue;
    }
    invoices.push(invoice);
    for (const item of childrenNamed(p, 'Item')) {
      items.declared(item, ['Position', 'Value', 'Price', 'Quantity']);
      if (!items.required(item, 'Position')) continue;
      // "The position is used to specify the item on the purchase credit note or credit note": the parent's own line.
      const line = invoice.lines[num(item.attrs.Position) - 1];
      if (!line) items.business(item, `There is no item at position ${item.attrs.Position} on document '${invoice.documentNumber}'.`);
      else if (num(item.attrs.Quantity) > line.quantity && childrenNamed(child(item, 'Nominals') ?? item, 'Nominal').length === 0) {
        items.business(item, `The quantity ${item.attrs.Quantity} exceeds the quantity ${line.quantity} on document '${invoice.documentNumber}'.`);
      }
    }
  }
  const supplierCode = el.attrs.Supplier ?? invoices[0]?.supplierCode;
  if (supplierCode === undefined) header.business(el, 'The supplier must be set when the credit note has no parent documents.');
  else if (!database.suppliers.get(supplierCode)?.companies.has(company.code)) header.business(el, `The supplier '${supplierCode}' does not exist in company '${company.code}'.`);
  // "The supplier credit note number must unique for this supplier."
  const number = el.attrs.SupplierCreditNoteNumber;
  if (number && supplierCode && company.creditNotes.some((c) => c.supplierCode === supplierCode && c.supplierCreditNoteNumber === number)) {
    header.business(el, `The supplier credit note number '${number}' has already been used for supplier '${supplierCode}'.`);
  }
  checkTaxes(session, header, el);
  if (header.failed || !template || !supplierCode) {
    header.embed();
    items.embed();
    markStatus(el, 'FAILED');
    return;
  }
  items.embed();
  const status = items.failed || parents.length === 0 ? 'REGISTERED' : 'OK';
  const documentNumber = nextNumber(company, template);
  company.creditNotes.push({ documentNumber, template, supplierCode, supplierCreditNoteNumber: number!, creditNoteDate: el.attrs.CreditNoteDate!, grossValue: num(el.attrs.GrossValue), parents: invoices.map((i) => i.documentNumber) });
  markStatus(el, status, documentNumber);
}
