/**
 * The kit's conformance suite against the Odoo simulator with seeded demo data.
 */
import { after, before } from 'node:test';
import { runConformance } from '../../kit/testing/conformance.js';
import { startOdoo, type OdooSimulator } from '../../sandbox/odoo/simulator.js';
import { odoo } from './connector.js';

let sim: OdooSimulator;
before(async () => {
  sim = await startOdoo({ purchaseOrders: 50, vendors: 30, products: 40, equipment: 20, maintenanceRequests: 25, shelves: 4 });
});
after(() => sim?.stop());

runConformance({
  connector: odoo,
  credentials: () => sim.credentials,
  missingRemoteId: '999999',
  mutate: {
    entity: 'purchaseOrders',
    // The Odoo quirk worth proving: a line written through purchase.order.line leaves its
    // order's write_date alone (protocols-erp.md §6.4), yet the order must come back as changed.
    async change() {
      const [line] = sim.searchRead<{ id: number; order_id: [number, string] }>('purchase.order.line', [['state', '=', 'draft'], ['display_type', '=', false]], ['order_id'], { limit: 1 });
      if (!line) throw new Error('the seed has no draft order line');
      sim.execute('purchase.order.line', 'write', [[line.id], { product_qty: 77 }]);
      return String(line.order_id[0]);
    },
  },
});
