/**
 * Looking up what a write names by code or name in Odoo (a vendor by its Internal Reference, a
 * product by its default_code, a currency by ISO code, a payment term or unit by name), and the
 * refusals for input Odoo cannot take, all before anything is written.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { Domain, OdooClient } from '../client.js';
import { toId } from '../values.js';

export function refused(code: 'field_not_updatable' | 'invalid_request' | 'record_locked', message: string, field?: string): SystemFailure {
  return new SystemFailure('unsupported', { code, message, field, source: 'manifold' });
}

/** Manifold could not find what a field names in Odoo. */
export function notInOdoo(field: string, message: string): SystemFailure {
  return new SystemFailure('config', { code: 'rejected_by_system', message, field, source: 'manifold' });
}

/** Exactly one record matching the domain, or a refusal naming the field. */
export async function findOne(client: OdooClient, model: string, domain: Domain, field: string, what: string): Promise<number> {
  const ids = await client.search(model, domain, { limit: 2, order: 'id asc' });
  if (ids.length === 1) return ids[0]!;
  throw notInOdoo(field, ids.length === 0 ? `Odoo has no ${what}.` : `Odoo has several ${what}s; name it by remoteId instead.`);
}

export interface RefInput {
  id?: string | null;
  remoteId?: string | null;
  code?: string | null;
  name?: string | null;
}

/** A reference given by remoteId (resolved from a Manifold id by the engine) or by code. */
export async function resolveRef(client: OdooClient, ref: RefInput | null | undefined, model: string, codeField: string, field: string, what: string): Promise<number> {
  if (ref?.remoteId) {
    const id = toId(ref.remoteId);
    if (id === undefined || (await client.search(model, [['id', '=', id], ['active', 'in', [true, false]]], { limit: 1 })).length === 0) throw notInOdoo(field, `Odoo has no ${what} ${ref.remoteId}.`);
    return id;
  }
  if (ref?.code) return findOne(client, model, [[codeField, '=', ref.code]], field, `${what} with ${codeField} "${ref.code}"`);
  throw refused('invalid_request', `Name the ${what} by remoteId (or Manifold id) or by code.`, field);
}

export const resolveCurrency = (client: OdooClient, code: string) => findOne(client, 'res.currency', [['name', '=', code]], 'currency', `active currency ${code}`);
export const resolvePaymentTerm = (client: OdooClient, name: string) => findOne(client, 'account.payment.term', [['name', '=', name]], 'paymentTerms', `payment term named "${name}"`);

/** A decimal string as the float Odoo takes. */
export function toFloat(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw refused('invalid_request', `${field} must be a decimal string such as "12.50".`, field);
  return n;
}

/** A date as an Odoo datetime at noon UTC, so it is the same day in every time zone Odoo shows it in. */
export const noonUtc = (date: string) => `${date} 12:00:00`;
