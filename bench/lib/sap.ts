/**
 * The SAP S/4HANA simulator and connector as the sync and read-through benchmarks use them: the
 * simulator in a child process, the connector looked up by id (so the benchmarks say why they
 * cannot run rather than fail to build where it is missing), and the connector's own listing
 * run without Manifold — the floor of the sync benchmarks.
 */
import { connectorById } from '../../src/connectors/index.js';
import type { ConnectorDefinition, ResourceDefinition } from '../../src/kit/definition.js';
import { HttpClient } from '../../src/kit/http.js';
import { startChild, type Child } from './child.js';

export const SAP = 'sap-s4hana';

export interface SimInfo {
  url: string;
  credentials: Record<string, string>;
  orders: number;
}

export function sapConnector(): { connector: ConnectorDefinition<unknown>; orders: ResourceDefinition<unknown, unknown> } | { missing: string } {
  const connector = connectorById(SAP);
  if (!connector) return { missing: `no '${SAP}' connector in src/connectors/index.ts` };
  const orders = connector.resources.purchaseOrders as ResourceDefinition<unknown, unknown> | undefined;
  if (!orders?.list || !orders.get) return { missing: `the ${connector.name} connector cannot list and read purchase orders` };
  return { connector, orders };
}

export function startSimulator(options: { purchaseOrders: number; itemsPerOrder: number; seed?: number }, profileDir?: string): Promise<Child<SimInfo>> {
  return startChild<SimInfo>('sap-simulator.ts', { env: { BENCH_SIM_OPTIONS: JSON.stringify({ seed: 1, ...options }) }, profileDir, name: `sap-sim-${options.purchaseOrders}` });
}

/**
 * Lists purchase orders through the connector's own paging, here in the load generator's
 * process, without Manifold's guard, mapping or store: how fast the simulator and the HTTP path
 * deliver. Answers the records seen, the seconds and the CPU seconds this process spent.
 */
export async function listDirect(credentials: Record<string, string>, opts: { since?: string; pageSize?: number } = {}): Promise<{ records: number; seconds: number; cpuSeconds: number }> {
  const sap = sapConnector();
  if ('missing' in sap) throw new Error(sap.missing);
  const client = sap.connector.connect(credentials, new HttpClient({ policy: sap.connector.http }));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  for await (const page of sap.orders.list!(client, { pageSize: opts.pageSize ?? sap.orders.pageSize ?? 100, ...(opts.since ? { since: opts.since } : {}) })) records += page.records.length;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { records, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
