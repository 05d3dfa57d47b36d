/**
 * Vendors: Proactis suppliers (Supplier API, `/suppliers/v1/{domainId}`), read by page and by
 * `dateTimeFrom`, written by cXML (vendor-writes.ts).
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { ProactisClient } from '../client.js';
import { blank, currency, utc } from '../convert.js';
import { listPages } from '../listing.js';
import { SupplierRaw } from '../raw.js';
import { vendorMapping } from './vendor-mapping.js';
import { vendorWrites } from './vendor-writes.js';

export function toVendor(raw: SupplierRaw, _ctx: MapContext): Record<string, unknown> {
  const a = raw.address;
  return {
    code: blank(raw.number),
    name: blank(raw.name),
    status: raw.online === true ? 'active' : raw.online === false ? 'inactive' : 'unknown',
    remoteStatus: null,
    taxId: blank(raw.vatNumber),
    email: blank(raw.email),
    phone: blank(raw.phone),
    website: blank(raw.website),
    address: a
      ? { name: null, line1: blank(a.street), line2: null, line3: null, city: blank(a.city), region: blank(a.state), postalCode: blank(a.postalCode), country: blank(a.country), raw: null }
      : null,
    currency: currency(raw.currency),
    paymentTerms: blank(raw.paymentTerms),
    contacts: (raw.contacts ?? []).map((c) => ({ id: null, remoteId: null, name: blank(c.name), email: blank(c.email), phone: blank(c.phone), role: blank(c.role) })),
  };
}

export const vendors = defineResource<ProactisClient, SupplierRaw>({
  entity: 'vendors',
  raw: SupplierRaw,
  // The most Proactis serves per page: the rate budget, not the page's speed, is what is scarce.
  pageSize: 50,
  remoteId: (raw) => raw.id,
  // A supplier has no creation time in the API, only lastModified.
  times: (raw) => ({ createdAt: null, updatedAt: utc(raw.lastModified) }),
  list: (client, opts) => listPages(client, 'suppliers', opts),
  get: (client, remoteId) => client.get('suppliers', remoteId),
  toUnified: toVendor,
  writes: vendorWrites,
  mapping: vendorMapping,
});
