/**
 * 3. Full sync: a first sync of N purchase orders from the SAP S/4HANA simulator into an empty
 * store, through the API (`POST /v1/connections/{id}/sync?wait=true`) of Manifold in its own
 * process, the simulator in another. Every run starts a fresh Manifold process on a fresh store,
 * so getrusage's maxRSS is that run's peak. Then ten times the data: throughput and peak memory
 * compared with the smaller run. Floor: the connector's own listing of the same orders, alone.
 * The connector's rate budget stays as shipped: it allows more orders per second (calls/s × page
 * size, recorded in the parameters) than a sync reaches, so it is not what limits here.
 */
import { STORE_LABEL, measure, type BenchContext, type Recorder } from '../lib/context.js';
import { ManifoldApi, type ManifoldInfo } from '../lib/api.js';
import { startChild, type Child, type Usage } from '../lib/child.js';
import { record } from '../lib/figures.js';
import type { BenchmarkResult } from '../lib/results.js';
import { SAP, listDirect, sapConnector, startSimulator, type SimInfo } from '../lib/sap.js';
import { scratchStore } from '../lib/scratch-store.js';
import type { StoreKind } from '../lib/args.js';

/** Items per order are uniform in 1…ITEMS in the simulator: 5 on average, as the issue asks. */
export const ITEMS = 9;

interface SyncRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
  idleMaxRssMB: number;
  /** Where the memory was at the sampled peak: V8 heap total and used, external, in MB. */
  peak: Usage['peak'];
  /** The store's size on disk after the sync. */
  storeBytes: number;
}

/** One full sync of the simulator's orders into a fresh store by a fresh Manifold process. */
/** Bench only: `lifted` raises every connector's rate budget out of the way (see children/manifold.ts). */
export type Budget = 'shipped' | 'lifted';

export const budgetEnv = (budget: Budget): Record<string, string> => (budget === 'lifted' ? { BENCH_LIFT_BUDGET: '1' } : {});

export async function syncOnce(ctx: BenchContext, kind: StoreKind, budget: Budget, sim: Child<SimInfo>, name: string): Promise<SyncRun> {
  const store = await scratchStore(kind);
  let manifold: Child<ManifoldInfo> | undefined;
  try {
    manifold = await startChild<ManifoldInfo>('manifold.ts', { env: { ...store.env, ...budgetEnv(budget), BENCH_ALLOWED_ORIGINS: new URL(sim.info.url).host }, profileDir: ctx.profileDir, name });
    const api = new ManifoldApi(manifold.info.url, manifold.info.adminKey);
    const { id } = await api.connect(SAP, sim.info.credentials);
    const before = await manifold.usage();
    const t0 = performance.now();
    const entities = await api.syncAndWait(id, true);
    const seconds = (performance.now() - t0) / 1000;
    const after = await manifold.usage();
    const storeBytes = await store.sizeBytes();
    const created = entities.purchaseOrders?.counts?.created;
    if (created !== sim.info.orders) throw new Error(`the sync created ${created} purchase orders, not ${sim.info.orders}: ${JSON.stringify(entities.purchaseOrders)}`);
    return { seconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds, maxRssMB: after.maxRssMB, idleMaxRssMB: before.maxRssMB, peak: after.peak, storeBytes };
  } finally {
    await manifold?.stop();
    await store.dispose();
  }
}

function recordSize(rec: Recorder, kind: StoreKind, orders: number, ours: SyncRun[], floor: { seconds: number; cpuSeconds: number }[], smaller?: { orders: number; runs: SyncRun[] }) {
  const label = `${STORE_LABEL[kind]} · ${orders.toLocaleString('en-US')} orders`;
  const key = `sync.${kind}.${orders}`;
  const listing = 'connector listing alone (same simulator and HTTP path; no guard, mapping or store)';
  record(rec, {
    id: `${key}.rate`, case: label, metric: 'orders/s end to end', unit: 'orders/s',
    samples: ours.map((r) => orders / r.seconds), floor: { label: listing, samples: floor.map((r) => orders / r.seconds) },
    ...(kind === 'sqlite' ? { goal: { of: 'value' as const, atLeast: 5_000, text: '≥ 5,000 orders/s' } } : {}),
  });
  record(rec, {
    id: `${key}.cpu`, case: label, metric: 'CPU per 1,000 orders', unit: 'CPU s',
    samples: ours.map((r) => (r.cpuSeconds / orders) * 1000), floor: { label: listing, samples: floor.map((r) => (r.cpuSeconds / orders) * 1000) },
  });
  record(rec, {
    id: `${key}.rss`, case: label, metric: 'peak RSS', unit: 'MB',
    samples: ours.map((r) => r.maxRssMB), floor: { label: 'the same Manifold process just before the sync', samples: ours.map((r) => r.idleMaxRssMB) },
    goal: { of: 'value', atMost: 512, text: '≤ 512 MB' },
  });
  if (smaller) {
    const previous = `the ${smaller.orders.toLocaleString('en-US')}-order run`;
    record(rec, {
      id: `${key}.rate-vs-smaller`, case: label, metric: `orders/s vs ${smaller.orders.toLocaleString('en-US')}`, unit: 'orders/s',
      samples: ours.map((r) => orders / r.seconds), floor: { label: previous, samples: smaller.runs.map((r) => smaller.orders / r.seconds) },
      goal: { of: 'ratio', atLeast: 0.8, text: 'within 20 % (≥ 80 %)' },
    });
    record(rec, {
      id: `${key}.rss-vs-smaller`, case: label, metric: `peak RSS vs ${smaller.orders.toLocaleString('en-US')}`, unit: 'MB',
      samples: ours.map((r) => r.maxRssMB), floor: { label: previous, samples: smaller.runs.map((r) => r.maxRssMB) },
      goal: { of: 'ratio', atMost: 1.2, text: 'does not grow (≤ 120 %)' },
    });
  }
}

