/**
 * 2. Live read-through overhead: GET /v1/purchase-orders/{id}?fresh=true through Manifold to the
 * SAP S/4HANA simulator, beside the same call made directly to the simulator — the exact
 * requests the connector made for one such read (as the simulator logged them, path and query),
 * with the same credentials — at 16 connections, cycling over every order. Three processes:
 * the load generator, Manifold, the simulator.
 *
 * Twice: with the connector's rate budget as shipped (it caps calls per second and in flight to
 * protect the customer's system, so at 16 connections requests queue for it by design), and with
 * the budget lifted (bench only), which shows what Manifold itself adds to a call.
 */
import { STORE_LABEL, measure, type BenchContext } from '../lib/context.js';
import { ManifoldApi, type ManifoldInfo } from '../lib/api.js';
import { startChild, type Child } from '../lib/child.js';
import { record } from '../lib/figures.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import type { BenchmarkResult } from '../lib/results.js';
import { SAP, sapConnector, startSimulator, type SimInfo } from '../lib/sap.js';
import { scratchStore } from '../lib/scratch-store.js';
import { ITEMS, budgetEnv, type Budget } from './sync.js';

const CONNECTIONS = 16;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface SimRequest { method: string; service: string; path: string; query: string; status: number }

/** Every order's Manifold id and remote id, paging through the API. */
async function allOrders(api: ManifoldApi, token: string): Promise<{ id: string; remoteId: string }[]> {
  const out: { id: string; remoteId: string }[] = [];
  let cursor: string | null = null;
  do {
    const { json }: { json: Json } = await api.call('GET', `/v1/purchase-orders?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    for (const o of json.data as Json[]) out.push({ id: o.id, remoteId: o.remoteId });
    cursor = json.nextCursor;
  } while (cursor);
  return out;
}

/** The simulator paths the connector calls for one read, as a function of the order's remote id. */
async function directPaths(api: ManifoldApi, token: string, sim: Child<SimInfo>, sample: { id: string; remoteId: string }): Promise<(remoteId: string) => string> {
  await sim.call('resetLog');
  await api.call('GET', `/v1/purchase-orders/${sample.id}?fresh=true`, { token });
  const calls = (await sim.call<SimRequest[]>('log')).filter((c) => c.method === 'GET');
  if (calls.length !== 1) {
    throw new Error(`one fresh read made ${calls.length} GET calls to the simulator (${calls.map((c) => c.path).join(', ')}); the direct replay handles one`);
  }
  const call = calls[0]!;
  const target = `/sap/opu/odata/sap/${call.service}/${call.path}${call.query}`;
  if (!target.includes(sample.remoteId)) throw new Error(`the read's call ${target} does not name order ${sample.remoteId}`);
  return (remoteId) => target.split(sample.remoteId).join(remoteId);
}

export function runFreshBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  const orders = ctx.opts.quick ? 500 : 2_000;
  const seconds = ctx.opts.quick ? 0.3 : 4;
  return measure(ctx, 'fresh', '2. Live read-through overhead: ?fresh=true vs the simulator directly', async (rec) => {
    const sap = sapConnector();
    if ('missing' in sap) {
      rec.skipped.push({ case: 'all', reason: sap.missing });
      return;
    }
    Object.assign(rec.params, { orders, connections: `${CONNECTIONS} (and 1 with the budget lifted)`, secondsPerRun: seconds, rateBudget: `${sap.connector.rateBudget.requestsPerSecond}/s, burst ${sap.connector.rateBudget.burst}, ${sap.connector.rateBudget.maxConcurrent} in flight` });
    rec.skipped.push(...ctx.storeSkips);
    const sim = await startSimulator({ purchaseOrders: orders, itemsPerOrder: ITEMS }, ctx.profileDir);
    try {
      const { username, password } = sim.info.credentials;
      const directHeaders = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, accept: 'application/json' };
      const shipped: [Budget, string] = ['shipped', `budget as shipped (${sap.connector.rateBudget.requestsPerSecond} calls/s)`];
      const budgets: [Budget, string][] = ctx.opts.quick ? [['lifted', 'budget lifted']] : [shipped, ['lifted', 'budget lifted']];
      if (ctx.opts.quick) rec.notes.push(`--quick leaves out the ${shipped[1]} case: it waits for the budget by design, which takes seconds per run.`);
      for (const kind of ctx.stores) for (const [budget, budgetLabel] of budgets) {
        const store = await scratchStore(kind);
        let manifold: Child<ManifoldInfo> | undefined;
        try {
          manifold = await startChild<ManifoldInfo>('manifold.ts', { env: { ...store.env, ...budgetEnv(budget), BENCH_ALLOWED_ORIGINS: new URL(sim.info.url).host }, profileDir: ctx.profileDir, name: `fresh-${kind}-${budget}` });
          const api = new ManifoldApi(manifold.info.url, manifold.info.adminKey);
          const { id, token } = await api.connect(SAP, sim.info.credentials);
          await api.syncAndWait(id, true);
          const all = await allOrders(api, token);
          const direct = await directPaths(api, token, sim, all[0]!);
          rec.params.directCall = direct('{PurchaseOrder}');
          const viaManifold = { url: manifold.info.url, headers: { authorization: `Bearer ${token}` }, paths: all.map((o) => `/v1/purchase-orders/${o.id}?fresh=true`) };
          const toSim = { url: sim.info.url, headers: directHeaders, paths: all.map((o) => direct(o.remoteId)) };
          // Under the shipped budget requests queue (16 connections, a few calls/s): a run must be
          // long enough for answers to come back, and the queue must drain before the next run.
          const duration = budget === 'shipped' ? Math.max(seconds, 3) : seconds;
          const settleMs = budget === 'shipped' ? Math.ceil((CONNECTIONS / sap.connector.rateBudget.requestsPerSecond) * 1000) + 500 : 200;
          const load = async (t: { url: string; headers: Record<string, string>; paths: string[] }, connections: number) => {
            const result = await runLoad({ ...t, connections, durationSeconds: duration });
            await new Promise((r) => setTimeout(r, settleMs));
            return result;
          };
          // 16 connections as the goal says; with the budget lifted also one, where nothing queues
          // and the difference is what one call costs in Manifold.
          for (const connections of budget === 'lifted' ? [1, CONNECTIONS] : [CONNECTIONS]) {
            await load(toSim, connections);
            await load(viaManifold, connections);
            const ours: LoadResult[] = [];
            const base: LoadResult[] = [];
            for (let run = 0; run < ctx.opts.runs; run += 1) {
              if (run % 2 === 0) {
                base.push(await load(toSim, connections));
                ours.push(await load(viaManifold, connections));
              } else {
                ours.push(await load(viaManifold, connections));
                base.push(await load(toSim, connections));
              }
            }
            const label = `${STORE_LABEL[kind]} · ${connections} connection${connections === 1 ? '' : 's'} · ${budgetLabel}`;
            const floorLabel = 'the same call made directly to the simulator';
            const key = `fresh.${kind}.${budget}.c${connections}`;
            const goals = connections === CONNECTIONS;
            const p50 = record(rec, {
              id: `${key}.p50`, case: label, metric: 'latency p50', unit: 'ms',
              samples: ours.map((r) => r.p50Ms), floor: { label: floorLabel, samples: base.map((r) => r.p50Ms) },
              ...(goals ? { goal: { of: 'added' as const, atMost: 2, text: 'adds ≤ 2 ms' } } : {}),
            });
            const p99 = record(rec, {
              id: `${key}.p99`, case: label, metric: 'latency p99', unit: 'ms',
              samples: ours.map((r) => r.p99Ms), floor: { label: floorLabel, samples: base.map((r) => r.p99Ms) },
              ...(goals ? { goal: { of: 'added' as const, atMost: 10, text: 'adds ≤ 10 ms' } } : {}),
            });
            record(rec, {
              id: `${key}.rps`, case: label, metric: 'throughput', unit: 'req/s',
              samples: ours.map((r) => r.requestsPerSecond), floor: { label: floorLabel, samples: base.map((r) => r.requestsPerSecond) },
            });
            ctx.log(`  ${label}: p50 ${p50.value.median.toFixed(2)} ms (direct ${p50.floor!.value.median.toFixed(2)}), p99 ${p99.value.median.toFixed(1)} ms (direct ${p99.floor!.value.median.toFixed(1)})`);
          }
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
