/**
 * Fidelity of the MaintainX connector's requests to the vendor's OpenAPI: every body it sends on
 * a write — work orders and purchase orders, created, updated, moved through their statuses — is
 * checked with ajv against the operation's request schema (objects closed: no field MaintainX does
 * not name), and the key sets the connector keeps from list and single reads exist in both
 * schemas.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordId } from '../../core/ids.js';
import { HttpClient } from '../../kit/http.js';
import type { MapContext } from '../../kit/definition.js';
import { MaintainxClient } from '../../connectors/maintainx/client.js';
import { purchaseOrders } from '../../connectors/maintainx/resources/purchase-orders.js';
import { purchaseOrderWrites } from '../../connectors/maintainx/resources/purchase-order-writes.js';
import { workOrderWrites } from '../../connectors/maintainx/resources/work-order-writes.js';
import { workOrders } from '../../connectors/maintainx/resources/work-orders.js';
import { ASSET_KEYS, LOCATION_KEYS, PART_KEYS, VENDOR_KEYS, WORK_ORDER_KEYS } from '../../connectors/maintainx/raw.js';
import { propertyNames, requestErrors } from './spec.test-support.js';
import { startMaintainx, type MaintainxSandbox } from './sandbox.js';

const ctx: MapContext & { reference?: string } = { connectionId: 'conn_x', refId: (entity, remoteId) => recordId('rec', 'conn_x', entity, remoteId) };

describe('MaintainX connector requests against the vendor OpenAPI', () => {
  let sim: MaintainxSandbox;
  let client: MaintainxClient;
  before(async () => {
    sim = await startMaintainx({ seed: 11, workOrders: 10, assets: 10, parts: 10, purchaseOrders: 10, vendors: 5, locations: 8, rateLimit: false });
    client = new MaintainxClient({ instanceUrl: sim.url, apiKey: sim.apiKey }, new HttpClient());
  });
  after(() => sim?.stop());

  /** Every write the simulator received since `from`, each checked against its request schema. */
  function checkWrites(from: number): number {
    const writes = sim.requests.slice(from).filter((r) => r.method !== 'GET' && r.method !== 'DELETE');
    for (const w of writes) {
      const specPath = w.route.replace(/^\w+ \/v1/, '').replace(':id', '{id}');
      assert.ok(w.status < 300, `${w.route} answered ${w.status}: ${JSON.stringify(w.body)}`);
      assert.deepEqual(requestErrors(w.method, specPath, w.body), [], `${w.route} ${JSON.stringify(w.body)}`);
    }
    return writes.length;
  }

  const existing = async (res: typeof workOrders | typeof purchaseOrders, remoteId: string) => {
    const native = (await res.get(client, remoteId)) as Record<string, unknown>;
    return { remoteId, remoteData: native, data: res.toUnified(res.raw.parse(native) as never, ctx) };
  };

  it('work order create, update and status bodies fit the request schemas', async () => {
    const data = sim.data();
    const from = sim.requests.length;
    const [asset] = data.assets.values();
    const [location] = data.locations.values();
    const [part] = data.parts.values();
    const writes = workOrderWrites;
    const id = await writes.create!(client, {
      title: 'Replace coupling insert',
      description: 'Vibration above threshold',
      priority: 'high',
      type: 'corrective',
      asset: { id: null, remoteId: String(asset!.id), name: null, code: null },
      location: { id: null, remoteId: String(location!.id), name: null, code: null },
      assignees: [{ id: null, remoteId: `USER:${data.userIds[1]}`, name: null, code: null }, { id: null, remoteId: `TEAM:${data.teamIds[0]}`, name: null, code: null }],
      requestedBy: { id: null, remoteId: `USER:${data.userIds[2]}`, name: null, code: null },
      dueDate: '2027-02-01',
      scheduledStart: '2027-01-30T08:00:00.000Z',
      parts: [{ item: { id: null, remoteId: String(part!.id), name: null, code: null }, quantityUsed: '2' }],
    }, { ...ctx, reference: 'ref-123' });
    const created = sim.data().workOrders.get(Number(id))!;
    assert.equal(created.priority, 'HIGH');
    assert.equal(created.dueDate, '2027-02-01T00:00:00.000Z');
    assert.deepEqual(created.parts, [{ partId: part!.id, quantityUsed: 2, locationId: null }]);
    assert.deepEqual(created.externalData, { manifoldReference: 'ref-123' });
    assert.equal(await writes.findByReference!(client, 'ref-123'), id, 'a create whose answer was lost is found again');

    await writes.update!(client, await existing(workOrders, id), { title: 'Replace coupling insert (both sides)', priority: null, type: 'preventive', status: 'in_progress' }, ctx);
    await writes.update!(client, await existing(workOrders, id), { status: 'completed' }, ctx);
    const after = sim.data().workOrders.get(Number(id))!;
    assert.equal(after.status, 'DONE');
    assert.equal(after.priority, 'NONE');
    assert.equal(after.type, 'PREVENTIVE');
    assert.equal(checkWrites(from), 4, 'create, update, and two status changes');
    assert.deepEqual(sim.requests.slice(from).filter((r) => r.route === 'PATCH /v1/workorders/:id/status').map((r) => (r.body as { status: string }).status), ['IN_PROGRESS', 'DONE']);
  });

  it('purchase order create, update (items) and status bodies fit the request schemas; money goes out in cents exactly', async () => {
    const data = sim.data();
    const from = sim.requests.length;
    const [vendor] = data.vendors.values();
    const parts = [...data.parts.values()];
    const writes = purchaseOrderWrites;
    const address = { name: null, line1: '400 Industrial Pkwy', line2: 'Dock 2', line3: null, city: 'Dayton', region: 'Ohio', postalCode: '45404', country: 'US', raw: null };
    const id = await writes.create!(client, {
      vendor: { id: null, remoteId: String(vendor!.id), name: null, code: null },
      number: 'PO-X-1',
      description: 'Shutdown spares',
      notes: 'Deliver to dock 2',
      requiredDate: '2027-03-15',
      shipTo: address,
      billTo: address,
      lines: [
        { item: { id: null, remoteId: String(parts[0]!.id), name: null, code: null }, quantity: '4', unitPrice: '1250.00', vendorItemCode: 'ACM-1' },
        { description: 'Calibration service', quantity: '1.5', unitPrice: '49.995' },
      ],
    }, ctx);
    const po = sim.data().purchaseOrders.get(Number(id))!;
    assert.equal(po.status, 'PENDING');
    assert.deepEqual(po.items.map((i) => i.unitCostMicros), [1_250_000_000, 49_995_000], 'unit costs arrive exact, fractions of a cent kept');
    assert.equal(po.shippingAddress?.street, '400 Industrial Pkwy, Dock 2');

    const before = await existing(purchaseOrders, id);
    const [first] = (before.data.lines as { remoteId: string }[]);
    await writes.update!(client, before, { notes: 'Call before delivery', lines: [{ remoteId: first!.remoteId, quantity: '6' }, { item: { id: null, remoteId: String(parts[1]!.id), name: null, code: null }, quantity: '2' }] }, ctx);
    const updated = sim.data().purchaseOrders.get(Number(id))!;
    assert.deepEqual(updated.items.map((i) => i.quantityOrdered), [6, 2], 'the second item was removed, a new one added');
    assert.equal(updated.items[0]!.unitCostMicros, 1_250_000_000, 'an item updated without a price keeps it');
    await writes.update!(client, await existing(purchaseOrders, id), { status: 'approved' }, ctx);
    await writes.update!(client, await existing(purchaseOrders, id), { status: 'cancelled' }, ctx);
    assert.equal(sim.data().purchaseOrders.get(Number(id))!.status, 'CANCELED');
    assert.equal(checkWrites(from), 4);
  });

  it('the keys kept from list and single reads exist in both schemas', () => {
    const both = (listPath: string, listAt: string, singlePath: string, singleAt: string, keys: readonly string[]) => {
      const list = new Set(propertyNames('get', listPath, 200, listAt));
      const single = new Set(propertyNames('get', singlePath, 200, singleAt));
      assert.deepEqual(keys.filter((k) => !list.has(k) || !single.has(k)), [], `${listPath}: kept keys missing from a schema`);
    };
    both('/workorders', 'workOrders.[]', '/workorders/{id}', 'workOrder', WORK_ORDER_KEYS);
    both('/assets', 'assets.[]', '/assets/{id}', 'asset', ASSET_KEYS);
    both('/parts', 'parts.[]', '/parts/{id}', 'part', PART_KEYS);
    both('/locations', 'locations.[]', '/locations/{id}', 'location', LOCATION_KEYS);
    both('/vendors', 'vendors.[]', '/vendors/{id}', 'vendor', VENDOR_KEYS);
  });
});
