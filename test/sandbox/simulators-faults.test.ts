/**
 * Every simulator, behind the fault proxy (what `manifold sandbox --faults` does): a full sync
 * through failing answers — 503s, 429s and connection resets on reads — ends with exactly the
 * records a sync straight to the simulator brings. Faults are scripted (the first attempt of some
 * requests), so the run is the same every time and retries always have a clean answer to reach.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startFaultProxy, type Fault, type FaultProxy } from '../../src/sandbox/fault-proxy.js';
import { sandboxSystems } from '../../src/sandbox/systems.js';
import type { RunningSandbox } from '../../src/sandbox/system.js';
import { startMaintainx } from '../../src/sandbox/maintainx/sandbox.js';
import { appFor } from '../support/app.js';
import { connect, listAll, runSync } from '../support/api.js';
import { createTestStore } from '../support/stores.js';
import { entityByKey } from '../../src/models/registry.js';
import { connectorById } from '../../src/connectors/index.js';

// Simulators that list their records (P2P's gateway cannot list; Proactis' 50 calls a minute
// would make this slow, and its own tests cover its 429s). MaintainX reads each purchase order on
// its own under 100 calls a minute per key: a smaller organisation keeps this short.
const systems: { id: string; start(): Promise<RunningSandbox> }[] = [
  ...sandboxSystems.filter((s) => ['sap-s4hana', 'odoo'].includes(s.id)),
  { id: 'maintainx', start: () => startMaintainx({ purchaseOrders: 15, workOrders: 120 }) },
];

/**
 * The first attempt of every second distinct request fails — a 503, a 429 or a reset in turn — and
 * its retry goes through: faults on every kind of read, never one a retry cannot get past.
 */
function faultsOnce(): (req: { method: string; url: string; body: string }) => Fault | undefined {
  const seen = new Set<string>();
  const kinds: Fault[] = [{ kind: 'status', status: 503 }, { kind: 'rate_limit', retryAfter: '0' }, { kind: 'reset' }];
  let distinct = 0;
  return (req) => {
    const key = `${req.method} ${req.url} ${req.body}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    distinct += 1;
    return distinct % 2 === 0 ? kinds[(distinct / 2) % kinds.length] : undefined;
  };
}

for (const system of systems) {
  describe(`${system.id} simulator behind the fault proxy`, () => {
    let sandbox: RunningSandbox | undefined;
    let proxy: FaultProxy | undefined;
    let dispose: (() => Promise<void>) | undefined;
    after(async () => {
      await proxy?.close();
      await dispose?.();
      await sandbox?.stop();
    });

    it('a full sync through 503s, 429s and resets equals a sync without faults', async () => {
      sandbox = await system.start();
      proxy = await startFaultProxy({ target: sandbox.url, script: faultsOnce() });
      const created = await createTestStore('sqlite');
      dispose = created.dispose;
      const app = await appFor(created.store, { allowedOrigins: [new URL(sandbox.url).host, new URL(proxy.url).host] });
      try {
        const through = Object.fromEntries(Object.entries(sandbox.credentials).map(([k, v]) => [k, v.startsWith(sandbox!.url) ? proxy!.url + v.slice(sandbox!.url.length) : v]));
        const direct = await connect(app, { system: system.id, name: 'direct', credentials: sandbox.credentials });
        const faulty = await connect(app, { system: system.id, name: 'through faults', credentials: through });
        const directState = await runSync(app, direct.connectionId);
        const faultyState = await runSync(app, faulty.connectionId);
        const faults = proxy.log.filter((l) => l.fault !== 'forwarded');
        assert.ok(faults.length >= 1, `faults were injected (${faults.length})`);
        for (const [entity, state] of Object.entries(faultyState)) {
          assert.equal(state.status, 'succeeded', `${entity}: ${JSON.stringify(state.lastError)}`);
          assert.equal(state.counts.fetched, directState[entity]!.counts.fetched, `${entity}: as many records read`);
        }
        const connector = connectorById(system.id)!;
        for (const key of Object.keys(connector.resources)) {
          const path = entityByKey(key)!.path;
          // Manifold's ids embed the connection, and a record without times of its own is dated
          // when each connection saw it; everything the system said must be equal.
          const strip = (r: Record<string, unknown>) => {
            const { updatedAt, ...rest } = r;
            return JSON.stringify({ ...rest, updatedAt: r.createdAt === null ? null : updatedAt }, (k, v: unknown) => (k === 'id' || k === 'connectionId' || k === 'syncedAt' ? undefined : v));
          };
          const a = (await listAll(app, direct.token, path)).map(strip).sort();
          const b = (await listAll(app, faulty.token, path)).map(strip).sort();
          assert.ok(a.length > 0, `${key}: records`);
          assert.deepEqual(b, a, `${key}: the same records through the faults`);
        }
      } finally {
        await app.close();
      }
    });
  });
}
