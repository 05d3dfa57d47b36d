/**
 * The MaintainX REST API v1 client: `Authorization: Bearer <API key>` on every call, the
 * `x-organization-id` header when a key reaches several organizations, cursor paging, and
 * MaintainX's error bodies (`{"error"}` for queries, `{"errors": [{error, fieldPath}]}` for
 * bodies) classified for the kit.
 */
import { z } from 'zod';
import { ApiKeyAuth, bearerKey } from '../../kit/auth/api-key.js';
import type { RawPage } from '../../kit/definition.js';
import { SystemFailure, excerpt } from '../../kit/failure.js';
import { HttpClient, type OutboundRequest, type OutboundResponse } from '../../kit/http.js';
import { cursorPages } from '../../kit/pagination/cursor.js';
import { RestJsonTransport, type RestCall } from '../../kit/transports/rest-json.js';
import { genericStatusFailure } from '../../kit/transports/json-rpc.js';

export const DEFAULT_INSTANCE = 'https://api.getmaintainx.com';

const Credentials = z.object({
  instanceUrl: z.string().default(DEFAULT_INSTANCE),
  apiKey: z.string().min(1),
  organizationId: z.string().regex(/^\d+$/, 'must be the numeric organization id').optional(),
});
export type MaintainxCredentials = z.infer<typeof Credentials>;

export function readCredentials(raw: Record<string, unknown>): MaintainxCredentials {
  const parsed = Credentials.safeParse(raw);
  if (!parsed.success) {
    throw new SystemFailure('config', { code: 'invalid_credentials', source: 'manifold', message: `The MaintainX credentials are incomplete: ${z.prettifyError(parsed.error)}` });
  }
  return parsed.data;
}

/** GET /organizations: the organization's currency is that of every amount in it. */
export const Organization = z.looseObject({ id: z.number().int(), name: z.string(), currency: z.string().nullable().optional() });
export type Organization = z.infer<typeof Organization>;

/** What MaintainX said, from either of its error bodies. */
export function systemWords(res: OutboundResponse): { message: string; field?: string } {
  try {
    const body = JSON.parse(res.text) as { error?: unknown; errors?: { error?: unknown; fieldPath?: unknown }[] };
    if (typeof body.error === 'string') return { message: body.error };
    const first = body.errors?.[0];
    if (first && typeof first.error === 'string') {
      const all = body.errors!.map((e) => `${String(e.error)}${typeof e.fieldPath === 'string' ? ` (${e.fieldPath})` : ''}`).join('; ');
      return { message: all, ...(typeof first.fieldPath === 'string' ? { field: first.fieldPath } : {}) };
    }
  } catch {
    // not JSON: the text itself
  }
  return { message: excerpt(res.text) };
}

export function classify(res: OutboundResponse): SystemFailure {
  const said = systemWords(res);
  const status = res.status;
  if (status === 401) {
    return new SystemFailure('config', { code: 'invalid_credentials', status, message: 'MaintainX refused the API key: check that it was copied whole and is not revoked (Settings → Integrations → API Keys).', systemMessage: said.message });
  }
  // "A 400 code will be returned if you're using a token for multiple organizations but didn't pass either header."
  if (status === 400 && /x-organization-id/i.test(said.message)) {
    return new SystemFailure('config', { code: 'invalid_credentials', status, message: 'This API key works for several MaintainX organizations: fill in the Organization ID of the one to connect.', systemMessage: said.message });
  }
  if (status === 403 && /organization/i.test(said.message)) {
    return new SystemFailure('config', { code: 'invalid_credentials', status, message: 'This API key has no access to the MaintainX organization given: check the Organization ID.', systemMessage: said.message });
  }
  if (status === 403) {
    return new SystemFailure('config', { code: 'rejected_by_system', status, message: "MaintainX refused: the API key's user lacks the permission (an Administrator's key can do everything Manifold does).", systemMessage: said.message });
  }
  if (status === 404 && res.text.trim().startsWith('{')) {
    return new SystemFailure('config', { code: 'not_found', status, message: 'MaintainX has no such record (it may have been deleted there).', systemMessage: said.message });
  }
  if (status === 400) {
    return new SystemFailure('config', { code: 'rejected_by_system', status, message: `MaintainX refused the request: ${said.message}`, systemMessage: said.message, ...(said.field ? { field: said.field } : {}) });
  }
  if (status === 429) {
    return new SystemFailure('transient', { code: 'rate_limited', status, message: 'MaintainX is throttling this API key (100 calls a minute by default); Manifold waits as it asks.', systemMessage: said.message, retryAfterMs: HttpClient.holdOffMs(res) });
  }
  return genericStatusFailure(res);
}

