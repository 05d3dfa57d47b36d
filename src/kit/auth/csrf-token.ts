/**
 * CSRF-token protection of writes, as SAP Gateway (the example this was written for) and other
 * OData servers require it: fetch a token with a safe request carrying `X-CSRF-Token: Fetch`,
 * keep the cookies the server set with it (the token is valid only together with them: the
 * server compares the header with its session/XSRF cookie — SAP KBA 3048103), send both on every
 * modifying call, and when the server answers 403 with `X-CSRF-Token: Required` (token expired,
 * session gone), fetch a new one — once — and send the call again. Concurrent callers share one
 * fetch (the shape of session-login.ts).
 */
import type { HttpClient, OutboundResponse } from '../http.js';
import { SystemFailure } from '../failure.js';
import { SessionAuth } from './session-login.js';

export interface CsrfTokenOptions {
  http: HttpClient;
  /** A cheap safe request the token is fetched with (e.g. the service root). */
  url: string;
  /** The authentication headers the fetch carries (basic, bearer…). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Header name (case-insensitive on the wire). Default `x-csrf-token`. */
  headerName?: string;
  /** The value asking for a token. Default `Fetch`. */
  fetchValue?: string;
  /** The value of the header on a 403 that refuses the token. Default `Required`. */
  requiredValue?: string;
  /** Classifies a fetch that failed (a 401, say); undefined: a generic failure. */
  classify?: (res: OutboundResponse) => SystemFailure | undefined;
}

interface Grant {
  token: string;
  /** Cookie name → value, as the server set them (attributes dropped: all go back to the same instance). */
  cookies: Map<string, string>;
}

/**
 * The cookies of a Set-Cookie header, name and value each. The one HTTP path joins several
 * Set-Cookie headers with ", ", and an Expires date holds ", " too, so a comma splits only where
 * a new `name=` follows.
 */
export function parseSetCookie(header: string | undefined): [string, string][] {
  if (!header) return [];
  const out: [string, string][] = [];
  for (const cookie of header.split(/,\s*(?=[^;,=\s]+=)/)) {
    const pair = cookie.split(';', 1)[0]!.trim();
    const eq = pair.indexOf('=');
    if (eq > 0) out.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()]);
  }
  return out;
}

/** A Cookie request header from name → value. */
export function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

class TokenRefused extends Error {
  constructor(readonly response: OutboundResponse) {
    super('CSRF token refused');
  }
}

export class CsrfToken {
  private readonly opts: CsrfTokenOptions;
  private readonly grants: SessionAuth<Grant>;
  private readonly name: string;
  /** How many tokens were fetched (for tests and the request log). */
  fetches = 0;

  constructor(opts: CsrfTokenOptions) {
    this.opts = opts;
    this.name = (opts.headerName ?? 'x-csrf-token').toLowerCase();
    this.grants = new SessionAuth(() => this.fetch());
  }

  private async fetch(): Promise<Grant> {
    this.fetches += 1;
    const res = await this.opts.http.send({
      method: 'GET',
      url: this.opts.url,
      headers: { accept: 'application/json', ...(await this.opts.headers?.()), [this.name]: this.opts.fetchValue ?? 'Fetch' },
      idempotent: true,
    });
    if (res.status < 200 || res.status >= 300) {
      throw this.opts.classify?.(res) ?? new SystemFailure('system', { code: 'system_error', status: res.status, message: `Fetching a CSRF token failed (HTTP ${res.status}).`, systemMessage: res.text });
    }
    const token = res.headers[this.name];
    if (!token || token.toLowerCase() === (this.opts.requiredValue ?? 'Required').toLowerCase()) {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'The system issued no CSRF token, so it would refuse every change.' });
    }
    return { token, cookies: new Map(parseSetCookie(res.headers['set-cookie'])) };
  }

  private headersOf(grant: Grant): Record<string, string> {
    return { [this.name]: grant.token, ...(grant.cookies.size ? { cookie: cookieHeader(grant.cookies) } : {}) };
  }

  /** The token and cookie headers a modifying call carries (fetching a token if there is none). */
  async headers(): Promise<Record<string, string>> {
    return this.headersOf(await this.grants.session());
  }

  /** Whether an answer refuses the token: 403 with the header saying a token is required. */
  isRefusal(res: OutboundResponse): boolean {
    return res.status === 403 && (res.headers[this.name] ?? '').toLowerCase() === (this.opts.requiredValue ?? 'Required').toLowerCase();
  }

  /**
   * Sends a modifying call with the token and its cookies; on a refusal fetches a new token once
   * and sends it again. A second refusal is answered as it came (the caller classifies it).
   * Cookies the server sets on the answer replace the kept ones (a renewed session).
   */
  async send(call: (headers: Record<string, string>) => Promise<OutboundResponse>): Promise<OutboundResponse> {
    try {
      return await this.grants.run(async (grant) => {
        const res = await call(this.headersOf(grant));
        if (this.isRefusal(res)) throw new TokenRefused(res);
        for (const [k, v] of parseSetCookie(res.headers['set-cookie'])) grant.cookies.set(k, v);
        return res;
      }, (err) => err instanceof TokenRefused);
    } catch (err) {
      if (err instanceof TokenRefused) return err.response;
      throw err;
    }
  }
}
