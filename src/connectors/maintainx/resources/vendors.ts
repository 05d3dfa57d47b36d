/**
 * Vendors: GET /vendors — id, name and custom fields. No timestamps and no change filter in
 * MaintainX's API, so every sync lists them all (unchanged ones keep their version). Read only.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { MaintainxClient } from '../client.js';
import { mapPages, toId } from '../listing.js';
import { VENDOR_KEYS, VENDOR_LIST_EXPAND, VendorRaw, pick } from '../raw.js';
import { vendorMapping } from './vendor-mapping.js';

export function toVendor(raw: VendorRaw, _ctx: MapContext): Record<string, unknown> {
  return {
    code: null,
    name: raw.name,
    status: 'active',
    remoteStatus: null,
    taxId: null,
    email: null,
    phone: null,
    website: null,
    address: null,
    currency: null,
    paymentTerms: null,
    contacts: [],
  };
}

export const vendors = defineResource<MaintainxClient, VendorRaw>({
  entity: 'vendors',
  raw: VendorRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  // MaintainX keeps no creation or change time on vendors; Manifold stamps them when it sees a change.
  times: () => ({ createdAt: null, updatedAt: null }),
  list: (client, opts) =>
    mapPages(client.pages('/vendors', 'vendors', { expand: VENDOR_LIST_EXPAND }, opts), (records) => records.map((r) => pick(r as Record<string, unknown>, VENDOR_KEYS))),
  async get(client, remoteId) {
    const id = toId(remoteId);
    const rec = id === undefined ? undefined : await client.one(`/vendors/${id}`, 'vendor');
    return rec && pick(rec, VENDOR_KEYS);
  },
  toUnified: toVendor,
  mapping: vendorMapping,
});
