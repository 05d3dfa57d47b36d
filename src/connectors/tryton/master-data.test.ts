/**
 * Vendors, inventory items and locations against a real Tryton: spot checks of the mapping
 * against the seed and plain RPC reads, and the incremental paths Tryton does not propagate.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordId } from '../../core/ids.js';
import type { MapContext, ResourceDefinition } from '../../kit/definition.js';
import type { InventoryItem } from '../../models/inventory-item.js';
import type { Location } from '../../models/location.js';
import type { Vendor } from '../../models/vendor.js';
import type { TrytonClient } from './client.js';
import { inventoryItems } from './resources/inventory-items.js';
import { locations } from './resources/locations.js';
import { vendors } from './resources/vendors.js';
import { connectTo, rpcWithContext, withTryton } from './real-tryton.test-support.js';

const ctx: MapContext = { connectionId: 'conn_t', refId: (e, r) => recordId('x', 'conn_t', e, r) };

async function unified<T>(client: TrytonClient, res: ResourceDefinition<TrytonClient, never>, since?: string): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for await (const page of res.list!(client, { pageSize: 50, since })) {
    for (const r of page.records) {
      const raw = res.raw.parse(r);
      out.set(res.remoteId(raw), res.toUnified(raw, ctx) as T);
    }
  }
  return out;
}

await withTryton('tryton master data', (server) => {
  test('vendors: the seeded suppliers, with codes, tax ids, contact details and the invoice address', async () => {
    const s = server();
    const got = await unified<Vendor>(connectTo(s), vendors);
    assert.deepEqual([...got.keys()].sort(), Object.values(s.seed.suppliers).map((v) => String(v.partyId)).sort(), 'exactly the suppliers');
    const parties = await s.rpc<{ id: number; code: string; name: string; email: string; 'tax_identifier.': { code: string } | null }[]>(
      'model.party.party.read',
      [Object.values(s.seed.suppliers).map((v) => v.partyId), ['code', 'name', 'email', 'tax_identifier.code']],
    );
    for (const p of parties) {
      const v = got.get(String(p.id));
      assert.deepEqual([v?.code, v?.name, v?.email, v?.taxId, v?.status], [p.code, p.name, p.email, p['tax_identifier.']?.code ?? null, 'active']);
    }
    const brightline = got.get(String(s.seed.suppliers.brightline?.partyId));
    assert.deepEqual([brightline?.address?.name, brightline?.address?.city, brightline?.paymentTerms], ['Head office', 'Birmingham', 'Net 30']);
  });

  test('inventory items: goods only, stock per warehouse as Tryton computes it for one location', async () => {
    const s = server();
    const got = await unified<InventoryItem>(connectTo(s), inventoryItems);
    const goods = await s.rpc<number[]>('model.product.product.search', [[['type', '=', 'goods']], 0, null, null]);
    assert.deepEqual([...got.keys()].sort(), goods.map(String).sort());
    const warehouses = await s.rpc<{ id: number; storage_location: number }[]>('model.stock.location.search_read', [[['type', '=', 'warehouse']], 0, null, null, ['storage_location']]);
    for (const wh of warehouses) {
      // One location: Tryton includes its children by default.
      const rows = await rpcWithContext<{ id: number; quantity: number }[]>(s, 'model.product.product.search_read', [[['type', '=', 'goods']], 0, null, null, ['quantity']], {
        locations: [wh.storage_location],
      });
      assert.ok(rows.some((r) => r.quantity > 0), `warehouse ${wh.id} holds stock`);
      for (const row of rows) {
        const stock = got.get(String(row.id))?.stock.find((st) => st.location?.remoteId === String(wh.id));
        assert.equal(Number(stock?.quantityOnHand), row.quantity, `product ${row.id} in warehouse ${wh.id}`);
      }
    }
    const bearing = got.get(String(s.seed.products['BRG-6204']));
    assert.deepEqual([bearing?.itemCode, bearing?.unitOfMeasure, bearing?.unitCost, bearing?.currency], ['BRG-6204', 'u', '4.85', 'EUR']);
    assert.ok(bearing?.preferredVendor?.remoteId, 'the first supplier entry is the preferred vendor');
    const total = (bearing?.stock ?? []).reduce((n, st) => n + Number(st.quantityOnHand), 0);
    assert.equal(Number(bearing?.quantityOnHand), total);
  });

  test('locations: Tryton types mapped, hierarchy and warehouse address', async () => {
    const s = server();
    const got = await unified<Location>(connectTo(s), locations);
    const byCode = new Map([...got.values()].map((l) => [l.code, l]));
    assert.deepEqual(
      ['WH', 'IN', 'STO', 'STO-SPC', 'SUP', 'WH2', 'P2-STO'].map((c) => byCode.get(c)?.type),
      ['warehouse', 'area', 'area', 'storeroom', 'other', 'warehouse', 'area'],
    );
    assert.equal(byCode.get('STO-SPC')?.parent?.code, 'STO');
    assert.deepEqual([byCode.get('WH')?.address?.name, byCode.get('WH')?.address?.city], ['Plant 1', 'Duisburg']);
  });

  test('incremental: a contact, a template and a stock move each bring back their record only', async () => {
    const s = server();
    const client = connectTo(s);
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 50));
    const acme = s.seed.suppliers.acme!.partyId;
    const [mechanism] = await s.rpc<number[]>('model.party.contact_mechanism.search', [[['party', '=', acme]], 0, 1, null]);
    await s.rpc('model.party.contact_mechanism.write', [[mechanism], { name: 'Dana Roth' }]);
    const oil = s.seed.products['OIL-HV46']!;
    const [template] = await s.rpc<{ template: number }[]>('model.product.product.read', [[oil], ['template']]);
    await s.rpc('model.product.template.write', [[template!.template], { name: 'Hydraulic oil HV 46 (renamed)' }]);
    // Move one bearing from the storage zone to the spare parts cage: stock changes, the product does not.
    const bearing = s.seed.products['BRG-6204']!;
    const [move] = await s.rpc<number[]>('model.stock.move.create', [[{
      product: bearing, uom: 1, quantity: 1, from_location: s.seed.locations.STO, to_location: s.seed.locations['STO-SPC'],
      company: s.seed.company.id, unit_price: null,
    }]]);
    await s.rpc('model.stock.move.do', [[move]]);

    const changedVendors = await unified<Vendor>(client, vendors, since);
    assert.deepEqual([...changedVendors.keys()], [String(acme)]);
    assert.deepEqual(changedVendors.get(String(acme))?.contacts.map((c) => [c.name, c.email]), [['Dana Roth', 'orders@acme-industrial.example']]);
    const changedItems = await unified<InventoryItem>(client, inventoryItems, since);
    assert.deepEqual([...changedItems.keys()].sort(), [String(bearing), String(oil)].sort());
    assert.equal(changedItems.get(String(oil))?.name, 'Hydraulic oil HV 46 (renamed)');
    assert.deepEqual([...(await unified<Location>(client, locations, since)).keys()], []);
  });
});
