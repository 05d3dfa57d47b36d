/**
 * Odoo's failures as SystemFailures. Over /jsonrpc every failure is an HTTP 200 answer with an
 * `error` member whose `data.name` is the Python exception (odoo/http.py; protocols-erp.md §6.8).
 * Three look alike to a user and must not: a database the server does not host (psycopg2's
 * OperationalError, before any login), a wrong login or password/API key (`authenticate` answers
 * false; `execute_kw` raises AccessDenied), and a user without an access group (AccessError,
 * whose message lists the groups that would allow it).
 */
import { SystemFailure } from '../../kit/failure.js';

export interface OdooContext {
  instanceUrl: string;
  database: string;
  username: string;
}

interface ErrorData {
  name?: unknown;
  message?: unknown;
}

/** The group Manifold needs for a model, in the words of Odoo's Access Rights tab. */
const NEEDED: Record<string, string> = {
  'purchase.order': 'Purchase: User',
  'purchase.order.line': 'Purchase: User',
  'res.partner': 'Contact Creation (under Extra Rights)',
};

/** The Odoo app a model belongs to, for "not installed" errors. */
const APPS: Record<string, string> = {
  purchase: 'Purchase',
  stock: 'Inventory',
  maintenance: 'Maintenance',
  product: 'Inventory (or Purchase)',
};

export function databaseMissing(ctx: OdooContext, said?: string): SystemFailure {
  return new SystemFailure('config', {
    code: 'invalid_credentials',
    field: 'database',
    message:
      `The Odoo server at ${ctx.instanceUrl} has no database named "${ctx.database}". Check the database name: Odoo shows it on its database selector ` +
      `(${ctx.instanceUrl}/web/database/selector) and, when several are served, in the address after "?db=".`,
    systemMessage: said,
  });
}

export function loginRefused(ctx: OdooContext): SystemFailure {
  return new SystemFailure('config', {
    code: 'invalid_credentials',
    field: 'password',
    message:
      `Odoo refused the login "${ctx.username}" with this password or API key on database "${ctx.database}". Check both; an API key ` +
      '(Preferences → Account Security) replaces the password. After 10 failed logins from one address Odoo refuses every login from it for a minute.',
  });
}

/** An AccessError: which model, which operation, and the group to give the user. */
export function accessMissing(ctx: OdooContext, said: string): SystemFailure {
  const head = /^You are not allowed to (\w+) '([^']*)' \(([\w.]+)\) records\./.exec(said);
  const groups = [...said.matchAll(/^\t- (.+)$/gm)].map((m) => m[1]!);
  const model = head?.[3];
  const needed = model ? (NEEDED[model] ?? 'Internal User (user type)') : undefined;
  const what = head ? `${head[1]} ${head[2]} (${head[3]})` : 'do this';
  return new SystemFailure('config', {
    code: 'system_permission_denied',
    message:
      `The Odoo user "${ctx.username}" may not ${what} on database "${ctx.database}". ` +
      (needed ? `Give it the access group ${needed}: Settings → Users & Companies → Users → ${ctx.username} → Access Rights. ` : '') +
      (groups.length ? `Odoo allows this to: ${groups.join(', ')}.` : ''),
    systemMessage: said,
  });
}

/** Classifies the `error` member of an answer to `call` (e.g. "purchase.order.search_read"). */
export function classifyError(error: unknown, call: string, ctx: OdooContext): SystemFailure {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; data?: ErrorData };
  const name = typeof e.data?.name === 'string' ? e.data.name : '';
  const said = typeof e.data?.message === 'string' ? e.data.message : typeof e.message === 'string' ? e.message : JSON.stringify(error);
  if (name === 'psycopg2.OperationalError' && /database ".*" does not exist/.test(said)) return databaseMissing(ctx, said);
  switch (name) {
    case 'odoo.exceptions.AccessDenied': {
      // On execute_kw: the password or API key changed (or was revoked) since the login.
      const refused = loginRefused(ctx);
      return new SystemFailure('config', { code: refused.code, field: refused.field, message: refused.message, systemMessage: said });
    }
    case 'odoo.exceptions.AccessError':
      return accessMissing(ctx, said);
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.ValidationError':
    case 'odoo.exceptions.RedirectWarning': {
      const missingModel = /^Object ([\w.]+) doesn't exist$/.exec(said);
      if (missingModel) {
        const app = APPS[missingModel[1]!.split('.')[0]!] ?? 'that';
        return new SystemFailure('config', { code: 'rejected_by_system', message: `Odoo database "${ctx.database}" has no ${missingModel[1]} model: install the ${app} app, or leave this data out.`, systemMessage: said });
      }
      return new SystemFailure('config', { code: 'rejected_by_system', message: `Odoo refused ${call}: ${said}`, systemMessage: said });
    }
    case 'odoo.exceptions.MissingError':
      return new SystemFailure('system', { code: 'not_found', message: `The record no longer exists in Odoo (${call}).`, systemMessage: said });
    default:
      break;
  }
  if (e.code === 404) return new SystemFailure('config', { code: 'system_error', message: `${ctx.instanceUrl} has no Odoo JSON-RPC endpoint: check the instance URL.`, systemMessage: said });
  // ValueError (an unknown field), TypeError, AttributeError: this Odoo differs from what Manifold reads.
  return new SystemFailure('system', { code: 'system_error', message: `Odoo failed on ${call} (${name || 'unknown error'}): ${said}`.slice(0, 500), systemMessage: said });
}
