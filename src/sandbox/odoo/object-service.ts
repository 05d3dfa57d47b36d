/**
 * The `object` service: `execute_kw(db, uid, password, model, method, args, kwargs)` and the
 * older `execute(db, uid, password, model, method, *args)` (odoo/service/model.py). The password
 * (or API key) is checked on every call, the model must exist, private methods are refused, the
 * user's access rights are checked for the operation, then the ORM method or the model's public
 * method runs.
 */
import { allowed, accessErrorFor, type Operation } from './access.js';
import { bind, idsOf } from './call.js';
import { accessDenied, accessError, typeError, valueError, OdooException } from './errors.js';
import type { Env } from './fields.js';
import type { Database } from './orm.js';
import { odooNow } from './wire.js';

/** Which access right each ORM method needs; a model's own (button) methods need write. */
const OPERATION: Record<string, Operation> = {
  search_read: 'read', search: 'read', search_count: 'read', read: 'read', fields_get: 'read', check_access_rights: 'read',
  create: 'create', write: 'write', unlink: 'unlink',
};

/** uid + password or API key (res.users.check, with res.users.apikeys for the `rpc` scope). */
export function checkUser(db: Database, uid: unknown, password: unknown): void {
  const user = typeof uid === 'number' ? db.users.get(uid) : undefined;
  const active = user && db.get('res.users', user.id)?.active !== false;
  if (!user || !active || typeof password !== 'string' || (password !== user.password && !user.apiKeys.includes(password))) throw accessDenied();
}

const list = (v: unknown, what: string): unknown[] => {
  if (v === null || v === undefined || v === false) return [];
  if (!Array.isArray(v)) throw typeError(`${what} must be a list, not ${JSON.stringify(v)}`);
  return v;
};

const optInt = (v: unknown, what: string): number | null => {
  if (v === null || v === undefined || v === false) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw valueError(`Invalid ${what}: ${JSON.stringify(v)}`);
  return v;
};

function orm(env: Env, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const db = env.db;
  switch (method) {
    case 'search_read': {
      const a = bind('search_read', [{ name: 'domain', default: null }, { name: 'fields', default: null }, { name: 'offset', default: 0 }, { name: 'limit', default: null }, { name: 'order', default: null }], args, kwargs, ['load']);
      // Without a limit, search_read answers every matching record (protocols-erp.md §6.9).
      const ids = db.search(env, model, list(a.domain, 'domain'), { offset: optInt(a.offset, 'offset') ?? 0, limit: optInt(a.limit, 'limit'), order: (a.order as string | null) || null });
      return db.read(env, model, ids, list(a.fields, 'fields') as string[]);
    }
    case 'search': {
      const a = bind('search', [{ name: 'domain' }, { name: 'offset', default: 0 }, { name: 'limit', default: null }, { name: 'order', default: null }], args, kwargs);
      return db.search(env, model, list(a.domain, 'domain'), { offset: optInt(a.offset, 'offset') ?? 0, limit: optInt(a.limit, 'limit'), order: (a.order as string | null) || null });
    }
    case 'search_count': {
      const a = bind('search_count', [{ name: 'domain' }, { name: 'limit', default: null }], args, kwargs);
      return db.search(env, model, list(a.domain, 'domain'), { limit: optInt(a.limit, 'limit') }).length;
    }
    case 'read': {
      const [ids, ...rest] = args;
      const a = bind('read', [{ name: 'fields', default: null }, { name: 'load', default: '_classic_read' }], rest, kwargs);
      return db.read(env, model, idsOf(ids ?? []), list(a.fields, 'fields') as string[]);
    }
    case 'fields_get': {
      const a = bind('fields_get', [{ name: 'allfields', default: null }, { name: 'attributes', default: null }], args, kwargs);
      return db.fieldsGet(model, list(a.allfields, 'allfields') as string[], list(a.attributes, 'attributes') as string[]);
    }
    case 'check_access_rights': {
      const a = bind('check_access_rights', [{ name: 'operation' }, { name: 'raise_exception', default: true }], args, kwargs);
      const op = a.operation as Operation;
      if (!OPERATION[op] && !['read', 'write', 'create', 'unlink'].includes(op)) throw valueError(`Invalid access mode ${JSON.stringify(op)}`);
      const ok = allowed(db.users.get(env.uid)?.groups ?? [], model, op);
      if (!ok && a.raise_exception) throw accessErrorFor(db.spec(model), op);
      return ok;
    }
    case 'create': {
      const a = bind('create', [{ name: 'vals_list' }], args, kwargs);
      // A dict creates one record and answers its id; a list answers a list of ids.
      if (Array.isArray(a.vals_list)) return a.vals_list.map((v) => db.create(env, model, v as Record<string, unknown>));
      return db.create(env, model, a.vals_list as Record<string, unknown>);
    }
    case 'write': {
      const [ids, ...rest] = args;
      const a = bind('write', [{ name: 'vals' }], rest, kwargs);
      if (!a.vals || typeof a.vals !== 'object' || Array.isArray(a.vals)) throw typeError(`write() expects a dict of values, got ${JSON.stringify(a.vals)}`);
      db.write(env, model, idsOf(ids), a.vals as Record<string, unknown>);
      return true;
    }
    case 'unlink': {
      const [ids, ...rest] = args;
      bind('unlink', [], rest, kwargs);
      db.unlink(env, model, idsOf(ids));
      return true;
    }
    default: {
      const fn = db.spec(model).methods?.[method];
      if (!fn) throw new OdooException('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
      const [ids, ...rest] = args;
      const records = idsOf(ids ?? []);
      db.existing(env, model, records);
      return fn(env, records, rest, kwargs);
    }
  }
}

/** Runs one model method as a user (after the password check), with Odoo's access rules. */
export function executeKw(db: Database, uid: number, model: string, method: string, args: unknown, kwargs: unknown): unknown {
  if (!Array.isArray(args)) throw typeError(`execute_kw() args must be a list, not ${JSON.stringify(args)}`);
  const kw = kwargs === null || kwargs === undefined ? {} : kwargs;
  if (typeof kw !== 'object' || Array.isArray(kw)) throw typeError(`execute_kw() kwargs must be a dict, not ${JSON.stringify(kwargs)}`);
  const spec = db.spec(model);
  if (method.startsWith('_')) throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  const op = OPERATION[method] ?? 'write';
  // check_access_rights is the check itself: it answers false rather than raising when asked to.
  if (method !== 'check_access_rights' && !allowed(db.users.get(uid)?.groups ?? [], model, op)) throw accessErrorFor(spec, op);
  const context = (kw as Record<string, unknown>).context;
  const env: Env = { db, uid, now: odooNow(), context: context && typeof context === 'object' ? (context as Record<string, unknown>) : {} };
  return orm(env, model, method, args, kw as Record<string, unknown>);
}
