/**
 * 1. Read path: GET /v1/purchase-orders?limit=100 (orders of five lines, the store pre-filled
 * through its repo) at 1, 16 and 64 connections, paging through the whole store by cursor, beside
 * a bare Fastify route answering the first page's bytes from memory. Both servers run in their
 * own process; runs alternate between them so a noisy neighbour hurts both alike.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORE_LABEL, measure, type BenchContext } from '../lib/context.js';
import { startChild, type Child } from '../lib/child.js';
import { record } from '../lib/figures.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import type { ManifoldInfo } from '../lib/api.js';
import type { BenchmarkResult } from '../lib/results.js';
import { scratchStore } from '../lib/scratch-store.js';

const CONCURRENCY = [1, 16, 64] as const;
const PAGE = 100;
const LINES = 5;

export function runReadBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  const orders = ctx.opts.quick ? 500 : 10_000;
  const seconds = ctx.opts.quick ? 0.2 : 4;
  const perConnection = ctx.opts.quick ? 0.02 : 0.03;
  return measure(ctx, 'read', '1. Read path: GET /v1/purchase-orders?limit=100', async (rec) => {
    Object.assign(rec.params, { orders, linesPerOrder: LINES, pageSize: PAGE, secondsPerRun: `${seconds} (at least ${perConnection * 1000} ms per connection)`, connections: CONCURRENCY.join(', ') });
    rec.skipped.push(...ctx.storeSkips);
    for (const kind of ctx.stores) {
      const store = await scratchStore(kind);
      let manifold: Child<ManifoldInfo> | undefined;
      let floor: Child<{ url: string; bytes: number }> | undefined;
      try {
        manifold = await startChild<ManifoldInfo>('manifold.ts', { env: store.env, profileDir: ctx.profileDir, name: `read-${kind}` });
        ctx.log(`  ${STORE_LABEL[kind]}: filling ${orders.toLocaleString('en-US')} orders`);
        const { token } = await manifold.call<{ token: string }>('fill', orders, LINES);
        const headers = { authorization: `Bearer ${token}` };
        // Every page's path, so the load walks the whole store as a client paging through it would.
        const paths: string[] = [];
        let cursor: string | null = null;
        let firstPage: Buffer | undefined;
        do {
          const path = `/v1/purchase-orders?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const res = await fetch(`${manifold.info.url}${path}`, { headers });
          if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
          const body = Buffer.from(await res.arrayBuffer());
          firstPage ??= body;
          paths.push(path);
          cursor = (JSON.parse(body.toString('utf8')) as { nextCursor: string | null }).nextCursor;
        } while (cursor);
        const bodyFile = join(store.dataDir, 'floor-body.json');
        await writeFile(bodyFile, firstPage!);
        rec.params.pageBytes = firstPage!.length;
        floor = await startChild('floor.ts', { env: { BENCH_FLOOR_BODY_FILE: bodyFile }, profileDir: ctx.profileDir, name: `read-floor-${kind}` });

        // Long enough for every connection to get answers back several times even at ~100 req/s:
        // answers still in flight when a run ends are not counted.
        const load = (target: Child<{ url: string }>, connections: number) =>
          runLoad({ url: target.info.url, connections, durationSeconds: Math.max(seconds, connections * perConnection), headers, paths });
        // Warm-up: JIT, the store's page cache, connection pools.
        await load(manifold, 16);
        await load(floor, 16);

        for (const c of CONCURRENCY) {
          const ours: LoadResult[] = [];
          const base: LoadResult[] = [];
          for (let run = 0; run < ctx.opts.runs; run += 1) {
            // Alternate which goes first, so a slow patch of the machine lands on both.
            if (run % 2 === 0) {
              base.push(await load(floor, c));
              ours.push(await load(manifold, c));
            } else {
              ours.push(await load(manifold, c));
              base.push(await load(floor, c));
            }
          }
          const label = `${STORE_LABEL[kind]} · ${c} connection${c === 1 ? '' : 's'}`;
          const floorLabel = 'bare Fastify route, same bytes from memory';
          const rps = record(rec, {
            id: `read.${kind}.c${c}.rps`, case: label, metric: 'throughput', unit: 'req/s',
            samples: ours.map((r) => r.requestsPerSecond), floor: { label: floorLabel, samples: base.map((r) => r.requestsPerSecond) },
            goal: { of: 'ratio', atLeast: 0.5, text: "≥ 50 % of the floor's" },
          });
          record(rec, {
            id: `read.${kind}.c${c}.p50`, case: label, metric: 'latency p50', unit: 'ms',
            samples: ours.map((r) => r.p50Ms), floor: { label: floorLabel, samples: base.map((r) => r.p50Ms) },
          });
          const p99 = record(rec, {
            id: `read.${kind}.c${c}.p99`, case: label, metric: 'latency p99', unit: 'ms',
            samples: ours.map((r) => r.p99Ms), floor: { label: floorLabel, samples: base.map((r) => r.p99Ms) },
            ...(c === 64 ? { goal: { of: 'value' as const, atMost: 50, text: '< 50 ms' } } : {}),
          });
          ctx.log(`  ${label}: ${Math.round(rps.value.median)} req/s (floor ${Math.round(rps.floor!.value.median)}), p99 ${p99.value.median.toFixed(1)} ms`);
        }
      } finally {
        await floor?.stop();
        await manifold?.stop();
        await store.dispose();
      }
    }
  });
}
