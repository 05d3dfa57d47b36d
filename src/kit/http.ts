/**
 * The one outbound HTTP path: every call any connector makes to a system goes through here
 * (undici), so timeouts, retries with backoff and jitter, Retry-After and the call log are written
 * once. A response of any HTTP status is returned, not thrown: what a status means is the
 * transport's and the connector's business. Network failures and timeouts are thrown as
 * classified SystemFailures.
 */
import { getGlobalDispatcher, interceptors, request, type Dispatcher } from 'undici';
import { SystemFailure } from './failure.js';
import { recordCall } from '../core/call-context.js';
import { AddressRefused } from './guarded-agent.js';
import type { ConnectionGuard } from './connection-guard.js';

/** undici wraps connect errors; the refusal may sit in a cause chain. */
function findRefusal(err: unknown): AddressRefused | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof AddressRefused) return e;
  }
  return undefined;
}

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Safe to send twice (reads, and writes the system de-duplicates). Only these are retried. */
  idempotent: boolean;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
  /** Follow up to 5 redirects; each hop goes through the same address checks. */
  followRedirects?: boolean;
  /** Total time for every attempt and wait of this call (overrides the policy's). */
  deadlineMs?: number;
  /** A 5xx that is the system's answer, not its failure (SOAP faults come as HTTP 500): not counted by the circuit breaker. */
  isAnswer?(res: OutboundResponse): boolean;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface CallRecord {
  method: string;
  /** The URL without query string values (they can carry keys). */
  url: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  outcome: 'ok' | 'http_error' | 'network_error' | 'timeout';
  /** Why this attempt is followed by another, if it is. */
  retryReason?: string;
}

export interface HttpPolicy {
  timeoutMs: number;
  /** Attempts per idempotent call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Statuses worth retrying an idempotent call on. */
  retryStatuses: readonly number[];
  /** Total time a call may take, every attempt and wait included. */
  deadlineMs: number;
  /** First pause after a 429 that says nothing of how long to wait; doubled for each one in a row. */
  throttleBaseMs: number;
  /** Longest such pause. */
  throttleMaxMs: number;
}

export const defaultPolicy: HttpPolicy = {
  timeoutMs: 30_000,
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  retryStatuses: [429, 502, 503, 504],
  deadlineMs: 60_000,
  throttleBaseMs: 1_000,
  throttleMaxMs: 60_000,
};

export interface HttpClientOptions {
  policy?: Partial<HttpPolicy>;
  /** Called for every attempt (the request log, metrics). */
  onCall?: (record: CallRecord) => void;
  dispatcher?: Dispatcher;
  /** The connection's rate budget, concurrency cap and circuit breaker. */
  guard?: ConnectionGuard;
  /** For tests: a deterministic sleep and random. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, '…');
    u.username = '';
    u.password = '';
    return u.toString().replace(/%E2%80%A6/g, '…');
  } catch {
    return '[invalid url]';
  }
}

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class HttpClient {
  readonly policy: HttpPolicy;
  private readonly opts: HttpClientOptions;
  private readonly dispatcher: Dispatcher;
  private redirecting: Dispatcher | undefined;

  constructor(opts: HttpClientOptions = {}) {
    this.policy = { ...defaultPolicy, ...opts.policy };
    this.opts = opts;
    this.dispatcher = opts.dispatcher ?? getGlobalDispatcher();
  }

  private record(call: CallRecord): void {
    recordCall(call);
    this.opts.onCall?.(call);
  }

  private sleep(ms: number): Promise<void> {
    return this.opts.sleep ? this.opts.sleep(ms) : new Promise((r) => setTimeout(r, ms));
  }

  /** Exponential backoff with full jitter: a random delay up to base·2^(attempt-1), capped. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round((this.opts.random ?? Math.random)() * ceiling);
  }

  /**
   * A pause after the n-th bare 429 in a row: exponential (base·2^(n-1), capped) with "equal
   * jitter" — at least half of it, so a throttled connection never comes straight back.
   */
  throttleBackoff(inARow: number): number {
    const ceiling = Math.min(this.policy.throttleMaxMs, this.policy.throttleBaseMs * 2 ** (inARow - 1));
    return Math.round(ceiling / 2 + (this.opts.random ?? Math.random)() * (ceiling / 2));
  }

  /** How long the system asked Manifold to hold off (a bare 429: one second, when nothing better is known). */
  static holdOffMs(res: OutboundResponse): number | undefined {
    return HttpClient.saidHoldOffMs(res) ?? (res.status === 429 ? 1000 : undefined);
  }

