/**
 * Outcomes of calls to connected systems over the last hour, per connection, kept in memory (in
 * one-minute buckets, so memory stays flat): the failed share and p95 latency the status page
 * shows, and the incidents it derives — a system failing on several connections at once is
 * systemic; one failing connection is that connection's problem.
 */
import type { CallRecord } from '../kit/http.js';

const BUCKET_MS = 60_000;
const WINDOW_MS = 3_600_000;

interface Bucket {
  start: number;
  calls: number;
  failed: number;
  durations: number[];
}

interface Series {
  system: string;
  buckets: Bucket[];
}

export interface CallSummary {
  calls: number;
  failed: number;
  failedShare: number;
  p95Ms: number | null;
}

export interface Incident {
  kind: 'systemic' | 'connection';
  system: string;
  connectionIds: string[];
  failedShare: number;
  since: string;
}

function p95(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 10) / 10;
}

/** A call counts as failed when the system did not answer, or answered 5xx or 429. */
export function isFailedCall(r: CallRecord): boolean {
  return r.status === null || r.status >= 500 || r.status === 429;
}

export class CallStats {
  private readonly series = new Map<string, Series>();

  constructor(private readonly now: () => number = Date.now) {}

  record(connectionId: string, system: string, r: CallRecord): void {
    let s = this.series.get(connectionId);
    if (!s) {
      s = { system, buckets: [] };
      this.series.set(connectionId, s);
    }
    const start = Math.floor(this.now() / BUCKET_MS) * BUCKET_MS;
    let b = s.buckets.at(-1);
    if (!b || b.start !== start) {
      b = { start, calls: 0, failed: 0, durations: [] };
      s.buckets.push(b);
      const oldest = this.now() - WINDOW_MS;
      while (s.buckets.length && s.buckets[0]!.start + BUCKET_MS <= oldest) s.buckets.shift();
    }
    b.calls += 1;
    if (isFailedCall(r)) b.failed += 1;
    // Enough samples for a p95 per minute without keeping every call of a busy sync.
    if (b.durations.length < 2000) b.durations.push(r.durationMs);
  }

  private summarise(buckets: Bucket[], windowMs: number): CallSummary {
    const from = this.now() - windowMs;
    const live = buckets.filter((b) => b.start + BUCKET_MS > from);
    const calls = live.reduce((n, b) => n + b.calls, 0);
    const failed = live.reduce((n, b) => n + b.failed, 0);
    return { calls, failed, failedShare: calls ? Math.round((failed / calls) * 1000) / 1000 : 0, p95Ms: p95(live.flatMap((b) => b.durations)) };
  }

  byConnection(windowMs = WINDOW_MS): { connectionId: string; system: string; summary: CallSummary }[] {
    return [...this.series.entries()].map(([connectionId, s]) => ({ connectionId, system: s.system, summary: this.summarise(s.buckets, windowMs) }));
  }

  bySystem(windowMs = WINDOW_MS): { system: string; connections: number; summary: CallSummary }[] {
    const systems = new Map<string, Bucket[]>();
    const counts = new Map<string, number>();
    for (const s of this.series.values()) {
      systems.set(s.system, [...(systems.get(s.system) ?? []), ...s.buckets]);
      counts.set(s.system, (counts.get(s.system) ?? 0) + 1);
    }
    return [...systems.entries()].map(([system, buckets]) => ({ system, connections: counts.get(system)!, summary: this.summarise(buckets, windowMs) }));
  }

  /**
   * Connections failing at least half their calls over the last five minutes (and at least 3
   * calls): two or more on one system make a systemic incident; one is that connection's own.
   */
  incidents(extraFailing: { connectionId: string; system: string }[] = [], windowMs = 5 * 60_000): Incident[] {
    const failing = new Map<string, { system: string; share: number }>();
    for (const c of this.byConnection(windowMs)) {
      if (c.summary.calls >= 3 && c.summary.failedShare >= 0.5) failing.set(c.connectionId, { system: c.system, share: c.summary.failedShare });
    }
    for (const c of extraFailing) if (!failing.has(c.connectionId)) failing.set(c.connectionId, { system: c.system, share: 1 });
    const bySystem = new Map<string, { ids: string[]; shares: number[] }>();
    for (const [id, f] of failing) {
      const e = bySystem.get(f.system) ?? { ids: [], shares: [] };
      e.ids.push(id);
      e.shares.push(f.share);
      bySystem.set(f.system, e);
    }
    const since = new Date(this.now() - windowMs).toISOString();
    const out: Incident[] = [];
    for (const [system, e] of bySystem) {
      const share = Math.round((e.shares.reduce((a, b) => a + b, 0) / e.shares.length) * 1000) / 1000;
      if (e.ids.length >= 2) out.push({ kind: 'systemic', system, connectionIds: e.ids.sort(), failedShare: share, since });
      else out.push({ kind: 'connection', system, connectionIds: e.ids, failedShare: share, since });
    }
    return out;
  }
}
