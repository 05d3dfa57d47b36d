/**
 * The default field mapping of PROACTIS P2P vendors, as data: where each unified field comes from
 * in the supplier the gateway acknowledged (raw.ts SupplierRaw), and what a write sets. Branch
 * fields are those of the supplier's main branch: the one tagged as its default invoice branch.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';

const B = 'SupplierBranches.SupplierBranch[]';
const MAIN = `${B}.Tag`;
const PICK = 'of the branch whose Tag is CompanySupplier.DefaultInvoiceBranchTag (else the one tagged "default", else the first)';

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { path: 'Code', note: 'The supplier code, its key in P2P (up to 25 characters).' },
  name: { path: 'Title', note: 'Up to 50 characters.' },
  status: { paths: ['CompanySupplier.Active'], logic: 'Active NO → inactive; YES or absent (P2P\'s default) → active. P2P has no blocked state.', write: ['CompanySupplier.Active'] },
  remoteStatus: { path: 'CompanySupplier.Active' },
  taxId: { path: 'SalesTaxNumber', note: 'Writing it also sets SalesTaxRegistered (YES when given).' },
  email: { paths: [MAIN, `${B}.Email`], logic: `Email ${PICK}.`, write: [`${B}.Email`] },
  phone: { paths: [MAIN, `${B}.Phone`], logic: `Phone ${PICK}.`, write: [`${B}.Phone`] },
  website: { none: 'The supplier import has no website field.' },
  address: {
    paths: [MAIN, `${B}.Title`, `${B}.AddressLine1`, `${B}.AddressLine2`, `${B}.AddressLine3`, `${B}.AddressLine4`, `${B}.PostTown`, `${B}.County`, `${B}.PostCode`, `${B}.Country`],
    logic: `The address ${PICK}: name Title, line1–2 AddressLine1–2, line3 AddressLine3 and 4 joined, city PostTown, region County, postalCode PostCode, country Country (P2P's UK read as GB). On create its country is also the supplier's SalesTaxCountry.`,
    write: [`${B}.AddressLine1`, `${B}.AddressLine2`, `${B}.AddressLine3`, `${B}.PostTown`, `${B}.County`, `${B}.PostCode`, `${B}.Country`, 'SalesTaxCountry'],
  },
  currency: { path: 'CompanySupplier.CurrencyCode', note: 'P2P currency codes are the customer\'s own; one that is not an ISO 4217 code reads as null (it stays in remoteData).' },
  paymentTerms: { none: 'The supplier import has no payment terms.' },
  contacts: {
    paths: [`${B}.Tag`, `${B}.SupplierBranchContacts.SupplierBranchContact[].Tag`, `${B}.SupplierBranchContacts.SupplierBranchContact[].Name`, `${B}.SupplierBranchContacts.SupplierBranchContact[].Email`, `${B}.SupplierBranchContacts.SupplierBranchContact[].Phone`],
    logic: 'Every branch contact: remoteId "<branch tag>/<contact tag>", name Name, email Email, phone Phone; role null. A write replaces the contacts of the main branch.',
  },
};

export const vendorMapping: EntityMapping = { fields };
