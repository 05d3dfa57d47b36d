/**
 * Errors as SAP Gateway answers them: the OData V2 JSON error body
 * `{"error":{"code","message":{"lang","value"},"innererror":{application, transactionid,
 * timestamp, Error_Resolution, errordetails[]}}}` (OpenAPI `components.schemas.error`; the
 * innererror shape is what Gateway writes, protocol notes §1.8), with the HTTP status of the case.
 *
 * Message codes: `ME/083` is the one the protocol notes show; `06/…` texts are SAP's message
 * class 06 (Purchasing Document) as listed publicly (e.g. 06/019 "Document & does not exist",
 * 06/020 "The document has already been deleted and cannot be changed", 06/026, 06/027);
 * `/IWBEP/CM_MGW_RT/…` are Gateway runtime messages. Codes marked [R] in the call sites are
 * recalled, not checked against a system: the texts say what the rule is either way.
 */
import { randomBytes } from 'node:crypto';
import type { ServiceName } from './spec.js';

export interface Detail {
  code: string;
  message: string;
  propertyref?: string;
}

export class SapError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Detail[];
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, opts: { propertyref?: string; details?: Detail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = opts.details ?? [{ code, message, ...(opts.propertyref !== undefined ? { propertyref: opts.propertyref } : {}) }];
    this.headers = opts.headers ?? {};
  }
}

/** Several business-rule messages at once (SAP checks the whole document and lists them all). */
export function businessErrors(details: Detail[]): SapError {
  const first = details[0]!;
  return new SapError(400, first.code, first.message, { details });
}

const COMPONENT: Record<ServiceName, string> = { API_PURCHASEORDER_PROCESS_SRV: 'MM-PUR-PO', API_BUSINESS_PARTNER: 'LO-MD-BP' };

function timestamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}.${p(now.getUTCMilliseconds(), 3)}0000`;
}

export function errorBody(err: SapError, service: ServiceName): string {
  return JSON.stringify({
    error: {
      code: err.code,
      message: { lang: 'en', value: err.message },
      innererror: {
        application: { component_id: COMPONENT[service], service_namespace: '/SAP/', service_id: service, service_version: '0001' },
        transactionid: randomBytes(16).toString('hex').toUpperCase(),
        timestamp: timestamp(new Date()),
        Error_Resolution: {
          SAP_Transaction: 'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details',
          SAP_Note: 'See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)',
        },
        errordetails: err.details.map((d) => ({ code: d.code, message: d.message, propertyref: d.propertyref ?? '', severity: 'error', target: '', transition: false })),
      },
    },
  });
}

export const notFound = (typeName: string) => new SapError(404, '/IWBEP/CM_MGW_RT/020', `Resource not found for segment '${typeName}'`);
export const badRequest = (message: string, propertyref?: string) => new SapError(400, '/IWBEP/CM_MGW_RT/022', message, propertyref === undefined ? {} : { propertyref });
export const notSimulated = (what: string) => new SapError(501, '/IWBEP/CM_MGW_RT/021', `${what} is not simulated by the Manifold sandbox`);
export const methodNotAllowed = (method: string) => new SapError(405, '/IWBEP/CM_MGW_RT/010', `The request method '${method}' is not allowed for this resource`);
