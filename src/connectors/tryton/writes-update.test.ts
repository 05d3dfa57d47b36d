/**
 * Updating Tryton purchase orders through the resource's write functions, against a real Tryton:
 * header and lines (change, add, remove) in one write, every status transition through Tryton's
 * buttons, and the locks — each claim of the update capabilities checked in Tryton directly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectTo, withTryton } from './real-tryton.test-support.js';
import { ctx, day, dec, existingOf, failure, header, lines, productId, seedDraft, seedInState, unifiedOf, writes } from './writes.test-support.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const caps = writes.capabilities.update!;
/** Every field path the tests below update, to check against the declaration. */
const covered = new Set<string>();
const cover = (patch: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(patch)) {
    covered.add(k);
    if (Array.isArray(v)) for (const l of v) for (const lk of Object.keys(l as object)) if (lk !== 'remoteId' && lk !== 'id') covered.add(`${k}[].${lk}`);
  }
  return patch;
};

await withTryton('tryton purchase-order update', (server) => {
  test('a draft: header and lines (one changed, one added, one removed) in one write; comment lines stay', async () => {
    const s = server();
    const client = connectTo(s);
    const id = await seedDraft(s);
    const [keep, drop] = await lines(s, id, ['product']);
    const comment = (await lines(s, id, ['description'], ['comment']))[0]!;
    const patch = cover({
      description: 'Revised bearings order',
      notes: 'Call before delivery.',
      paymentTerms: 'Due on receipt',
      orderDate: inDays(2),
      deliveryDate: inDays(40),
      lines: [
        { remoteId: String(keep!.id), quantity: '12', unitPrice: '4.75', description: 'Bearings, sealed', deliveryDate: inDays(25) },
        { itemCode: 'OIL-GR220', quantity: '5', unitOfMeasure: 'gal', unitPrice: '18.20' },
      ],
    });
    await writes.update(client, await existingOf(client, id), patch, ctx);

    const h = await header(s, id, ['description', 'comment', 'payment_term', 'purchase_date', 'delivery_date', 'write_date', 'state']);
    assert.deepEqual(
      [h.description, h.comment, h.payment_term, day(h.purchase_date), day(h.delivery_date), h.state],
      ['Revised bearings order', 'Call before delivery.', s.seed.paymentTerms['Due on receipt'], inDays(2), inDays(40), 'draft'],
    );
    assert.notEqual(h.write_date, null, "one write through the order: the order's own write_date moves");
    const got = await lines(s, id, ['product', 'quantity', 'unit.symbol', 'unit_price', 'description', 'delivery_date_store', 'sequence']);
    assert.deepEqual(
      got.map((l) => [l.id === keep!.id, l.product, l.quantity, (l['unit.'] as { symbol: string }).symbol, dec(l.unit_price), l.description, day(l.delivery_date_store), l.sequence]),
      [
        [true, productId(s, 'BRG-6204'), 12, 'u', '4.75', 'Bearings, sealed', inDays(25), 10],
        [false, productId(s, 'OIL-GR220'), 5, 'gal', '18.20', null, null, 30], // added after every line there was
      ],
    );
    assert.ok(!got.some((l) => l.id === drop!.id), 'the line left out is deleted');
    assert.deepEqual((await lines(s, id, ['description'], ['comment'])).map((l) => l.id), [comment.id], 'the comment line stays');
  });

  test("a line's product changes with Tryton's defaults for it; a patch changing nothing writes nothing", async () => {
    const s = server();
    const client = connectTo(s);
    const id = await seedDraft(s);
    const [first, second] = await lines(s, id, ['product']);
    await writes.update(client, await existingOf(client, id), cover({ lines: [{ remoteId: String(first!.id), item: { remoteId: String(productId(s, 'BRG-6306')) } }, { remoteId: String(second!.id) }] }), ctx);
    const [changed] = await lines(s, id, ['product', 'quantity', 'unit', 'unit_price', 'product_supplier.code']);
    // ACME's catalogue entry for the new product, as Tryton's client would pick it; the rest as it was.
    assert.deepEqual([changed!.product, changed!.quantity, changed!.unit, dec(changed!.unit_price), (changed!['product_supplier.'] as { code: string }).code], [productId(s, 'BRG-6306'), 10, 1, '4.80', 'ACM-BRG6306']);

    const po = await unifiedOf(client, id);
    const echo = po.lines.map((l) => ({ remoteId: l.remoteId, itemCode: l.itemCode, description: l.description, quantity: l.quantity, unitOfMeasure: l.unitOfMeasure, unitPrice: l.unitPrice }));
    const before = await header(s, id, ['write_date', 'description', 'comment', 'purchase_date', 'delivery_date', 'payment_term']);
    const linesBefore = await lines(s, id, ['write_date']);
    const same = { description: po.description, notes: po.notes, orderDate: po.orderDate, deliveryDate: po.deliveryDate, paymentTerms: po.paymentTerms, lines: echo };
    await writes.update(client, await existingOf(client, id), same, ctx);
    assert.deepEqual(await header(s, id, ['write_date', 'description', 'comment', 'purchase_date', 'delivery_date', 'payment_term']), before, 'the order not written');
    assert.deepEqual(await lines(s, id, ['write_date']), linesBefore, 'no line written');
  });

  test('every transition Tryton offers, through its buttons, each read back in Tryton', async () => {
    assert.deepEqual(caps.transitions, {
      pending_approval: ['draft'],
      approved: ['pending_approval'],
      cancelled: ['draft', 'pending_approval'],
      draft: ['pending_approval', 'cancelled'],
    });
    const s = server();
    const client = connectTo(s);
    const step = async (id: number, status: string) => {
      await writes.update(client, await existingOf(client, id), cover({ status }), ctx);
      return header(s, id, ['state', 'number', 'moves']);
    };
    const a = await seedDraft(s);
    const quoted = await step(a, 'pending_approval');
    assert.equal(quoted.state, 'quotation');
    assert.match(String(quoted.number), /^\d+$/, 'quote gives the order its number');
    const confirmed = await step(a, 'approved');
    assert.equal(confirmed.state, 'processing', 'confirm, then the process task Tryton runs after the commit');
    assert.equal((confirmed.moves as number[]).length, 2, 'one incoming stock move per goods line');
    assert.equal((await unifiedOf(client, a)).status, 'ordered');

    const b = await seedDraft(s);
    assert.equal((await step(b, 'cancelled')).state, 'cancelled', 'cancel from draft');
    assert.equal((await step(b, 'draft')).state, 'draft', 'draft from cancelled');
    assert.equal((await step(b, 'pending_approval')).state, 'quotation');
    assert.equal((await step(b, 'draft')).state, 'draft', 'draft from pending_approval');
    await step(b, 'pending_approval');
    assert.equal((await step(b, 'cancelled')).state, 'cancelled', 'cancel from pending_approval');
  });

  test('transitions not declared are refused before any call, even one Tryton would make (draft from confirmed)', async () => {
    const s = server();
    const client = connectTo(s);
    const draft = await seedDraft(s);
    await assert.rejects(writes.update(client, await existingOf(client, draft), { status: 'approved' }, ctx), failure('record_locked', (e) => assert.equal(e.field, 'status')));
    await assert.rejects(writes.update(client, await existingOf(client, draft), { status: 'received' }, ctx), failure('field_not_updatable'));
    assert.equal((await header(s, draft, ['state'])).state, 'draft');

    // A confirmed order (the process task not run): Tryton's draft button would take it back.
    const confirmed = await seedInState(s, 'processing');
    await s.rpc('model.purchase.purchase.write', [[confirmed], { state: 'confirmed' }]);
    const existing = await existingOf(client, confirmed);
    assert.equal(existing.data.status, 'approved');
    await assert.rejects(writes.update(client, existing, { status: 'draft' }, ctx), failure('record_locked'));
    assert.equal((await header(s, confirmed, ['state'])).state, 'confirmed');
    await s.rpc('model.purchase.purchase.draft', [[confirmed]]);
    assert.equal((await header(s, confirmed, ['state'])).state, 'draft', 'Tryton itself would have allowed it');
  });

  test('a quotation changes its terms, dates and notes, but not its lines or description (as in Tryton\'s client)', async () => {
    const s = server();
    const client = connectTo(s);
    const id = await seedInState(s, 'quotation');
    await writes.update(client, await existingOf(client, id), { paymentTerms: 'Net 30', orderDate: inDays(3), deliveryDate: inDays(50), notes: 'Quoted by phone' }, ctx);
    const h = await header(s, id, ['payment_term', 'purchase_date', 'delivery_date', 'comment', 'state', 'description']);
    assert.deepEqual([h.payment_term, day(h.purchase_date), day(h.delivery_date), h.comment, h.state], [s.seed.paymentTerms['Net 30'], inDays(3), inDays(50), 'Quoted by phone', 'quotation']);
    const [line] = await lines(s, id, ['quantity']);
    for (const patch of [{ description: 'changed' }, { lines: [{ remoteId: String(line!.id), quantity: '1' }] }]) {
      await assert.rejects(writes.update(client, await existingOf(client, id), patch, ctx), failure('record_locked', (e) => assert.match(e.message, /back to draft/)));
    }
    assert.equal((await header(s, id, ['description'])).description, h.description);
    assert.equal((await lines(s, id, ['quantity']))[0]!.quantity, line!.quantity);
  });

  test('every locked status refuses field changes, which Tryton itself would accept', async () => {
    const s = server();
    const client = connectTo(s);
    const { idsByState, partiallyReceived } = s.seed.purchases;
    const processing = idsByState.processing.find((id) => !partiallyReceived.includes(id))!;
    // Tryton takes an edit of a processing order over RPC: the lock is Manifold's.
    await s.rpc('model.purchase.purchase.write', [[processing], { comment: 'Tryton accepts this' }]);
    assert.equal((await header(s, processing, ['comment'])).comment, 'Tryton accepts this');

    const confirmed = await seedInState(s, 'processing');
    await s.rpc('model.purchase.purchase.write', [[confirmed], { state: 'confirmed' }]);
    const received = await existingOf(client, processing);
    received.remoteData = { ...received.remoteData, shipment_state: 'received' };
    received.data = { ...received.data, status: 'received' };
    const unknown = await existingOf(client, await seedDraft(s));
    unknown.remoteData = { ...unknown.remoteData, state: 'waiting_approval' };
    unknown.data = { ...unknown.data, status: 'unknown' };
    const cases = [
      await existingOf(client, confirmed),
      await existingOf(client, processing),
      await existingOf(client, partiallyReceived[0]!),
      received,
      await existingOf(client, idsByState.done[0]!),
      await existingOf(client, idsByState.cancelled[0]!),
      unknown,
    ];
    assert.deepEqual(cases.map((c) => c.data.status), caps.lockedWhen!.statuses, 'one case per locked status');
    assert.equal(caps.lockedWhen!.enforcedBy, 'manifold');
    for (const existing of cases) {
      const before = await header(s, existing.remoteId, ['description', 'write_date', '_timestamp']);
      await assert.rejects(writes.update(client, existing, { description: 'too late' }, ctx), failure('record_locked', (e) => assert.match(e.message, new RegExp(String(existing.data.status)))));
      assert.deepEqual(await header(s, existing.remoteId, ['description', 'write_date', '_timestamp']), before, `${String(existing.data.status)}: Tryton unchanged`);
    }
  });

  test("a button Tryton silently ignores is reported as an error, never as success", async () => {
    const s = server();
    const client = connectTo(s);
    const id = await seedInState(s, 'processing');
    // Manifold's copy says quotation (its token is current): cancel is allowed from there, but
    // Tryton ignores cancel on a processing order and answers null.
    const existing = await existingOf(client, id);
    existing.remoteData = { ...existing.remoteData, state: 'quotation' };
    existing.data = { ...existing.data, status: 'pending_approval' };
    await assert.rejects(writes.update(client, existing, { status: 'cancelled' }, ctx), failure('rejected_by_system', (e) => {
      assert.match(e.message, /did not cancel/);
      assert.match(e.systemMessage ?? '', /state afterwards: processing/);
    }));
    assert.equal((await header(s, id, ['state'])).state, 'processing');
  });

  test('the tests above cover every updatable field', () => {
    assert.deepEqual([...covered].sort(), [...caps.updatableFields].sort());
  });
});
