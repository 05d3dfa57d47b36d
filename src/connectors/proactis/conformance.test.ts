/**
 * The kit's conformance suite against the Proactis simulator (no rate limits, so it stays fast;
 * the limits have their own end-to-end test in test/proactis/).
 */
import { after, before } from 'node:test';
import { runConformance } from '../../kit/testing/conformance.js';
import type { ProactisSim } from '../../sandbox/proactis/server.js';
import { proactis } from './connector.js';
import { credentialsOf, relaxedSim } from './sim.test-support.js';

let sim: ProactisSim;
before(async () => {
  sim = await relaxedSim({ sizes: { suppliers: 45, requisitions: 30, receipts: 30, invoices: 30 } });
});
after(() => sim.stop());

runConformance({
  connector: proactis,
  credentials: () => credentialsOf(sim),
  missingRemoteId: '000000000000000000000000',
  mutate: {
    entity: 'invoices',
    async change() {
      const invoice = sim.data.invoices[7]!;
      sim.org.touch('invoices', invoice.id, { status: 'ONHOLD' });
      return invoice.id;
    },
  },
});
