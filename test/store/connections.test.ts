import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, countRows, makeConnection, recordInput, uid } from './helpers.js';

describeEachStore('connections repo', ({ store }) => {
  it('create with defaults and read back', async () => {
    const id = uid('conn');
    const created = await store().connections.create({
      id,
      system: 'tryton',
      name: 'Plant 4 ERP',
      credentials: 'v1.ciphertext',
      metadata: { plant: 4, tags: ['a', 'b'] },
      createdAt: at(0),
    });
    assert.deepEqual(created, {
      id,
      system: 'tryton',
      name: 'Plant 4 ERP',
      status: 'active',
      credentials: 'v1.ciphertext',
      metadata: { plant: 4, tags: ['a', 'b'] },
      lastSyncAt: null,
      lastError: null,
      syncIntervalSeconds: null,
      outboundPolicy: null,
      createdAt: at(0),
      updatedAt: at(0),
    });
    assert.deepEqual(await store().connections.get(id), created);
    assert.equal(await store().connections.get(uid('missing')), undefined);
  });

  it('refuse a status outside the four', async () => {
    await assert.rejects(
      store().connections.create({ id: uid('conn'), system: 'x', name: 'x', status: 'broken' as 'active' }),
    );
  });

  it('list by id with a keyset cursor', async () => {
    const prefix = uid('list');
    for (const n of [3, 1, 2, 5, 4]) {
      await store().connections.create({ id: `${prefix}_${n}`, system: 'tryton', name: `c${n}` });
    }
    const ids: string[] = [];
    let afterId = `${prefix}_`;
    for (;;) {
      const page = await store().connections.list({ limit: 2, afterId });
      const mine = page.filter((c) => c.id.startsWith(prefix));
      ids.push(...mine.map((c) => c.id));
      if (mine.length < 2) break;
      afterId = mine[mine.length - 1]!.id;
    }
    assert.deepEqual(ids, [1, 2, 3, 4, 5].map((n) => `${prefix}_${n}`));
  });

  it('update only the given fields, and move updatedAt', async () => {
    const c = await store().connections.create({
      id: uid('conn'),
      system: 'tryton',
      name: 'before',
      credentials: 'secret',
      metadata: { a: 1 },
      createdAt: at(0),
    });
    const updated = await store().connections.update(c.id, {
      status: 'needs_attention',
      lastError: 'invalid_credentials',
      lastSyncAt: '2026-03-01T11:00:00+01:00',
      updatedAt: at(5_000),
    });
    assert.deepEqual(updated, {
      ...c,
      status: 'needs_attention',
      lastError: 'invalid_credentials',
      lastSyncAt: '2026-03-01T10:00:00.000Z',
      updatedAt: at(5_000),
    });
    const cleared = await store().connections.update(c.id, { credentials: null, lastError: null, metadata: {} });
    assert.equal(cleared?.credentials, null);
    assert.equal(cleared?.lastError, null);
    assert.deepEqual(cleared?.metadata, {});
    assert.equal(cleared?.name, 'before');
    assert.ok(cleared!.updatedAt > at(5_000));
    assert.equal(await store().connections.update(uid('missing'), { name: 'x' }), undefined);
  });

  it('delete a connection with its dependents and nothing of another connection', async () => {
    const s = store();
    const seed = async (connectionId: string) => {
      await s.tokens.create({ id: uid('tok'), connectionId, prefix: 'mf_abc', hash: uid('hash') });
      await s.records.upsertMany([recordInput(connectionId, 'purchaseOrders', '1'), recordInput(connectionId, 'vendors', '1')]);
      await s.checkpoints.put({ connectionId, entity: 'purchaseOrders', status: 'idle' });
      await s.fieldMappings.insert({ connectionId, entity: 'purchaseOrders', mapping: { fields: {} } });
      await s.idempotency.begin({ connectionId, key: 'k1', requestHash: 'h', now: at(0), expiresAt: at(86_400_000) });
      await s.events.append([{ id: uid('evt'), connectionId, entity: 'purchaseOrders', recordId: 'r', type: 'created', payload: {} }]);
      await s.requestLog.insert({
        requestId: uid('req'),
        method: 'GET',
        route: '/v1/purchase-orders',
        url: '/v1/purchase-orders',
        connectionId,
        status: 200,
        durationMs: 3,
        createdAt: at(0),
      });
    };
    const doomed = await makeConnection(s);
    const kept = await makeConnection(s);
    await seed(doomed.id);
    await seed(kept.id);

    const tables = ['tokens', 'records', 'sync_checkpoints', 'field_mappings', 'idempotency_keys', 'events'] as const;
    for (const t of tables) assert.ok((await countRows(s, t, doomed.id)) > 0, `${t} seeded`);

    assert.equal(await s.connections.delete(doomed.id), true);
    assert.equal(await s.connections.get(doomed.id), undefined);
    for (const t of tables) assert.equal(await countRows(s, t, doomed.id), 0, `${t} of the deleted connection`);
    for (const t of tables) assert.ok((await countRows(s, t, kept.id)) > 0, `${t} of the other connection`);
    assert.equal(await countRows(s, 'request_log', doomed.id), 1, 'the request log outlives the connection');
    assert.ok(await s.connections.get(kept.id));
    assert.equal(await s.connections.delete(doomed.id), false);
  });

  it('refuse rows that point at no connection', async () => {
    await assert.rejects(store().tokens.create({ id: uid('tok'), connectionId: uid('ghost'), prefix: 'p', hash: uid('h') }));
    await assert.rejects(store().records.upsert(recordInput(uid('ghost'), 'vendors', '1')));
  });
});
