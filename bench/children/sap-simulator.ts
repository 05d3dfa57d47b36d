/**
 * The SAP S/4HANA simulator in its own process, so its memory and CPU are not counted as
 * Manifold's. BENCH_SIM_OPTIONS holds its options as JSON (purchaseOrders, itemsPerOrder, seed).
 * The parent changes orders through the simulator's own handle, as a SAP user would.
 */
import { startSapS4hana, type SapS4hanaOptions } from '../../src/sandbox/sap-s4hana/server.js';
import { serveChild } from './serve-child.js';

await serveChild(async () => {
  const options = JSON.parse(process.env.BENCH_SIM_OPTIONS ?? '{}') as SapS4hanaOptions;
  const sim = await startSapS4hana(options);
  return {
    info: { url: sim.url, credentials: sim.credentials, orders: sim.orderCount },
    handlers: {
      /** Changes each order's internal reference to `value`; LastChangeDateTime moves to now. */
      change(numbers: string[], value: string) {
        for (const number of numbers) sim.change(number, { header: { CorrespncInternalReference: value } });
        return numbers.length;
      },
      requests: () => sim.counters.requests,
      /** Forgets the requests seen so far (counters and log). */
      resetLog: () => sim.resetCounters(),
      /** The requests seen since the last reset: method, service, path and query as sent. */
      log: () => sim.requests.map((r) => ({ method: r.method, service: r.service, path: r.path, query: r.query, status: r.status })),
    },
    close: () => sim.stop(),
  };
});
