/**
 * The kit's conformance suite against the MaintainX simulator: every resource lists to the end in
 * small pages without duplicates and resumes, parses, maps, is found by id; a work order changed
 * in MaintainX comes back alone from an incremental listing; a wrong key and an unreachable
 * address are classified.
 */
import { after, before } from 'node:test';
import { runConformance } from '../../kit/testing/conformance.js';
import { startMaintainx, type MaintainxSandbox } from '../../sandbox/maintainx/sandbox.js';
import { maintainx } from './connector.js';

let sim: MaintainxSandbox;
before(async () => {
  sim = await startMaintainx({ seed: 3, workOrders: 40, assets: 25, parts: 25, purchaseOrders: 20, vendors: 15, locations: 15, rateLimit: false });
});
after(() => sim?.stop());

runConformance({
  connector: maintainx,
  credentials: () => ({ instanceUrl: sim.url, apiKey: sim.apiKey }),
  missingRemoteId: '999999999',
  mutate: {
    entity: 'workOrders',
    async change() {
      const [id] = [...sim.data().workOrders.keys()].slice(7, 8);
      sim.change('workOrders', id!, (w) => (w.description = 'Bearing noise confirmed by the technician'));
      return String(id);
    },
  },
});
