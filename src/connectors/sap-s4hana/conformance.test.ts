/**
 * The kit's conformance suite against the SAP S/4HANA simulator with its seeded data (300
 * orders, 40 suppliers); incremental: an order changed as a SAP user would (ME22N) is the only
 * one listed since.
 */
import { after, before } from 'node:test';
import { runConformance } from '../../kit/testing/conformance.js';
import { startSapS4hana } from '../../sandbox/sap-s4hana/server.js';
import type { SimulatorHandle } from '../../sandbox/sap-s4hana/handle.js';
import { sapS4hana } from './connector.js';

let sim: SimulatorHandle;
before(async () => {
  sim = await startSapS4hana({ seed: 7 });
});
after(() => sim.stop());

runConformance({
  connector: sapS4hana,
  credentials: () => sim.credentials,
  missingRemoteId: '4599999999',
  // Pages of 50: several per entity, while the whole listing stays quick.
  pageSize: 50,
  mutate: {
    entity: 'purchaseOrders',
    async change() {
      const [first] = sim.orders().filter((o) => o.header.PurchasingProcessingStatus === '02' && o.header.PurchasingDocumentDeletionCode === '');
      const number = String(first!.header.PurchaseOrder);
      sim.change(number, { items: { [String(first!.items[0]!.item.PurchaseOrderItem)]: { OrderQuantity: '77.000' } } });
      return number;
    },
  },
});
