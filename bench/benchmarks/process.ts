/**
 * 6. Process: from spawning `node bin/manifold.js serve` on a fresh data dir (sandbox off, so no
 * simulator starts) to GET /ready answering 200, and the resident memory once idle — beside
 * plain Node starting a bare Fastify server. The fresh data dir makes every start the first:
 * keys generated, migrations applied.
 */
import { fileURLToPath } from 'node:url';
import { STORE_LABEL, measure, type BenchContext } from '../lib/context.js';
import { record } from '../lib/figures.js';
import type { BenchmarkResult } from '../lib/results.js';
import { scratchStore } from '../lib/scratch-store.js';
import { spawnProcess } from '../../test/support/process.js';
import { waitUntilOk } from '../lib/spawn.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BARE = fileURLToPath(new URL('../children/bare-server.mjs', import.meta.url));
const URL_LINE = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/;

interface Start {
  readyMs: number;
  idleRssMB: number;
}

async function startOnce(args: string[], env: NodeJS.ProcessEnv, idleMs: number): Promise<Start> {
  const t0 = performance.now();
  const proc = spawnProcess(process.execPath, args, env, REPO);
  try {
    // Polled every 5 ms: the start time measured includes at most that much of waiting here.
    const [, url] = await proc.waitFor(URL_LINE, 120_000, 5);
    const readyAt = await waitUntilOk(`${url}/ready`);
    await new Promise((r) => setTimeout(r, idleMs));
    const rss = await proc.rssMB();
    if (rss === undefined) throw new Error('no /proc/<pid>/status to read the resident memory from');
    return { readyMs: readyAt - t0, idleRssMB: rss };
  } finally {
    await proc.stop();
  }
}

export function runProcessBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  const idleMs = ctx.opts.quick ? 200 : 3_000;
  return measure(ctx, 'process', '6. Process: start to /ready, idle memory', async (rec) => {
    Object.assign(rec.params, { idleMsBeforeRss: idleMs, command: 'node bin/manifold.js serve', sandbox: 'off' });
    rec.skipped.push(...ctx.storeSkips);
    for (const kind of ctx.stores) {
      const ours: Start[] = [];
      const base: Start[] = [];
      for (let run = 0; run < ctx.opts.runs; run += 1) {
        const store = await scratchStore(kind);
        try {
          const env = { ...process.env, ...store.env, PORT: '0', HOST: '127.0.0.1', MANIFOLD_SANDBOX: 'off', MANIFOLD_LOG_LEVEL: 'warn', MANIFOLD_ADMIN_KEY: '', MANIFOLD_SECRET_KEY: '' };
          base.push(await startOnce([BARE], env, idleMs));
          ours.push(await startOnce(['bin/manifold.js', 'serve'], env, idleMs));
        } finally {
          await store.dispose();
        }
      }
      const label = `${STORE_LABEL[kind]} · fresh data dir`;
      const floorLabel = 'plain node + bare Fastify (no TypeScript loader, no store)';
      const ready = record(rec, {
        id: `process.${kind}.ready`, case: label, metric: 'start to /ready', unit: 'ms',
        samples: ours.map((s) => s.readyMs), floor: { label: floorLabel, samples: base.map((s) => s.readyMs) },
      });
      const rss = record(rec, {
        id: `process.${kind}.idle-rss`, case: label, metric: 'idle RSS', unit: 'MB',
        samples: ours.map((s) => s.idleRssMB), floor: { label: floorLabel, samples: base.map((s) => s.idleRssMB) },
      });
      ctx.log(`  ${label}: ready after ${ready.value.median.toFixed(0)} ms (floor ${ready.floor!.value.median.toFixed(0)}), idle ${rss.value.median.toFixed(0)} MB`);
    }
  });
}
