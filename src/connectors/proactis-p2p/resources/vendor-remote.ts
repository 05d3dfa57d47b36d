/**
 * Unified vendor fields → a `<pro:Supplier>` for ImportDocument (masterData.md, "Suppliers").
 * STORE is an upsert, and P2P requires a supplier to have a title, a sales tax country, at least
 * one branch and a company supplier record with grade, currency and default branches — so
 * Manifold always sends the whole supplier: built from the unified fields on create, and from the
 * supplier as last acknowledged plus the change on update. The address, e-mail, phone and contacts
 * are those of the supplier's invoice branch (a new supplier gets one branch, tagged "default").
 */
import { z } from 'zod';
import type { P2pCredentials } from '../credentials.js';
import { refused } from '../failures.js';
import type { BranchRaw, CompanySupplierRaw, ContactRaw, SupplierRaw } from '../raw.js';

const text = z.string().nullable().optional();
const AddressInput = z.looseObject({ name: text, line1: text, line2: text, line3: text, city: text, region: text, postalCode: text, country: text, raw: text });
const ContactInput = z.looseObject({ id: text, remoteId: text, name: text, email: text, phone: text, role: text });
export const VendorInput = z.looseObject({
  code: text, name: text, status: z.string().optional(), taxId: text, email: text, phone: text,
  address: AddressInput.nullable().optional(), currency: text, contacts: z.array(ContactInput).optional(),
});
export type VendorInput = z.infer<typeof VendorInput>;

export const CREATE_FIELDS = ['code', 'name', 'status', 'taxId', 'email', 'phone', 'address', 'currency', 'contacts', 'contacts[].name', 'contacts[].email', 'contacts[].phone'];
export const UPDATE_FIELDS = ['name', 'taxId', 'email', 'phone', 'address', 'currency', 'contacts', 'contacts[].name', 'contacts[].email', 'contacts[].phone'];

/** P2P's country codes are its own; its documentation writes the United Kingdom as UK. */
export const toP2pCountry = (c: string) => (c.toUpperCase() === 'GB' ? 'UK' : c);
export const fromP2pCountry = (c: string) => (c.toUpperCase() === 'UK' ? 'GB' : c);

export function parseVendor(input: Record<string, unknown>): VendorInput {
  const parsed = VendorInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused('invalid_request', `Not a valid vendor: ${issue?.path.join('.')} ${issue?.message}`, issue?.path.join('.'));
  }
  return parsed.data;
}

export const branchesOf = (s: SupplierRaw): BranchRaw[] => s.SupplierBranches?.SupplierBranch ?? [];
export const contactsOf = (b: BranchRaw): ContactRaw[] => b.SupplierBranchContacts?.SupplierBranchContact ?? [];

/** The branch whose address, e-mail and phone the unified vendor shows: the default invoice branch. */
export function mainBranch(s: SupplierRaw): BranchRaw | undefined {
  const branches = branchesOf(s);
  const tag = s.CompanySupplier?.DefaultInvoiceBranchTag;
  return branches.find((b) => b.Tag === tag) ?? branches.find((b) => b.Tag === 'default') ?? branches[0];
}

const value = (v: string | null | undefined) => (v === undefined ? undefined : (v ?? ''));

function withAddress(branch: BranchRaw, v: VendorInput): BranchRaw {
  const out: BranchRaw = { ...branch };
  if (v.address !== undefined) {
    const a = v.address ?? {};
    Object.assign(out, {
      AddressLine1: value(a.line1) ?? '', AddressLine2: value(a.line2) ?? '', AddressLine3: value(a.line3) ?? '',
      PostTown: value(a.city) ?? '', County: value(a.region) ?? '', PostCode: value(a.postalCode) ?? '', Country: a.country ? toP2pCountry(a.country) : '',
      ...(a.name ? { Title: a.name } : {}),
    });
  }
  if (v.email !== undefined) out.Email = value(v.email);
  if (v.phone !== undefined) out.Phone = value(v.phone);
  return out;
}

