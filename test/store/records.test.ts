import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { contentHash } from '../../src/store/index.js';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection, recordInput, testRecordId, uid } from './helpers.js';

const PO = 'purchaseOrders';

/** The stored digest: r1: and SHA-256 of the parts' JSON texts, each prefixed by its length. */
function expectedDigest(parts: string[]): string {
  return `r1:${createHash('sha256').update(parts.map((p) => `${p.length}:${p}`).join('')).digest('hex')}`;
}

/** The documented canonical hash (stored before digests), computed independently of the store's canonicaliser. */
function expectedHash(parts: Record<string, unknown>): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return createHash('sha256').update(canonical(parts)).digest('hex');
}

describeEachStore('records repo', ({ store }) => {
  it('a record whose system keeps no change time is not a new version at every sync', async () => {
    const s = store();
    const c = await makeConnection(s);
    // updatedAt is when Manifold saw the record (the system has no times): each sync sees a later one.
    const first = recordInput(c.id, PO, 'no-times');
    const seen = (ms: number, data = first.data) => ({ ...first, data, createdAt: null, updatedAt: at(ms), updatedAtObserved: true, syncedAt: at(ms) });
    assert.equal((await s.records.upsert(seen(0))).outcome, 'created');
    const again = await s.records.upsert(seen(60_000));
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.record.version, 1);
    assert.equal(again.record.updatedAt, at(0), 'the first sighting stays the change time');
    const changed = await s.records.upsert(seen(120_000, { ...first.data, number: 'PO-renamed' }));
    assert.equal(changed.outcome, 'updated');
    assert.equal(changed.record.version, 2);
    assert.equal(changed.record.updatedAt, at(120_000), 'a real change is dated when it was seen');
  });

  it('walk created → unchanged → updated → deleted → restored, with versions', async () => {
    const s = store();
    const c = await makeConnection(s);
    const input = recordInput(c.id, PO, '42');

    const created = await s.records.upsert(input);
    assert.equal(created.outcome, 'created');
    assert.deepEqual(created.record, {
      id: input.id,
      connectionId: c.id,
      entity: PO,
      remoteId: '42',
      data: input.data,
      remoteData: input.remoteData,
      customFields: {},
      contentHash: expectedDigest([JSON.stringify(input.data), JSON.stringify(input.remoteData), '{}', input.createdAt!, input.updatedAt]),
      version: 1,
      status: 'approved',
      createdAt: input.createdAt,
      updatedAt: input.updatedAt,
      deletedAt: null,
      syncedAt: input.syncedAt,
    });
    assert.deepEqual(await s.records.get(c.id, PO, input.id), created.record);

    // Same content, keys in another order, seen by a later sync.
    const reordered = { lines: [{ qty: 1, sku: 'A' }], total: '100.00', status: 'approved', number: 'PO-42' };
    const unchanged = await s.records.upsert({ ...input, data: reordered, syncedAt: at(60_000) });
    assert.equal(unchanged.outcome, 'unchanged');
    assert.equal(unchanged.record.version, 1);
    assert.equal(unchanged.record.contentHash, expectedDigest([JSON.stringify(reordered), JSON.stringify(input.remoteData), '{}', input.createdAt!, input.updatedAt]), 'the digest of what is stored now');
    assert.equal(unchanged.record.syncedAt, at(60_000));
    assert.equal((await s.records.get(c.id, PO, input.id))?.syncedAt, at(60_000));

    const changedData = { ...input.data, total: '120.00' };
    const updated = await s.records.upsert({ ...input, data: changedData, updatedAt: at(70_000), syncedAt: at(70_000) });
    assert.equal(updated.outcome, 'updated');
    assert.equal(updated.record.version, 2);
    assert.notEqual(updated.record.contentHash, created.record.contentHash);
    assert.deepEqual((await s.records.get(c.id, PO, input.id))?.data, changedData);

    const deleted = await s.records.markDeleted(c.id, PO, input.id, at(80_000));
    assert.equal(deleted?.version, 3);
    assert.equal(deleted?.deletedAt, at(80_000));
    const again = await s.records.markDeleted(c.id, PO, input.id, at(90_000));
    assert.equal(again?.version, 3, 'deleting a deleted record changes nothing');
    assert.equal(again?.deletedAt, at(80_000));

    const restored = await s.records.upsert({ ...input, data: changedData, updatedAt: at(70_000), syncedAt: at(95_000) });
    assert.equal(restored.outcome, 'restored');
    assert.equal(restored.record.version, 4);
    assert.equal(restored.record.deletedAt, null);
    assert.equal((await s.records.get(c.id, PO, input.id))?.deletedAt, null);
  });

  it('count a change in remoteData, customFields, timestamps or status as an update', async () => {
    const s = store();
    const c = await makeConnection(s);
    const base = recordInput(c.id, PO, '7');
    await s.records.upsert(base);
    const changes = [
      { remoteData: { id: 7, state: 'done' } },
      { customFields: { costCenter: 'CC-1' } },
      { createdAt: at(-1) },
      { updatedAt: at(5_000) },
      { status: 'closed' },
      { remoteData: null },
    ];
    let version = 1;
    let current = base;
    for (const change of changes) {
      current = { ...current, ...change };
      const result = await s.records.upsert(current);
      assert.equal(result.outcome, 'updated', JSON.stringify(change));
      assert.equal(result.record.version, ++version);
    }
    const final = await s.records.getByRemoteId(c.id, PO, '7');
    assert.equal(final?.remoteData, null);
    assert.deepEqual(final?.customFields, { costCenter: 'CC-1' });
    assert.equal(final?.status, 'closed');
    assert.equal((await s.records.upsert(current)).outcome, 'unchanged');
  });

  it('compare content by value: keys that moved, and hashes stored before digests, are no change', async () => {
    const s = store();
    const c = await makeConnection(s);
    const input = recordInput(c.id, PO, 'moved', { remoteData: { id: 9, lines: [{ a: 1, b: 2 }], state: 'draft' } });
    const created = await s.records.upsert(input);
    // The system answers the same record with its members in another order.
    const moved = await s.records.upsert({ ...input, remoteData: { state: 'draft', lines: [{ b: 2, a: 1 }], id: 9 }, syncedAt: at(50_000) });
    assert.equal(moved.outcome, 'unchanged');
    assert.equal(moved.record.version, created.record.version);
    assert.notEqual(moved.record.contentHash, created.record.contentHash, 'the digest now describes the stored text');
    assert.equal((await s.records.upsertBrief([{ ...input, remoteData: { state: 'draft', lines: [{ b: 2, a: 1 }], id: 9 } }]))[0]!.outcome, 'unchanged');
    // A value that changed deep inside is a change, digest or not.
    const changed = await s.records.upsert({ ...input, remoteData: { id: 9, lines: [{ a: 1, b: 3 }], state: 'draft' } });
    assert.equal(changed.outcome, 'updated');
    assert.equal(changed.record.version, 2);

    // A store written before digests holds the canonical hash: the same content is no change,
    // and its hash is replaced by the digest; other content is a change.
    const legacy = (parts: { data: unknown; remoteData: unknown }) => contentHash({ ...parts, customFields: {}, createdAt: input.createdAt, updatedAt: input.updatedAt });
    const current = { ...input, remoteData: { id: 9, lines: [{ a: 1, b: 3 }], state: 'draft' } };
    await s.db.updateTable('records').set({ content_hash: legacy(current) }).where('id', '=', input.id).execute();
    const again = await s.records.upsert({ ...current, syncedAt: at(60_000) });
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.record.version, 2);
    assert.match(again.record.contentHash, /^r1:[0-9a-f]{64}$/);
    await s.db.updateTable('records').set({ content_hash: legacy(current) }).where('id', '=', input.id).execute();
    const other = await s.records.upsertBrief([{ ...current, data: { ...current.data, total: '1.00' } }]);
    assert.deepEqual(other.map((r) => [r.outcome, r.version]), [['updated', 3]]);
  });

  it('hash only the documented parts', () => {
    const parts = { data: { b: 1, a: [{ y: 2, x: 1 }] }, remoteData: { z: null }, customFields: {}, createdAt: null, updatedAt: at(0) };
    assert.equal(contentHash(parts), expectedHash(parts));
    assert.equal(contentHash({ ...parts, data: { a: [{ x: 1, y: 2 }], b: 1 } }), expectedHash(parts));
  });

  it('normalise times to the stored form and refuse ambiguous ones', async () => {
    const s = store();
    const c = await makeConnection(s);
    const r = await s.records.upsert(
      recordInput(c.id, PO, 'tz', {
        createdAt: '2026-03-01',
        updatedAt: '2026-03-01T12:00:00+02:00',
        syncedAt: '2026-03-01T10:00:00.1234Z',
      }),
    );
    assert.equal(r.record.createdAt, '2026-03-01T00:00:00.000Z');
    assert.equal(r.record.updatedAt, '2026-03-01T10:00:00.000Z');
    assert.equal(r.record.syncedAt, '2026-03-01T10:00:00.123Z');
    await assert.rejects(s.records.upsert(recordInput(c.id, PO, 'local', { updatedAt: '2026-03-01T12:00:00' })), RangeError);
    assert.equal(await s.records.getByRemoteId(c.id, PO, 'local'), undefined);
  });

  /** Records 1 and 2 stored, 2 deleted; then a batch that creates, touches, restores, updates and repeats. */
  async function repeatsBatch() {
    const s = store();
    const c = await makeConnection(s);
    await s.records.upsert(recordInput(c.id, PO, '1'));
    await s.records.upsert(recordInput(c.id, PO, '2'));
    await s.records.markDeleted(c.id, PO, testRecordId(c.id, PO, '2'), at(3_000));
    const batch = [
      recordInput(c.id, PO, '3'),
      recordInput(c.id, PO, '1', { syncedAt: at(9_000) }),
      recordInput(c.id, PO, '2'),
      recordInput(c.id, PO, '1', { data: { number: 'PO-1', total: '1.00' } }),
      recordInput(c.id, PO, '3'),
    ];
    return { s, c, batch };
  }

  it('upsertMany in order, in one transaction, with repeats of an id', async () => {
    const { s, c, batch } = await repeatsBatch();
    const results = await s.records.upsertMany(batch);
    assert.deepEqual(
      results.map((r) => [r.record.remoteId, r.outcome, r.record.version]),
      [
        ['3', 'created', 1],
        ['1', 'unchanged', 1],
        ['2', 'restored', 3],
        ['1', 'updated', 2],
        ['3', 'unchanged', 1],
      ],
    );

    // A failure rolls the whole batch back.
    await assert.rejects(
      s.records.upsertMany([recordInput(c.id, PO, '4'), recordInput(c.id, PO, '5', { updatedAt: 'yesterday' })]),
    );
    await assert.rejects(
      s.records.upsertMany([recordInput(c.id, PO, '4'), { ...recordInput(c.id, PO, '5'), connectionId: uid('ghost') }]),
    );
    assert.equal(await s.records.getByRemoteId(c.id, PO, '4'), undefined);
  });

  it('upsertBrief answers what upsertMany does, without the records', async () => {
    const { s, c, batch } = await repeatsBatch();
    const results = await s.records.upsertBrief(batch);
    assert.deepEqual(results, [
      { id: testRecordId(c.id, PO, '3'), outcome: 'created', version: 1 },
      { id: testRecordId(c.id, PO, '1'), outcome: 'unchanged', version: 1 },
      { id: testRecordId(c.id, PO, '2'), outcome: 'restored', version: 3 },
      { id: testRecordId(c.id, PO, '1'), outcome: 'updated', version: 2 },
      { id: testRecordId(c.id, PO, '3'), outcome: 'unchanged', version: 1 },
    ]);
    const one = await s.records.getByRemoteId(c.id, PO, '1');
    assert.deepEqual(one?.data, { number: 'PO-1', total: '1.00' });
    assert.equal(one?.syncedAt, recordInput(c.id, PO, '1').syncedAt, 'the last step wrote its synced_at');
    assert.equal((await s.records.getByRemoteId(c.id, PO, '2'))?.deletedAt, null);
  });

  it('keep concurrent writers of one record from losing versions', async () => {
    const s = store();
    const c = await makeConnection(s);
    const writes = Array.from({ length: 12 }, (_, i) =>
      s.records.upsert(recordInput(c.id, PO, 'race', { data: { n: i }, updatedAt: at(i) })),
    );
    const results = await Promise.all(writes);
    assert.equal(results.filter((r) => r.outcome === 'created').length, 1);
    assert.deepEqual(results.map((r) => r.record.version).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.equal((await s.records.getByRemoteId(c.id, PO, 'race'))?.version, 12);
  });

  it('refuse an id that does not match the remote key it names', async () => {
    const s = store();
    const c = await makeConnection(s);
    await s.records.upsert(recordInput(c.id, PO, '1'));
    await assert.rejects(s.records.upsert({ ...recordInput(c.id, PO, '1'), id: 'rec_other' }), /mismatched id/);
    await assert.rejects(s.records.upsert({ ...recordInput(c.id, PO, '2'), id: testRecordId(c.id, PO, '1') }), /another/);
  });

  it('scope get, getByRemoteId and count to the connection and entity', async () => {
    const s = store();
    const a = await makeConnection(s);
    const b = await makeConnection(s);
    const r = (await s.records.upsert(recordInput(a.id, PO, '1'))).record;
    await s.records.upsertMany([recordInput(a.id, PO, '2'), recordInput(a.id, 'vendors', '1'), recordInput(b.id, PO, '1')]);
    assert.equal(await s.records.get(b.id, PO, r.id), undefined);
    assert.equal(await s.records.get(a.id, 'vendors', r.id), undefined);
    assert.equal((await s.records.getByRemoteId(a.id, PO, '1'))?.id, r.id);
    assert.equal(await s.records.getByRemoteId(a.id, PO, '404'), undefined);
    await s.records.markDeleted(a.id, PO, r.id, at(5_000));
    assert.equal(await s.records.count({ connectionId: a.id, entity: PO }), 1);
    assert.equal(await s.records.count({ connectionId: a.id, entity: PO, includeDeleted: true }), 2);
    assert.equal(await s.records.count({ connectionId: b.id, entity: PO }), 1);
    assert.equal(await s.records.markDeleted(b.id, PO, r.id, at(5_000)), undefined);
  });

  it('sweep exactly the records a sync did not see', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    const firstSync = at(10_000);
    const secondSync = at(20_000);
    const inputs = Array.from({ length: 10 }, (_, i) => recordInput(c.id, PO, String(i), { syncedAt: firstSync }));
    await s.records.upsertMany(inputs);
    await s.records.upsertMany([
      recordInput(c.id, 'vendors', '1', { syncedAt: firstSync }),
      recordInput(other.id, PO, '1', { syncedAt: firstSync }),
    ]);
    await s.records.markDeleted(c.id, PO, inputs[9]!.id, at(15_000));

    const seen = [0, 2, 4, 6, 7];
    await s.records.upsertMany(seen.map((i) => ({ ...inputs[i]!, syncedAt: secondSync })));
    const swept = await s.records.sweepNotSyncedSince(c.id, PO, secondSync, at(30_000));
    assert.equal(swept, 4, 'records 1, 3, 5, 8 (9 was already deleted)');

    const all = await s.records.list({ connectionId: c.id, entity: PO, limit: 100, includeDeleted: true });
    for (const r of all) {
      const i = Number(r.remoteId);
      if (seen.includes(i)) {
        assert.equal(r.deletedAt, null, `record ${i} was seen`);
        assert.equal(r.version, 1);
      } else if (i === 9) {
        assert.equal(r.deletedAt, at(15_000), 'an earlier deletion keeps its time');
        assert.equal(r.version, 2);
      } else {
        assert.equal(r.deletedAt, at(30_000), `record ${i} was not seen`);
        assert.equal(r.version, 2);
      }
    }
    assert.equal(await s.records.sweepNotSyncedSince(c.id, PO, secondSync, at(40_000)), 0);
    assert.equal(await s.records.count({ connectionId: c.id, entity: 'vendors' }), 1);
    assert.equal(await s.records.count({ connectionId: other.id, entity: PO }), 1);
  });
});
