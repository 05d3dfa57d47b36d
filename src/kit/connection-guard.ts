/**
 * What stands between Manifold and one connection's system, shared by sync and live calls:
 * - a rate budget (token bucket from the connector's declared limits, plus quotas over windows
 *   such as 50 per minute and 8,000 per day, see rate-windows.ts), paused as a whole when the
 *   system says so (Retry-After, X-RateLimit-Remaining: 0) or throttles without saying for how
 *   long (a bare 429: paused longer each time in a row), so Manifold never pushes a system past
 *   its documented rate;
 * - a cap on calls in flight (cockatiel bulkhead);
 * - a circuit breaker (cockatiel): a run of failures opens it, calls then fail at once with
 *   503 system_unavailable and Retry-After; after a pause one probe call half-opens it, and a
 *   success closes it again — the connection recovers by itself.
 */
import { BrokenCircuitError, BulkheadRejectedError, CircuitState, bulkhead, circuitBreaker, handleWhen, type BulkheadPolicy, type CircuitBreakerPolicy, type IBreaker } from 'cockatiel';
import { AddressRefused } from './guarded-agent.js';
import type { RateBudget } from './definition.js';
import { SystemFailure } from './failure.js';
import { RateWindows } from './rate-windows.js';

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failures: number;
  /** How long the circuit stays open before one probe call is let through. */
  halfOpenAfterMs: number;
  /** Also open when at least this share of calls failed over `windowMs` (with at least `minCalls`). */
  failureRate?: number;
  windowMs?: number;
  minCalls?: number;
}

export const defaultBreaker: BreakerOptions = { failures: 10, halfOpenAfterMs: 10_000, failureRate: 0.7, windowMs: 10_000, minCalls: 20 };

/**
 * Opens on a run of consecutive failures (a system that is down: every call fails at once) or on
 * a high failure share over a short window (a system failing most calls). A system failing now
 * and then — which retries absorb — never opens it.
 */
export class RunOrRateBreaker implements IBreaker {
  state: unknown = null;
  private run = 0;
  private samples: { at: number; failed: boolean }[] = [];

  constructor(private readonly opts: BreakerOptions, private readonly now: () => number) {}

  private sample(failed: boolean): void {
    const at = this.now();
    this.samples.push({ at, failed });
    const from = at - (this.opts.windowMs ?? 10_000);
    while (this.samples.length && this.samples[0]!.at < from) this.samples.shift();
  }

  success(): void {
    this.run = 0;
    this.sample(false);
  }

  failure(state: CircuitState): boolean {
    this.run += 1;
    this.sample(true);
    // A failed probe while half-open opens the circuit again at once.
    if (state === CircuitState.HalfOpen) return true;
    if (this.run >= this.opts.failures) return this.reset();
    const rate = this.opts.failureRate;
    if (rate !== undefined && this.samples.length >= (this.opts.minCalls ?? 20)) {
      const failed = this.samples.filter((s) => s.failed).length;
      if (failed / this.samples.length >= rate) return this.reset();
    }
    return false;
  }

  private reset(): true {
    this.run = 0;
    this.samples = [];
    return true;
  }
}

/** Thrown inside the breaker for an answer that counts as a failure (5xx), then unwrapped. */
class FailedAnswer<T> extends Error {
  constructor(readonly answer: T) {
    super('failed answer');
  }
}

export type CircuitStatus = 'closed' | 'open' | 'half_open';

export class ConnectionGuard {
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private openedAt = 0;
  /** Throttled answers in a row without a said wait (bare 429s); 0 once a call gets through. */
  private throttles = 0;
  private readonly windows: RateWindows | undefined;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;

  constructor(
    private readonly budget: RateBudget,
    private readonly breakerOptions: BreakerOptions = defaultBreaker,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = budget.burst;
    this.refilledAt = now();
    this.windows = budget.windows?.length ? new RateWindows(budget.windows) : undefined;
    // Failures: answers the caller marks failed (5xx), and anything thrown on the way — a reset,
    // a refused connection, a timeout — except an address the policy refused (a config problem).
    this.breaker = circuitBreaker(handleWhen((err) => !(err instanceof AddressRefused) && !(err instanceof SystemFailure && err.failureClass === 'config')), {
      halfOpenAfter: breakerOptions.halfOpenAfterMs,
      breaker: new RunOrRateBreaker(breakerOptions, now),
    });
    this.breaker.onBreak(() => (this.openedAt = this.now()));
    this.bulkhead = bulkhead(budget.maxConcurrent, Number.MAX_SAFE_INTEGER);
  }

