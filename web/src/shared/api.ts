/**
 * Calls to Manifold's API from the pages: same origin only, the key passed in per call (pages
 * keep keys in memory, never in storage or the address), every failure turned into an
 * ApiFailure carrying the error envelope's code, details and request id.
 */
import type { ErrorBody } from './types.js';

/** Codes the pages produce themselves, next to the server's catalogue codes. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: ErrorBody['code'] | ClientErrorCode;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown>;
  /** Seconds, from Retry-After. */
  readonly retryAfter: number | undefined;

  constructor(init: { status: number; code: ApiFailure['code']; message: string; requestId?: string; details?: Record<string, unknown>; retryAfter?: number }) {
    super(init.message);
    this.name = 'ApiFailure';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details ?? {};
    this.retryAfter = init.retryAfter;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The admin key or connect link token, sent as Bearer; none for public routes (GET /v1/status). */
  bearer: string | undefined;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. X-Connection-Id when the admin key reads a connection's data. */
  headers?: Record<string, string>;
}

export async function apiRequest<T>(path: string, opts: RequestOptions): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers: {
        ...(opts.bearer === undefined ? {} : { authorization: `Bearer ${opts.bearer}` }),
        accept: 'application/json',
        ...opts.headers,
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      // Never send or store cookies: the bearer header is the only credential.
      credentials: 'omit',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiFailure({ status: 0, code: 'network_error', message: 'Could not reach Manifold. Check your network connection and try again.' });
  }
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok && body !== undefined) return body as T;
  const error = (body as { error?: ErrorBody } | undefined)?.error;
  if (!error) {
    throw new ApiFailure({ status: res.status, code: 'unexpected_response', message: `Manifold answered unexpectedly (HTTP ${res.status}).`, requestId });
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  throw new ApiFailure({
    status: res.status,
    code: error.code,
    message: error.message,
    requestId: error.requestId ?? requestId,
    details: error.details,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
}
