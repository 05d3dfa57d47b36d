import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, countRows, makeConnection, openSecondStore, uid } from './helpers.js';

const DAY = 86_400_000;

describeEachStore('idempotency repo', ({ kind, store }) => {
  it('let exactly one of two concurrent begins claim a key', async () => {
    const s = store();
    const c = await makeConnection(s);
    const key = uid('key');
    const begin = (requestHash: string) => s.idempotency.begin({ connectionId: c.id, key, requestHash, now: at(0), expiresAt: at(DAY) });
    const results = await Promise.all([begin('h1'), begin('h2')]);
    assert.equal(results.filter((r) => r.created).length, 1);
    const loser = results.find((r) => !r.created);
    assert.ok(loser && !loser.created);
    assert.equal(loser.existing.state, 'in_progress');
    assert.equal(loser.existing.key, key);
  });

  it('let exactly one of many begins from two processes claim a key', async () => {
    const s = store();
    const second = await openSecondStore(kind, s);
    try {
      const c = await makeConnection(s);
      const key = uid('key');
      const begins = Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? second : s).idempotency.begin({ connectionId: c.id, key, requestHash: `h${i}`, now: at(0), expiresAt: at(DAY) }),
      );
      const results = await Promise.all(begins);
      assert.equal(results.filter((r) => r.created).length, 1);
    } finally {
      await second.close();
    }
  });

  it('complete, then answer the stored response to a retry', async () => {
    const s = store();
    const c = await makeConnection(s);
    const key = uid('key');
    const input = { connectionId: c.id, key, requestHash: 'h', now: at(0), expiresAt: at(DAY) };
    assert.deepEqual(await s.idempotency.begin(input), { created: true });
    assert.equal(await s.idempotency.complete(c.id, key, 201, { data: { id: 'po_1', total: '10.00' } }), true);
    const retry = await s.idempotency.begin({ ...input, requestHash: 'other', now: at(1_000) });
    assert.deepEqual(retry, {
      created: false,
      existing: {
        connectionId: c.id,
        key,
        requestHash: 'h',
        state: 'completed',
        responseStatus: 201,
        responseBody: { data: { id: 'po_1', total: '10.00' } },
        createdAt: at(0),
        expiresAt: at(DAY),
      },
    });
    assert.equal(await s.idempotency.release(c.id, key), false, 'a completed key is not released');
    assert.equal(await s.idempotency.complete(c.id, uid('missing'), 200, null), false);
  });

  it('release an in-progress key so that a retry can claim it', async () => {
    const s = store();
    const c = await makeConnection(s);
    const key = uid('key');
    const input = { connectionId: c.id, key, requestHash: 'h', now: at(0), expiresAt: at(DAY) };
    await s.idempotency.begin(input);
    assert.equal(await s.idempotency.release(c.id, key), true);
    assert.deepEqual(await s.idempotency.begin(input), { created: true });
  });

  it('treat an expired key as free, and prune expired keys', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    const key = uid('key');
    const begin = (connectionId: string, requestHash: string, now: number, expiresAt: number) =>
      s.idempotency.begin({ connectionId, key, requestHash, now: at(now), expiresAt: at(expiresAt) });

    await begin(c.id, 'old', 0, DAY);
    await s.idempotency.complete(c.id, key, 201, { ok: true });
    assert.equal((await begin(c.id, 'new', DAY - 1, 2 * DAY)).created, false, 'a millisecond before expiry');
    assert.deepEqual(await begin(c.id, 'new', DAY, 2 * DAY), { created: true }, 'at expiry');
    assert.deepEqual(await begin(other.id, 'x', 0, DAY), { created: true }, 'keys are per connection');

    assert.ok((await s.idempotency.pruneExpired(at(DAY))) >= 1);
    assert.equal(await countRows(s, 'idempotency_keys', other.id), 0, 'expired at the instant: pruned');
    assert.equal(await countRows(s, 'idempotency_keys', c.id), 1, 'not yet expired: kept');
    assert.equal((await begin(c.id, 'z', DAY, 2 * DAY)).created, false);
  });
});
