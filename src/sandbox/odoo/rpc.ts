/**
 * The services behind `POST /jsonrpc` (odoo/http.py dispatch_rpc): `common` (version, login,
 * authenticate, about), `object` (execute_kw, execute) and `db` (list, db_exist, server_version).
 * A database name the server does not host fails where Odoo opens its registry, before any
 * credential is looked at: psycopg2's OperationalError (protocols-erp.md §6.2, §6.8).
 */
import { bind } from './call.js';
import { accessDenied, OdooException, typeError, unknownDatabase } from './errors.js';
import { checkUser, executeKw } from './object-service.js';
import type { Database } from './orm.js';

/** common.version() (odoo/service/common.py RPC_VERSION_1) for the simulated 17.0. */
export const VERSION_INFO = { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 } as const;

export interface LoginPolicy {
  /** base.login_cooldown_after: failed logins from one address before logins are refused. */
  after: number;
  /** base.login_cooldown_duration, seconds. */
  seconds: number;
}

export class Instance {
  readonly databases = new Map<string, Database>();
  readonly policy: LoginPolicy;
  /** `list_db` in the server's configuration: whether db.list answers. */
  readonly listDb: boolean;
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(dbs: readonly Database[], opts: { policy?: LoginPolicy; listDb?: boolean } = {}) {
    for (const db of dbs) this.databases.set(db.name, db);
    this.policy = opts.policy ?? { after: 10, seconds: 60 };
    this.listDb = opts.listDb ?? true;
  }

  database(name: unknown): Database {
    const db = typeof name === 'string' ? this.databases.get(name) : undefined;
    if (!db) throw unknownDatabase(String(name));
    return db;
  }

  /**
   * res.users._login with `_assert_can_auth`: after `after` failures from one address within
   * `seconds`, every login from it is refused, right ones included. exp_authenticate turns any
   * AccessDenied into `false`, so a refused login is only ever `false` on the wire (§6.9).
   */
  login(dbName: unknown, login: unknown, password: unknown, address: string): number | false {
    const db = this.database(dbName);
    const key = `${db.name}\u0000${address}`;
    const seen = this.failures.get(key);
    const now = Date.now();
    if (seen && seen.count >= this.policy.after && now - seen.last < this.policy.seconds * 1000) return false;
    const user = [...db.users.values()].find((u) => u.login === login && db.get('res.users', u.id)?.active !== false);
    const ok = user && typeof password === 'string' && (password === user.password || user.apiKeys.includes(password));
    if (!ok) {
      this.failures.set(key, { count: (seen && now - seen.last < this.policy.seconds * 1000 ? seen.count : 0) + 1, last: now });
      return false;
    }
    this.failures.delete(key);
    return user.id;
  }

  dispatch(service: unknown, method: unknown, args: unknown, address: string): unknown {
    const params = Array.isArray(args) ? args : [];
    if (service === 'common') return this.common(String(method), params, address);
    if (service === 'object') return this.object(String(method), params);
    if (service === 'db') return this.db(String(method), params);
    throw new OdooException('builtins.KeyError', `'${String(service)}'`);
  }

  private common(method: string, args: unknown[], address: string): unknown {
    switch (method) {
      case 'version':
        return VERSION_INFO;
      case 'about':
        return args[0] ? ['See http://openerp.com', VERSION_INFO.server_version] : 'See http://openerp.com';
      case 'login': {
        const a = bind('exp_login', [{ name: 'db' }, { name: 'login' }, { name: 'password' }], args, {});
        return this.login(a.db, a.login, a.password, address);
      }
      case 'authenticate': {
        const a = bind('exp_authenticate', [{ name: 'db' }, { name: 'login' }, { name: 'password' }, { name: 'user_agent_env' }], args, {});
        return this.login(a.db, a.login, a.password, address);
      }
      default:
        throw new OdooException('builtins.Exception', `Method not found: ${method}`);
    }
  }

  private object(method: string, args: unknown[]): unknown {
    if (method !== 'execute_kw' && method !== 'execute') throw new OdooException('builtins.NameError', `Method not available ${method}`);
    if (args.length < 5) throw typeError(`${method}() missing required positional arguments`);
    const [dbName, uid, password, model, name, ...rest] = args;
    const db = this.database(dbName);
    checkUser(db, uid, password);
    if (typeof model !== 'string' || typeof name !== 'string') throw typeError('model and method must be strings');
    if (method === 'execute') return executeKw(db, uid as number, model, name, rest, {});
    if (rest.length > 2) throw typeError(`execute_kw() takes from 6 to 7 positional arguments but ${args.length + 1} were given`);
    return executeKw(db, uid as number, model, name, rest[0] ?? [], rest[1] ?? {});
  }

  private db(method: string, args: unknown[]): unknown {
    switch (method) {
      case 'list':
        if (!this.listDb) throw accessDenied();
        return [...this.databases.keys()].sort();
      case 'db_exist':
        return typeof args[0] === 'string' && this.databases.has(args[0]);
      case 'server_version':
        return VERSION_INFO.server_version;
      default:
        throw new OdooException('builtins.KeyError', `'${method}'`);
    }
  }
}
