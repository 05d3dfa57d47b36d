/**
 * JSON over HTTP (REST): base URL + path + query, JSON bodies, JSON answers. Statuses other than
 * 2xx become classified failures (the connector may classify first, for vendor error bodies).
 */
import type { HttpClient, OutboundRequest, OutboundResponse } from '../http.js';
import { SystemFailure } from '../failure.js';
import { genericStatusFailure } from './json-rpc.js';

export interface RestJsonOptions {
  http: HttpClient;
  baseUrl: string;
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
  classifyStatus?: (res: OutboundResponse) => SystemFailure | undefined;
}

export interface RestCall {
  method: OutboundRequest['method'];
  path: string;
  /** An array value repeats the key (`expand=a&expand=b`), as many REST APIs take lists. */
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to true for GET/HEAD/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean;
}

export class RestJsonTransport {
  private readonly opts: RestJsonOptions;

  constructor(opts: RestJsonOptions) {
    this.opts = opts;
  }

  url(path: string, query?: RestCall['query']): string {
    const base = this.opts.baseUrl.endsWith('/') ? this.opts.baseUrl : `${this.opts.baseUrl}/`;
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
      else if (v !== undefined) url.searchParams.set(k, String(v));
    }
    return url.toString();
  }

  async request<T = unknown>(call: RestCall): Promise<{ status: number; headers: Record<string, string>; body: T }> {
    const extra = await this.opts.headers?.();
    const res = await this.opts.http.send({
      method: call.method,
      url: this.url(call.path, call.query),
      headers: {
        accept: 'application/json',
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra,
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      idempotent: call.idempotent ?? !['POST', 'PATCH'].includes(call.method),
    });
    if (res.status < 200 || res.status >= 300) throw this.opts.classifyStatus?.(res) ?? genericStatusFailure(res);
    if (res.status === 204 || res.text === '') return { status: res.status, headers: res.headers, body: undefined as T };
    try {
      return { status: res.status, headers: res.headers, body: JSON.parse(res.text) as T };
    } catch {
      throw new SystemFailure('system', { code: 'system_error', status: res.status, message: 'The system answered with something that is not JSON.', systemMessage: res.text });
    }
  }
}
