/**
 * A Tryton client: JSON-RPC to `<instanceUrl>/<database>/`, one session per client (login once,
 * log in again once when Tryton forgets the session), and the user's context appended as the
 * last positional parameter of every model call, as Tryton's own clients do (tryton/rpc.py).
 */
import type { HttpClient, OutboundRequest, OutboundResponse } from '../../kit/http.js';
import { SessionAuth } from '../../kit/auth/session-login.js';
import { JsonRpcTransport } from '../../kit/transports/json-rpc.js';
import { SystemFailure } from '../../kit/failure.js';
import { trytonCodec } from './codec.js';
import { LOGIN_METHOD, SessionExpired, classifyError, classifyStatus, isSessionExpired } from './classify.js';

export interface TrytonCredentials {
  instanceUrl: string;
  database: string;
  username: string;
  password: string;
}

export type Context = Record<string, unknown>;
/** A Tryton domain: `[["state", "=", "draft"], ["OR", […], […]]]`. */
export type Domain = unknown[];
export type Order = [string, 'ASC' | 'DESC'][];

interface Session {
  authorization: string;
  userId: number;
  context: Context;
}

export interface SearchOptions {
  offset?: number;
  /** null: every matching record. */
  limit?: number | null;
  order?: Order | null;
  /** Merged over the user's context for this call (e.g. `locations` for stock quantities). */
  context?: Context;
}

function credential(creds: Record<string, unknown>, name: keyof TrytonCredentials): string {
  const value = creds[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SystemFailure('config', { code: 'invalid_credentials', field: name, message: `The Tryton ${name} is missing.` });
  }
  return name === 'password' ? value : value.trim();
}

export function readCredentials(creds: Record<string, unknown>): TrytonCredentials {
  return {
    instanceUrl: credential(creds, 'instanceUrl').replace(/\/+$/, ''),
    database: credential(creds, 'database'),
    username: credential(creds, 'username'),
    password: credential(creds, 'password'),
  };
}

export class TrytonClient {
  readonly baseUrl: string;
  readonly database: string;
  readonly username: string;
  private readonly password: string;
  private readonly rpc: JsonRpcTransport;
  private readonly auth: SessionAuth<Session>;
  private readonly http: HttpClient;

  constructor(creds: TrytonCredentials, http: HttpClient) {
    this.http = http;
    this.baseUrl = creds.instanceUrl.replace(/\/+$/, '');
    this.database = creds.database;
    this.username = creds.username;
    this.password = creds.password;
    this.rpc = new JsonRpcTransport({
      http,
      // Every database has its own URL path; only server-wide calls go to `/`.
      url: `${this.baseUrl}/${encodeURIComponent(this.database)}/`,
      codec: trytonCodec,
      classifyStatus: (res, method) => classifyStatus(res, method, this.database),
      classifyError: (error, method) => classifyError(error, method, this.database),
    });
    this.auth = new SessionAuth(() => this.login());
  }

  private async login(): Promise<Session> {
    // Safe to repeat after a lost answer or a 5xx: only a wrong password counts towards Tryton's
    // login throttle (more than 5 in 5 minutes gives 429), and a 401 is never retried.
    const answer = await this.rpc.call<unknown>(LOGIN_METHOD, [this.username, { password: this.password }, 'en'], { idempotent: true });
    if (!Array.isArray(answer) || typeof answer[0] !== 'number' || typeof answer[1] !== 'string') {
      throw new SystemFailure('system', { code: 'system_error', message: 'Tryton answered the login with something other than [userId, session].', systemMessage: JSON.stringify(answer) });
    }
    const [userId, key] = answer as [number, string];
    const authorization = `Session ${Buffer.from(`${this.username}:${userId}:${key}`, 'utf8').toString('base64')}`;
    // `true` = only the keys that belong in the context (company, employee, language…).
    const context = await this.rpc.call<Context>('model.res.user.get_preferences', [true, {}], { headers: { authorization }, idempotent: true });
    return { authorization, userId, context: context ?? {} };
  }

  /** The logged-in user's id and context (logs in if needed). */
  async session(): Promise<{ userId: number; context: Context }> {
    const s = await this.auth.session();
    return { userId: s.userId, context: s.context };
  }

  /** `model.<model>.<method>(...args, context)`. Reads are idempotent; buttons and writes are not. */
  model<T = unknown>(model: string, method: string, args: unknown[], opts: { context?: Context; idempotent?: boolean } = {}): Promise<T> {
    return this.auth.run(
      (s) =>
        this.rpc.call<T>(`model.${model}.${method}`, [...args, { ...s.context, ...opts.context }], {
          headers: { authorization: s.authorization },
          idempotent: opts.idempotent ?? true,
        }),
      isSessionExpired,
    );
  }

  search(model: string, domain: Domain, opts: SearchOptions = {}): Promise<number[]> {
    return this.model(model, 'search', [domain, opts.offset ?? 0, opts.limit ?? null, opts.order ?? null], { context: opts.context });
  }

  searchRead<T>(model: string, domain: Domain, fields: readonly string[], opts: SearchOptions = {}): Promise<T[]> {
    return this.model(model, 'search_read', [domain, opts.offset ?? 0, opts.limit ?? null, opts.order ?? null, fields], { context: opts.context });
  }

  /** Note: Tryton answers sorted by id, not in the order of `ids`; an id that does not exist is an access error. */
  read<T>(model: string, ids: readonly number[], fields: readonly string[], opts: { context?: Context } = {}): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model(model, 'read', [ids, fields], { context: opts.context });
  }

  searchCount(model: string, domain: Domain): Promise<number> {
    return this.model(model, 'search_count', [domain]);
  }

  /**
   * A raw request with this session (passthrough). An empty 401 means the session expired:
   * log in again once, as for any call.
   */
  raw(req: { method: OutboundRequest['method']; url: string; headers: Record<string, string>; body?: string }): Promise<OutboundResponse> {
    return this.auth.run(async (s) => {
      const res = await this.http.send({ ...req, headers: { ...req.headers, authorization: s.authorization }, idempotent: req.method === 'GET' });
      if (res.status === 401 && res.text === '') throw new SessionExpired(401);
      return res;
    }, isSessionExpired);
  }

  /** The server's version, e.g. "6.0.29" (a server-wide call: no database, no session). */
  serverVersion(): Promise<string> {
    return this.rpc.call<string>('common.server.version', [], { idempotent: true }, `${this.baseUrl}/`);
  }
}
