/**
 * Odoo end to end through the public API, against the simulator: a full sync of every entity,
 * then every unified record compared field by field with what the simulator's own data says it
 * must be (test/odoo/expected.ts derives it independently of the connector); then changes made in
 * Odoo as a user would make them — and an incremental sync that picks up exactly those.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectations } from './expected.js';
import { fieldsOf, odooApp, type OdooApp } from './support.js';

type Json = Record<string, any>;

const PATHS = { purchaseOrders: 'purchase-orders', vendors: 'vendors', inventoryItems: 'inventory-items', locations: 'locations', workOrders: 'work-orders', assets: 'assets' } as const;
type Entity = keyof typeof PATHS;

describe('Odoo end to end: sync', () => {
  let env: OdooApp;
  before(async () => {
    env = await odooApp({ sim: { purchaseOrders: 120, vendors: 60, products: 80, equipment: 40, maintenanceRequests: 60, shelves: 6 } });
  });
  after(() => env?.close());

  async function compareAll(): Promise<Record<Entity, Map<string, Json>>> {
    const expected = expectations(env.sim, env.connectionId);
    const out = {} as Record<Entity, Map<string, Json>>;
    for (const entity of Object.keys(PATHS) as Entity[]) {
      const records = await env.listAll(PATHS[entity]);
      const want = expected[entity]();
      assert.deepEqual(records.map((r) => r.remoteId).sort(), [...want.keys()].sort(), `${entity}: the same records`);
      for (const r of records) assert.deepEqual(fieldsOf(r), want.get(r.remoteId), `${entity} ${r.remoteId}: every field as the simulator's data says`);
      out[entity] = new Map(records.map((r) => [r.remoteId, r]));
    }
    return out;
  }

  let before1: Record<Entity, Map<string, Json>>;

  it('syncs every entity in full, reading order lines in batches, not one call per order', async () => {
    const callsBefore = env.sim.counters.calls.get('purchase.order.line.search_read') ?? 0;
    const state = await env.sync(true);
    for (const entity of Object.keys(PATHS)) {
      assert.equal(state[entity]?.status, 'succeeded', `${entity}: ${JSON.stringify(state[entity])}`);
      assert.equal(state[entity].counts.failed, 0, entity);
    }
    assert.equal(state.purchaseOrders!.counts.created, 120);
    const lineCalls = (env.sim.counters.calls.get('purchase.order.line.search_read') ?? 0) - callsBefore;
    assert.ok(lineCalls <= 3, `order lines read in ${lineCalls} calls for 120 orders (pages of 100)`);
    assert.ok(env.sim.counters.requests > 0);
  });

  it('every unified record equals, field by field, what the simulator holds', async () => {
    before1 = await compareAll();
    const orders = [...before1.purchaseOrders.values()];
    assert.ok(new Set(orders.map((o) => o.currency)).size >= 4, 'several currencies');
    assert.ok(orders.some((o) => o.lines.length > 1), 'multi-line orders');
    assert.ok(orders.some((o) => o.shipTo !== null) && orders.every((o) => o.billTo !== null), 'drop-ship addresses and the company\'s');
    assert.deepEqual([...new Set(orders.map((o) => o.remoteStatus))].sort(), ['cancel', 'done', 'draft', 'purchase', 'sent', 'to approve']);
    assert.ok(orders.some((o) => o.total?.split('.')[1]?.length === 3), 'an amount in a 3-decimal currency keeps 3 decimals');
    assert.ok(orders.some((o) => o.currency === 'JPY' && !o.total.includes('.')), 'an amount in yen has no decimals');
  });

  it('an incremental sync picks up exactly the changes made in Odoo', async () => {
    const sim = env.sim;
    const one = <T = Json>(model: string, domain: unknown[], fields: string[] = ['id'], offset = 0) => sim.searchRead<T & { id: number }>(model, domain, fields, { limit: 1, offset })[0]!;
    const drafts = sim.searchRead<Json>('purchase.order', [['state', '=', 'draft']], ['id', 'partner_id', 'order_line'], { order: 'id asc' });
    const [edited, lineChanged, cancelled, deleted] = drafts;
    sim.execute('purchase.order', 'write', [[edited!.id], { notes: '<p>Changed in Odoo</p>' }]);
    // A line written on its own: the order's write_date stays (protocols §6.4).
    sim.execute('purchase.order.line', 'write', [[lineChanged!.order_line[0]], { product_qty: 99 }]);
    sim.execute('purchase.order', 'button_cancel', [[cancelled!.id]]);
    sim.execute('purchase.order', 'button_cancel', [[deleted!.id]]);
    sim.execute('purchase.order', 'unlink', [[deleted!.id]]);
    const product = one('product.product', [['type', '=', 'product'], ['default_code', '!=', false]]);
    const created = sim.execute<number>('purchase.order', 'create', [{ partner_id: edited!.partner_id[0], notes: 'Created in Odoo', order_line: [[0, 0, { product_id: product.id, product_qty: 2, price_unit: 9.5 }]] }]);

    // A vendor's contact person changes: the vendor record is the contact's parent.
    const contact = one('res.partner', [['parent_id.supplier_rank', '>', 0], ['type', '=', 'contact'], ['is_company', '=', false]], ['id', 'parent_id']);
    sim.execute('res.partner', 'write', [[contact.id], { phone: '+32 9 999 99 99' }]);
    const vendor = one('res.partner', [['supplier_rank', '>', 0], ['id', '!=', contact.parent_id[0]]]);
    sim.execute('res.partner', 'write', [[vendor.id], { website: 'https://changed.example' }]);
    // A product renamed in its form (which edits the template), on no order line (so no order's line name changes).
    const onLines = new Set(sim.searchRead<Json>('purchase.order.line', [['product_id', '!=', false]], ['product_id']).map((l) => l.product_id[0]));
    const renamed = sim.searchRead<Json>('product.product', [['type', '!=', 'service']], ['id', 'product_tmpl_id']).find((p) => !onLines.has(p.id))!;
    sim.execute('product.template', 'write', [[renamed.product_tmpl_id[0]], { name: 'Renamed in Odoo' }]);
    const quant = one('stock.quant', [['product_id', '!=', renamed.id], ['location_id.usage', '=', 'internal']], ['id', 'product_id', 'quantity']);
    sim.execute('stock.quant', 'write', [[quant.id], { quantity: (quant as Json).quantity + 5 }]);
    // A shelf without stock or children is renamed (its name shows nowhere else).
    const stocked = new Set(sim.searchRead<Json>('stock.quant', [], ['location_id']).map((q) => q.location_id[0]));
    const shelf = sim.searchRead<Json>('stock.location', [['usage', '=', 'internal'], ['child_ids', '=', false]], ['id']).find((l) => !stocked.has(l.id))!;
    sim.execute('stock.location', 'write', [[shelf.id], { name: 'Shelf renamed' }]);
    const [doneStage] = sim.searchRead<Json>('maintenance.stage', [['done', '=', true]], ['id'], { limit: 1 });
    const request = one('maintenance.request', [['stage_id.done', '=', false]]);
    sim.execute('maintenance.request', 'write', [[request.id], { stage_id: doneStage!.id }]);
    const equipment = one('maintenance.equipment', []);
    sim.execute('maintenance.equipment', 'write', [[equipment.id], { model: 'Model changed in Odoo' }]);

    const state = await env.sync();
    const counts = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.counts]));
    assert.deepEqual(
      Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, { created: c.created, updated: c.updated, deleted: c.deleted, failed: c.failed }])),
      {
        purchaseOrders: { created: 1, updated: 3, deleted: 1, failed: 0 },
        vendors: { created: 0, updated: 2, deleted: 0, failed: 0 },
        inventoryItems: { created: 0, updated: 2, deleted: 0, failed: 0 },
        locations: { created: 0, updated: 1, deleted: 0, failed: 0 },
        workOrders: { created: 0, updated: 1, deleted: 0, failed: 0 },
        assets: { created: 0, updated: 1, deleted: 0, failed: 0 },
      },
    );
    const after1 = await compareAll();
    const touched: Record<Entity, string[]> = {
      purchaseOrders: [edited, lineChanged, cancelled].map((o) => String(o!.id)),
      vendors: [String(contact.parent_id[0]), String(vendor.id)],
      inventoryItems: [String(renamed.id), String(quant.product_id[0])],
      locations: [String(shelf.id)],
      workOrders: [String(request.id)],
      assets: [String(equipment.id)],
    };
    for (const entity of Object.keys(PATHS) as Entity[]) {
      for (const [remoteId, old] of before1[entity]) {
        const now = after1[entity].get(remoteId);
        if (entity === 'purchaseOrders' && remoteId === String(deleted!.id)) {
          assert.equal(now, undefined, 'the deleted order is gone');
          continue;
        }
        if (touched[entity].includes(remoteId)) assert.ok(now!.version > old.version, `${entity} ${remoteId} changed`);
        else assert.equal(now!.version, old.version, `${entity} ${remoteId} unchanged keeps its version`);
      }
    }
    assert.equal(after1.purchaseOrders.get(String(created))?.notes, 'Created in Odoo');
    assert.equal(after1.purchaseOrders.get(String(edited!.id))?.notes, 'Changed in Odoo');
    assert.equal(after1.inventoryItems.get(String(renamed.id))?.name, 'Renamed in Odoo');
  });
});
