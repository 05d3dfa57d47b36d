/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): the client id and secret buy an access token at
 * the token URL (HTTP Basic client authentication, form `grant_type=client_credentials`, an
 * optional scope); the token is sent as `Authorization: Bearer` until shortly before it expires.
 *
 * - One token for every caller, cached until `refreshMarginMs` before its expiry; while the old
 *   one is still valid it keeps serving and one renewal runs behind it.
 * - Exactly one token request in flight, however many callers need a token at once.
 * - A 401 that says the token expired (or was revoked early) renews it once and repeats the call
 *   once; a second refusal is the caller's to classify.
 * - The secret and the tokens never appear in a log line or an error: the call log keeps only
 *   the URL, and failures quote the token endpoint's error code, not its body's secrets.
 */
import { z } from 'zod';
import { SystemFailure } from '../failure.js';
import type { HttpClient, OutboundRequest, OutboundResponse } from '../http.js';
import { basicAuthorization } from './basic.js';

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; absent: what the client is registered for. */
  scope?: string;
  /** Renew this long before the token expires (default 60 s, at most half the token's life). */
  refreshMarginMs?: number;
  /** The lifetime assumed when the answer has no expires_in (default 5 minutes). */
  defaultLifetimeMs?: number;
  /** Headers the token endpoint needs besides Basic auth. */
  headers?: Record<string, string>;
  /** For tests: the clock. */
  now?: () => number;
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'must be Bearer'),
  expires_in: z.coerce.number().positive().optional(),
});

const OAuthError = z.object({ error: z.string(), error_description: z.string().optional() });

interface Token {
  value: string;
  expiresAt: number;
  renewAt: number;
}

/** Whether a 401 says the token is no longer good (RFC 6750 `invalid_token`, or "expired" in the body). */
export function tokenExpired(res: OutboundResponse): boolean {
  if (res.status !== 401) return false;
  return /invalid_token/i.test(res.headers['www-authenticate'] ?? '') || /expired/i.test(res.text);
}

export class ClientCredentials {
  private cached: Token | undefined;
  private inFlight: Promise<Token> | undefined;
  /** Token requests made (for tests and metrics: proves one request serves concurrent callers). */
  requests = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly opts: ClientCredentialsOptions,
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** A valid access token: the cached one, or a new one (one request for all callers). */
  async accessToken(): Promise<string> {
    const now = this.now();
    const cached = this.cached;
    if (cached && now < cached.renewAt) return cached.value;
    const renewal = this.renew();
    if (cached && now < cached.expiresAt) {
      // Still valid: serve it while the renewal runs; a failed renewal is retried by the next call.
      renewal.catch(() => undefined);
      return cached.value;
    }
    return (await renewal).value;
  }

  /** Forgets a token the system refused, unless a newer one replaced it already. */
  invalidate(value: string): void {
    if (this.cached?.value === value) this.cached = undefined;
  }

  /** Sends a request with the bearer token; on a 401 that says the token expired, renews once and repeats once. */
  async send(req: OutboundRequest, isExpired: (res: OutboundResponse) => boolean = tokenExpired): Promise<OutboundResponse> {
    const token = await this.accessToken();
    const res = await this.http.send(withBearer(req, token));
    if (res.status !== 401 || !isExpired(res)) return res;
    this.invalidate(token);
    return this.http.send(withBearer(req, await this.accessToken()));
  }

  private renew(): Promise<Token> {
    this.inFlight ??= this.fetchToken()
      .then((token) => {
        this.cached = token;
        return token;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private async fetchToken(): Promise<Token> {
    this.requests += 1;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.opts.scope) form.set('scope', this.opts.scope);
    const started = this.now();
    const res = await this.http.send({
      method: 'POST',
      url: this.opts.tokenUrl,
      headers: {
        ...this.opts.headers,
        authorization: basicAuthorization(this.opts.clientId, this.opts.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      // Asking for a token twice has no effect on the system: safe to retry.
      idempotent: true,
    });
    if (res.status < 200 || res.status >= 300) throw tokenFailure(res);
    let parsed: z.infer<typeof TokenAnswer> | undefined;
    try {
      parsed = TokenAnswer.safeParse(JSON.parse(res.text)).data;
    } catch {
      parsed = undefined;
    }
    if (!parsed) {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'The token endpoint answered without a usable bearer token (access_token, token_type Bearer).' });
    }
    const lifetime = parsed.expires_in !== undefined ? parsed.expires_in * 1000 : (this.opts.defaultLifetimeMs ?? 300_000);
    const margin = Math.min(this.opts.refreshMarginMs ?? 60_000, lifetime / 2);
    // Measured from the request's start: the token's life began no earlier than that.
    return { value: parsed.access_token, expiresAt: started + lifetime, renewAt: started + lifetime - margin };
  }
}

function withBearer(req: OutboundRequest, token: string): OutboundRequest {
  return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
}

/** A refused token request, classified by its RFC 6749 §5.2 error code (never quoting more than that). */
function tokenFailure(res: OutboundResponse): SystemFailure {
  let code: string | undefined;
  try {
    code = OAuthError.safeParse(JSON.parse(res.text)).data?.error;
  } catch {
    code = undefined;
  }
  const said = code ? `error ${code}` : undefined;
  if (code === 'invalid_client' || code === 'unauthorized_client' || code === 'invalid_grant' || res.status === 401) {
    return new SystemFailure('config', { code: 'invalid_credentials', status: res.status, message: 'The token endpoint refused the client id or client secret.', ...(said ? { systemMessage: said } : {}) });
  }
  if (code === 'invalid_scope') {
    return new SystemFailure('config', { code: 'invalid_credentials', status: res.status, message: 'The token endpoint refused the scope asked for: the client is not registered for it.', systemMessage: said });
  }
  if (res.status === 429) return new SystemFailure('transient', { code: 'rate_limited', status: 429, message: 'The token endpoint is throttling requests.' });
  if (res.status >= 500) return new SystemFailure('transient', { code: 'system_unavailable', status: res.status, message: `The token endpoint failed (HTTP ${res.status}).` });
  return new SystemFailure('system', { code: 'system_error', status: res.status, message: `The token endpoint answered HTTP ${res.status}.`, ...(said ? { systemMessage: said } : {}) });
}
