/**
 * OData V2 over JSON (SAP Gateway services are the example): entities come wrapped in `d`,
 * collections in `d.results` with `__count` (a string) when `$inlinecount=allpages` is asked and
 * `__next` when the server cut the page short (server-side paging). Every read asks for JSON
 * (`$format=json` and Accept: Gateway answers Atom XML otherwise); writes go through a CSRF
 * token when the service protects them. Error bodies are the OData V2 JSON error
 * `{"error":{"code","message":{"lang","value"},"innererror":{…}}}`, classified here once.
 */
import type { HttpClient, OutboundRequest, OutboundResponse } from '../http.js';
import type { RawPage } from '../definition.js';
import { SystemFailure, excerpt } from '../failure.js';
import type { CsrfToken } from '../auth/csrf-token.js';
import { offsetPages } from '../pagination/offset.js';
import { genericStatusFailure } from './json-rpc.js';
import { parseODataError, type ODataError } from './odata-v2-values.js';

export type ODataQuery = Record<string, string | number | undefined>;

export interface ODataV2Options {
  http: HttpClient;
  /** The service root, e.g. https://host/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/ */
  serviceUrl: string;
  /** Query options every call carries (SAP's `sap-client`, say). */
  query?: Record<string, string>;
  /** Authentication headers of every call. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Writes carry a CSRF token (and its cookies) when given. */
  csrf?: CsrfToken;
  /** Classifies a failed answer before the generic rules (vendor codes, messages). */
  classify?: (res: OutboundResponse, error: ODataError | undefined) => SystemFailure | undefined;
}

export interface ODataCollection {
  results: unknown[];
  /** `__count` of `$inlinecount=allpages`, as a number. */
  count?: number;
  /** `__next`: the URL of the rest, when the server paged on its own. */
  next?: string;
}

/** What an OData V2 failure means, when the connector has nothing more specific to say. */
export function odataFailure(res: OutboundResponse, error: ODataError | undefined, csrfRefused = false): SystemFailure {
  const said = error ? `${error.code ? `${error.code}: ` : ''}${error.message}` : excerpt(res.text);
  const field = error?.details.find((d) => d.propertyref)?.propertyref || undefined;
  if (csrfRefused) {
    return new SystemFailure('system', {
      code: 'system_error',
      status: 403,
      message: 'The system refused the CSRF token even right after issuing it; something between Manifold and the system (a proxy) may be dropping its session cookies.',
      systemMessage: said,
    });
  }
  if (res.status === 400) return new SystemFailure('config', { code: 'rejected_by_system', status: 400, message: `The system refused the request: ${error?.message || 'bad request'}`, systemMessage: said, field });
  if (res.status === 401) return new SystemFailure('config', { code: 'invalid_credentials', status: 401, message: 'The system refused the user name or password.', systemMessage: said });
  if (res.status === 403) return new SystemFailure('config', { code: 'rejected_by_system', status: 403, message: `The system refused access: the user lacks an authorization${error?.message ? ` (${error.message})` : ''}.`, systemMessage: said });
  if (res.status === 405) return new SystemFailure('unsupported', { code: 'operation_not_supported', status: 405, message: 'The service does not allow this operation.', systemMessage: said });
  return genericStatusFailure({ ...res, text: said });
}

export class ODataV2Transport {
  private readonly opts: ODataV2Options;
  readonly serviceUrl: string;

  constructor(opts: ODataV2Options) {
    this.opts = opts;
    this.serviceUrl = opts.serviceUrl.endsWith('/') ? opts.serviceUrl : `${opts.serviceUrl}/`;
  }

