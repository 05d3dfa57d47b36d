/**
 * Idempotency-Key: the first result of a write is kept for 24 hours and replayed for a retry with
 * the same key and body; the same key with another body is 409 idempotency_key_reused; a retry
 * that arrives while the first is still running waits for its result, so two concurrent requests
 * make one record. A failure worth retrying (5xx) frees the key; a definite answer (2xx, 4xx) is
 * kept and replayed — a 202 Accepted too (a create the system queued), so a retry never hands
 * the system a second copy.
 */
import { createHash } from 'node:crypto';
import { ApiError, toEnvelope } from '../../core/errors.js';
import { SystemFailure } from '../../kit/failure.js';
import type { Store } from '../../store/index.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export async function withIdempotency(
  store: Store,
  opts: { connectionId: string; system: string; key: string | undefined; hash: string; waitMs?: number },
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  if (opts.key === undefined) return { ...(await run()), replayed: false };
  if (!KEY.test(opts.key)) throw ApiError.invalid([{ path: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' }]);
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (;;) {
    const now = new Date();
    const begun = await store.idempotency.begin({
      connectionId: opts.connectionId,
      key: opts.key,
      requestHash: opts.hash,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    });
    if (begun.created) break;
    const prior = begun.existing;
    if (prior.requestHash !== opts.hash) {
      throw new ApiError('idempotency_key_reused', { message: 'This Idempotency-Key was already used with a different request; use a new key for a new request.' });
    }
    if (prior.state === 'completed') return { status: prior.responseStatus ?? 200, body: prior.responseBody, replayed: true };
    if (Date.now() > deadline) {
      throw new ApiError('conflict', { message: 'A request with this Idempotency-Key is still running; retry shortly to get its result.', retryAfter: 2 });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const result = await run();
    await store.idempotency.complete(opts.connectionId, opts.key, result.status, result.body);
    return { ...result, replayed: false };
  } catch (err) {
    const api = err instanceof SystemFailure ? err.toApiError({ connectionId: opts.connectionId, system: opts.system }) : err;
    if (api instanceof ApiError && api.status < 500 && api.code !== 'rate_limited') {
      // A definite answer: the same request would get it again, so keep and replay it (the
      // replay carries the retry's own request id).
      await store.idempotency.complete(opts.connectionId, opts.key, api.status, toEnvelope(api, ''));
      throw api;
    } else {
      await store.idempotency.release(opts.connectionId, opts.key);
    }
    throw err;
  }
}
