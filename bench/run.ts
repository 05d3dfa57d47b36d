/**
 * `npm run bench`: runs the benchmarks (bench/benchmarks/*), prints each figure beside its floor
 * with the machine's core count, Node version and load average, writes the JSON results, and —
 * for a full run — merges them into bench/results/latest.json and regenerates
 * docs/benchmarks.md from it. See `npm run bench -- --help`.
 */
import { mkdir } from 'node:fs/promises';
import { ArgsError, USAGE, parseArgs, type BenchmarkId, type BenchOptions } from './lib/args.js';
import { loadavg, machine, type BenchContext } from './lib/context.js';
import type { BenchmarkResult, RunDocument } from './lib/results.js';
import { postgresMissing } from './lib/scratch-store.js';
import { LATEST_FILE, RESULTS_DIR, mergeLatest, readLatest, writeLatest, writeRun } from './lib/store-results.js';
import { renderBenchmark } from './lib/table.js';
import { writeDocs } from './docs.js';
import { runReadBenchmark } from './benchmarks/read.js';
import { runMappingBenchmark } from './benchmarks/mapping.js';
import { runProcessBenchmark } from './benchmarks/process.js';
import { runFreshBenchmark } from './benchmarks/fresh.js';
import { runSyncBenchmark } from './benchmarks/sync.js';
import { runIncrementalBenchmark } from './benchmarks/incremental.js';

const BENCHMARKS: Record<BenchmarkId, (ctx: BenchContext) => Promise<BenchmarkResult>> = {
  read: runReadBenchmark,
  fresh: runFreshBenchmark,
  sync: runSyncBenchmark,
  incremental: runIncrementalBenchmark,
  mapping: runMappingBenchmark,
  process: runProcessBenchmark,
};

async function main(opts: BenchOptions): Promise<void> {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const m = machine();
  const start = loadavg();
  const log = (message: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  log(`Manifold benchmarks${opts.quick ? ' (--quick: small sizes, short runs)' : ''}: ${m.cpus} cores (${m.cpuModel}), Node ${m.node}, load average ${start.join(' ')}`);

  const storeSkips: BenchContext['storeSkips'] = [];
  let stores = opts.stores;
  if (stores.includes('postgres')) {
    const missing = await postgresMissing();
    if (missing) {
      stores = stores.filter((s) => s !== 'postgres');
      storeSkips.push({ case: 'PostgreSQL', reason: missing });
      log(`PostgreSQL left out: ${missing}`);
    }
  }
  let profileDir: string | undefined;
  if (opts.profile) {
    profileDir = `${RESULTS_DIR}profiles/${startedAt.replace(/[:.]/g, '-')}`;
    await mkdir(profileDir, { recursive: true });
    log(`CPU profiles go to ${profileDir}`);
  }
  const ctx: BenchContext = { opts, profileDir, log, stores, storeSkips };

  const results: BenchmarkResult[] = [];
  const doc = (): RunDocument => ({
    format: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    quick: opts.quick,
    argv: process.argv.slice(2),
    machine: m,
    loadavg: { start, end: loadavg() },
    benchmarks: results,
  });
  let file = '';
  for (const id of opts.only) {
    const result = await BENCHMARKS[id](ctx);
    results.push(result);
    process.stdout.write(`\n${renderBenchmark(result)}\n`);
    // Saved after every benchmark: a long run stopped half way keeps what it measured.
    file = await writeRun(doc());
    if (opts.save) {
      const latest = mergeLatest(await readLatest(), { ...doc(), benchmarks: [result] });
      for (const part of latest.benchmarks.find((b) => b.id === result.id)?.earlier ?? []) {
        log(`  ${result.id}: ${part.stores.join(', ')} figures kept from the run of ${part.startedAt}`);
      }
      await writeLatest(latest);
      await writeDocs(latest);
    }
  }
  log(`results: ${file}`);
  if (opts.save) log(`latest figures: ${LATEST_FILE}; page: docs/benchmarks.md`);
  else if (opts.quick) log('quick figures are not saved as the latest (bench/results/latest.json, docs/benchmarks.md)');
  const missed = results.flatMap((r) => r.figures.filter((f) => f.goal && !f.goal.met).map((f) => `${r.title} — ${f.case}, ${f.metric}: ${f.goal!.verdict}`));
  log(missed.length ? `goals missed:\n  ${missed.join('\n  ')}` : 'every goal measured was met');
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

let opts: BenchOptions;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  if (err instanceof ArgsError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  throw err;
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
await main(opts);
