/**
 * Identifiers. Record ids are derived from (connection, entity, remoteId) so that they are the
 * same on every node and after every resync; everything else is random.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: URL-safe, unambiguous

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

/** A random id with a type prefix, e.g. `conn_8f3k…` (26 base32 chars = 130 bits). */
export function randomId(prefix: string): string {
  return `${prefix}_${base32(randomBytes(17), 26)}`;
}

/**
 * The stable id of a record: a prefix and 26 base32 chars of SHA-256 over the connection id,
 * the entity key and the remote id, separated by a byte that cannot occur in any of them.
 * @example recordId('po', 'conn_x', 'purchaseOrders', '42') // 'po_…' (always the same)
 */
export function recordId(prefix: string, connectionId: string, entity: string, remoteId: string): string {
  const digest = createHash('sha256').update(`${connectionId}\u0000${entity}\u0000${remoteId}`).digest();
  return `${prefix}_${base32(digest, 26)}`;
}

/** A request id is accepted from the caller only if it is short and plain. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

export function newRequestId(): string {
  return randomId('req');
}

/** A secret for a bearer credential: prefix, then 32 random bytes in base64url. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
