/**
 * 4. Incremental sync: after a full sync of N orders, 100 orders are changed in the SAP S/4HANA
 * simulator (through its handle, as a user in ME22N would: LastChangeDateTime moves to now);
 * then an incremental sync is started through the API and the changed orders are polled through
 * the API until all 100 show the change. The figure: from the start of the sync to the last
 * change visible. Floor: the connector's incremental listing of the same changes alone.
 */
import { STORE_LABEL, measure, type BenchContext } from '../lib/context.js';
import { ManifoldApi, type ManifoldInfo } from '../lib/api.js';
import { startChild, type Child } from '../lib/child.js';
import { record } from '../lib/figures.js';
import type { BenchmarkResult } from '../lib/results.js';
import { SAP, listDirect, sapConnector, startSimulator, type SimInfo } from '../lib/sap.js';
import { scratchStore } from '../lib/scratch-store.js';
import { ITEMS } from './sync.js';

const CHANGED = 100;
/** The simulator numbers order i as 4500000001 + i (its internal number range). */
const orderNumber = (i: number) => String(4_500_000_001 + i);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Polls the API until every changed order was stored again: listed with modifiedAfter just
 * before the change (their updatedAt is the simulator's new LastChangeDateTime; every other
 * order's is years older). Answers when (performance.now()).
 */
async function lastChangeVisible(api: ManifoldApi, token: string, since: string, numbers: Set<string>): Promise<number> {
  for (;;) {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const path: string = `/v1/purchase-orders?limit=200&modifiedAfter=${encodeURIComponent(since)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { json } = await api.call('GET', path, { token });
      for (const o of json.data as Json[]) if (numbers.has(o.remoteId)) seen.add(o.remoteId);
      cursor = json.nextCursor;
    } while (cursor);
    if (seen.size === numbers.size) return performance.now();
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function runIncrementalBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  const orders = ctx.opts.quick ? 1_000 : 100_000;
  return measure(ctx, 'incremental', '4. Incremental sync: 100 changed orders', async (rec) => {
    const sap = sapConnector();
    if ('missing' in sap) {
      rec.skipped.push({ case: 'all', reason: sap.missing });
      return;
    }
    Object.assign(rec.params, { orders, changed: CHANGED, itemsPerOrder: `1–${ITEMS}`, pollEveryMs: 10 });
    rec.skipped.push(...ctx.storeSkips);
    const sim: Child<SimInfo> = await startSimulator({ purchaseOrders: orders, itemsPerOrder: ITEMS }, ctx.profileDir);
    try {
      for (const kind of ctx.stores) {
        const store = await scratchStore(kind);
        let manifold: Child<ManifoldInfo> | undefined;
        try {
          manifold = await startChild<ManifoldInfo>('manifold.ts', { env: { ...store.env, BENCH_ALLOWED_ORIGINS: new URL(sim.info.url).host }, profileDir: ctx.profileDir, name: `incremental-${kind}` });
          const api = new ManifoldApi(manifold.info.url, manifold.info.adminKey);
          const { id, token } = await api.connect(SAP, sim.info.credentials);
          ctx.log(`  ${STORE_LABEL[kind]}: full sync of ${orders.toLocaleString('en-US')} orders first`);
          await api.syncAndWait(id, true);
          const ours: number[] = [];
          const floor: number[] = [];
          for (let run = 0; run < ctx.opts.runs; run += 1) {
            // Different orders each run, spread over the whole range.
            const numbers = Array.from({ length: CHANGED }, (_, k) => orderNumber((k * Math.floor(orders / CHANGED) + run * 7 + 3) % orders));
            const value = `bench-${kind}-${run}`;
            const changedAt = new Date(Date.now() - 1_000).toISOString();
            await sim.call('change', numbers, value);
            const t0 = performance.now();
            await api.startSync(id, false);
            const visible = await lastChangeVisible(api, token, changedAt, new Set(numbers));
            ours.push((visible - t0) / 1000);
            const state = await api.waitForSyncEnd(id);
            if (state.purchaseOrders?.status !== 'succeeded') throw new Error(`incremental sync: ${JSON.stringify(state.purchaseOrders)}`);
            // The connector's own incremental listing of the same changes (the sync looks back 2 minutes too).
            const listed = await listDirect(sim.info.credentials, { since: new Date(Date.parse(changedAt) - 120_000).toISOString() });
            if (listed.records < CHANGED) throw new Error(`the incremental listing found ${listed.records} orders, not at least ${CHANGED}`);
            floor.push(listed.seconds);
            ctx.log(`  ${STORE_LABEL[kind]} run ${run + 1}: last change visible after ${ours.at(-1)!.toFixed(2)} s (listing alone ${listed.seconds.toFixed(2)} s)`);
          }
          record(rec, {
            id: `incremental.${kind}.visible`, case: `${STORE_LABEL[kind]} · ${CHANGED} of ${orders.toLocaleString('en-US')} orders changed`,
            metric: 'sync start → last change visible', unit: 's',
            samples: ours, floor: { label: "the connector's incremental listing alone", samples: floor },
            goal: { of: 'value', atMost: 2, text: '≤ 2 s' },
          });
        } finally {
          await manifold?.stop();
          await store.dispose();
        }
      }
    } finally {
      await sim.stop();
    }
  });
}
