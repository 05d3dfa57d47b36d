/**
 * The intake's checks of who is sending: the HTTP credentials the connection's settings name,
 * then the document's Sender and SharedSecret (cXML's own authentication, protocols §12.1).
 * Every secret comparison is constant-time over digests; nothing compared is ever logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CxmlCredential } from '../../kit/cxml/types.js';
import { sha256Hex } from '../../core/ids.js';
import type { IntakeSecrets, IntakeSettings } from './settings.js';

export type AuthCheck = { ok: true } | { ok: false; message: string; challenge?: string };

const REALM = 'Manifold cXML intake';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function secretEquals(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The user and password of an `Authorization: Basic …` header (RFC 7617). */
export function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function parseBearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** SHA-256 hex of an issued intake token: what the store keeps and looks up. */
export const tokenHash = (token: string) => sha256Hex(token);

export async function checkHttpAuth(
  settings: IntakeSettings,
  secrets: IntakeSecrets,
  headers: Record<string, string | string[] | undefined>,
  tokenIsActive: (hash: string) => Promise<boolean>,
): Promise<AuthCheck> {
  const auth = settings.authentication;
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : undefined;
  switch (auth.type) {
    case 'none':
      return { ok: true };
    case 'basic': {
      const given = parseBasic(authorization);
      const ok = given !== undefined && secretEquals(given.user, auth.username ?? '') && secretEquals(given.password, secrets.password ?? '');
      return ok ? { ok: true } : { ok: false, message: 'Send the user name and password set for this intake as HTTP Basic authentication.', challenge: `Basic realm="${REALM}", charset="UTF-8"` };
    }
    case 'oauth2': {
      const token = parseBearerToken(authorization);
      const ok = token !== undefined && (await tokenIsActive(tokenHash(token)));
      return ok
        ? { ok: true }
        : { ok: false, message: 'Send a bearer token from this intake\'s token endpoint (POST …/cxml/token); this one is missing, unknown or expired.', challenge: `Bearer realm="${REALM}", error="invalid_token"` };
    }
    case 'api_key': {
      const name = (auth.headerName ?? 'x-api-key').toLowerCase();
      const value = headers[name];
      const ok = typeof value === 'string' && secretEquals(value, secrets.apiKey ?? '');
      return ok ? { ok: true } : { ok: false, message: `Send the API key set for this intake in the ${auth.headerName ?? 'x-api-key'} header.` };
    }
  }
}

/**
 * The document's Sender: one of its credentials must be the expected identity (and domain, when
 * set; domains compared without case, since senders write NetworkId and NetworkID alike) and
 * carry the expected SharedSecret.
 */
export function checkSender(sender: readonly CxmlCredential[], settings: IntakeSettings, secrets: IntakeSecrets): AuthCheck {
  const expected = settings.sender;
  const named = sender.filter((c) => c.identity === expected.identity && (expected.domain === null || c.domain.toLowerCase() === expected.domain.toLowerCase()));
  if (named.length === 0) {
    // The identity is no secret; naming it lets an admin see what the sending system sends.
    const sent = sender.map((c) => `${c.domain}:${c.identity}`).join(', ');
    return { ok: false, message: `Invalid credentials: Header/Sender/Credential names ${sent || 'no one'}, not the sender this intake expects.` };
  }
  // Only an explicit "not checked" skips the SharedSecret; anything else fails closed.
  if (settings.checkSharedSecret === false) return { ok: true };
  const expectedSecret = secrets.sharedSecret;
  // Every credential is compared, so the time taken does not tell which one matched.
  const matches = named.map((c) => c.sharedSecret !== null && expectedSecret !== undefined && secretEquals(c.sharedSecret, expectedSecret));
  return matches.some(Boolean) ? { ok: true } : { ok: false, message: 'Invalid credentials: Header/Sender/Credential/SharedSecret is missing or wrong.' };
}
