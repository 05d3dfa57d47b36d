/**
 * Where results go: every run to bench/results/runs/<timestamp>.json (not committed), and a full
 * run's benchmarks merged into bench/results/latest.json (committed: the figures the docs show).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_IDS, STORE_KINDS, type StoreKind } from './args.js';
import { STORE_LABEL } from './context.js';
import type { BenchmarkResult, EarlierPart, RunDocument } from './results.js';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
export const LATEST_FILE = `${RESULTS_DIR}latest.json`;

export async function writeRun(doc: RunDocument): Promise<string> {
  const dir = `${RESULTS_DIR}runs/`;
  await mkdir(dir, { recursive: true });
  const file = `${dir}${doc.startedAt.replace(/[:.]/g, '-')}${doc.quick ? '-quick' : ''}.json`;
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

export async function readLatest(file = LATEST_FILE): Promise<RunDocument | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunDocument;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The latest figures: this run's benchmarks replace the same benchmarks of the previous latest;
 * the others stay as they were (each benchmark keeps its own machine, time and load average).
 * A run limited to some stores (`--stores sqlite`) keeps the other stores' figures of the same
 * benchmark, with when they were measured: the 1,000,000-order syncs of both stores take longer
 * than one sitting, so each store's runs can be taken on its own.
 */
export function mergeLatest(previous: RunDocument | undefined, run: RunDocument): RunDocument {
  const byId = new Map((previous?.benchmarks ?? []).map((b) => [b.id, b]));
  for (const b of run.benchmarks) {
    const before = byId.get(b.id);
    byId.set(b.id, before ? keepOtherStores(before, b) : b);
  }
  const order = (id: string) => {
    const i = (BENCHMARK_IDS as readonly string[]).indexOf(id);
    return i === -1 ? BENCHMARK_IDS.length : i;
  };
  return { ...run, benchmarks: [...byId.values()].sort((a, b) => order(a.id) - order(b.id)) };
}

/** The store a figure is of, from its id ("sync.postgres.100000.rate"); none for store-free ones. */
export function storeOfFigure(id: string): StoreKind | undefined {
  const part = id.split('.')[1];
  return (STORE_KINDS as readonly string[]).includes(part ?? '') ? (part as StoreKind) : undefined;
}

/** Notes about one store start with its label: "PostgreSQL · 100,000 orders: …". */
const noteIsOf = (note: string, kind: StoreKind) => note.startsWith(`${STORE_LABEL[kind]} · `);

function keepOtherStores(before: BenchmarkResult, now: BenchmarkResult): BenchmarkResult {
  // Quick figures are never mixed with full ones, either way.
  if (!now.stores || now.quick || before.quick) return now;
  const left = STORE_KINDS.filter((k) => !now.stores!.includes(k));
  const figures = before.figures.filter((f) => left.includes(storeOfFigure(f.id)!));
  const kept = STORE_KINDS.filter((k) => figures.some((f) => storeOfFigure(f.id) === k));
  if (kept.length === 0) return now;
  const parts: EarlierPart[] = [];
  for (const part of before.earlier ?? []) {
    const stores = part.stores.filter((k) => kept.includes(k));
    if (stores.length) parts.push({ ...part, stores });
  }
  const own = (before.stores ?? [...STORE_KINDS]).filter((k) => kept.includes(k) && !parts.some((p) => p.stores.includes(k)));
  if (own.length) parts.push({ stores: own, startedAt: before.startedAt, finishedAt: before.finishedAt, machine: before.machine, loadavg: before.loadavg, params: before.params });
  return {
    ...now,
    figures: [...now.figures, ...figures],
    notes: [...now.notes, ...before.notes.filter((n) => kept.some((k) => noteIsOf(n, k)))],
    skipped: [...now.skipped, ...before.skipped.filter((s) => kept.some((k) => s.case.startsWith(STORE_LABEL[k])))],
    earlier: parts.sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
  };
}

export async function writeLatest(doc: RunDocument, file = LATEST_FILE): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}
