import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RecordInput } from '../../src/store/index.js';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection, recordInput } from './helpers.js';

const PO = 'purchaseOrders';

/** A small seeded PRNG (mulberry32), so a failure replays identically. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachStore('records list paging', ({ store }) => {
  it('return each of 1,000 records exactly once while 100 others change between pages', async () => {
    const s = store();
    const c = await makeConnection(s);
    const inputs = Array.from({ length: 1_000 }, (_, i) => recordInput(c.id, PO, String(i + 1)));
    const original = new Set(inputs.map((r) => r.id));
    assert.equal(original.size, 1_000);
    await s.records.upsertMany(inputs);
    const next = random(42);
    const current: RecordInput[] = [...inputs];

    const seen = new Map<string, number>();
    let afterId: string | undefined;
    let page = 0;
    for (;;) {
      const rows = await s.records.list({ connectionId: c.id, entity: PO, limit: 37, afterId });
      for (const r of rows) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
      const ids = rows.map((r) => r.id);
      assert.deepEqual(ids, [...ids].sort(), 'ordered by id');
      if (rows.length === 0) break;
      afterId = ids[ids.length - 1];
      page++;

      // 100 records change (their updatedAt moves forward, some are already read, some not),
      // and two new ones appear before the cursor: ordering by updatedAt, or paging by OFFSET,
      // would repeat or skip records here.
      const changed = new Set<number>();
      while (changed.size < 100) changed.add(Math.floor(next() * current.length));
      const updates = [...changed].map((i) => {
        const r = current[i]!;
        return (current[i] = { ...r, data: { ...r.data, page }, updatedAt: at(10_000 + page), syncedAt: at(10_000 + page) });
      });
      const results = await s.records.upsertMany(updates);
      assert.ok(results.every((r) => r.outcome === 'updated'));
      await s.records.upsertMany(
        [0, 1].map((k) => ({ ...recordInput(c.id, PO, `new-${page}-${k}`), id: `rec_!${page}_${k}` })),
      );
    }

    assert.ok(page > 20, `paged ${page} times`);
    for (const id of original) assert.equal(seen.get(id), 1, `record ${id} seen once`);
    for (const [id, n] of seen) assert.equal(n, 1, `record ${id} seen ${n} times`);
  });

  it('filter by modifiedAfter on exactly the records updated after the instant', async () => {
    const s = store();
    const c = await makeConnection(s);
    // Every 250 ms from the base: half the instants fall on whole seconds.
    const inputs = Array.from({ length: 40 }, (_, i) => recordInput(c.id, PO, String(i), { updatedAt: at(i * 250) }));
    await s.records.upsertMany(inputs);
    await s.records.markDeleted(c.id, PO, inputs[39]!.id, at(60_000));

    const expectAfter = (ms: number, includeDeleted = false) =>
      inputs
        .filter((r, i) => i * 250 > ms && (includeDeleted || i !== 39))
        .map((r) => r.id)
        .sort();
    const list = async (modifiedAfter: string, includeDeleted = false) =>
      (await s.records.list({ connectionId: c.id, entity: PO, limit: 100, modifiedAfter, includeDeleted })).map((r) => r.id);

    assert.deepEqual(await list(at(5_000)), expectAfter(5_000), 'an instant equal to a record is exclusive');
    assert.deepEqual(await list(at(5_001)), expectAfter(5_001));
    // The same instant without milliseconds, and with an offset: compared as instants, not text.
    assert.deepEqual(await list('2026-03-01T10:00:05Z'), expectAfter(5_000));
    assert.deepEqual(await list('2026-03-01T12:00:05+02:00'), expectAfter(5_000));
    assert.deepEqual(await list(at(5_000), true), expectAfter(5_000, true));
    assert.deepEqual(await list(at(-1)), expectAfter(-1));
    assert.deepEqual(await list(at(100_000)), []);

    // Combined with keyset paging and a status filter.
    await s.records.upsert({ ...inputs[30]!, status: 'closed', data: { closed: true } });
    const paged: string[] = [];
    let afterId: string | undefined;
    for (;;) {
      const rows = await s.records.list({
        connectionId: c.id,
        entity: PO,
        limit: 3,
        afterId,
        modifiedAfter: at(5_000),
        status: 'approved',
      });
      if (rows.length === 0) break;
      paged.push(...rows.map((r) => r.id));
      afterId = rows[rows.length - 1]!.id;
    }
    assert.deepEqual(paged, expectAfter(5_000).filter((id) => id !== inputs[30]!.id));
    const closed = await s.records.list({ connectionId: c.id, entity: PO, limit: 10, status: 'closed' });
    assert.deepEqual(closed.map((r) => r.id), [inputs[30]!.id]);
  });
});
