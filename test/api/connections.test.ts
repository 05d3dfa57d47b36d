/**
 * Connection management without a live system: listing with paging, renaming, metadata, the sync
 * interval, disabling, and what each refuses.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, newConnection } from '../support/app.js';

describeEachStore('connections', ({ store }) => {
  let app: FastifyInstance;
  before(async () => {
    app = await appFor(store());
  });
  after(async () => app.close());

  it('pages through connections', async () => {
    for (let i = 0; i < 5; i += 1) await newConnection(store(), `Paged ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await app.inject({ url: `/v1/connections?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: admin });
      assert.equal(res.statusCode, 200);
      seen.push(...res.json().data.map((c: any) => c.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(seen.length >= 5);
  });

  it('changes name, metadata, interval and status', async () => {
    const { id } = await newConnection(store(), 'Before');
    const res = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload: { name: 'After', metadata: { plant: 4 }, syncIntervalMinutes: 15, status: 'disabled' } });
    assert.equal(res.statusCode, 200, res.body);
    const data = res.json().data;
    assert.equal(data.name, 'After');
    assert.deepEqual(data.metadata, { plant: 4 });
    assert.equal(data.syncIntervalMinutes, 15);
    assert.equal(data.status, 'disabled');
    assert.equal((await store().connections.get(id))?.syncIntervalSeconds, 900);
    const reset = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload: { syncIntervalMinutes: null, status: 'active' } });
    assert.equal(reset.json().data.syncIntervalMinutes, null);
    assert.equal(reset.json().data.status, 'active');
  });

  it('refuses what it cannot do', async () => {
    const { id } = await newConnection(store(), 'Strict');
    for (const payload of [{ status: 'syncing' }, { syncIntervalMinutes: 0 }, { name: '' }, { unknown: 1 }]) {
      const res = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
    }
    // A rate budget that cannot be kept, or a field it does not have, is named.
    for (const [rateBudget, field] of [[{ requestsPerSecond: 0 }, 'requestsPerSecond'], [{ burst: 1.5 }, 'burst'], [{ maxConcurrent: -1 }, 'maxConcurrent'], [{ windows: [{ requests: 5 }] }, 'seconds'], [{ perHour: 5 }, 'perHour']] as const) {
      const res = await app.inject({ method: 'PATCH', url: `/v1/connections/${id}`, headers: admin, payload: { outboundPolicy: { rateBudget } } });
      assert.equal(res.statusCode, 400, JSON.stringify(rateBudget));
      assert.match(res.body, new RegExp(field), res.body);
    }
    assert.equal((await store().connections.get(id))?.outboundPolicy, null, 'nothing refused was stored');
    assert.equal((await app.inject({ method: 'PATCH', url: '/v1/connections/conn_nope', headers: admin, payload: { name: 'x' } })).statusCode, 404);
    assert.equal((await app.inject({ url: '/v1/connections/conn_nope/sync', headers: admin })).statusCode, 404);
  });
});
