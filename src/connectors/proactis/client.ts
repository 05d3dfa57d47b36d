/**
 * A Proactis cloud connection: every API call carries an OAuth2 client-credentials bearer token
 * (kit/auth/oauth2-client-credentials: cached, renewed before expiry, one renewal at a time,
 * renewed once on a 401 that says it expired) **and** the organisation's `x-api-key`; paths are
 * `/{service}/v1/{domainId}[/{id}]` on the region's host (docs.proactis.com "Authentication";
 * protocols-cmms-s2p.md §11.2).
 *
 * [unverified] The token endpoint's path: the docs' example posts to the regional API host;
 * `/oauth2/token` is the path of the AWS Cognito token endpoint that issues Proactis' tokens.
 */
import { ClientCredentials } from '../../kit/auth/oauth2-client-credentials.js';
import { SystemFailure } from '../../kit/failure.js';
import type { HttpClient, OutboundRequest, OutboundResponse } from '../../kit/http.js';
import { classifyStatus } from './classify.js';
import { baseUrlOf, type ProactisCredentials } from './regions.js';

/** The APIs Manifold reads, by their path segment. */
export type Service = 'suppliers' | 'requisitions' | 'receipts' | 'invoices';

export interface ProactisPage {
  pageNumber: number;
  pageSize: number;
  totalElements: number;
  content: unknown[];
}

export class ProactisClient {
  readonly baseUrl: string;
  readonly domainId: string;
  readonly auth: ClientCredentials;

  constructor(
    readonly credentials: ProactisCredentials,
    private readonly http: HttpClient,
  ) {
    this.baseUrl = baseUrlOf(credentials);
    this.domainId = credentials.domainId;
    this.auth = new ClientCredentials(http, { tokenUrl: `${this.baseUrl}/oauth2/token`, clientId: credentials.clientId, clientSecret: credentials.clientSecret });
  }

  url(service: Service, id?: string, query?: Record<string, string | number | undefined>): string {
    const url = new URL(`${this.baseUrl}/${service}/v1/${encodeURIComponent(this.domainId)}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** Sends with the bearer token and the API key; the answer of any status. */
  send(req: Omit<OutboundRequest, 'headers'> & { headers?: Record<string, string> }): Promise<OutboundResponse> {
    return this.auth.send({ ...req, headers: { accept: 'application/json', ...req.headers, 'x-api-key': this.credentials.apiKey } });
  }

  private json<T>(res: OutboundResponse): T {
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'Proactis answered with something that is not JSON.', systemMessage: res.text });
    }
  }

  /** One page of a listing (the query as the API documents it). */
  async page(service: Service, query: Record<string, string | number | undefined>): Promise<ProactisPage> {
    const res = await this.send({ method: 'GET', url: this.url(service, undefined, query), idempotent: true });
    if (res.status !== 200) throw classifyStatus(res);
    const body = this.json<Partial<ProactisPage>>(res);
    if (!Array.isArray(body.content) || typeof body.totalElements !== 'number') {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'Proactis answered a listing without its page envelope (content, totalElements).' });
    }
    return body as ProactisPage;
  }

  /** One record by its id; undefined when Proactis has none (404). */
  async get(service: Service, id: string): Promise<unknown | undefined> {
    const res = await this.send({ method: 'GET', url: this.url(service, id), idempotent: true });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw classifyStatus(res);
    return this.json<unknown>(res);
  }

  /**
   * POSTs one cXML document (Proactis takes one object per request). Answers the HTTP status:
   * 200/201 done, 202 accepted for processing later.
   */
  async postCxml(service: Service, xml: string): Promise<number> {
    const res = await this.send({ method: 'POST', url: this.url(service), headers: { 'content-type': 'application/xml' }, body: xml, idempotent: false });
    if (res.status < 200 || res.status >= 300) throw classifyStatus(res);
    return res.status;
  }

  /** A passthrough request (already confined to the instance by the kit). */
  raw(req: { method: OutboundRequest['method']; url: string; headers: Record<string, string>; body?: string }): Promise<OutboundResponse> {
    return this.send({ method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), idempotent: req.method === 'GET' });
  }
}