  get circuit(): CircuitStatus {
    const s = this.breaker.state;
    return s === CircuitState.Open || s === CircuitState.Isolated ? 'open' : s === CircuitState.HalfOpen ? 'half_open' : 'closed';
  }

  /** Ms until the open circuit lets a probe through (0 when not open). */
  get reopensInMs(): number {
    return this.circuit === 'open' ? Math.max(0, this.openedAt + this.breakerOptions.halfOpenAfterMs - this.now()) : 0;
  }

  /** Stop every call to this connection until then (the system asked for it). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  get pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /**
   * The system throttled a call without saying for how long (a bare 429): every call to it
   * pauses, for `backoff(n)` ms where n counts such answers in a row — so a run of 429s backs
   * off exponentially instead of hammering. Answers the pause.
   */
  throttled(backoff: (inARow: number) => number): number {
    this.throttles += 1;
    const ms = backoff(this.throttles);
    this.pause(ms);
    return ms;
  }

  /** A call got an answer other than a throttle: the next bare 429 starts the backoff again. */
  answered(): void {
    this.throttles = 0;
  }

  /** Ms to wait for a call's turn under the budget and every window, taking the token now. */
  private reserve(): number {
    const now = this.now();
    const rate = this.budget.requestsPerSecond / 1000;
    this.tokens = Math.min(this.budget.burst, this.tokens + (now - this.refilledAt) * rate);
    this.refilledAt = now;
    this.tokens -= 1;
    const budgetWait = this.tokens >= 0 ? 0 : -this.tokens / rate;
    const from = now + Math.max(budgetWait, this.pausedUntil - now);
    return (this.windows ? this.windows.earliest(from) : from) - now;
  }

  /**
   * Runs one call under the budget, the concurrency cap and the breaker. A call that could not
   * start before `deadline` fails at once as rate_limited with the time to wait, instead of
   * queueing past what its caller can wait. `failed` says whether an answer counts as a failure.
   */
  async run<T>(call: () => Promise<T>, opts: { deadline: number; failed: (answer: T) => boolean; sleep: (ms: number) => Promise<void> }): Promise<T> {
    // Fail fast while open; once the pause is over, the breaker lets one probe through itself.
    if (this.circuit === 'open' && this.reopensInMs > 0) throw this.openFailure();
    const wait = this.reserve();
    if (wait > 0 && this.now() + wait > opts.deadline) {
      this.tokens += 1; // not taken after all
      throw new SystemFailure('transient', {
        code: 'rate_limited',
        source: 'manifold',
        message: 'Calls to this system are paused or over its rate budget for longer than this request can wait.',
        retryAfterMs: wait,
      });
    }
    // Counted in the windows now, before any await, so concurrent callers see it.
    this.windows?.take(this.now() + wait);
    if (wait > 0) await opts.sleep(wait);
    try {
      return await this.bulkhead.execute(() =>
        this.breaker.execute(async () => {
          const answer = await call();
          if (opts.failed(answer)) throw new FailedAnswer(answer);
          return answer;
        }),
      );
    } catch (err) {
      if (err instanceof FailedAnswer) return err.answer as T;
      if (err instanceof BrokenCircuitError) throw this.openFailure();
      if (err instanceof BulkheadRejectedError) throw new SystemFailure('transient', { code: 'rate_limited', source: 'manifold', message: 'Too many calls to this system are waiting.', retryAfterMs: 1000 });
      throw err;
    }
  }

  private openFailure(): SystemFailure {
    return new SystemFailure('transient', {
      code: 'system_unavailable',
      message: 'The system failed repeatedly; Manifold paused calls to it and will try again shortly.',
      retryAfterMs: Math.max(1000, this.reopensInMs),
    });
  }
}
