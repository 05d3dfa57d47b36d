/**
 * Logon and CSRF protection as the SAP ABAP application server does them for OData:
 * - HTTP Basic on every call (a communication user), or the session cookie of an earlier call;
 *   a wrong user or password is 401 with `WWW-Authenticate: Basic realm="SAP NetWeaver
 *   Application Server [<SID>/<client>]"` and an HTML page. The client is `sap-client` (query)
 *   or the system's default client; the user exists only in its client.
 * - A safe request carrying `X-CSRF-Token: Fetch` opens a security session: the answer carries
 *   the token and `Set-Cookie: SAP_SESSIONID_<SID>_<client>=…` (plus `sap-usercontext`). The token
 *   is valid only with that session cookie (SAP KBA 3048103: "a simple compare of a XSRF header
 *   towards a XSRF cookie"); a modifying request without both, or after the session timed out,
 *   is 403 with `X-CSRF-Token: Required` and the text `CSRF token validation failed`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface LogonConfig {
  sid: string;
  client: string;
  username: string;
  password: string;
  /** Security session timeout (profile parameter http/security_session_timeout, default 1800 s). */
  sessionTimeoutMs: number;
}

interface Session {
  user: string;
  client: string;
  token: string;
  expiresAt: number;
}

export type Logon = { ok: true; user: string; client: string; session?: string } | { ok: false; client: string };

const MAX_SESSIONS = 10_000;

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly cfg: LogonConfig) {}

  get cookieName(): string {
    return `SAP_SESSIONID_${this.cfg.sid}_${this.cfg.client}`;
  }

  get realm(): string {
    return `SAP NetWeaver Application Server [${this.cfg.sid}/${this.cfg.client}]`;
  }

  private sessionOf(req: IncomingMessage): [string, Session] | undefined {
    const cookie = req.headers.cookie ?? '';
    for (const part of cookie.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name !== this.cookieName) continue;
      const id = rest.join('=');
      const s = this.sessions.get(id);
      if (s && s.expiresAt > Date.now()) return [id, s];
    }
    return undefined;
  }

  /** Who is calling, in which client. */
  logon(req: IncomingMessage, clientParam: string | null): Logon {
    const client = clientParam ?? this.cfg.client;
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Basic\s+(.+)$/i.exec(auth);
      const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      const ok = colon > 0 && client === this.cfg.client && user.toUpperCase() === this.cfg.username.toUpperCase() && decoded.slice(colon + 1) === this.cfg.password;
      if (!ok) return { ok: false, client };
      const session = this.sessionOf(req);
      return { ok: true, user: this.cfg.username.toUpperCase(), client, ...(session ? { session: session[0] } : {}) };
    }
    const session = this.sessionOf(req);
    if (session && session[1].client === client) return { ok: true, user: session[1].user, client, session: session[0] };
    return { ok: false, client };
  }

  /** The token of the caller's session, opening one if it has none; the cookies to set. */
  fetchToken(logon: Extract<Logon, { ok: true }>): { token: string; cookies: string[] } {
    const existing = logon.session ? this.sessions.get(logon.session) : undefined;
    if (existing) {
      existing.expiresAt = Date.now() + this.cfg.sessionTimeoutMs;
      return { token: existing.token, cookies: [] };
    }
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const id = randomBytes(30).toString('base64url');
    const token = randomBytes(16).toString('base64');
    this.sessions.set(id, { user: logon.user, client: logon.client, token, expiresAt: Date.now() + this.cfg.sessionTimeoutMs });
    return { token, cookies: [`${this.cookieName}=${id}; path=/; HttpOnly`, `sap-usercontext=sap-client=${logon.client}; path=/`] };
  }

  /** Whether a modifying request carries the token of its own (live) session. */
  tokenValid(req: IncomingMessage, logon: Extract<Logon, { ok: true }>): boolean {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !logon.session) return false;
    const s = this.sessions.get(logon.session);
    return s !== undefined && s.user === logon.user && s.token === header;
  }

  /** Ends every session (as a timeout would): the next write needs a new token. */
  expireAll(): void {
    this.sessions.clear();
  }
}
