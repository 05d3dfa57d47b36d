/**
 * The default field mapping of MaintainX vendors, as data (GET /v1/field-mapping). The vendor
 * listing gives only the id, the name and custom fields; e-mails, phone numbers and contacts
 * need one call per vendor (GET /vendors/{id}, /vendors/{id}/contacts), which a sync under
 * MaintainX's 100 calls a minute cannot afford on every run, and which carry no change time.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';

const ONE_CALL_EACH = 'Only in GET /vendors/{id}, one call per vendor, which Manifold does not make on every sync (the listing gives id, name and custom fields).';

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { none: 'A MaintainX vendor has no code or number (a custom field can hold one: map it as a custom field).' },
  name: { path: 'name' },
  status: { none: 'A MaintainX vendor has no status; every listed vendor is usable (deleted vendors are not listed), so status is "active".' },
  remoteStatus: { none: 'A MaintainX vendor has no status.' },
  taxId: { none: 'A MaintainX vendor has no tax id field.' },
  email: { none: ONE_CALL_EACH },
  phone: { none: ONE_CALL_EACH },
  website: { none: 'A MaintainX vendor has no website field.' },
  address: { none: 'A MaintainX vendor has no address field.' },
  currency: { none: 'A MaintainX vendor has no currency (amounts are in the organization\'s currency).' },
  paymentTerms: { none: 'A MaintainX vendor has no payment terms.' },
  contacts: { none: `Vendor contacts are a sub-resource (GET /vendors/{id}/contacts). ${ONE_CALL_EACH}` },
};

export const vendorMapping: EntityMapping = { fields };
