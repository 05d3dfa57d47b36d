/**
 * The statistics every figure is reported with: the median of the runs and their min–max, and
 * percentiles of latency samples. Pure, so the smoke test can check them.
 */

export interface Stat {
  median: number;
  min: number;
  max: number;
  /** How many runs the median is of. */
  n: number;
  /** Each run's value, in run order (kept in the JSON so a reader can judge the spread). */
  samples: number[];
}

export function summarize(samples: readonly number[]): Stat {
  if (samples.length === 0) throw new Error('no samples to summarize');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`not a finite sample in ${samples.join(', ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length, samples: [...samples] };
}

/**
 * The p-th percentile (0–100) by nearest rank: the smallest sample with at least p % of the
 * samples at or below it — always a value that was observed, as autocannon's are.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples for a percentile');
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is outside 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Applies f to every value of a Stat (e.g. bytes → MB), keeping the run order. */
export function scaleStat(stat: Stat, f: (v: number) => number): Stat {
  return summarize(stat.samples.map(f));
}
