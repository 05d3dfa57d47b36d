/**
 * Where results go: every run to bench/results/runs/<timestamp>.json (not committed), and a full
 * run's benchmarks merged into bench/results/latest.json (committed: the figures the docs show).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_IDS } from './args.js';
import type { RunDocument } from './results.js';

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
 */
export function mergeLatest(previous: RunDocument | undefined, run: RunDocument): RunDocument {
  const byId = new Map((previous?.benchmarks ?? []).map((b) => [b.id, b]));
  for (const b of run.benchmarks) byId.set(b.id, b);
  const order = (id: string) => {
    const i = (BENCHMARK_IDS as readonly string[]).indexOf(id);
    return i === -1 ? BENCHMARK_IDS.length : i;
  };
  return { ...run, benchmarks: [...byId.values()].sort((a, b) => order(a.id) - order(b.id)) };
}

export async function writeLatest(doc: RunDocument, file = LATEST_FILE): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}
