/**
 * Vendors: A_Supplier of API_BUSINESS_PARTNER with its purchasing-organisation and company-code
 * data ($expand), paged by $skip/$top in supplier order. A_Supplier has no change time (only
 * CreationDate; the protocol notes point to A_BusinessPartner's LastChangeDate for that), so every
 * sync reads all suppliers and the hash diff keeps unchanged ones at their version.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import { entityPath, plainEntity, toIsoInstant } from '../../../kit/transports/odata-v2-values.js';
import type { SapClient } from '../client.js';
import { SupplierRaw } from '../raw.js';
import { vendorMapping } from './vendor-mapping.js';

const EXPAND = 'to_SupplierPurchasingOrg,to_SupplierCompany';
const blank = (v: string | undefined): string | null => (v && v.trim() !== '' ? v : null);

export function toVendor(raw: SupplierRaw, _ctx: MapContext): Record<string, unknown> {
  const org = raw.to_SupplierPurchasingOrg[0];
  const sales = blank(org?.SupplierRespSalesPersonName);
  return {
    code: raw.Supplier,
    name: blank(raw.SupplierName),
    status: raw.DeletionIndicator ? 'inactive' : raw.PurchasingIsBlocked || raw.PostingIsBlocked ? 'blocked' : 'active',
    remoteStatus: null,
    taxId: blank(raw.VATRegistration),
    email: null,
    phone: blank(org?.SupplierPhoneNumber),
    website: null,
    address: null,
    currency: org && /^[A-Z]{3}$/.test(org.PurchaseOrderCurrency) ? org.PurchaseOrderCurrency : null,
    paymentTerms: blank(org?.PaymentTerms),
    contacts: sales ? [{ id: null, remoteId: null, name: sales, email: null, phone: blank(org?.SupplierPhoneNumber), role: 'Sales' }] : [],
  };
}

export const vendors = defineResource<SapClient, SupplierRaw>({
  entity: 'vendors',
  raw: SupplierRaw,
  pageSize: 500,
  remoteId: (raw) => raw.Supplier,
  times: (raw) => {
    const created = toIsoInstant(raw.CreationDate);
    return { createdAt: created, updatedAt: created };
  },
  async *list(client, opts) {
    for await (const page of client.bp.pages('A_Supplier', { $expand: EXPAND, $orderby: 'Supplier' }, { pageSize: opts.pageSize, resumeAfter: opts.resumeAfter })) {
      yield { ...page, records: page.records.map(plainEntity) };
    }
  },
  async get(client, remoteId) {
    if (!/^[A-Za-z0-9]{1,10}$/.test(remoteId)) return undefined;
    const raw = await client.bp.get(entityPath('A_Supplier', remoteId), { $expand: EXPAND });
    return raw === undefined ? undefined : plainEntity(raw);
  },
  toUnified: toVendor,
  mapping: vendorMapping,
});