  /** The URL of a path under the service, with the service's own query options and the given ones. */
  url(path: string, query: ODataQuery = {}, json = true): string {
    const url = new URL(path.replace(/^\//, ''), this.serviceUrl);
    for (const [k, v] of Object.entries({ ...this.opts.query, ...query })) if (v !== undefined) url.searchParams.set(k, String(v));
    if (json && !url.searchParams.has('$format')) url.searchParams.set('$format', 'json');
    // Readable OData URLs: $ , ' unencoded; a space as %20 (URLSearchParams writes "+", which
    // not every server reads as a space; a real "+" is %2B either way).
    const search = url.search.replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%27/g, "'").replace(/\+/g, '%20');
    return `${url.origin}${url.pathname}${search}`;
  }

  private fail(res: OutboundResponse, csrfRefused = false): SystemFailure {
    const error = parseODataError(res.text);
    return this.opts.classify?.(res, error) ?? odataFailure(res, error, csrfRefused);
  }

  private async send(req: OutboundRequest): Promise<OutboundResponse> {
    const auth = await this.opts.headers?.();
    const base = { ...req, headers: { accept: 'application/json', ...auth, ...req.headers } };
    if (req.method === 'GET' || req.method === 'HEAD' || !this.opts.csrf) return this.opts.http.send(base);
    const res = await this.opts.csrf.send((csrf) => this.opts.http.send({ ...base, headers: { ...base.headers, ...csrf } }));
    if (this.opts.csrf.isRefusal(res)) throw this.fail(res, true);
    return res;
  }

  private parse(res: OutboundResponse): unknown {
    try {
      return JSON.parse(res.text);
    } catch {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'The system answered with something that is not OData JSON.', systemMessage: res.text });
    }
  }

  private unwrap(res: OutboundResponse): Record<string, unknown> {
    const body = this.parse(res) as { d?: unknown } | null;
    if (!body || typeof body.d !== 'object' || body.d === null) {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'The system\'s answer has no OData "d" wrapper.', systemMessage: res.text });
    }
    return body.d as Record<string, unknown>;
  }

  /**
   * One entity (`d`), or undefined when the service answers 404 with an OData error (no such
   * key) — unless the connector's classifier says the 404 means more (the service itself is
   * missing), which must never pass for "the record is gone".
   */
  async get(path: string, query?: ODataQuery): Promise<Record<string, unknown> | undefined> {
    const res = await this.send({ method: 'GET', url: this.url(path, query), idempotent: true });
    if (res.status === 404) {
      const error = parseODataError(res.text);
      const classified = error && this.opts.classify?.(res, error);
      if (classified) throw classified;
      if (error) return undefined;
    }
    if (res.status !== 200) throw this.fail(res);
    return this.unwrap(res);
  }

  /** One page of a collection, from a path and query or from a `__next` URL. */
  async collection(pathOrNext: string, query?: ODataQuery): Promise<ODataCollection> {
    const url = /^https?:/.test(pathOrNext) ? this.nextUrl(pathOrNext) : this.url(pathOrNext, query);
    const res = await this.send({ method: 'GET', url, idempotent: true });
    if (res.status !== 200) throw this.fail(res);
    const d = this.unwrap(res);
    const results = Array.isArray(d.results) ? d.results : undefined;
    if (!results) throw new SystemFailure('system', { code: 'system_error', message: 'The system\'s answer has no "results" list.', systemMessage: res.text });
    const count = typeof d.__count === 'string' || typeof d.__count === 'number' ? Number(d.__count) : undefined;
    return { results, ...(count !== undefined && Number.isFinite(count) ? { count } : {}), ...(typeof d.__next === 'string' ? { next: d.__next } : {}) };
  }

  /** A `__next` link must stay on the service's origin; it keeps our JSON format and service options. */
  private nextUrl(next: string): string {
    const url = new URL(next, this.serviceUrl);
    if (url.origin !== new URL(this.serviceUrl).origin) {
      throw new SystemFailure('system', { code: 'system_error', message: 'The system returned a next-page link that leaves the instance; paging stopped.' });
    }
    for (const [k, v] of Object.entries(this.opts.query ?? {})) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
    if (!url.searchParams.has('$format')) url.searchParams.set('$format', 'json');
    return url.toString();
  }

  /**
   * Records `skip` to `skip + top` of a collection: `$skip`/`$top`, following `__next` when the
   * server returns fewer than asked (its own page limit) until the window is full or it ends.
   */
  async window(path: string, query: ODataQuery, skip: number, top: number): Promise<unknown[]> {
    const out: unknown[] = [];
    let page = await this.collection(path, { ...query, $skip: skip, $top: top });
    const seen = new Set<string>();
    for (;;) {
      out.push(...page.results);
      if (!page.next || out.length >= top) return out.slice(0, top);
      if (seen.has(page.next)) throw new SystemFailure('system', { code: 'system_error', message: 'The system returned the same next-page link twice; paging stopped.' });
      seen.add(page.next);
      page = await this.collection(page.next);
    }
  }

  /** Every record of a collection in pages of `pageSize` (`$skip`/`$top`), resumable by offset. */
  pages(path: string, query: ODataQuery, opts: { pageSize: number; resumeAfter?: string }): AsyncGenerator<RawPage> {
    return offsetPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (offset, limit) => this.window(path, query, offset, limit) });
  }

  /** Creates an entity (deep insert when the body carries navigations); answers the created entity (`d`). */
  async create(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await this.send({ method: 'POST', url: this.url(path, {}, false), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), idempotent: false });
    if (res.status !== 201 && res.status !== 200) throw this.fail(res);
    return this.unwrap(res);
  }

  /** Changes the given properties of an entity (PATCH; MERGE for servers older than OData 3 semantics). */
  async update(path: string, body: unknown, method: 'PATCH' | 'MERGE' = 'PATCH'): Promise<void> {
    // MERGE is not an HTTP method undici sends as such everywhere: tunnel it, as V2 allows.
    const tunnel = method === 'MERGE';
    const res = await this.send({
      method: tunnel ? 'POST' : 'PATCH',
      url: this.url(path, {}, false),
      headers: { 'content-type': 'application/json', ...(tunnel ? { 'x-http-method': 'MERGE' } : {}) },
      body: JSON.stringify(body),
      idempotent: false,
    });
    if (res.status !== 204 && res.status !== 200) throw this.fail(res);
  }

  /** Deletes an entity (what that means is the service's business: SAP sets a deletion flag). */
  async remove(path: string): Promise<void> {
    const res = await this.send({ method: 'DELETE', url: this.url(path, {}, false), idempotent: false });
    if (res.status !== 204 && res.status !== 200) throw this.fail(res);
  }
}
