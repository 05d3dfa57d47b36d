/**
 * The default field mapping of Proactis suppliers (Supplier API), as data: where each unified
 * vendor field comes from, and what writes set (as elements of the cXML Organization the
 * connector posts, see supplier-cxml.ts).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { path: 'number', write: 'Organization/Credential[@domain="SupplierID"]', note: 'The supplier number (e.g. SUP8305); set on create, it identifies the supplier in the documents.' },
  name: { path: 'name', write: 'Organization/Name' },
  status: {
    paths: ['online'],
    logic: 'online true → active, false → inactive ([unverified] Proactis documents the online flag as a filter without defining it; Manifold reads an offline supplier as inactive). Proactis has no blocked state.',
    write: ['Organization/Extrinsic[@name="online"]'],
  },
  remoteStatus: { none: 'A Proactis supplier has no status value of its own, only the online flag (see status).' },
  taxId: { path: 'vatNumber', write: 'Organization/IdReference[@domain="vatID"]' },
  email: { path: 'email', write: 'Organization/Address/Email' },
  phone: { path: 'phone', write: 'Organization/Address/Phone' },
  website: { path: 'website', write: 'Organization/Address/URL' },
  address: {
    paths: ['address.street', 'address.city', 'address.state', 'address.postalCode', 'address.country'],
    logic: 'street → line1, city, state → region, postalCode, country (ISO 3166-1 alpha-2); name, line2, line3 and raw are null.',
    write: ['Organization/Address/PostalAddress'],
  },
  currency: { path: 'currency', note: 'Read only: not set through the Supplier API by Manifold.' },
  paymentTerms: { path: 'paymentTerms', note: 'Read only: not set through the Supplier API by Manifold.' },
  contacts: { paths: ['contacts[].name', 'contacts[].email', 'contacts[].phone', 'contacts[].role'], logic: 'Each contact as given; id and remoteId are null (contacts have no key of their own). Read only.' },
};

export const vendorMapping: EntityMapping = { fields };
