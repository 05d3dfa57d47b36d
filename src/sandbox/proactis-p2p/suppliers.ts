/**
 * Supplier master data through ImportDocument (masterData.md, "Suppliers"): the header keyed by
 * Code, branches keyed by Tag with their contacts, and the company supplier record of the control
 * block's company with its groups. Each sub-record carries ACTION STORE (add or update: an upsert
 * of the attributes given) or REMOVE. A supplier is applied whole or not at all; its errors are
 * embedded next to the node they concern and the supplier gets Status FAILED.
 */
import type { Session } from './control.js';
import type { BranchRec, CompanySupplierRec, SupplierRec } from './data.js';
import { Checks, dataAttrs } from './check.js';
import { markStatus } from './errors.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

const HEADER = ['Code', 'Title', 'External', 'OneOffSupplier', 'SalesTaxCountry', 'SalesTaxNumber', 'SalesTaxRegistered', 'DUNSNumber', 'CompanyRegistrationNumber'];
const BRANCH = ['ACTION', 'Tag', 'Title', 'Active', 'AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'Country', 'County', 'Email', 'Fax', 'InvoiceAddress', 'OrderAddress', 'OutputType', 'PostCode', 'PostTown', 'Phone'];
const CONTACT = ['ACTION', 'Tag', 'Name', 'Email', 'Phone', 'Fax'];
const COMPANY_FLAGS = ['Active', 'AllowAutoInvoicing', 'AutoOutput', 'BuyerMustReviewStockReplenishmentItems', 'DocumentLevelValueMatching', 'InvoicingOnly', 'InvoicesWithoutOrders', 'InvoicesWithoutReceipts', 'MandatoryOrderNumbersOnInvoice'];
const ACCOUNTING = Array.from({ length: 8 }, (_, i) => `AccountingElement${i + 1}`);
const REFERENCES = Array.from({ length: 6 }, (_, i) => `Reference${i + 1}`);
const COMPANY = ['ACTION', 'SupplierGrade', 'CurrencyCode', 'DefaultInvoiceBranchTag', 'DefaultOrderBranchTag', 'AssessmentDate', 'NextAssessmentDate', 'Band1DefaultTaxCode', 'InvoiceTray', 'InvoicePriceToleranceAbs', 'InvoicePriceTolerancePct', 'PlazaOrganisationID', ...COMPANY_FLAGS, ...ACCOUNTING, ...REFERENCES];
/** "permitted values are Email, Fax, Print or None"; the page's own example writes "email". */
const OUTPUT_TYPES = ['email', 'fax', 'print', 'none'];

function applyBranch(checks: Checks, supplier: SupplierRec, el: XmlElement): void {
  checks.declared(el, BRANCH);
  const action = checks.action(el);
  if (!checks.required(el, 'Tag')) return;
  const tag = el.attrs.Tag!;
  checks.maxLength(el, { Tag: 50, Title: 100, AddressLine1: 100, AddressLine2: 100, AddressLine3: 100, AddressLine4: 100, Country: 100, County: 100, Email: 200, Fax: 50, PostCode: 20, PostTown: 100, Phone: 20 });
  checks.yesNo(el, 'Active', 'InvoiceAddress', 'OrderAddress');
  if (el.attrs.OutputType !== undefined && !OUTPUT_TYPES.includes(el.attrs.OutputType.toLowerCase())) {
    checks.business(el, `The output type '${el.attrs.OutputType}' is not valid; permitted values are Email, Fax, Print or None.`);
  }
  if (action === 'REMOVE') {
    if (!supplier.branches.delete(tag)) checks.business(el, `Supplier branch '${tag}' does not exist for supplier '${supplier.code}'.`);
    return;
  }
  const branch: BranchRec = supplier.branches.get(tag) ?? { tag, attrs: {}, contacts: new Map() };
  Object.assign(branch.attrs, dataAttrs(el));
  if (!branch.attrs.Title) checks.required(el, 'Title');
  for (const contact of childrenNamed(child(el, 'SupplierBranchContacts') ?? el, 'SupplierBranchContact')) {
    checks.declared(contact, CONTACT);
    const contactAction = checks.action(contact);
    if (!checks.required(contact, 'Tag')) continue;
    checks.maxLength(contact, { Tag: 50, Name: 30, Email: 200, Phone: 20, Fax: 50 });
    const contactTag = contact.attrs.Tag!;
    if (contactAction === 'REMOVE') {
      if (!branch.contacts.delete(contactTag)) checks.business(contact, `Supplier branch contact '${contactTag}' does not exist on branch '${tag}'.`);
      continue;
    }
    const rec = branch.contacts.get(contactTag) ?? { tag: contactTag, attrs: {} };
    Object.assign(rec.attrs, dataAttrs(contact));
    branch.contacts.set(contactTag, rec);
  }
  supplier.branches.set(tag, branch);
}

function applyCompanySupplier(checks: Checks, session: Session, supplier: SupplierRec, header: XmlElement, el: XmlElement | undefined): void {
  const { company } = session;
  if (!el) {
    // "Each supplier must have a company supplier record" (masterData.md, "Company Supplier").
    if (!supplier.companies.has(company.code)) checks.business(header, `Supplier '${supplier.code}' has no company supplier record for company '${company.code}'; include <pro:CompanySupplier>.`);
    return;
  }
  checks.declared(el, COMPANY);
  if (checks.action(el) === 'REMOVE') {
    if (!supplier.companies.delete(company.code)) checks.business(el, `Supplier '${supplier.code}' is not set up in company '${company.code}'.`);
    return;
  }
  const rec: CompanySupplierRec = supplier.companies.get(company.code) ?? { attrs: {}, groups: new Set() };
  Object.assign(rec.attrs, dataAttrs(el));
  const missing = ['SupplierGrade', 'CurrencyCode', 'DefaultInvoiceBranchTag', 'DefaultOrderBranchTag'].filter((n) => !rec.attrs[n]);
  if (missing.length) checks.required(el, ...missing);
  checks.yesNo(el, ...COMPANY_FLAGS);
  checks.date(el, 'AssessmentDate', 'NextAssessmentDate');
  checks.number(el, 'InvoicePriceToleranceAbs', 'InvoicePriceTolerancePct');
  checks.maxLength(el, { PlazaOrganisationID: 50, ...Object.fromEntries(ACCOUNTING.map((n) => [n, 30])), ...Object.fromEntries(REFERENCES.map((n) => [n, 100])) });
  const a = rec.attrs;
  if (a.SupplierGrade && !company.supplierGrades.has(a.SupplierGrade)) checks.business(el, `The supplier grade '${a.SupplierGrade}' does not exist.`);
  if (a.CurrencyCode && !company.currencies.has(a.CurrencyCode)) checks.business(el, `The currency '${a.CurrencyCode}' does not exist in company '${company.code}'.`);
  if (a.Band1DefaultTaxCode && !company.taxCodes.has(a.Band1DefaultTaxCode)) checks.business(el, `The tax code '${a.Band1DefaultTaxCode}' does not exist.`);
  if (a.InvoiceTray && !company.trays.includes(a.InvoiceTray)) checks.business(el, `The invoice tray '${a.InvoiceTray}' does not exist.`);
  // "The value must match a valid branch tag from the supplier branches section."
  for (const attr of ['DefaultInvoiceBranchTag', 'DefaultOrderBranchTag']) {
    if (a[attr] && !supplier.branches.has(a[attr])) checks.business(el, `${attr} '${a[attr]}' does not match a branch of supplier '${supplier.code}'.`);
  }
  for (const g of childrenNamed(child(el, 'CompanySupplierGroups') ?? el, 'CompanySupplierGroup')) {
    checks.declared(g, ['ACTION', 'Group']);
    const action = checks.action(g);
    if (!checks.required(g, 'Group')) continue;
    const group = g.attrs.Group!;
    if (!company.supplierGroups.has(group)) checks.business(g, `The supplier group '${group}' does not exist.`);
    else if (action === 'REMOVE') rec.groups.delete(group);
    else rec.groups.add(group);
  }
  supplier.companies.set(company.code, rec);
}

export function importSupplier(session: Session, el: XmlElement): void {
  const { database } = session;
  const checks = new Checks();
  checks.declared(el, HEADER);
  if (!checks.required(el, 'Code')) {
    checks.embed();
    markStatus(el, 'FAILED');
    return;
  }
  const code = el.attrs.Code!;
  const existing = database.suppliers.get(code);
  // Work on a copy: a supplier is stored whole or not at all.
  const supplier: SupplierRec = existing ? structuredClone(existing) : { code, attrs: {}, branches: new Map(), companies: new Map() };
  Object.assign(supplier.attrs, dataAttrs(el));
  const missing = ['Title', 'SalesTaxCountry'].filter((n) => !supplier.attrs[n]);
  if (missing.length) checks.required(el, ...missing);
  checks.maxLength(el, { Code: 25, Title: 50, SalesTaxNumber: 17, CompanyRegistrationNumber: 8 });
  checks.yesNo(el, 'External', 'OneOffSupplier', 'SalesTaxRegistered');
  const duns = supplier.attrs.DUNSNumber;
  if (duns && !/^\d{9}$/.test(duns)) checks.business(el, `The DUNS number '${duns}' is not valid; if supplied it must be nine numbers.`);
  const country = supplier.attrs.SalesTaxCountry;
  if (country && !database.countries.has(country)) checks.business(el, `The sales tax country '${country}' is not a valid country code.`);

  for (const branch of childrenNamed(child(el, 'SupplierBranches') ?? el, 'SupplierBranch')) applyBranch(checks, supplier, branch);
  // "Each supplier record must have one or more branches."
  if (supplier.branches.size === 0) checks.business(el, `Supplier '${code}' must have at least one branch.`);
  applyCompanySupplier(checks, session, supplier, el, child(el, 'CompanySupplier'));

  if (checks.failed) {
    checks.embed();
    markStatus(el, 'FAILED');
    return;
  }
  database.suppliers.set(code, supplier);
  markStatus(el, 'OK');
}

/** Every supplier of a `<pro:Suppliers>` block. */
export function importSuppliers(session: Session, block: XmlElement): void {
  for (const el of childrenNamed(block, 'Supplier')) importSupplier(session, el);
}
