/**
 * Odoo's exceptions as they travel over JSON-RPC. Every error is an HTTP 200 answer whose `error`
 * member is `{code: 200, message: "Odoo Server Error", data: {name, debug, message, arguments,
 * context}}`, `data.name` being the exception's Python module and class (odoo/http.py
 * `serialize_exception` and `JsonRPCDispatcher.handle_error`; protocols-erp.md §6.8).
 */

export class OdooException extends Error {
  /** The Python qualified name, e.g. `odoo.exceptions.UserError`. */
  readonly pythonName: string;
  readonly args: unknown[];

  constructor(pythonName: string, message: string, args: unknown[] = [message]) {
    super(message);
    this.pythonName = pythonName;
    this.args = args;
  }
}

/** A business rule refused the call (odoo/exceptions.py UserError). */
export const userError = (message: string) => new OdooException('odoo.exceptions.UserError', message);
/** A constraint or a mandatory field refused the values. */
export const validationError = (message: string) => new OdooException('odoo.exceptions.ValidationError', message);
/** The user's groups do not allow the operation. */
export const accessError = (message: string) => new OdooException('odoo.exceptions.AccessError', message);
/** Wrong uid/password (or API key) on a call that needs them (odoo/service/security.py check). */
export const accessDenied = (message = 'Access Denied') => new OdooException('odoo.exceptions.AccessDenied', message);
/** Records that do not exist (or no longer). */
export const missingError = (message: string) => new OdooException('odoo.exceptions.MissingError', message);
export const valueError = (message: string) => new OdooException('builtins.ValueError', message);
export const typeError = (message: string) => new OdooException('builtins.TypeError', message);

/**
 * The error psycopg2 raises when Odoo opens a registry for a database PostgreSQL does not have:
 * `odoo.registry(db)` runs before anything else in the `common` and `object` services, so a wrong
 * database name surfaces as this, not as a login failure.
 */
export const unknownDatabase = (db: string) =>
  new OdooException('psycopg2.OperationalError', `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${db}" does not exist\n`);

/** The `error` member of the JSON-RPC answer for any exception. */
export function errorMember(err: unknown): { code: number; message: string; data: Record<string, unknown> } {
  const e = err instanceof OdooException ? err : new OdooException('builtins.Exception', err instanceof Error ? err.message : String(err));
  return {
    code: 200,
    message: 'Odoo Server Error',
    data: {
      name: e.pythonName,
      // Odoo sends the server-side traceback; ours names the exception the same way Python ends one.
      debug: `Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/odoo/http.py", line 1783, in _serve_db\n    return service_model.retrying(self._serve_ir_http, self.env)\n${e.pythonName}: ${e.message}\n`,
      message: e.message,
      arguments: e.args,
      context: {},
    },
  };
}
