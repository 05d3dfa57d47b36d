/**
 * The seed: the same seed gives the same data, the size is configurable, and the data has the
 * variety the connector's tests need — every order state, several currencies, multi-item orders,
 * inactive suppliers, suppliers in both companies — with quantities that agree with each state.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderStates } from './data.js';
import { expected } from './orders.js';
import { seedData } from './seed.js';

const live = (seed?: number, size = {}) => seedData({ seed, ...size }).databases.get('PROACTIS_LIVE')!;

describe('PROACTIS P2P simulator: seed', () => {
  it('is deterministic and sized by its options', () => {
    const a = live(7);
    const b = live(7);
    assert.deepEqual([...a.suppliers.entries()], [...b.suppliers.entries()]);
    assert.deepEqual([...a.companies.get('MAIN')!.orders.entries()], [...b.companies.get('MAIN')!.orders.entries()]);
    assert.notDeepEqual([...live(8).companies.get('MAIN')!.orders.values()].map((o) => o.supplierCode), [...a.companies.get('MAIN')!.orders.values()].map((o) => o.supplierCode));
    const small = live(7, { suppliers: 12, orders: 9 });
    // One example supplier (510632) and two example orders besides the generated ones.
    assert.equal(small.suppliers.size, 13);
    assert.equal(small.companies.get('MAIN')!.orders.size, 11);
    assert.equal(live().suppliers.size, 301);
  });

  it('has every state, several currencies, multi-item orders and quantities that agree with the state', () => {
    const db = live();
    const orders = [...db.companies.get('MAIN')!.orders.values()];
    assert.deepEqual(new Set(orders.map((o) => o.state)), new Set(orderStates));
    assert.ok(new Set(orders.map((o) => o.currency)).size >= 3);
    assert.ok(orders.some((o) => o.items.length >= 5));
    assert.ok(orders.some((o) => o.items.some((i) => i.kind === 'service')));
    for (const o of orders) {
      const done = (f: 'received' | 'invoiced') => o.items.every((i) => i[f] >= expected(i));
      if (o.state === 'Fully Received') assert.ok(done('received') && o.items.every((i) => i.invoiced === 0), o.displayNumber);
      if (o.state === 'Fully Invoiced') assert.ok(done('invoiced'), o.displayNumber);
      if (['Draft', 'Awaiting Authorisation', 'Authorised', 'Sent'].includes(o.state)) assert.ok(o.items.every((i) => i.received === 0 && i.invoiced === 0), o.displayNumber);
    }
    const suppliers = [...db.suppliers.values()];
    assert.ok(suppliers.some((s) => s.companies.get('MAIN')?.attrs.Active === 'NO'));
    assert.ok(suppliers.some((s) => s.companies.has('NORTH')));
    assert.ok(suppliers.some((s) => s.branches.size > 1 && [...s.branches.values()].some((b) => b.contacts.size > 0)));
  });
});