  /** How long the system said to hold off, from Retry-After or an exhausted rate-limit header; undefined when it did not say. */
  static saidHoldOffMs(res: OutboundResponse): number | undefined {
    const retryAfter = parseRetryAfter(res.headers['retry-after']);
    if (retryAfter !== undefined && (res.status === 429 || res.status === 503)) return retryAfter;
    // Vendors' X-RateLimit-Remaining / X-RateLimit-Reset (seconds from now, or an epoch in seconds),
    // also spelled X-Rate-Limit-Remaining / X-Rate-Limit-Reset (MaintainX).
    const remaining = res.headers['x-ratelimit-remaining'] ?? res.headers['x-rate-limit-remaining'];
    if (remaining === '0') {
      const reset = Number(res.headers['x-ratelimit-reset'] ?? res.headers['x-rate-limit-reset']);
      if (Number.isFinite(reset) && reset > 0) return reset > 1e9 ? Math.max(0, reset * 1000 - Date.now()) : reset * 1000;
    }
    return undefined;
  }

  async send(req: OutboundRequest): Promise<OutboundResponse> {
    const attempts = req.idempotent ? this.policy.maxAttempts : 1;
    const deadline = Date.now() + (req.deadlineMs ?? this.policy.deadlineMs);
    const guard = this.opts.guard;
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      const base = { method: req.method, url: redactUrl(req.url), attempt };
      let res: OutboundResponse;
      try {
        res = guard
          ? await guard.run(() => this.once(req), { deadline, failed: (r) => r.status >= 500 && !req.isAnswer?.(r), sleep: (ms) => this.sleep(ms) })
          : await this.once(req);
      } catch (err) {
        // The guard's own refusals (budget, open circuit) are final for this call.
        if (err instanceof SystemFailure) throw err;
        const failure = toNetworkFailure(err, req);
        const wait = this.backoff(attempt);
        const retryable = attempt < attempts && failure.failureClass === 'transient' && Date.now() + wait < deadline;
        this.record({
          ...base,
          status: null,
          durationMs: performance.now() - started,
          outcome: failure.code === 'system_timeout' ? 'timeout' : 'network_error',
          ...(retryable ? { retryReason: `${failure.message}; waiting ${wait} ms` } : {}),
        });
        if (!retryable) throw failure;
        await this.sleep(wait);
        continue;
      }
      // A 429 that does not say how long (Proactis answers a bare {"message":"Limit Exceeded"})
      // backs off exponentially, connection-wide with a guard, longer for each one in a row.
      const said = HttpClient.saidHoldOffMs(res);
      const throttled = res.status === 429 && said === undefined;
      const holdOff = throttled ? (guard ? guard.throttled((n) => this.throttleBackoff(n)) : this.throttleBackoff(attempt)) : said;
      if (res.status !== 429) guard?.answered();
      if (holdOff !== undefined) guard?.pause(holdOff);
      const wait = holdOff ?? this.backoff(attempt);
      const retryable = this.policy.retryStatuses.includes(res.status) && attempt < attempts && Date.now() + wait < deadline;
      this.record({
        ...base,
        status: res.status,
        durationMs: performance.now() - started,
        outcome: res.status >= 400 ? 'http_error' : 'ok',
        ...(retryable ? { retryReason: `HTTP ${res.status}; waiting ${wait} ms` } : {}),
      });
      if (!retryable) return res;
      // With a guard, a hold-off is a pause shared by every call, waited for inside guard.run.
      if (!guard || holdOff === undefined) await this.sleep(wait);
    }
  }

  private async once(req: OutboundRequest): Promise<OutboundResponse> {
    const timeout = req.timeoutMs ?? this.policy.timeoutMs;
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
      dispatcher: req.followRedirects ? (this.redirecting ??= this.dispatcher.compose(interceptors.redirect({ maxRedirections: 5 }))) : this.dispatcher,
    });
    const text = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers, text };
  }
}

function toNetworkFailure(err: unknown, req: OutboundRequest): SystemFailure {
  if (err instanceof SystemFailure) return err;
  const refused = findRefusal(err);
  if (refused) {
    return new SystemFailure('config', {
      code: 'instance_url_not_allowed',
      source: 'manifold',
      message: `Manifold may not call ${refused.host}: ${refused.reason}. An on-premises install can allow private networks with MANIFOLD_ALLOW_PRIVATE_NETWORKS=1.`,
      cause: err,
    });
  }
  const e = err as { code?: string; name?: string; message?: string };
  const code = e.code ?? e.name ?? 'ERROR';
  const host = (() => {
    try {
      return new URL(req.url).host;
    } catch {
      return 'the system';
    }
  })();
  const timeouts = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'TimeoutError', 'AbortError'];
  if (timeouts.includes(String(code)) || timeouts.includes(String(e.name))) {
    return new SystemFailure('transient', { code: 'system_timeout', message: `${host} did not answer in time.`, cause: err });
  }
  return new SystemFailure('transient', {
    code: 'system_unreachable',
    message: `Could not reach ${host} (${code}); check the instance URL and that the system is online.`,
    cause: err,
  });
}
