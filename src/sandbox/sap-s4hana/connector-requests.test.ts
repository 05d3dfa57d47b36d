/**
 * The SAP connector's requests against SAP's published EDMX (spec/edmx-types.json): each write
 * body it sends — the deep insert of an order with items and schedule lines, header, item and
 * schedule-line PATCHes, items added — holds only properties of the entity type, only creatable
 * ones on create and updatable ones on update, each with a value of its Edm type and facets;
 * and every property its reads name in $filter, $orderby, $select and $expand exists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordId } from '../../core/ids.js';
import { sapS4hana } from '../../connectors/sap-s4hana/connector.js';
import type { SapClient } from '../../connectors/sap-s4hana/client.js';
import { purchaseOrders } from '../../connectors/sap-s4hana/resources/purchase-orders.js';
import { purchaseOrderWrites as writes } from '../../connectors/sap-s4hana/resources/purchase-order-writes.js';
import { HttpClient } from '../../kit/http.js';
import type { WriteContext } from '../../kit/writes.js';
import { fixtureType, propertyNames, writeBodyProblems } from './edm-check.test-support.js';
import type { SimulatorHandle } from './handle.js';
import { startSapS4hana } from './server.js';

const PO = 'API_PURCHASEORDER_PROCESS_SRV';
const ctx: WriteContext = { connectionId: 'conn_req', refId: (entity, remoteId) => recordId('po', 'conn_req', entity, remoteId), reference: 'mf-0123456789abcdef01234567' };

/** The entity type a write path addresses. */
function typeOfPath(path: string): { type: string; mode: 'create' | 'update' } | undefined {
  if (/^A_PurchaseOrder$/.test(path) || /^A_PurchaseOrder\(.*\)\/to_PurchaseOrderItem$/.test(path)) return { type: path === 'A_PurchaseOrder' ? 'A_PurchaseOrderType' : 'A_PurchaseOrderItemType', mode: 'create' };
  if (/^A_PurchaseOrder\(/.test(path)) return { type: 'A_PurchaseOrderType', mode: 'update' };
  if (/^A_PurchaseOrderItem\(/.test(path)) return { type: 'A_PurchaseOrderItemType', mode: 'update' };
  if (/^A_PurchaseOrderScheduleLine\(/.test(path)) return { type: 'A_PurchaseOrderScheduleLineType', mode: 'update' };
  return undefined;
}

describe('the SAP connector\'s requests against the EDMX', () => {
  let sim: SimulatorHandle;
  let client: SapClient;

  before(async () => {
    sim = await startSapS4hana({ purchaseOrders: 60, seed: 9 });
    client = sapS4hana.connect(sim.credentials, new HttpClient());
  });
  after(() => sim.stop());

  it('sends only creatable and updatable properties with values of their Edm types', async () => {
    const s = sim.suppliers().find((x) => !x.purchasingBlocked && !x.deletionIndicator)!;
    const created = await writes.create!(client, {
      vendor: { remoteId: s.supplier },
      site: { code: s.companyCode },
      currency: 'EUR',
      paymentTerms: '0002',
      orderDate: '2027-02-01',
      shippingMethod: 'DAP',
      lines: [
        { itemCode: 'RM-BRG-6305', quantity: '12.5', unitPrice: '18.9', unitOfMeasure: 'PC', description: 'Bearings', deliveryDate: '2027-02-20' },
        { item: { remoteId: 'RM-BOLT-M12' }, quantity: '500', unitPrice: '0.0425' },
      ],
    }, ctx);
    assert.equal(typeof created, 'string', 'SAP answers the create with the new order at once');
    const number = created as string;
    const native = (await purchaseOrders.get(client, number)) as Record<string, unknown>;
    const existing = { remoteId: number, remoteData: native, data: {} };
    await writes.update!(client, existing, {
      paymentTerms: '0003',
      orderDate: '2027-02-02',
      shippingMethod: 'FCA',
      nativeFields: { CorrespncExternalReference: 'Q-2027-7' },
      lines: [{ remoteId: '10', quantity: '13', unitPrice: '19.2', description: 'Bearings 6305', deliveryDate: '2027-03-01' }, { itemCode: 'RM-SEAL-40', quantity: '4', unitPrice: '3.75', deliveryDate: '2027-03-05' }],
    }, ctx);
    await writes.delete!(client, { remoteId: number, remoteData: (await purchaseOrders.get(client, number)) as Record<string, unknown>, data: {} }, ctx);

    const sent = sim.requests.filter((r) => r.method !== 'GET');
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path.replace(/\(.*?\)/, '(…)')}`), [
      'POST A_PurchaseOrder',
      'PATCH A_PurchaseOrder(…)',
      'PATCH A_PurchaseOrderItem(…)',
      'PATCH A_PurchaseOrderScheduleLine(…)',
      'POST A_PurchaseOrder(…)/to_PurchaseOrderItem',
      'DELETE A_PurchaseOrderItem(…)',
      'DELETE A_PurchaseOrder(…)',
    ]);
    const problems: string[] = [];
    for (const r of sent) {
      if (r.method === 'DELETE') {
        assert.equal(r.body, undefined, 'a DELETE has no body');
        continue;
      }
      const target = typeOfPath(r.path);
      assert.ok(target, `a known entity path: ${r.path}`);
      problems.push(...writeBodyProblems(PO, target.type, r.body as Record<string, unknown>, target.mode));
    }
    assert.deepEqual(problems, []);
    assert.ok(sent.every((r) => r.status >= 200 && r.status < 300), JSON.stringify(sent.map((r) => r.status)));
    // The deep insert holds items and their schedule lines.
    const create = sent[0]!.body as { to_PurchaseOrderItem: { results: { to_ScheduleLine?: unknown }[] } };
    assert.equal(create.to_PurchaseOrderItem.results.length, 2);
    assert.ok(create.to_PurchaseOrderItem.results[0]!.to_ScheduleLine);
  });

  it('names only existing properties in its query options', async () => {
    const from = sim.requests.length;
    const pages = purchaseOrders.list(client, { pageSize: 20, since: '2024-01-01T00:00:00.000Z' });
    for await (const page of pages) void page;
    await writes.findByReference!(client, 'mf-0123456789abcdef01234567');
    const reads = sim.requests.slice(from).filter((r) => r.method === 'GET');
    assert.ok(reads.length >= 2);
    const header = propertyNames(PO, 'A_PurchaseOrderType');
    const navs = new Set(fixtureType(PO, 'A_PurchaseOrderType').navigation.map((n) => n.name));
    const itemNavs = new Set(fixtureType(PO, 'A_PurchaseOrderItemType').navigation.map((n) => n.name));
    for (const r of reads) {
      const q = new URLSearchParams(r.query);
      for (const name of (q.get('$orderby') ?? '').split(',').filter(Boolean).map((t) => t.trim().split(/\s+/)[0]!)) assert.ok(header.has(name), `$orderby ${name}`);
      for (const name of (q.get('$select') ?? '').split(',').filter(Boolean)) assert.ok(header.has(name), `$select ${name}`);
      for (const name of [...(q.get('$filter') ?? '').matchAll(/([A-Za-z_]\w*)\s+(?:eq|ne|gt|ge|lt|le)\s/g)].map((m) => m[1]!)) assert.ok(header.has(name), `$filter ${name}`);
      for (const path of (q.get('$expand') ?? '').split(',').filter(Boolean)) {
        const [first, second] = path.split('/');
        assert.ok(navs.has(first!), `$expand ${path}`);
        if (second) assert.ok(itemNavs.has(second), `$expand ${path}`);
      }
      assert.equal(q.get('$format'), 'json');
      assert.equal(q.get('sap-client'), '100');
    }
  });
});
