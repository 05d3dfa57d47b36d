/**
 * The default field mapping of Odoo vendors (res.partner with supplier_rank > 0), as data:
 * for every unified field, the native path it is read from (vendors.ts), the field a write sets
 * (vendor-writes.ts), or why Odoo has none.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';
import { addressLogic, addressPaths } from '../address.js';

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { path: 'ref', write: 'ref', note: 'Internal Reference.' },
  name: { path: 'name', write: 'name' },
  status: { paths: ['active', 'purchase_warn'], logic: 'purchase_warn "block" (a Blocking Message on purchases) → blocked; else active → active, archived → inactive. Not writable.' },
  remoteStatus: { none: 'An Odoo partner has no status of its own, only the active flag and the purchase warning (see status).' },
  taxId: { path: 'vat', write: 'vat', note: 'Tax ID.' },
  email: { path: 'email', write: 'email' },
  phone: { paths: ['phone', 'mobile'], logic: 'phone, else mobile. A write sets phone.', write: ['phone'] },
  website: { path: 'website', write: 'website' },
  address: {
    paths: addressPaths(''),
    logic: `The partner's own address. ${addressLogic} A write sets street, street2, city, zip, country_id (by ISO code) and state_id (by name or code within the country).`,
    write: ['street', 'street2', 'city', 'zip', 'country_id', 'state_id'],
  },
  currency: { path: 'property_purchase_currency_id', write: 'property_purchase_currency_id', note: 'Supplier Currency (the pair\'s name is the ISO code); null: the company\'s currency. A write looks the currency up by code.' },
  paymentTerms: { path: 'property_supplier_payment_term_id', write: 'property_supplier_payment_term_id', note: 'Vendor Payment Terms (the pair\'s name). A write looks the term up by name.' },
  contacts: {
    paths: ['child_ids[].id', 'child_ids[].name', 'child_ids[].email', 'child_ids[].phone', 'child_ids[].mobile', 'child_ids[].function'],
    logic: 'The vendor\'s active contact persons (child partners of type contact that are not companies), by id: id = the vendor\'s Manifold id, ":" and the contact\'s id; name; email; phone, else mobile; role = function (Job Position). Not writable.',
  },
};

export const vendorMapping: EntityMapping = { fields };
