/**
 * The per-organisation rate limits of the Proactis cloud platform, counted by the simulator
 * itself (docs.proactis.com "Rate limits", protocols-cmms-s2p.md §11.2): production allows 50
 * requests per minute and 8,000 per day, UAT 50 and 4,000; the daily count resets at midnight
 * UTC; over a limit the answer is `429 {"message": "Limit Exceeded"}` with no rate-limit header
 * and no Retry-After, and the request is dropped, not queued.
 *
 * [unverified] The docs do not say whether "per minute" is a calendar minute or a sliding one:
 * the simulator counts a sliding 60 s window, the stricter reading (a client that keeps it also
 * keeps a calendar minute). A dropped request is not counted (the API gateway's way).
 *
 * The counters are for tests: the most requests any 60 s window saw, the count per UTC day, and
 * the 429s answered (by the limits, or injected).
 */
export interface Limits {
  perMinute: number;
  perDay: number;
}

export const productionLimits: Limits = { perMinute: 50, perDay: 8000 };
export const uatLimits: Limits = { perMinute: 50, perDay: 4000 };

export interface LimitCounters {
  /** Requests counted against the organisation's limits. */
  counted: number;
  /** The most counted requests that arrived within any 60 s. */
  maxPerMinute: number;
  /** Counted requests per UTC day (YYYY-MM-DD). */
  perDay: Record<string, number>;
  /** 429s answered: by the limits, and injected by a test. */
  throttled: number;
  injected: number;
}

const MINUTE = 60_000;

export class RateLimiter {
  /** Arrival times of the counted requests of the last minute. */
  private recent: number[] = [];
  readonly counters: LimitCounters = { counted: 0, maxPerMinute: 0, perDay: {}, throttled: 0, injected: 0 };
  private injectNext = 0;
  private injectUntil = 0;

  constructor(
    private readonly limits: Limits | null,
    private readonly now: () => number,
  ) {}

  /** Throttle the next `n` requests (a test injecting bare 429s). */
  throttleNext(n: number): void {
    this.injectNext += n;
  }

  /** Throttle every request for the next `ms`. */
  throttleFor(ms: number): void {
    this.injectUntil = Math.max(this.injectUntil, this.now() + ms);
  }

  /** Counts a request of the organisation, or answers false when it must be dropped with a 429. */
  admit(): boolean {
    const now = this.now();
    if (this.injectNext > 0 || now < this.injectUntil) {
      if (this.injectNext > 0) this.injectNext -= 1;
      this.counters.throttled += 1;
      this.counters.injected += 1;
      return false;
    }
    while (this.recent.length && this.recent[0]! <= now - MINUTE) this.recent.shift();
    const day = new Date(now).toISOString().slice(0, 10);
    const today = this.counters.perDay[day] ?? 0;
    if (this.limits && (this.recent.length >= this.limits.perMinute || today >= this.limits.perDay)) {
      this.counters.throttled += 1;
      return false;
    }
    this.recent.push(now);
    this.counters.counted += 1;
    this.counters.perDay[day] = today + 1;
    this.counters.maxPerMinute = Math.max(this.counters.maxPerMinute, this.recent.length);
    return true;
  }
}