/** Contact tags are the branch's keys: kept for contacts that have one, made from the name otherwise. */
function withContacts(branch: BranchRaw, contacts: VendorInput['contacts']): BranchRaw {
  if (contacts === undefined) return branch;
  const before = contactsOf(branch);
  const used = new Set<string>();
  const next: ContactRaw[] = contacts.map((c, i) => {
    const own = c.remoteId?.startsWith(`${branch.Tag}/`) ? c.remoteId.slice(branch.Tag.length + 1) : undefined;
    let tag = own ?? ((c.name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `contact-${i + 1}`);
    for (let n = 2; used.has(tag); n += 1) tag = `${tag.slice(0, 40)}-${n}`;
    used.add(tag);
    const old = before.find((b) => b.Tag === tag);
    return { ...old, ACTION: 'STORE', Tag: tag, Name: value(c.name) ?? old?.Name, Email: value(c.email) ?? old?.Email, Phone: value(c.phone) ?? old?.Phone };
  });
  // Contacts no longer listed are removed in P2P ("ACTION … REMOVE to delete the record").
  const removed = before.filter((b) => !used.has(b.Tag)).map((b) => ({ ACTION: 'REMOVE', Tag: b.Tag }));
  return { ...branch, SupplierBranchContacts: { SupplierBranchContact: [...next, ...removed] } };
}

export function createDraft(v: VendorInput, creds: P2pCredentials): SupplierRaw {
  if (v.status !== undefined && v.status !== 'active' && v.status !== 'inactive') {
    throw refused('invalid_request', `status must be active or inactive: P2P keeps only whether a supplier is active in a company.`, 'status');
  }
  const country = v.address?.country;
  if (!country) throw refused('invalid_request', 'address.country is required: P2P needs a sales tax country for every supplier.', 'address.country');
  const branch = withContacts(withAddress({ ACTION: 'STORE', Tag: 'default', Title: v.address?.name || 'default', InvoiceAddress: 'YES', OrderAddress: 'YES' }, v), v.contacts);
  const company: CompanySupplierRaw = {
    SupplierGrade: creds.supplierGrade, CurrencyCode: v.currency ?? undefined, DefaultInvoiceBranchTag: 'default', DefaultOrderBranchTag: 'default',
    Active: v.status === 'inactive' ? 'NO' : 'YES',
  };
  return {
    Code: v.code!, Title: v.name ?? undefined, SalesTaxCountry: toP2pCountry(country),
    ...(v.taxId ? { SalesTaxNumber: v.taxId, SalesTaxRegistered: 'YES' } : {}),
    SupplierBranches: { SupplierBranch: [branch] },
    CompanySupplier: company,
  };
}

/** The supplier as last acknowledged, with the change applied; every branch is sent again (STORE). */
export function updateDraft(existing: SupplierRaw, v: VendorInput): SupplierRaw {
  const main = mainBranch(existing);
  const branches = branchesOf(existing).map((b) => {
    const stored: BranchRaw = { ...b, ACTION: 'STORE' };
    return b === main ? withContacts(withAddress(stored, v), v.contacts) : stored;
  });
  const out: SupplierRaw = { ...existing, SupplierBranches: { SupplierBranch: branches } };
  delete out.Status;
  delete out.Errors;
  if (v.name !== undefined) out.Title = value(v.name);
  if (v.taxId !== undefined) Object.assign(out, { SalesTaxNumber: value(v.taxId), SalesTaxRegistered: v.taxId ? 'YES' : 'NO' });
  if (v.address?.country) out.SalesTaxCountry = toP2pCountry(v.address.country);
  const company: CompanySupplierRaw = { ...existing.CompanySupplier };
  if (v.currency !== undefined) company.CurrencyCode = value(v.currency);
  if (v.status !== undefined) company.Active = v.status === 'inactive' ? 'NO' : 'YES';
  out.CompanySupplier = company;
  return out;
}

/** The company supplier record removed: the supplier leaves the connection's company (masterData.md, "Company Supplier"). */
export function removeDraft(existing: SupplierRaw): SupplierRaw {
  return { Code: existing.Code, Title: existing.Title, SalesTaxCountry: existing.SalesTaxCountry, CompanySupplier: { ACTION: 'REMOVE' } };
}

/** The echo with what it removed left out: the supplier as it now is in P2P. */
export function acknowledged(echo: SupplierRaw): SupplierRaw {
  const branches = branchesOf(echo)
    .filter((b) => b.ACTION !== 'REMOVE')
    .map((b) => ({ ...b, ...(b.SupplierBranchContacts ? { SupplierBranchContacts: { SupplierBranchContact: contactsOf(b).filter((c) => c.ACTION !== 'REMOVE') } } : {}) }));
  return { ...echo, SupplierBranches: { SupplierBranch: branches } };
}
