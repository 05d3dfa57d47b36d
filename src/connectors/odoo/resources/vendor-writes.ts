/**
 * Writes of Odoo vendors (res.partner): create a company with a supplier rank, and update the
 * fields the capabilities list. Creating and editing partners needs Odoo's Contact Creation
 * group; without it Odoo answers an AccessError, which Manifold passes on as a permission error.
 */
import type { ResourceWrites } from '../../../kit/writes.js';
import type { OdooClient } from '../client.js';
import { toId } from '../values.js';
import { findOne, refused, resolveCurrency, resolvePaymentTerm } from './resolve.js';

const MODEL = 'res.partner';
const FIELDS = ['code', 'name', 'taxId', 'email', 'phone', 'website', 'address', 'currency', 'paymentTerms'];

async function values(client: OdooClient, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const vals: Record<string, unknown> = {};
  const plain: Record<string, string> = { code: 'ref', name: 'name', taxId: 'vat', email: 'email', phone: 'phone', website: 'website' };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'nativeFields') continue;
    if (!FIELDS.includes(key)) throw refused('field_not_updatable', `Manifold cannot write "${key}" to an Odoo vendor.`, key);
    if (plain[key]) {
      if (key === 'name' && !value) throw refused('invalid_request', 'An Odoo vendor needs a name.', 'name');
      vals[plain[key]!] = value === null ? false : String(value);
    }
  }
  if (input.currency !== undefined) vals.property_purchase_currency_id = input.currency === null ? false : await resolveCurrency(client, String(input.currency));
  if (input.paymentTerms !== undefined) vals.property_supplier_payment_term_id = input.paymentTerms === null ? false : await resolvePaymentTerm(client, String(input.paymentTerms));
  const address = input.address as Record<string, string | null | undefined> | null | undefined;
  if (address === null) Object.assign(vals, { street: false, street2: false, city: false, zip: false, country_id: false, state_id: false });
  else if (address) {
    if (address.line3) throw refused('field_not_updatable', 'An Odoo address has two street lines; address.line3 cannot be written.', 'address.line3');
    const map: Record<string, string> = { line1: 'street', line2: 'street2', city: 'city', postalCode: 'zip' };
    for (const [k, f] of Object.entries(map)) if (address[k] !== undefined) vals[f] = address[k] ?? false;
    if (address.country !== undefined) {
      vals.country_id = address.country === null ? false : await findOne(client, 'res.country', [['code', '=', address.country.toUpperCase()]], 'address.country', `country with ISO code "${address.country}"`);
    }
    if (address.region !== undefined) {
      const country = typeof vals.country_id === 'number' ? vals.country_id : undefined;
      vals.state_id = address.region === null
        ? false
        : await findOne(client, 'res.country.state', [...(country ? [['country_id', '=', country]] : []), '|', ['name', '=', address.region], ['code', '=', address.region]], 'address.region', `state "${address.region}"`);
    }
  }
  return vals;
}

export const vendorWrites: ResourceWrites<OdooClient> = {
  capabilities: {
    create: {
      requiredFields: ['name'],
      writableFields: FIELDS,
      notes:
        'A new vendor is a company partner with a supplier rank of 1 (so Odoo proposes it on purchase orders). currency: ISO code (the vendor\'s purchase currency); paymentTerms: the name of an Odoo payment term; ' +
        'address.country: ISO code; address.region: a state\'s name or code. The Odoo user needs Contact Creation (Extra Rights).',
    },
    update: {
      updatableFields: FIELDS,
      notes: 'Only the fields given change. status (archiving, purchase warnings) and contacts are not written by Manifold. The Odoo user needs Contact Creation (Extra Rights).',
    },
    concurrency: 'read_before_write',
    concurrencyNotes: 'Odoo has no concurrency token: Manifold reads the vendor just before writing, so a stale If-Match is refused with 409.',
  },
  async create(client, input) {
    if (input.status !== undefined || input.contacts !== undefined) throw refused('field_not_updatable', 'Manifold does not write status or contacts of Odoo vendors.', input.status !== undefined ? 'status' : 'contacts');
    return String(await client.create(MODEL, { ...(await values(client, input)), is_company: true, supplier_rank: 1 }));
  },
  async update(client, existing, patch) {
    const id = toId(existing.remoteId);
    if (id === undefined) throw refused('invalid_request', `${existing.remoteId} is not an Odoo partner id.`);
    const vals = await values(client, patch);
    if (Object.keys(vals).length) await client.write(MODEL, [id], vals);
  },
};
