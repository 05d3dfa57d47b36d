/**
 * Creating Tryton purchase orders through the resource's write functions, against a real Tryton:
 * each value checked in Tryton with plain RPC reads, then read back through the connector; the
 * declared required and writable fields proven one by one; Tryton's refusals as rejected_by_system.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { connectTo, withTryton } from './real-tryton.test-support.js';
import { ctx, day, dec, existingOf, exists, failure, header, lines, productId, unifiedOf, writes } from './writes.test-support.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const caps = writes.capabilities;

/** Field paths an input sets, as the capabilities name them. */
function paths(input: Record<string, unknown>): string[] {
  return Object.entries(input).flatMap(([k, v]) => [k, ...(Array.isArray(v) ? v.flatMap((l) => Object.keys(l as object).map((lk) => `${k}[].${lk}`)) : [])]);
}

await withTryton('tryton purchase-order create', (server) => {
  test('create with three lines (vendor by remoteId, a line by itemCode only): Tryton holds every value', async () => {
    const s = server();
    const client = connectTo(s);
    const reference = `mf-${randomUUID()}`;
    const input = {
      vendor: { id: null, remoteId: '6', name: 'Brightline Lubricants Ltd', code: null },
      currency: 'GBP',
      paymentTerms: 'Net 60',
      orderDate: inDays(1),
      deliveryDate: inDays(30),
      description: 'Lubricants for the spring shutdown',
      notes: 'Deliver to the lubricant store.',
      lines: [
        { item: { id: null, remoteId: String(productId(s, 'OIL-HV46')), name: null, code: null }, description: 'HV 46 in 208 l drums', quantity: '208', unitPrice: '3.1250', deliveryDate: inDays(20) },
        { itemCode: 'GRS-EP2', quantity: '12.5', unitOfMeasure: 'kg', unitPrice: '7.35' },
        { item: { id: null, remoteId: String(productId(s, 'BRG-6204')), name: null, code: 'BRG-6204' }, quantity: '24', unitOfMeasure: 'u', unitPrice: '4.85' },
      ],
    };
    // The test covers every field the create declares writable, and nothing else.
    assert.deepEqual([...new Set(paths(input))].sort(), [...caps.create!.writableFields].sort());

    const id = await writes.create(client, input, { ...ctx, reference });
    assert.match(id, /^\d+$/);

    const h = await header(s, id, ['state', 'company', 'party', 'invoice_address', 'currency', 'payment_term', 'warehouse', 'purchase_date', 'delivery_date', 'description', 'comment', 'reference']);
    assert.deepEqual(
      { ...h, purchase_date: day(h.purchase_date), delivery_date: day(h.delivery_date) },
      {
        id: Number(id), state: 'draft', company: s.seed.company.id, party: 6,
        invoice_address: s.seed.suppliers.brightline!.addressIds[0], // "Head office", its invoice address
        currency: s.seed.currencies.GBP, payment_term: s.seed.paymentTerms['Net 60'], warehouse: 5,
        purchase_date: inDays(1), delivery_date: inDays(30), description: input.description, comment: input.notes, reference,
      },
    );
    const got = await lines(s, id, ['type', 'product', 'quantity', 'unit.symbol', 'unit_price', 'description', 'delivery_date_edit', 'delivery_date_store', 'product_supplier.code', 'sequence']);
    assert.deepEqual(
      got.map((l) => [l.product, l.quantity, (l['unit.'] as { symbol: string }).symbol, dec(l.unit_price), l.description, day(l.delivery_date_store), (l['product_supplier.'] as { code: string } | null)?.code ?? null]),
      [
        [productId(s, 'OIL-HV46'), 208, 'l', '3.1250', 'HV 46 in 208 l drums', inDays(20), 'BRI-OILHV46'], // unit: the purchase unit
        [productId(s, 'GRS-EP2'), 12.5, 'kg', '7.35', null, null, 'BRI-GRSEP2'], // by code only
        [productId(s, 'BRG-6204'), 24, 'u', '4.85', null, null, null], // Brightline has no catalogue entry for it
      ],
    );

    // Read back through the connector, the unified order says what was written.
    const po = await unifiedOf(client, id);
    assert.deepEqual(
      { vendor: (po.vendor as { remoteId: string }).remoteId, currency: po.currency, paymentTerms: po.paymentTerms, orderDate: po.orderDate, deliveryDate: po.deliveryDate, description: po.description, notes: po.notes, status: po.status },
      { vendor: '6', currency: 'GBP', paymentTerms: 'Net 60', orderDate: inDays(1), deliveryDate: inDays(30), description: input.description, notes: input.notes, status: 'draft' },
    );
    assert.deepEqual(
      po.lines.map((l) => [l.itemCode, l.quantity, l.unitOfMeasure, l.unitPrice, l.deliveryDate, l.vendorItemCode]),
      [['OIL-HV46', '208', 'l', '3.1250', inDays(20), 'BRI-OILHV46'], ['GRS-EP2', '12.5', 'kg', '7.35', inDays(30), 'BRI-GRSEP2'], ['BRG-6204', '24', 'u', '4.85', inDays(30), null]],
    );

    assert.equal(await writes.findByReference(client, reference), id);
    assert.equal(await writes.findByReference(client, `mf-${randomUUID()}`), undefined);
  });

  test('the minimum: a vendor by code alone; a line with only a quantity and a unit price is a free-text line', async () => {
    const s = server();
    const client = connectTo(s);
    const bare = await writes.create(client, { vendor: { code: 'V-1002' } }, ctx);
    const h = await header(s, bare, ['party', 'invoice_address', 'currency', 'payment_term', 'warehouse', 'lines', 'reference']);
    assert.deepEqual(h, {
      id: Number(bare), party: 5, invoice_address: s.seed.suppliers.nordic!.addressIds[0], currency: s.seed.currencies.EUR,
      payment_term: s.seed.paymentTerms['Net 60'], // Nordic's supplier payment term, as Tryton's client fills it in
      warehouse: 5, lines: [], reference: null,
    });
    const free = await writes.create(client, { vendor: { remoteId: '5' }, paymentTerms: null, lines: [{ quantity: '1', unitPrice: '150' }] }, ctx);
    assert.equal((await header(s, free, ['payment_term'])).payment_term, null, 'paymentTerms null: none');
    assert.deepEqual((await lines(s, free, ['product', 'unit', 'quantity', 'unit_price'])).map((l) => [l.product, l.unit, l.quantity, dec(l.unit_price)]), [[null, null, 1, '150']]);
  });

  test('each required field: without it Tryton refuses, and the failure names the unified field', async () => {
    const s = server();
    const client = connectTo(s);
    assert.deepEqual(caps.create!.requiredFields, ['vendor', 'lines[].quantity', 'lines[].unitPrice']);
    const item = { remoteId: String(productId(s, 'BRG-6204')) };
    await assert.rejects(
      s.rpc('model.purchase.purchase.create', [[{ lines: [['create', [{ type: 'line', product: item.remoteId, unit: 1, quantity: 1, unit_price: '1' }]]] }]]),
      /A value is required for field "Party"/,
    );
    await assert.rejects(writes.create(client, { lines: [{ item, quantity: '1', unitPrice: '1' }] }, ctx), failure('invalid_request', (e) => assert.equal(e.field, 'vendor')));
    const before = await s.rpc<number>('model.purchase.purchase.search_count', [[]]);
    await assert.rejects(
      writes.create(client, { vendor: { remoteId: '4' }, lines: [{ item, unitPrice: '1' }] }, ctx),
      failure('rejected_by_system', (e) => {
        assert.equal(e.failureClass, 'config');
        assert.equal(e.field, 'lines[].quantity');
        assert.match(e.systemMessage ?? '', /A value is required for field "Quantity" in "Purchase Line"/);
      }),
    );
    await assert.rejects(
      writes.create(client, { vendor: { remoteId: '4' }, lines: [{ item, quantity: '1' }] }, ctx),
      failure('rejected_by_system', (e) => assert.deepEqual([e.field, e.source], ['lines[].unitPrice', 'system'])),
    );
    assert.equal(await s.rpc<number>('model.purchase.purchase.search_count', [[]]), before, 'nothing was created');
  });

  test("Tryton's validation errors come back as rejected_by_system with Tryton's words", async () => {
    const s = server();
    const client = connectTo(s);
    const [template] = await s.rpc<number[]>('model.product.template.create', [[{
      name: 'Scrap metal (sold, never bought)', code: 'SCRAP-1', type: 'goods', default_uom: 2, purchasable: false,
      list_price: { __class__: 'Decimal', decimal: '0.20' }, products: [['create', [{}]]],
    }]]);
    const [scrap] = await s.rpc<number[]>('model.product.product.search', [[['template', '=', template]], 0, null, null]);
    const vendor = { remoteId: '4' };
    const before = await s.rpc<number>('model.purchase.purchase.search_count', [[]]);
    const cases: [string, Record<string, unknown>, string, RegExp, 'system' | 'manifold'][] = [
      ['unpurchasable product', { item: { remoteId: String(scrap) }, quantity: '5', unitPrice: '1' }, 'lines[].item', /"Product" in "Purchase Line" is not valid according to its domain/, 'system'],
      ['a product that does not exist', { item: { remoteId: '999999' }, quantity: '5', unitPrice: '1' }, 'lines[].item', /records "999999" of "Product Variant" that don't exist/, 'system'],
      ['too many decimals', { itemCode: 'BRG-6204', quantity: '5', unitPrice: '1.123456' }, 'lines[].unitPrice', /exceeds the limit of "4"/, 'system'],
    ];
    for (const [what, line, field, said, source] of cases) {
      await assert.rejects(writes.create(client, { vendor, lines: [line] }, ctx), failure('rejected_by_system', (e) => {
        assert.equal(e.field, field, what);
        assert.equal(e.source, source, what);
        assert.match(e.systemMessage ?? '', said, what);
      }));
    }
    await assert.rejects(
      writes.create(client, { vendor: { remoteId: '999999' }, lines: [{ itemCode: 'BRG-6204', quantity: '1', unitPrice: '1' }] }, ctx),
      failure('rejected_by_system', (e) => {
        assert.deepEqual([e.field, e.source], ['vendor', 'system']);
        assert.match(e.systemMessage ?? '', /"999999" of "Party" that don't exist/);
      }),
    );
    // What Manifold looks up by code or name and Tryton does not have: refused before the create.
    const lookups: [Record<string, unknown>, string][] = [
      [{ vendor, lines: [{ itemCode: 'NO-SUCH-ITEM', quantity: '1', unitPrice: '1' }] }, 'lines[0].itemCode'],
      [{ vendor, lines: [{ itemCode: 'BRG-6204', unitOfMeasure: 'kg', quantity: '1', unitPrice: '1' }] }, 'lines[0].unitOfMeasure'],
      [{ vendor, currency: 'XXX' }, 'currency'],
      [{ vendor, paymentTerms: 'Net 999' }, 'paymentTerms'],
      [{ vendor: { code: 'NO-SUCH-VENDOR' } }, 'vendor.code'],
    ];
    for (const [input, field] of lookups) {
      await assert.rejects(writes.create(client, input, ctx), failure('rejected_by_system', (e) => assert.deepEqual([e.field, e.source], [field, 'manifold'])));
    }
    assert.equal(await s.rpc<number>('model.purchase.purchase.search_count', [[]]), before, 'nothing was created');
  });

  test('fields a create does not write are refused, never dropped', async () => {
    const client = connectTo(server());
    const vendor = { remoteId: '4' };
    for (const [input, field] of [
      [{ vendor, approvedAt: '2026-01-01T00:00:00.000Z' }, 'approvedAt'],
      [{ vendor, billTo: { line1: 'Elsewhere' } }, 'billTo'],
      [{ vendor, lines: [{ itemCode: 'BRG-6204', quantity: '1', unitPrice: '1', discount: '0.5' }] }, 'lines[0].discount'],
    ] as const) {
      await assert.rejects(writes.create(client, input, ctx), failure('field_not_updatable', (e) => assert.equal(e.field, field)));
    }
    await assert.rejects(writes.create(client, { vendor, status: 'approved' }, ctx), failure('field_not_updatable', (e) => assert.equal(e.field, 'status')));
  });

  test('a user with only the Purchase group (as the guide says) can make every write', async () => {
    const s = server();
    const groups = await s.rpc<{ id: number }[]>('model.res.group.search_read', [[['name', '=', 'Purchase']], 0, null, null, ['id']]);
    assert.equal(groups.length, 1);
    await s.rpc('model.res.user.create', [[{
      name: 'Manifold buyer', login: 'manifold-buyer', password: 'Mf-buyer-4Kx!p',
      groups: [['add', groups.map((g) => g.id)]], companies: [['add', [s.seed.company.id]]], company: s.seed.company.id,
      warehouse: s.seed.warehouses.WH2, // the user's "Current Warehouse": where its new orders go
    }]]);
    const buyer = connectTo(s, { username: 'manifold-buyer', password: 'Mf-buyer-4Kx!p' });
    const lines0 = [{ itemCode: 'OIL-HV46', quantity: '20', unitOfMeasure: 'l', unitPrice: '3.20' }, { itemCode: 'BRG-6204', quantity: '4', unitPrice: '4.85' }];
    const id = await writes.create(buyer, { vendor: { code: 'V-1003' }, currency: 'EUR', paymentTerms: 'Net 30', lines: lines0 }, { ...ctx, reference: 'buyer-1' });
    assert.equal(await writes.findByReference(buyer, 'buyer-1'), id);
    const [first] = (await existingOf(buyer, id)).data.lines as { remoteId: string }[];
    await writes.update(buyer, await existingOf(buyer, id), { description: 'by the buyer', lines: [{ remoteId: first!.remoteId, quantity: '40' }] }, ctx);
    for (const status of ['pending_approval', 'draft', 'pending_approval', 'approved']) await writes.update(buyer, await existingOf(buyer, id), { status }, ctx);
    assert.deepEqual(await header(s, id, ['state', 'description', 'warehouse', 'create_uid']), { id: Number(id), state: 'processing', description: 'by the buyer', warehouse: s.seed.warehouses.WH2, create_uid: (await s.rpc<number[]>('model.res.user.search', [[['login', '=', 'manifold-buyer']], 0, null, null]))[0] });
    const quotation = await writes.create(buyer, { vendor: { code: 'V-1003' }, lines: lines0 }, ctx);
    await writes.update(buyer, await existingOf(buyer, quotation), { status: 'pending_approval' }, ctx);
    assert.equal(await writes.delete(buyer, await existingOf(buyer, quotation), ctx), 'cancelled');
    const draft = await writes.create(buyer, { vendor: { code: 'V-1003' }, lines: lines0 }, ctx);
    assert.equal(await writes.delete(buyer, await existingOf(buyer, draft), ctx), 'hard');
    assert.equal(await exists(s, draft), false);
  });
});
