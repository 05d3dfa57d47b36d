import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { NewEvent } from '../../src/store/index.js';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection, uid } from './helpers.js';

function event(connectionId: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: uid('evt'),
    connectionId,
    entity: 'purchaseOrders',
    recordId: uid('po'),
    type: 'created',
    payload: { version: 1, data: { total: '10.00' } },
    createdAt: at(0),
    ...overrides,
  };
}

describeEachStore('events repo', ({ store }) => {
  it('append with increasing numeric seqs, and list after a seq', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    const input = [event(c.id), event(c.id, { type: 'updated' }), event(c.id, { type: 'deleted', payload: null })];
    const appended = await s.events.append(input);
    await s.events.append([event(other.id)]);

    assert.deepEqual(appended.map((e) => e.id), input.map((e) => e.id), 'in the order given');
    for (const e of appended) assert.equal(typeof e.seq, 'number');
    assert.ok(appended[0]!.seq < appended[1]!.seq && appended[1]!.seq < appended[2]!.seq);
    assert.deepEqual(appended[2], {
      seq: appended[2]!.seq,
      id: input[2]!.id,
      connectionId: c.id,
      entity: 'purchaseOrders',
      recordId: input[2]!.recordId,
      type: 'deleted',
      payload: null,
      createdAt: at(0),
    });

    assert.deepEqual(await s.events.listAfter(c.id, 0, 10), appended);
    assert.deepEqual(await s.events.listAfter(c.id, appended[0]!.seq, 1), [appended[1]]);
    assert.deepEqual(await s.events.listAfter(c.id, appended[2]!.seq, 10), []);
    assert.equal((await s.events.listAfter(other.id, 0, 10)).length, 1);
    assert.deepEqual(await s.events.append([]), []);
  });

  it('append many in one transaction', async () => {
    const s = store();
    const c = await makeConnection(s);
    const input = Array.from({ length: 1_203 }, (_, i) => event(c.id, { payload: { i } }));
    const appended = await s.events.append(input);
    assert.deepEqual(appended.map((e) => e.payload), input.map((e) => e.payload));
    const listed = await s.events.listAfter(c.id, 0, 2_000);
    assert.equal(listed.length, 1_203);
    assert.deepEqual(listed.map((e) => e.id), input.map((e) => e.id), 'seq follows the order given');

    const duplicate = [event(c.id), event(c.id, { id: input[0]!.id })];
    await assert.rejects(s.events.append(duplicate));
    assert.equal((await s.events.listAfter(c.id, listed[listed.length - 1]!.seq, 10)).length, 0, 'nothing of the failed batch');
  });
});
