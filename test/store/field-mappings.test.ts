import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection } from './helpers.js';

describeEachStore('field mappings repo', ({ store }) => {
  it('number versions per connection and entity, and answer the latest', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    assert.equal(await s.fieldMappings.latest(c.id, 'purchaseOrders'), undefined);

    const v1 = await s.fieldMappings.insert({ connectionId: c.id, entity: 'purchaseOrders', mapping: { fields: {} }, createdAt: at(0) });
    assert.deepEqual(v1, { connectionId: c.id, entity: 'purchaseOrders', version: 1, mapping: { fields: {} }, createdAt: at(0) });
    const v2 = await s.fieldMappings.insert({
      connectionId: c.id,
      entity: 'purchaseOrders',
      mapping: { fields: { description: { source: 'comment' } } },
    });
    assert.equal(v2.version, 2);
    assert.equal((await s.fieldMappings.insert({ connectionId: c.id, entity: 'vendors', mapping: {} })).version, 1);
    assert.equal((await s.fieldMappings.insert({ connectionId: other.id, entity: 'purchaseOrders', mapping: {} })).version, 1);

    assert.deepEqual(await s.fieldMappings.latest(c.id, 'purchaseOrders'), v2);
    assert.deepEqual((await s.fieldMappings.list(c.id)).map((m) => [m.entity, m.version]), [
      ['purchaseOrders', 1],
      ['purchaseOrders', 2],
      ['vendors', 1],
    ]);
    assert.deepEqual((await s.fieldMappings.list(c.id, 'vendors')).map((m) => m.version), [1]);
  });

  it('allocate distinct versions to concurrent inserts', async () => {
    // 24 at once: on PostgreSQL one of them loses many rounds (a limit of 10 tries failed here).
    const s = store();
    const c = await makeConnection(s);
    const rows = await Promise.all(
      Array.from({ length: 24 }, (_, i) => s.fieldMappings.insert({ connectionId: c.id, entity: 'assets', mapping: { i } })),
    );
    assert.deepEqual(rows.map((r) => r.version).sort((a, b) => a - b), Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
