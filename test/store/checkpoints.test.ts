import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection } from './helpers.js';

describeEachStore('checkpoints repo', ({ store }) => {
  it('put, replace, get and list per connection', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    assert.equal(await s.checkpoints.get(c.id, 'vendors'), undefined);

    const first = await s.checkpoints.put({
      connectionId: c.id,
      entity: 'vendors',
      cursor: { since: at(0), page: 'abc' },
      status: 'running',
      lastRunStartedAt: at(0),
      counts: { created: 3 },
    });
    assert.deepEqual(first, {
      connectionId: c.id,
      entity: 'vendors',
      cursor: { since: at(0), page: 'abc' },
      status: 'running',
      lastRunStartedAt: at(0),
      lastSuccessAt: null,
      lastError: null,
      counts: { created: 3 },
    });
    const second = await s.checkpoints.put({
      connectionId: c.id,
      entity: 'vendors',
      cursor: null,
      status: 'failed',
      lastRunStartedAt: at(0),
      lastSuccessAt: null,
      lastError: 'system_unreachable',
    });
    assert.deepEqual(await s.checkpoints.get(c.id, 'vendors'), second);
    assert.equal(second.cursor, null);
    assert.deepEqual(second.counts, {});
    assert.equal(second.lastError, 'system_unreachable');

    await s.checkpoints.put({ connectionId: c.id, entity: 'assets', status: 'idle', cursor: 17 });
    await s.checkpoints.put({ connectionId: other.id, entity: 'assets', status: 'idle' });
    const listed = await s.checkpoints.listForConnection(c.id);
    assert.deepEqual(listed.map((r) => [r.entity, r.cursor]), [['assets', 17], ['vendors', null]]);
  });
});
