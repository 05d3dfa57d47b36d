/**
 * What every benchmark gets (options, where profiles go, a progress log) and how its result is
 * put together: machine, load average before and after, timings, figures, skips.
 */
import os from 'node:os';
import type { BenchOptions, StoreKind } from './args.js';
import type { BenchmarkResult, Figure, Machine } from './results.js';

export interface BenchContext {
  opts: BenchOptions;
  /** Set with --profile: where the processes under test write their CPU profiles. */
  profileDir: string | undefined;
  log(message: string): void;
  /** Stores to measure on, with the reason for each one left out. */
  stores: StoreKind[];
  storeSkips: { case: string; reason: string }[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: os.platform(),
    arch: os.arch(),
    totalMemoryMB: Math.round(os.totalmem() / 1_048_576),
  };
}

export const loadavg = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);

export interface Recorder {
  figures: Figure[];
  skipped: { case: string; reason: string }[];
  notes: string[];
  params: Record<string, string | number | boolean>;
}

/** Runs one benchmark body and wraps what it recorded with its context. */
export async function measure(
  ctx: BenchContext,
  id: string,
  title: string,
  body: (rec: Recorder) => Promise<void>,
): Promise<BenchmarkResult> {
  const startedAt = new Date().toISOString();
  const start = loadavg();
  const rec: Recorder = { figures: [], skipped: [], notes: [], params: { runs: ctx.opts.runs } };
  ctx.log(`${title}…`);
  try {
    await body(rec);
  } catch (err) {
    // One broken benchmark must not cost the others' figures: record why and go on.
    rec.skipped.push({ case: 'all remaining cases', reason: `failed: ${err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err)}` });
    ctx.log(`  ${title} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  return {
    id,
    title,
    startedAt,
    finishedAt: new Date().toISOString(),
    quick: ctx.opts.quick,
    machine: machine(),
    loadavg: { start, end: loadavg() },
    params: rec.params,
    figures: rec.figures,
    skipped: rec.skipped,
    notes: rec.notes,
    stores: ctx.opts.stores,
  };
}

export const STORE_LABEL: Record<StoreKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
