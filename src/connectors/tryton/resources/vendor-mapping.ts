/**
 * The default field mapping of Tryton vendors (party.party), as data (served by
 * GET /v1/field-mapping): for every unified field, the native path it is read from (vendors.ts),
 * or why Tryton 6.0 has none. Vendors are read only.
 *
 * Paths address the native record as stored (remoteData, see ../raw.ts). The separator is `.`;
 * an empty segment appends a dot to the key before it, which is how Tryton's dotted reads are
 * addressed: `tax_identifier..code` is key `tax_identifier.` then `code`. `x[].y` reads y of
 * every element of the array x (`addresses[].city`). ../mapping.md explains the rule.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { vendorFields } from '../../../models/vendor.js';
import { addressLogic, addressPaths } from '../address.js';

const CONTACT_MECHANISMS = ['contact_mechanisms[].active', 'contact_mechanisms[].sequence', 'contact_mechanisms[].name', 'contact_mechanisms[].type', 'contact_mechanisms[].value'];

const fields: { [K in keyof typeof vendorFields]: FieldSource } = {
  code: { path: 'code' },
  name: { path: 'name' },
  status: { paths: ['active'], logic: 'active → active; archived (active false) → inactive. Tryton has no blocked state.' },
  remoteStatus: { none: 'A Tryton party has no status of its own, only the active flag (see status).' },
  taxId: { path: 'tax_identifier..code', note: 'The party\'s tax identifier (party.identifier chosen as tax_identifier).' },
  email: { path: 'email', note: 'Tryton\'s computed party.email: the value of its first e-mail contact mechanism; blank → null.' },
  phone: { path: 'phone', note: 'Tryton\'s computed party.phone: the value of its first phone contact mechanism; blank → null.' },
  website: { path: 'website', note: 'Tryton\'s computed party.website: the value of its first website contact mechanism; blank → null.' },
  address: {
    paths: ['addresses[].active', 'addresses[].sequence', 'addresses[].invoice', ...addressPaths('addresses[].')],
    logic: `Tryton's own choice (Party.address_get('invoice')): of the active addresses by sequence then id, the first flagged invoice, else the first. ${addressLogic}`,
  },
  currency: { none: 'A Tryton 6.0 party has no currency (purchases take the company\'s currency unless one is chosen).' },
  paymentTerms: { path: 'supplier_payment_term..name' },
  contacts: {
    paths: CONTACT_MECHANISMS,
    logic:
      'Tryton keeps no contact persons on a supplier, only contact mechanisms, which may carry a person\'s name: the active mechanisms with a name, by sequence then id, ' +
      'grouped by that name; email = the first of type email, phone = the first of type phone or mobile (value). id, remoteId and role are null.',
  },
};

export const vendorMapping: EntityMapping = { fields };
