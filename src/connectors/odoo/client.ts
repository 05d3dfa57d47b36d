/**
 * An Odoo client: JSON-RPC 2.0 to `<instanceUrl>/jsonrpc` (`{"method": "call", "params":
 * {"service", "method", "args"}}`). `common.authenticate(db, login, password, {})` gives the uid
 * (or false); every `object.execute_kw` repeats database, uid and password — there is no session
 * (protocols-erp.md §6.2). The uid is fetched once per client and again once if Odoo stops
 * accepting the password (AccessDenied), so a changed password surfaces as invalid credentials.
 */
import type { HttpClient } from '../../kit/http.js';
import { SessionAuth } from '../../kit/auth/session-login.js';
import { JsonRpcTransport, jsonRpc2Codec, type JsonRpcCodec } from '../../kit/transports/json-rpc.js';
import { SystemFailure } from '../../kit/failure.js';
import { classifyError, loginRefused, type OdooContext } from './classify.js';

export interface OdooCredentials {
  instanceUrl: string;
  database: string;
  username: string;
  password: string;
}

/** An Odoo domain in prefix notation: `["|", ["state", "=", "draft"], ["state", "=", "sent"]]`. */
export type Domain = unknown[];

export interface SearchOptions {
  offset?: number;
  /** Absent: every matching record (search_read's own default). */
  limit?: number;
  order?: string;
  context?: Record<string, unknown>;
}

export interface VersionInfo {
  server_version: string;
  server_serie?: string;
}

/** Odoo speaks JSON-RPC 2.0 with the method always "call"; the transport's method names the call in errors. */
const odooCodec: JsonRpcCodec = {
  encode: (_call, params, id) => jsonRpc2Codec.encode('call', params, id),
  decode: (body) => jsonRpc2Codec.decode(body),
};

function credential(creds: Record<string, unknown>, name: keyof OdooCredentials): string {
  const value = creds[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SystemFailure('config', { code: 'invalid_credentials', field: name, message: `The Odoo ${name} is missing.` });
  }
  return name === 'password' ? value : value.trim();
}

export function readCredentials(creds: Record<string, unknown>): OdooCredentials {
  return {
    instanceUrl: credential(creds, 'instanceUrl').replace(/\/+$/, '').replace(/\/(web|odoo)(\/.*)?$/, ''),
    database: credential(creds, 'database'),
    username: credential(creds, 'username'),
    password: credential(creds, 'password'),
  };
}

const isAccessDenied = (err: unknown) => err instanceof SystemFailure && err.code === 'invalid_credentials' && err.field === 'password';

export class OdooClient {
  readonly context: OdooContext;
  private readonly password: string;
  private readonly rpc: JsonRpcTransport;
  private readonly auth: SessionAuth<number>;

  constructor(creds: OdooCredentials, http: HttpClient) {
    this.context = { instanceUrl: creds.instanceUrl, database: creds.database, username: creds.username };
    this.password = creds.password;
    this.rpc = new JsonRpcTransport({
      http,
      url: `${creds.instanceUrl}/jsonrpc`,
      codec: odooCodec,
      classifyError: (error, call) => classifyError(error, call, this.context),
    });
    this.auth = new SessionAuth(() => this.login());
  }

  get database(): string {
    return this.context.database;
  }

  get username(): string {
    return this.context.username;
  }

  /** common.version: no login needed; proves the URL is an Odoo server. */
  async version(): Promise<VersionInfo> {
    const info = await this.rpc.call<VersionInfo>('common.version', { service: 'common', method: 'version', args: [] }, { idempotent: true });
    if (!info || typeof info.server_version !== 'string') {
      throw new SystemFailure('config', { code: 'system_error', message: `${this.context.instanceUrl} answered common.version with something that is not Odoo's version: check the instance URL.` });
    }
    return info;
  }

  private async login(): Promise<number> {
    const uid = await this.rpc.call<number | false>('common.authenticate', { service: 'common', method: 'authenticate', args: [this.database, this.username, this.password, {}] }, { idempotent: true });
    // A wrong login or password is `false`, not an error (protocols-erp.md §6.9).
    if (typeof uid !== 'number') throw loginRefused(this.context);
    return uid;
  }

  uid(): Promise<number> {
    return this.auth.session();
  }

  /** `object.execute_kw(db, uid, password, model, method, args, kwargs)`. Reads may be retried; writes and buttons are not. */
  executeKw<T = unknown>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, opts: { idempotent?: boolean } = {}): Promise<T> {
    return this.auth.run(
      (uid) =>
        this.rpc.call<T>(`${model}.${method}`, { service: 'object', method: 'execute_kw', args: [this.database, uid, this.password, model, method, args, kwargs] }, { idempotent: opts.idempotent ?? true }),
      isAccessDenied,
    );
  }

  searchRead<T>(model: string, domain: Domain, fields: readonly string[], opts: SearchOptions = {}): Promise<T[]> {
    return this.executeKw<T[]>(model, 'search_read', [domain], {
      fields,
      ...(opts.offset ? { offset: opts.offset } : {}),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.order ? { order: opts.order } : {}),
      ...(opts.context ? { context: opts.context } : {}),
    });
  }

  /** read keeps the order of `ids` and drops those that do not exist. */
  read<T>(model: string, ids: readonly number[], fields: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.executeKw<T[]>(model, 'read', [[...new Set(ids)]], { fields });
  }

  search(model: string, domain: Domain, opts: SearchOptions = {}): Promise<number[]> {
    return this.executeKw<number[]>(model, 'search', [domain], {
      ...(opts.offset ? { offset: opts.offset } : {}),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.order ? { order: opts.order } : {}),
      ...(opts.context ? { context: opts.context } : {}),
    });
  }

  searchCount(model: string, domain: Domain): Promise<number> {
    return this.executeKw<number>(model, 'search_count', [domain]);
  }

  async create(model: string, values: Record<string, unknown>): Promise<number> {
    const id = await this.executeKw<unknown>(model, 'create', [values], {}, { idempotent: false });
    if (typeof id !== 'number') throw new SystemFailure('system', { code: 'system_error', message: `Odoo answered a create of ${model} without the new id.`, systemMessage: JSON.stringify(id) });
    return id;
  }

  async write(model: string, ids: readonly number[], values: Record<string, unknown>): Promise<void> {
    await this.executeKw(model, 'write', [[...ids], values], {}, { idempotent: false });
  }

  async unlink(model: string, ids: readonly number[]): Promise<void> {
    await this.executeKw(model, 'unlink', [[...ids]], {}, { idempotent: false });
  }

  /** A workflow button (button_confirm, button_cancel…): not idempotent, its answer is not used. */
  async button(model: string, method: string, ids: readonly number[]): Promise<void> {
    await this.executeKw(model, method, [[...ids]], {}, { idempotent: false });
  }
}
