/**
 * SAP's failures told in words an SAP admin acts on. The ABAP server answers a wrong user,
 * password or client with 401 and an HTML logon page; a service not activated in the gateway
 * with 404 and `/IWFND/MED/170`; a missing authorization with 403 (not the CSRF refusal, which
 * the transport handles); business rules with 400 and the message of SAP's message classes.
 * Anything else falls to the kit's OData classification.
 */
import { SystemFailure } from '../../kit/failure.js';
import type { OutboundResponse } from '../../kit/http.js';
import type { ODataError } from '../../kit/transports/odata-v2-values.js';

export function classify(res: OutboundResponse, error: ODataError | undefined, ctx: { service: string; client: string }): SystemFailure | undefined {
  if (res.status === 401) {
    return new SystemFailure('config', {
      code: 'invalid_credentials',
      status: 401,
      message: `SAP refused the logon in client ${ctx.client}: check the user name, the password, that the user is not locked, and the client number.`,
    });
  }
  if (res.status === 404 && error?.code === '/IWFND/MED/170') {
    return new SystemFailure('config', {
      code: 'system_error',
      status: 404,
      message: `The OData service ${ctx.service} is not active on this SAP system (or the instance URL is wrong): a basis admin activates it (transaction /IWFND/MAINT_SERVICE on premise; the communication arrangement in the cloud).`,
      systemMessage: `${error.code}: ${error.message}`,
    });
  }
  if (res.status === 403 && res.headers['x-csrf-token']?.toLowerCase() !== 'required') {
    return new SystemFailure('config', {
      code: 'rejected_by_system',
      status: 403,
      message: `The SAP user may not use ${ctx.service}: it lacks the authorization (communication arrangement or role).`,
      ...(error ? { systemMessage: `${error.code}: ${error.message}` } : {}),
    });
  }
  return undefined;
}
