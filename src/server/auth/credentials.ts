/**
 * Bearer credentials: the admin key and connection tokens. Tokens are random, prefixed (so a
 * leaked one is recognisable in logs and scanners), and stored only as SHA-256 hashes; every
 * comparison is constant-time.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { newSecretToken, randomId } from '../../core/ids.js';

export const ADMIN_KEY_PREFIX = 'mfa';
export const TOKEN_PREFIX = 'mft';
/** How much of a token is kept in clear to tell tokens apart in listings. */
export const TOKEN_DISPLAY_LENGTH = 12;

export function newAdminKey(): string {
  return newSecretToken(ADMIN_KEY_PREFIX);
}

export function hashSecret(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time equality of two secrets, by their digests (equal length whatever the input). */
export function secretsEqual(given: string, expectedHash: Buffer): boolean {
  return timingSafeEqual(hashSecret(given), expectedHash);
}

export interface IssuedToken {
  id: string;
  token: string;
  prefix: string;
  hash: string;
}

export function issueToken(): IssuedToken {
  const token = newSecretToken(TOKEN_PREFIX);
  return { id: randomId('tok'), token, prefix: token.slice(0, TOKEN_DISPLAY_LENGTH), hash: hashSecret(token).toString('hex') };
}

export function parseBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
