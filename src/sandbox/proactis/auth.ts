/**
 * Authentication of the Proactis cloud platform (docs.proactis.com "Authentication";
 * protocols-cmms-s2p.md §11.2): OAuth 2.0 client credentials issued by AWS Cognito — a POST to
 * the regional token endpoint with HTTP Basic `client_id:client_secret` and the form
 * `grant_type=client_credentials` answers `{"access_token","token_type":"Bearer","expires_in":3600}`
 * — and, on every API call as well, the organisation's `x-api-key`. A missing or wrong token or
 * key is 401.
 *
 * [unverified] The token path: the docs' example posts to the regional API host; `/oauth2/token`
 * is Cognito's own token path and the most plausible. Refusals use Cognito's answers
 * (`400 {"error":"invalid_client"}`, `unsupported_grant_type`, `invalid_scope`). Access tokens
 * are JWT-shaped like Cognito's, with the scopes as resource-server URIs under
 * https://api.proactiscloud.com/ (one per API, as the docs' example token shows).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Problem } from './answers.js';

export const SCOPE_BASE = 'https://api.proactiscloud.com/';

export interface SimClient {
  clientId: string;
  clientSecret: string;
  /** Services the client is registered for (`suppliers`, `invoices`, …); absent: every one. */
  services?: string[];
}

interface Issued {
  clientId: string;
  expiresAt: number;
  scopes: Set<string>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
  private readonly tokens = new Map<string, Issued>();
  /** Tokens issued (for tests: one token serves many calls). */
  issued = 0;

  constructor(
    private readonly clients: readonly SimClient[],
    private readonly services: readonly string[],
    private readonly lifetimeSeconds: () => number,
    private readonly now: () => number,
  ) {}

  /** The token endpoint's answer to a request. */
  issue(req: IncomingMessage, body: string): { status: number; body: Record<string, unknown> } {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [clientId, clientSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : [];
    const client = this.clients.find((c) => c.clientId === clientId && c.clientSecret === clientSecret);
    if (!client) return { status: 400, body: { error: 'invalid_client' } };
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const allowed = new Set((client.services ?? this.services).map((s) => `${SCOPE_BASE}${s}`));
    const asked = form.get('scope')?.split(' ').filter(Boolean);
    if (asked?.some((s) => !allowed.has(s))) return { status: 400, body: { error: 'invalid_scope' } };
    const scopes = new Set(asked ?? allowed);
    const lifetime = this.lifetimeSeconds();
    const iat = Math.floor(this.now() / 1000);
    const token = [
      b64({ kid: 'sandbox', alg: 'RS256' }),
      b64({ sub: client.clientId, token_use: 'access', scope: [...scopes].join(' '), iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_sandbox', iat, exp: iat + lifetime, client_id: client.clientId, jti: randomBytes(8).toString('hex') }),
      randomBytes(32).toString('base64url'),
    ].join('.');
    this.tokens.set(token, { clientId: client.clientId, expiresAt: this.now() + lifetime * 1000, scopes });
    this.issued += 1;
    return { status: 200, body: { access_token: token, expires_in: lifetime, token_type: 'Bearer' } };
  }

  /** Checks the bearer token of an API call for a service; throws the 401/403 the API answers. */
  check(req: IncomingMessage, service: string): void {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const issued = token ? this.tokens.get(token) : undefined;
    if (!issued) throw new Problem(401, 'Missing or invalid access token');
    if (this.now() >= issued.expiresAt) throw new Problem(401, 'The access token has expired');
    if (!issued.scopes.has(`${SCOPE_BASE}${service}`)) throw new Problem(403, 'You are using an API which your OAuth 2.0 token does not have access to');
  }

  /** Every token issued so far expires now (a test of renewal on 401). */
  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresAt = this.now();
  }
}