export function runSyncBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  const sizes = ctx.opts.quick ? [200, 1_000] : [100_000, 1_000_000];
  return measure(ctx, 'sync', '3. Full sync from the SAP S/4HANA simulator', async (rec) => {
    const sap = sapConnector();
    if ('missing' in sap) {
      rec.skipped.push({ case: 'all', reason: sap.missing });
      return;
    }
    const budget = sap.connector.rateBudget;
    const pageSize = sap.orders.pageSize ?? 100;
    Object.assign(rec.params, {
      orders: sizes.join(' then '),
      itemsPerOrder: `1–${ITEMS} (mean ${(ITEMS + 1) / 2})`,
      pageSize,
      rateBudget: `${budget.requestsPerSecond} calls/s (≤ ${(budget.requestsPerSecond * pageSize).toLocaleString('en-US')} orders/s), ${budget.maxConcurrent} in flight`,
      runsLarger: ctx.opts.largeRuns,
    });
    rec.skipped.push(...ctx.storeSkips);
    const done = new Map<StoreKind, { orders: number; runs: SyncRun[] }>();
    for (const [index, orders] of sizes.entries()) {
      const runs = index === 0 ? ctx.opts.runs : ctx.opts.largeRuns;
      if (runs === 0) {
        rec.skipped.push({ case: `${orders.toLocaleString('en-US')} orders`, reason: '--large-runs 0' });
        continue;
      }
      const sim = await startSimulator({ purchaseOrders: orders, itemsPerOrder: ITEMS }, ctx.profileDir);
      try {
        for (const kind of ctx.stores) {
          const ours: SyncRun[] = [];
          const floor: { seconds: number; cpuSeconds: number }[] = [];
          for (let run = 0; run < runs; run += 1) {
            const listed = await listDirect(sim.info.credentials);
            if (listed.records !== orders) throw new Error(`the connector listed ${listed.records} orders, not ${orders}`);
            floor.push(listed);
            const r = await syncOnce(ctx, kind, 'shipped', sim, `sync-${kind}-${orders}`);
            ours.push(r);
            ctx.log(`  ${STORE_LABEL[kind]} ${orders.toLocaleString('en-US')} orders, run ${run + 1}/${runs}: ${Math.round(orders / r.seconds)} orders/s (listing alone ${Math.round(orders / listed.seconds)}), peak ${Math.round(r.maxRssMB)} MB (V8 heap ${Math.round(r.peak.heapTotalMB)} MB)`);
          }
          recordSize(rec, kind, orders, ours, floor, done.get(kind));
          const heaps = ours.map((r) => `${Math.round(r.peak.rssMB)} MB RSS with ${Math.round(r.peak.heapTotalMB)} MB V8 heap (${Math.round(r.peak.heapUsedMB)} used), ${Math.round(r.peak.externalMB)} MB external`);
          rec.notes.push(`${STORE_LABEL[kind]} · ${orders.toLocaleString('en-US')} orders, memory at the highest sampled RSS of each run: ${heaps.join('; ')}.`);
          const bytes = ours.at(-1)!.storeBytes;
          rec.notes.push(`${STORE_LABEL[kind]} · ${orders.toLocaleString('en-US')} orders: the store takes ${(bytes / 1e9).toFixed(2)} GB on disk after the sync (${(bytes / orders / 1024).toFixed(1)} KiB per order: the unified record, the native record as remoteData, indexes).`);
          done.set(kind, { orders, runs: ours });
        }
      } finally {
        await sim.stop();
      }
    }
  });
}
