/**
 * Failures of writes to Tryton, told in unified terms: the field Tryton names in its message
 * ("A value is required for field "Quantity" in "Purchase Line".") becomes the unified path
 * (`lines[].quantity`), so the client sees which of its fields was refused.
 */
import { SystemFailure } from '../../kit/failure.js';

/** Tryton's field labels (English, the language Manifold logs in with) → unified paths. */
const FIELDS: Record<string, Record<string, string>> = {
  Purchase: {
    Party: 'vendor',
    // Derived from the vendor: the party's invoice address.
    'Invoice Address': 'vendor',
    Currency: 'currency',
    'Payment Term': 'paymentTerms',
    'Purchase Date': 'orderDate',
    'Delivery Date': 'deliveryDate',
    Description: 'description',
    Comment: 'notes',
  },
  'Purchase Line': {
    Product: 'lines[].item',
    Quantity: 'lines[].quantity',
    Unit: 'lines[].unitOfMeasure',
    'Unit Price': 'lines[].unitPrice',
    Description: 'lines[].description',
    'Delivery Date': 'lines[].deliveryDate',
  },
};

/** The unified field a Tryton message names (`field "Quantity" in "Purchase Line"`), if any. */
export function unifiedFieldOf(systemMessage: string | undefined): string | undefined {
  const m = /field "([^"]+)" in "([^"]+)"/.exec(systemMessage ?? '');
  return m ? FIELDS[m[2]!]?.[m[1]!] : undefined;
}

/** The same failure, naming a field. */
export function withField(err: SystemFailure, field: string): SystemFailure {
  return new SystemFailure(err.failureClass, {
    code: err.code,
    message: err.message,
    status: err.status,
    systemMessage: err.systemMessage,
    field,
    retryAfterMs: err.retryAfterMs,
    source: err.source,
    cause: err,
  });
}

/**
 * Runs a write call; a refusal from Tryton gets the unified field its message names (or the one
 * given, when the call concerns one field only, such as reading the vendor).
 */
export async function naming<T>(call: Promise<T>, field?: string): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (!(err instanceof SystemFailure) || err.code !== 'rejected_by_system' || err.field !== undefined) throw err;
    const named = field ?? unifiedFieldOf(err.systemMessage);
    if (named === undefined) throw err;
    throw withField(err, named);
  }
}

/** Manifold could not find what a field names in Tryton (a code, a name, a unit symbol). */
export function notInTryton(field: string, message: string): SystemFailure {
  return new SystemFailure('config', { code: 'rejected_by_system', message, field, source: 'manifold' });
}
