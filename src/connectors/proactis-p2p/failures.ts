/**
 * The gateway's refusals as Manifold's failures. Errors embedded on the control block mean the
 * login was refused (user, password, database, company, the DataImport role): the user must fix
 * the connection. Errors on a document, and the faults CancelOrder raises ("The order is not
 * available for cancellation"), are business refusals: 422 rejected_by_system with the gateway's
 * own message. A soap:Client fault means the gateway could not read Manifold's call.
 */
import { SystemFailure } from '../../kit/failure.js';
import type { SoapFault } from './soap.js';

type GatewayError = { Number?: string; Message?: string; Source?: string };

const words = (errors: readonly GatewayError[]) => errors.map((e) => e.Message?.trim()).filter(Boolean).join(' ') || 'no reason given';

export function controlRefused(errors: readonly GatewayError[]): SystemFailure {
  const said = words(errors);
  return new SystemFailure('config', { code: 'invalid_credentials', message: `PROACTIS P2P refused the login: ${said}`, systemMessage: said });
}

export function documentRefused(what: string, errors: readonly GatewayError[]): SystemFailure {
  const said = words(errors);
  return new SystemFailure('config', { code: 'rejected_by_system', message: `PROACTIS P2P refused the ${what}: ${said}`, systemMessage: said });
}

export function cancelRefused(displayNumber: string, fault: SoapFault): SystemFailure {
  if (/Client$/.test(fault.code)) {
    return new SystemFailure('system', { code: 'system_error', message: `The PROACTIS gateway could not read the cancellation of order ${displayNumber}: ${fault.gatewayMessage}`, systemMessage: fault.message });
  }
  return new SystemFailure('config', { code: 'rejected_by_system', message: `PROACTIS P2P refused to cancel order ${displayNumber}: ${fault.gatewayMessage}`, systemMessage: fault.gatewayMessage });
}

export function unreadableAnswer(message: string, said?: string): SystemFailure {
  return new SystemFailure('system', { code: 'system_error', message, ...(said ? { systemMessage: said } : {}) });
}

/** A write Manifold refuses itself, before calling the gateway. */
export function refused(code: 'invalid_request' | 'field_not_updatable', message: string, field?: string): SystemFailure {
  return new SystemFailure('unsupported', { code, message, field, source: 'manifold' });
}
