/**
 * Vendors: P2P suppliers, written through ImportDocument's supplier master data (STORE to create
 * and update, the company supplier record REMOVEd to delete). The gateway has no read: the
 * vendors Manifold holds are those written through it, as the gateway acknowledged them.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { AcknowledgedWrites } from '../../../kit/writes.js';
import type { Address } from '../../../models/common.js';
import type { VendorContact } from '../../../models/vendor.js';
import { refused } from '../failures.js';
import type { GatewayClient } from '../gateway.js';
import { SupplierRaw, type BranchRaw } from '../raw.js';
import { jsonToXml, type Json } from '../xml.js';
import { NO_READ } from './read-notes.js';
import { vendorMapping } from './vendor-mapping.js';
import { CREATE_FIELDS, UPDATE_FIELDS, acknowledged, branchesOf, contactsOf, createDraft, fromP2pCountry, mainBranch, parseVendor, removeDraft, updateDraft } from './vendor-remote.js';

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

export function branchAddress(b: BranchRaw | undefined): Address | null {
  if (!b) return null;
  const line3 = [b.AddressLine3, b.AddressLine4].map(blank).filter(Boolean).join(', ') || null;
  const parts = [b.AddressLine1, b.AddressLine2, line3 ?? undefined, b.PostTown, b.County, b.PostCode, b.Country].map(blank).filter(Boolean);
  if (parts.length === 0) return null;
  return {
    name: blank(b.Title), line1: blank(b.AddressLine1), line2: blank(b.AddressLine2), line3,
    city: blank(b.PostTown), region: blank(b.County), postalCode: blank(b.PostCode), country: b.Country ? fromP2pCountry(b.Country) : null,
    raw: parts.join(', '),
  };
}

function toVendor(raw: SupplierRaw, _ctx: MapContext): Record<string, unknown> {
  const main = mainBranch(raw);
  const company = raw.CompanySupplier;
  const contacts: VendorContact[] = branchesOf(raw).flatMap((b) =>
    contactsOf(b).map((c) => ({ id: null, remoteId: `${b.Tag}/${c.Tag}`, name: blank(c.Name), email: blank(c.Email), phone: blank(c.Phone), role: null })),
  );
  return {
    code: raw.Code,
    name: blank(raw.Title),
    // P2P keeps only whether the supplier is active in the company ("Default is YES").
    status: company?.Active === 'NO' ? 'inactive' : 'active',
    remoteStatus: company?.Active ?? null,
    taxId: blank(raw.SalesTaxNumber),
    email: blank(main?.Email),
    phone: blank(main?.Phone),
    website: null,
    address: branchAddress(main),
    currency: company?.CurrencyCode && /^[A-Z]{3}$/.test(company.CurrencyCode) ? company.CurrencyCode : null,
    paymentTerms: null,
    contacts,
  };
}

const pickSupplier = (answer: Json) => ((answer.Suppliers as Json | undefined)?.Supplier as Json[] | undefined)?.[0];
const send = (client: GatewayClient, draft: SupplierRaw) =>
  client.importOne(`<pro:Suppliers>${jsonToXml('Supplier', draft)}</pro:Suppliers>`, pickSupplier, `supplier ${draft.Code}`);

function existingSupplier(remoteData: Record<string, unknown>): SupplierRaw {
  const parsed = SupplierRaw.safeParse(remoteData);
  if (!parsed.success) throw refused('invalid_request', 'This vendor was not written through the PROACTIS gateway, so Manifold does not hold the whole supplier it must send back.');
  return parsed.data;
}

const writes: AcknowledgedWrites<GatewayClient> = {
  capabilities: {
    create: {
      requiredFields: ['code', 'name', 'currency', 'address'],
      writableFields: CREATE_FIELDS,
      notes: 'Imported as supplier master data (STORE). address.country is required (P2P\'s sales tax country; GB is sent as UK). The supplier gets one branch, tagged "default", holding the address, e-mail, phone and contacts, and the supplier grade set on the connection. A code that exists in P2P is updated, not duplicated (STORE is an upsert).',
    },
    update: {
      updatableFields: UPDATE_FIELDS,
      transitions: { inactive: ['active'], active: ['inactive'] },
      notes: 'The whole supplier is sent again with the change (STORE). Address, e-mail, phone and contacts are those of its invoice branch; contacts left out of the list are removed. status sets whether the supplier is active in the company.',
    },
    delete: {
      mode: 'hard',
      description: 'Removes the supplier from the connection\'s company (its company supplier record, ACTION="REMOVE"); the supplier itself stays in P2P for other companies.',
    },
    concurrency: 'none',
    concurrencyNotes: 'The gateway has no read and no version token: If-Match is checked against the version Manifold holds, and a change made in P2P directly is not seen.',
  },
  async create(client, input) {
    const echo = await send(client, createDraft(parseVendor(input), client.creds));
    const record = acknowledged(SupplierRaw.parse(echo));
    return { remoteId: record.Code, record };
  },
  async update(client, existing, patch) {
    const echo = await send(client, updateDraft(existingSupplier(existing.remoteData), parseVendor(patch)));
    return { record: acknowledged(SupplierRaw.parse(echo)) };
  },
  async delete(client, existing) {
    await send(client, removeDraft(existingSupplier(existing.remoteData)));
    return { mode: 'hard' };
  },
};

export const vendors = defineResource<GatewayClient, SupplierRaw>({
  entity: 'vendors',
  raw: SupplierRaw,
  readNotes: NO_READ,
  remoteId: (raw) => raw.Code,
  // The gateway's answers carry no times: Manifold's own (when the write was acknowledged) stand in.
  times: () => ({ createdAt: null, updatedAt: null }),
  toUnified: toVendor,
  writes,
  mapping: vendorMapping,
});
