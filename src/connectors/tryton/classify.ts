/**
 * Tryton's failures as SystemFailures. Application errors (validation, access, business rules,
 * Python exceptions) come back as HTTP 200 with an `error` array whose first item is the kind;
 * only authentication (401), methods not exposed over RPC (403) and throttled logins (429) use
 * HTTP statuses (trytond/protocols/wrappers.py, trytond/protocols/dispatcher.py).
 */
import { SystemFailure } from '../../kit/failure.js';
import { genericStatusFailure } from '../../kit/transports/json-rpc.js';
import { parseRetryAfter, type OutboundResponse } from '../../kit/http.js';

export const LOGIN_METHOD = 'common.db.login';

/**
 * Tryton no longer knows the session (logged out, older than `[session] max_age`, or the
 * database was restored): SessionAuth logs in again once. If the fresh session is refused too,
 * this reaches the caller as what it is, a config failure.
 */
export class SessionExpired extends SystemFailure {
  constructor(status: number) {
    super('config', {
      code: 'invalid_credentials',
      status,
      message: 'Tryton refused the session even right after logging in; check the user is still active and allowed to log in.',
    });
    this.name = 'SessionExpired';
  }
}

export const isSessionExpired = (err: unknown): boolean => err instanceof SessionExpired;

/** Classifies a non-200 answer. */
export function classifyStatus(res: OutboundResponse, method: string, database: string): SystemFailure {
  const html = /html/i.test(res.headers['content-type'] ?? '');
  if (res.status === 401) {
    // A wrong password answers with werkzeug's HTML 401 page; a session Tryton does not know
    // with an empty text/plain 401 (trytond/protocols/wrappers.py `with_pool` / security.py).
    if (method !== LOGIN_METHOD && !html && res.text.trim() === '') return new SessionExpired(401);
    return new SystemFailure('config', {
      code: 'invalid_credentials',
      status: 401,
      message: 'Tryton refused the user name or password.',
    });
  }
  if (res.status === 404 && method === LOGIN_METHOD) {
    // On PostgreSQL an unknown database is an HTML 404; check the URL as well, as it is a 404 too.
    return unknownDatabase(database, res.text);
  }
  if (res.status === 429) {
    // After more than 5 failed logins of one user name within `[session] timeout` (5 min).
    return new SystemFailure('transient', {
      code: 'rate_limited',
      status: 429,
      message: 'Tryton is refusing logins for this user after too many failed attempts; wait a few minutes.',
      retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? 300_000,
    });
  }
  if (res.status === 403) {
    return new SystemFailure('config', {
      code: 'rejected_by_system',
      status: 403,
      message: `Tryton does not allow ${method} over RPC for this user.`,
    });
  }
  return genericStatusFailure(res);
}

function unknownDatabase(database: string, said: string): SystemFailure {
  return new SystemFailure('config', {
    code: 'invalid_credentials',
    field: 'database',
    message: `The Tryton server has no database named "${database}"; check the database name (and the server URL).`,
    systemMessage: said,
  });
}

function userMessage(detail: unknown): string {
  if (Array.isArray(detail)) return [detail[0], detail[1]].filter((s) => typeof s === 'string' && s !== '').join(' ');
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** Classifies an `error` envelope: `[kind, detail]`. */
export function classifyError(error: unknown, method: string, database: string): SystemFailure {
  const [kind, detail] = Array.isArray(error) ? (error as unknown[]) : [error, undefined];
  const said = typeof kind === 'string' ? kind : JSON.stringify(kind);
  switch (kind) {
    case 'UserError':
    case 'UserWarning': {
      // AccessError and record rules are serialised as UserError too ("You are not allowed to…").
      const message = userMessage(detail);
      const access = /\bnot allowed to\b/i.test(message);
      return new SystemFailure('config', {
        code: 'rejected_by_system',
        message: access ? `The Tryton user lacks an access right: ${message}` : `Tryton refused ${method}: ${message}`,
        systemMessage: message,
      });
    }
    case 'ConcurrencyException':
      // A stale `_timestamp`: someone changed the record since it was read. Retrying the same
      // call cannot succeed; the caller must read again. Not `config`: nothing is wrong with the
      // connection, so it must never make it need attention; it passes once the record is read
      // again (the catalogue still tells the client `retryable: false` for this code).
      return new SystemFailure('transient', {
        code: 'version_conflict',
        message: 'The record was changed in Tryton since it was read; read it again and retry.',
        systemMessage: userMessage(detail),
      });
    case 'LoginException':
      // Tryton asks for another login factor (e.g. a password, or an SMS code with the
      // authentication_sms module); Manifold can only send a password.
      return new SystemFailure('config', {
        code: 'invalid_credentials',
        message: `Tryton asks for more to log in (${userMessage(detail)}); Manifold can only log in with a user name and password.`,
      });
    case 'RateLimitException':
      return new SystemFailure('transient', { code: 'rate_limited', message: 'Tryton is throttling calls.' });
    default:
      break;
  }
  // SQLite names the missing file: "Database '/var/lib/tryton/x.sqlite' doesn't exist!".
  if (typeof kind === 'string' && /^Database '.*' doesn't exist!?$/.test(kind)) return unknownDatabase(database, said);
  return new SystemFailure('system', {
    code: 'system_error',
    message: `Tryton failed on ${method}.`,
    systemMessage: said,
  });
}
