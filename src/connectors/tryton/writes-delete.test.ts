/**
 * Deleting Tryton purchase orders, and the concurrency token on every update and delete, through
 * the resource's write functions against a real Tryton; each outcome checked in Tryton directly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectTo, withTryton } from './real-tryton.test-support.js';
import { ctx, exists, existingOf, failure, header, lines, nextSecond, seedDraft, seedInState, writes } from './writes.test-support.js';

const caps = writes.capabilities;

await withTryton('tryton purchase-order delete and concurrency', (server) => {
  test('delete: a draft is gone, a quotation is cancelled and kept, a cancelled order stays', async () => {
    const s = server();
    const client = connectTo(s);
    assert.equal(caps.delete!.mode, 'cancelled');

    const draft = await seedDraft(s);
    assert.equal(await writes.delete(client, await existingOf(client, draft), ctx), 'hard');
    assert.equal(await exists(s, draft), false, 'the draft is deleted in Tryton');

    const quotation = await seedInState(s, 'quotation');
    const number = (await header(s, quotation, ['number'])).number;
    assert.equal(await writes.delete(client, await existingOf(client, quotation), ctx), 'cancelled');
    assert.deepEqual(await header(s, quotation, ['state', 'number']), { id: quotation, state: 'cancelled', number });

    // Deleting it again (a retried DELETE) leaves the cancelled quotation where it is…
    const before = await header(s, quotation, ['state', 'write_date', '_timestamp']);
    assert.equal(await writes.delete(client, await existingOf(client, quotation), ctx), 'cancelled');
    assert.deepEqual(await header(s, quotation, ['state', 'write_date', '_timestamp']), before);
    // …where Tryton's own delete would erase it for good.
    const other = await seedInState(s, 'cancelled');
    await s.rpc('model.purchase.purchase.delete', [[other]]);
    assert.equal(await exists(s, other), false);
  });

  test('delete of a confirmed order: Tryton refuses it (and its cancel is a silent no-op)', async () => {
    const s = server();
    const client = connectTo(s);
    const { idsByState, partiallyReceived } = s.seed.purchases;
    const confirmed = await seedInState(s, 'processing');
    await s.rpc('model.purchase.purchase.write', [[confirmed], { state: 'confirmed' }]);
    const received = await existingOf(client, idsByState.processing.find((id) => !partiallyReceived.includes(id))!);
    received.remoteData = { ...received.remoteData, shipment_state: 'received' };
    received.data = { ...received.data, status: 'received' };
    const cases = [
      await existingOf(client, confirmed),
      await existingOf(client, idsByState.processing.find((id) => !partiallyReceived.includes(id))!),
      await existingOf(client, partiallyReceived[0]!),
      received,
      await existingOf(client, idsByState.done[0]!),
    ];
    assert.deepEqual(cases.map((c) => c.data.status), caps.delete!.lockedWhen!.statuses, 'one case per locked status');
    assert.equal(caps.delete!.lockedWhen!.enforcedBy, 'system');
    for (const existing of cases) {
      const before = await header(s, existing.remoteId, ['state', 'write_date']);
      await assert.rejects(writes.delete(client, existing, ctx), failure('rejected_by_system', (e) => {
        assert.equal(e.source, 'system');
        assert.match(e.systemMessage ?? '', /To delete purchase .* you must cancel it/);
      }));
      assert.deepEqual(await header(s, existing.remoteId, ['state', 'write_date']), before, `${String(existing.data.status)}: unchanged`);
      await s.rpc('model.purchase.purchase.cancel', [[Number(existing.remoteId)]]);
      assert.equal((await header(s, existing.remoteId, ['state'])).state, before.state, 'cancel answers null and changes nothing');
    }
  });

  test('a change made in Tryton after Manifold read the order: every write is refused with version_conflict', async () => {
    const s = server();
    const client = connectTo(s);
    assert.equal(caps.concurrency, 'system_token');
    const ids = {
      header: await seedDraft(s),
      line: await seedDraft(s),
      button: await seedDraft(s),
      deleteDraft: await seedDraft(s),
      deleteQuotation: await seedInState(s, 'quotation'),
      deleteCancelled: await seedInState(s, 'cancelled'),
    };
    const read = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await existingOf(client, id)] as const)));
    const [line] = await lines(s, ids.line, ['quantity']);
    await nextSecond();
    // The changes made directly in Tryton meanwhile. A direct line write leaves the order's own
    // write_date alone: only the line's token can see it.
    await s.rpc('model.purchase.purchase.write', [[ids.header, ids.button, ids.deleteDraft, ids.deleteQuotation, ids.deleteCancelled], { comment: 'changed in Tryton' }]);
    await s.rpc('model.purchase.line.write', [[line!.id], { quantity: 99 }]);
    assert.deepEqual((await header(s, ids.line, ['_timestamp']))._timestamp, read.line!.remoteData._timestamp, "the order's token did not move");

    const conflict = failure('version_conflict', (e) => {
      assert.equal(e.failureClass, 'transient', 'a conflict never makes the connection need attention');
      assert.match(e.message, /changed in Tryton/);
    });
    await assert.rejects(writes.update(client, read.header!, { description: 'from Manifold' }, ctx), conflict);
    await assert.rejects(writes.update(client, read.line!, { lines: [{ remoteId: String(line!.id), quantity: '5' }] }, ctx), conflict);
    await assert.rejects(writes.update(client, read.button!, { status: 'pending_approval' }, ctx), conflict);
    await assert.rejects(writes.delete(client, read.deleteDraft!, ctx), conflict);
    await assert.rejects(writes.delete(client, read.deleteQuotation!, ctx), conflict);
    await assert.rejects(writes.delete(client, read.deleteCancelled!, ctx), conflict);

    assert.equal((await header(s, ids.header, ['description'])).description, 'seeded draft');
    assert.equal((await lines(s, ids.line, ['quantity']))[0]!.quantity, 99);
    assert.equal((await header(s, ids.button, ['state'])).state, 'draft');
    assert.equal(await exists(s, ids.deleteDraft), true);
    assert.equal((await header(s, ids.deleteQuotation, ['state'])).state, 'quotation');
    assert.equal((await header(s, ids.deleteCancelled, ['state'])).state, 'cancelled');

    // Read again, the same writes go through.
    await writes.update(client, await existingOf(client, ids.header), { description: 'from Manifold' }, ctx);
    assert.equal((await header(s, ids.header, ['description'])).description, 'from Manifold');
    await writes.update(client, await existingOf(client, ids.line), { lines: [{ remoteId: String(line!.id), quantity: '5' }] }, ctx);
    assert.equal((await lines(s, ids.line, ['quantity']))[0]!.quantity, 5);
  });
});