/** The API base: the instance URL (https://api.getmaintainx.com by default) plus /v1. */
export function apiBase(instanceUrl: string): string {
  return `${instanceUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`;
}

export class MaintainxClient {
  readonly organizationId: string | undefined;
  readonly rest: RestJsonTransport;
  private readonly auth: ApiKeyAuth;
  private organizationInfo: Promise<Organization> | undefined;

  constructor(
    creds: MaintainxCredentials,
    private readonly http: HttpClient,
  ) {
    this.auth = bearerKey(creds.apiKey);
    this.organizationId = creds.organizationId;
    this.rest = new RestJsonTransport({ http, baseUrl: apiBase(creds.instanceUrl), headers: () => this.headers(), classifyStatus: classify });
  }

  private headers(): Record<string, string> {
    return { ...this.auth.headers(), ...(this.organizationId ? { 'x-organization-id': this.organizationId } : {}) };
  }

  async request<T>(call: RestCall): Promise<T> {
    return (await this.rest.request<T>(call)).body;
  }

  /** One page of a list endpoint: `{ <key>: [...], nextCursor }`. */
  async page(path: string, key: string, query: RestCall['query'], cursor: string | undefined, limit: number): Promise<{ records: Record<string, unknown>[]; nextCursor: string | null }> {
    const body = await this.request<Record<string, unknown>>({ method: 'GET', path, query: { ...query, limit, cursor } });
    const records = body[key];
    if (!Array.isArray(records)) throw new SystemFailure('system', { code: 'system_error', message: `MaintainX answered GET ${path} without its "${key}" list.` });
    return { records: records as Record<string, unknown>[], nextCursor: typeof body.nextCursor === 'string' && body.nextCursor !== '' ? body.nextCursor : null };
  }

  /** Every page of a list, the same query (filters) on each page as MaintainX asks. */
  pages(path: string, key: string, query: RestCall['query'], opts: { pageSize: number; resumeAfter?: string }): AsyncGenerator<RawPage> {
    // MaintainX takes at most 200 per page.
    const limit = Math.max(1, Math.min(200, opts.pageSize));
    return cursorPages({ resumeAfter: opts.resumeAfter, fetch: (cursor) => this.page(path, key, query, cursor, limit) });
  }

  /** A single record (`{ <key>: {...} }`), or undefined when MaintainX has none with that id. */
  async one(path: string, key: string, query?: RestCall['query']): Promise<Record<string, unknown> | undefined> {
    try {
      const body = await this.request<Record<string, unknown>>({ method: 'GET', path, query });
      const rec = body[key];
      return rec && typeof rec === 'object' ? (rec as Record<string, unknown>) : undefined;
    } catch (err) {
      if (err instanceof SystemFailure && err.code === 'not_found') return undefined;
      throw err;
    }
  }

  /** The organization the connection works in (its currency applies to every amount). Read once. */
  organization(): Promise<Organization> {
    this.organizationInfo ??= (async () => {
      const { organizations } = await this.request<{ organizations: unknown[] }>({ method: 'GET', path: '/organizations' });
      const orgs = z.array(Organization).parse(organizations);
      const org = this.organizationId ? orgs.find((o) => String(o.id) === this.organizationId) : orgs[0];
      if (!org) {
        throw new SystemFailure('config', { code: 'invalid_credentials', message: `This API key does not reach MaintainX organization ${this.organizationId ?? '(none listed)'}: check the Organization ID.` });
      }
      return org;
    })();
    this.organizationInfo.catch(() => (this.organizationInfo = undefined));
    return this.organizationInfo;
  }

  /** Passthrough: the raw request with the connection's key and organization. */
  raw(req: { method: OutboundRequest['method']; url: string; headers: Record<string, string>; body?: string }): Promise<OutboundResponse> {
    return this.http.send({ method: req.method, url: req.url, headers: { accept: 'application/json', ...req.headers, ...this.headers() }, body: req.body, idempotent: req.method === 'GET' });
  }
}
