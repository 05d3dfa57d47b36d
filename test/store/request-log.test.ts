import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, uid } from './helpers.js';

describeEachStore('request log repo', ({ store }) => {
  it('insert, get, ignore a repeated request id, and prune', async () => {
    const s = store();
    const requestId = uid('req');
    const calls = [{ method: 'POST', url: 'https://erp.example/api/model/purchase.purchase', status: 503, durationMs: 120.5, retries: 2 }];
    const row = {
      requestId,
      method: 'POST',
      route: '/v1/purchase-orders',
      url: '/v1/purchase-orders?x=1',
      connectionId: 'conn_any',
      status: 503,
      durationMs: 250.75,
      createdAt: at(0),
      calls,
      errorCode: 'system_unavailable',
    };
    assert.equal(await s.requestLog.insert(row), true);
    assert.deepEqual(await s.requestLog.get(requestId), row);
    assert.equal(await s.requestLog.insert({ ...row, status: 200 }), false);
    assert.equal((await s.requestLog.get(requestId))?.status, 503);

    const recent = uid('req');
    const minimal = { requestId: recent, method: 'GET', route: '/health', url: '/health', status: 200, durationMs: 1, createdAt: at(5_000) };
    await s.requestLog.insert(minimal);
    assert.deepEqual(await s.requestLog.get(recent), {
      requestId: recent,
      method: 'GET',
      route: '/health',
      url: '/health',
      connectionId: null,
      status: 200,
      durationMs: 1,
      createdAt: at(5_000),
      calls: [],
      errorCode: null,
    });
    assert.equal(await s.requestLog.get(uid('missing')), undefined);

    assert.equal(await s.requestLog.pruneOlderThan(at(5_000)), 1);
    assert.equal(await s.requestLog.get(requestId), undefined);
    assert.ok(await s.requestLog.get(recent));
  });
});
