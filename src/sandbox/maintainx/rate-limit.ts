/**
 * MaintainX's rate limit ("Rate Limiting" in its OpenAPI): a cap per user per window (default
 * 100 requests / 60 s), reported on every answer in `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining`
 * and `X-Rate-Limit-Reset` (seconds until the window resets); past the cap every request gets
 * 429 `{"error": "Too many requests. Please retry in N seconds"}` until the window resets.
 */
export interface RateLimitOptions {
  /** Requests per window per API key (MaintainX's default: 100). */
  limit: number;
  /** Window length in ms (MaintainX: 60 s). */
  windowMs: number;
}

export const documentedRateLimit: RateLimitOptions = { limit: 100, windowMs: 60_000 };

interface Window {
  startedAt: number;
  used: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(readonly options: RateLimitOptions) {}

  private window(key: string, now: number): Window {
    let w = this.windows.get(key);
    if (!w || now >= w.startedAt + this.options.windowMs) {
      w = { startedAt: now, used: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  /** Counts a request; answers whether it may pass and the headers to send either way. */
  take(key: string, now = Date.now()): { allowed: boolean; headers: Record<string, string>; resetSeconds: number } {
    const w = this.window(key, now);
    const allowed = w.used < this.options.limit;
    if (allowed) w.used += 1;
    const resetSeconds = Math.max(1, Math.ceil((w.startedAt + this.options.windowMs - now) / 1000));
    return {
      allowed,
      resetSeconds,
      headers: {
        'x-rate-limit-limit': String(this.options.limit),
        'x-rate-limit-remaining': String(Math.max(0, this.options.limit - w.used)),
        'x-rate-limit-reset': String(resetSeconds),
      },
    };
  }

  /** Uses up what is left of the key's current window (another client of the same user did). */
  exhaust(key: string, now = Date.now()): void {
    this.window(key, now).used = this.options.limit;
  }

  /** When the key's current window ends (ms epoch), if it has one. */
  resetsAt(key: string): number | undefined {
    const w = this.windows.get(key);
    return w ? w.startedAt + this.options.windowMs : undefined;
  }
}
