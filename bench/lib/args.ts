/**
 * `npm run bench -- [options]`: which benchmarks, on which stores, how many runs. Pure (the smoke
 * test checks it); run.ts prints USAGE on --help or a bad option.
 */

export const BENCHMARK_IDS = ['read', 'fresh', 'sync', 'incremental', 'mapping', 'process'] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface BenchOptions {
  quick: boolean;
  only: BenchmarkId[];
  stores: StoreKind[];
  /** Runs per figure; the median and min–max are of these. */
  runs: number;
  /** Runs of the larger full sync (1,000,000 orders take over half an hour a run on 2 cores). */
  largeRuns: number;
  /** Write CPU profiles (node --cpu-prof) of the processes under test to bench/results/profiles/. */
  profile: boolean;
  /** Merge the results into bench/results/latest.json and regenerate docs/benchmarks.md. */
  save: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick               small sizes and short runs (under 2 minutes); never saved as the latest figures
  --only <ids>          comma-separated: ${BENCHMARK_IDS.join(', ')} (default: all)
  --stores <kinds>      comma-separated: ${STORE_KINDS.join(', ')} (default: both)
  --runs <n>            runs per figure, median and min–max of these (default 5; 3 with --quick)
  --large-runs <n>      runs of the larger full sync (default: as --runs; 1 with --quick; 0 skips it)
  --profile             CPU-profile the processes under test (bench/results/profiles/)
  --no-save             do not update bench/results/latest.json and docs/benchmarks.md
  --help                this text

Every run writes bench/results/runs/<timestamp>.json. A full (not --quick) run also merges its
benchmarks into bench/results/latest.json and regenerates docs/benchmarks.md from it. A run on
some stores only keeps the other stores' latest figures of the same benchmarks, saying when
they were measured.`;

export class ArgsError extends Error {}

function list<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] {
  if (value === undefined || value.startsWith('--')) throw new ArgsError(`${flag} needs a value: ${allowed.join(', ')}`);
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (unknown.length || items.length === 0) throw new ArgsError(`${flag}: unknown ${unknown.join(', ') || '(empty)'}; choose from ${allowed.join(', ')}`);
  return [...new Set(items)] as T[];
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { quick: false, only: [...BENCHMARK_IDS], stores: [...STORE_KINDS], runs: 5, largeRuns: 5, profile: false, save: true, help: false };
  let explicitSave = false;
  let explicitRuns = false;
  let explicitLargeRuns = false;
  const count = (raw: string | undefined, flag: string, min = 1) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > 100) throw new ArgsError(`${flag} needs a whole number from ${min} to 100, not ${raw ?? '(nothing)'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--quick': opts.quick = true; break;
      case '--only': opts.only = list(value(), BENCHMARK_IDS, '--only'); break;
      case '--stores': opts.stores = list(value(), STORE_KINDS, '--stores'); break;
      case '--runs': opts.runs = count(value(), '--runs'); explicitRuns = true; break;
      case '--large-runs': opts.largeRuns = count(value(), '--large-runs', 0); explicitLargeRuns = true; break;
      case '--profile': opts.profile = true; break;
      case '--no-save': opts.save = false; explicitSave = true; break;
      case '--help': case '-h': opts.help = true; break;
      default: throw new ArgsError(`unknown option ${arg}`);
    }
  }
  // Quick figures (small sizes, short runs, fewer of them) must never replace the real ones.
  if (opts.quick && !explicitSave) opts.save = false;
  if (opts.quick && !explicitRuns) opts.runs = 3;
  if (!explicitLargeRuns) opts.largeRuns = opts.quick ? 1 : opts.runs;
  return opts;
}
