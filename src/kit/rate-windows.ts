/**
 * Quotas over windows (50 calls per minute, 8,000 per day): the moment a call may start so that
 * no window ever holds more calls than the system allows. Sliding windows keep the start times
 * of the last `requests` calls; a calendar window (`resetAt: 'midnight-utc'`) counts per UTC day
 * and waits for the next midnight when the day is full. Starts are handed out in order (a call
 * never starts before one reserved earlier), so a window's check needs only its oldest entries.
 *
 * The system counts calls when they arrive, Manifold when they leave: a sliding window is kept
 * `marginMs` wider than declared so that uneven latency cannot squeeze one call too many into
 * the system's window.
 */
import type { RateWindow } from './definition.js';

const DAY_MS = 86_400_000;

interface Sliding {
  kind: 'sliding';
  window: RateWindow;
  spanMs: number;
  /** Start times of the most recent calls (at most `requests`), oldest first. */
  starts: number[];
}

interface Calendar {
  kind: 'calendar';
  window: RateWindow;
  /** Calls per UTC day (the day's first ms → count), today's and any reserved ahead. */
  perDay: Map<number, number>;
}

type Tracked = Sliding | Calendar;

/** The default safety margin of a sliding window: 1 % of it, at least 250 ms, at most 5 s. */
export function defaultMarginMs(seconds: number): number {
  return Math.min(5000, Math.max(250, seconds * 10));
}

export class RateWindows {
  private readonly tracked: Tracked[];
  private last = -Infinity;

  constructor(windows: readonly RateWindow[], marginMs?: number) {
    this.tracked = windows.map((window): Tracked =>
      window.resetAt === 'midnight-utc'
        ? { kind: 'calendar', window, perDay: new Map() }
        : { kind: 'sliding', window, spanMs: window.seconds * 1000 + (marginMs ?? defaultMarginMs(window.seconds)), starts: [] },
    );
  }

  /** The earliest moment at or after `from` a call may start under every window. */
  earliest(from: number): number {
    let at = Math.max(from, this.last);
    // Each pass can only move `at` later; a window that moves it makes the others look again.
    for (let moved = true; moved; ) {
      moved = false;
      for (const t of this.tracked) {
        const next = t.kind === 'sliding' ? slidingEarliest(t, at) : calendarEarliest(t, at);
        if (next > at) {
          at = next;
          moved = true;
        }
      }
    }
    return at;
  }

  /** Counts a call starting at `at` (from `earliest`) in every window. */
  take(at: number): void {
    this.last = Math.max(this.last, at);
    for (const t of this.tracked) {
      if (t.kind === 'sliding') {
        t.starts.push(at);
        if (t.starts.length > t.window.requests) t.starts.shift();
      } else {
        const day = dayOf(at);
        t.perDay.set(day, (t.perDay.get(day) ?? 0) + 1);
        for (const d of t.perDay.keys()) if (d < dayOf(this.last)) t.perDay.delete(d);
      }
    }
  }
}

function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function slidingEarliest(t: Sliding, at: number): number {
  // Room when fewer than `requests` calls started in the window ending at `at`: the oldest of
  // the last `requests` starts must have left it.
  if (t.starts.length < t.window.requests) return at;
  return Math.max(at, t.starts[0]! + t.spanMs);
}

function calendarEarliest(t: Calendar, at: number): number {
  let day = dayOf(at);
  while ((t.perDay.get(day) ?? 0) >= t.window.requests) day += DAY_MS;
  return Math.max(at, day);
}
