/**
 * Supplier writes: create, update and delete as the Supplier API documents them — one cXML
 * OrganizationChangeMessage per POST, applied at once (master data; unlike the transactional
 * imports, which Proactis processes later). After a create, the new supplier is found by its
 * number through the documented `name` filter, since the cXML answer carries no id.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { ResourceWrites, WriteCapabilities } from '../../../kit/writes.js';
import type { Address } from '../../../models/common.js';
import type { ProactisClient } from '../client.js';
import { SupplierRaw } from '../raw.js';
import { supplierDocument, type SupplierValues } from './supplier-cxml.js';

const WRITABLE = ['name', 'taxId', 'email', 'phone', 'website', 'address'];

export const vendorCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['code', 'name'],
    writableFields: ['code', 'status', ...WRITABLE],
    notes:
      'Sent as one cXML OrganizationChangeMessage (type create). code is the supplier number; status active or inactive sets online (Proactis has no blocked). ' +
      'Address lines are sent as street lines and come back joined in line1. Currency, payment terms and contacts are not set through the Supplier API.',
  },
  update: {
    updatableFields: WRITABLE,
    transitions: { active: ['inactive'], inactive: ['active'] },
    notes: 'Sent as an OrganizationChangeMessage (type update) naming the supplier by its id. A supplier document sets values and cannot remove one: null is refused.',
  },
  delete: {
    mode: 'hard',
    description: 'An OrganizationChangeMessage (type delete) removes the supplier. Proactis refuses it for a supplier its documents still name: set it inactive (offline) instead.',
  },
  // Proactis has no version or ETag on a supplier: the engine re-reads it just before writing.
  concurrency: 'read_before_write',
};

function online(status: unknown): boolean | undefined {
  if (status === undefined) return undefined;
  if (status === 'active' || status === 'inactive') return status === 'active';
  throw new SystemFailure('unsupported', { code: 'field_not_updatable', field: 'status', message: `A Proactis supplier is active (online) or inactive (offline); it cannot be ${String(status)}.` });
}

function address(a: Address): NonNullable<SupplierValues['address']> {
  if (!a.city || !a.country || !/^[A-Z]{2}$/.test(a.country)) {
    throw new SystemFailure('config', { code: 'rejected_by_system', field: 'address', message: 'A Proactis supplier address needs a city and a country as an ISO 3166-1 alpha-2 code (e.g. GB).' });
  }
  return { street: [a.line1, a.line2, a.line3].filter((l): l is string => Boolean(l)), city: a.city, ...(a.region ? { state: a.region } : {}), ...(a.postalCode ? { postalCode: a.postalCode } : {}), country: a.country };
}

/** Unified fields → the supplier document's values; a null (a removal) is refused. */
export function supplierValues(input: Record<string, unknown>): SupplierValues {
  const nulls = Object.entries(input).filter(([k, v]) => v === null && k !== 'status').map(([k]) => k);
  if (nulls.length) throw new SystemFailure('unsupported', { code: 'field_not_updatable', field: nulls[0], message: `A Proactis supplier document cannot remove a value: ${nulls.join(', ')} cannot be set to null.` });
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : undefined);
  const values: SupplierValues = {};
  if (str('code') !== undefined) values.number = str('code');
  if (str('name') !== undefined) values.name = str('name');
  const flag = online(input.status);
  if (flag !== undefined) values.online = flag;
  if (str('taxId') !== undefined) values.vatNumber = str('taxId');
  if (str('email') !== undefined) values.email = str('email');
  if (str('phone') !== undefined) values.phone = str('phone');
  if (str('website') !== undefined) values.website = str('website');
  if (input.address) values.address = address(input.address as Address);
  return values;
}

/** The id of the supplier with this number, through the documented name filter (a prefix match). */
export async function findSupplier(client: ProactisClient, number: string, name: string): Promise<string | undefined> {
  for (let pageNumber = 0; ; pageNumber += 1) {
    const page = await client.page('suppliers', { name, pageNumber, pageSize: 50 });
    const hit = page.content.map((r) => SupplierRaw.safeParse(r).data).find((r) => r?.number === number);
    if (hit) return hit.id;
    if ((pageNumber + 1) * 50 >= page.totalElements) return undefined;
  }
}

const lostAnswer = (err: unknown) => err instanceof SystemFailure && (err.code === 'system_unreachable' || err.code === 'system_timeout');

export const vendorWrites: ResourceWrites<ProactisClient> = {
  capabilities: vendorCapabilities,
  async create(client, input) {
    const values = supplierValues(input);
    const number = values.number!;
    const name = values.name!;
    try {
      await client.postCxml('suppliers', supplierDocument(client.domainId, 'create', {}, values));
    } catch (err) {
      // The answer was lost, not the change: the number says whether the supplier exists now.
      const found = lostAnswer(err) ? await findSupplier(client, number, name) : undefined;
      if (found) return found;
      throw err;
    }
    const id = await findSupplier(client, number, name);
    if (!id) throw new SystemFailure('system', { code: 'system_error', message: `Proactis accepted supplier ${number} but does not list it.` });
    return id;
  },
  async update(client, existing, patch) {
    const { status, ...fields } = patch;
    const current = SupplierRaw.parse(existing.remoteData);
    const values = supplierValues({ ...fields, ...(status !== undefined ? { status } : {}) });
    // The document carries the number and name it has now, plus the changes.
    const document = supplierDocument(client.domainId, 'update', { systemId: existing.remoteId }, { number: current.number ?? undefined, name: current.name ?? undefined, ...values });
    await client.postCxml('suppliers', document);
  },
  async delete(client, existing) {
    const current = SupplierRaw.parse(existing.remoteData);
    await client.postCxml('suppliers', supplierDocument(client.domainId, 'delete', { systemId: existing.remoteId }, { number: current.number ?? undefined }));
    return 'hard';
  },
};
