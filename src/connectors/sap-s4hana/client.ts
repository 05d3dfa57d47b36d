/**
 * A client of one SAP S/4HANA system: the purchase-order service (API_PURCHASEORDER_PROCESS_SRV)
 * and the business-partner service (API_BUSINESS_PARTNER, for suppliers), both OData V2 under
 * `<instance>/sap/opu/odata/sap/`, with HTTP Basic (a communication user), the client
 * (`sap-client`) on every call, and a CSRF token with its session cookies on every write.
 */
import { basicAuthorization } from '../../kit/auth/basic.js';
import { CsrfToken } from '../../kit/auth/csrf-token.js';
import { SystemFailure } from '../../kit/failure.js';
import type { HttpClient, OutboundRequest, OutboundResponse } from '../../kit/http.js';
import { ODataV2Transport } from '../../kit/transports/odata-v2.js';
import { parseODataError } from '../../kit/transports/odata-v2-values.js';
import { classify } from './classify.js';

export interface SapCredentials {
  instanceUrl: string;
  sapClient: string;
  username: string;
  password: string;
}

export const PO_SERVICE = 'API_PURCHASEORDER_PROCESS_SRV';
export const BP_SERVICE = 'API_BUSINESS_PARTNER';
const ODATA_ROOT = '/sap/opu/odata/sap/';

function credential(creds: Record<string, unknown>, name: keyof SapCredentials): string {
  const value = creds[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SystemFailure('config', { code: 'invalid_credentials', field: name, message: `The SAP ${name} is missing.` });
  }
  return name === 'password' ? value : value.trim();
}

/** The host part of what an admin pastes: a service URL or one with `?sap-client=` is cut back to the host. */
export function instanceRoot(url: string): string {
  const u = new URL(url);
  const at = u.pathname.toLowerCase().indexOf(ODATA_ROOT);
  const path = at >= 0 ? u.pathname.slice(0, at) : u.pathname;
  return `${u.origin}${path.replace(/\/+$/, '')}`;
}

export function readCredentials(creds: Record<string, unknown>): SapCredentials {
  const sapClient = typeof creds.sapClient === 'string' && creds.sapClient.trim() !== '' ? creds.sapClient.trim() : '100';
  if (!/^\d{3}$/.test(sapClient)) throw new SystemFailure('config', { code: 'invalid_credentials', field: 'sapClient', message: 'The SAP client is a three-digit number, such as 100.' });
  return { instanceUrl: instanceRoot(credential(creds, 'instanceUrl')), sapClient, username: credential(creds, 'username'), password: credential(creds, 'password') };
}

export class SapClient {
  readonly username: string;
  readonly sapClient: string;
  readonly instanceUrl: string;
  readonly po: ODataV2Transport;
  readonly bp: ODataV2Transport;
  private readonly csrf: CsrfToken;
  private readonly http: HttpClient;
  private readonly authorization: string;

  constructor(creds: SapCredentials, http: HttpClient) {
    this.http = http;
    this.username = creds.username;
    this.sapClient = creds.sapClient;
    this.instanceUrl = creds.instanceUrl;
    this.authorization = basicAuthorization(creds.username, creds.password);
    const headers = () => ({ authorization: this.authorization });
    const query = { 'sap-client': creds.sapClient };
    const service = (name: string) => `${creds.instanceUrl}${ODATA_ROOT}${name}/`;
    const classifier = (name: string) => (res: OutboundResponse, error: ReturnType<typeof parseODataError>) => classify(res, error, { service: name, client: creds.sapClient });
    // The token is fetched on the purchase-order service root; its security session (cookie)
    // is the system's, so the same token serves writes to any service of this client.
    this.csrf = new CsrfToken({ http, url: `${service(PO_SERVICE)}?sap-client=${creds.sapClient}`, headers, classify: (res) => classify(res, parseODataError(res.text), { service: PO_SERVICE, client: creds.sapClient }) });
    this.po = new ODataV2Transport({ http, serviceUrl: service(PO_SERVICE), query, headers, csrf: this.csrf, classify: classifier(PO_SERVICE) });
    this.bp = new ODataV2Transport({ http, serviceUrl: service(BP_SERVICE), query, headers, csrf: this.csrf, classify: classifier(BP_SERVICE) });
  }

  /** A raw call for the passthrough: Basic auth, and the CSRF token with its cookies on writes. */
  async raw(req: { method: OutboundRequest['method']; url: string; headers: Record<string, string>; body?: string }): Promise<OutboundResponse> {
    const base = { method: req.method, url: req.url, headers: { accept: 'application/json', ...req.headers, authorization: this.authorization }, body: req.body, idempotent: req.method === 'GET' || req.method === 'HEAD' };
    if (req.method === 'GET' || req.method === 'HEAD') return this.http.send(base);
    return this.csrf.send((csrf) => this.http.send({ ...base, headers: { ...base.headers, ...csrf } }));
  }
}
