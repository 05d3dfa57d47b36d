/**
 * Purchase orders against a real Tryton: every seeded order, field by field, against what
 * Tryton's own search_read says (read here with a plain RPC call, not through the connector),
 * then the statuses, receipts, and the incremental and get() behaviours Tryton makes tricky.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordId } from '../../core/ids.js';
import type { MapContext, RawPage } from '../../kit/definition.js';
import type { PurchaseOrder } from '../../models/purchase-order.js';
import { PurchaseRaw } from './raw.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { connectTo, plain, withTryton, type TrytonServer } from './real-tryton.test-support.js';

const ctx: MapContext = { connectionId: 'conn_t', refId: (e, r) => recordId('x', 'conn_t', e, r) };
type Unified = Omit<PurchaseOrder, 'id' | 'remoteId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'customFields' | 'remoteData'>;

async function listAll(server: TrytonServer, opts: { since?: string; pageSize?: number } = {}) {
  const pages: RawPage[] = [];
  for await (const page of purchaseOrders.list(connectTo(server), { pageSize: opts.pageSize ?? 100, since: opts.since })) pages.push(page);
  const raws = pages.flatMap((p) => p.records).map((r) => PurchaseRaw.parse(r));
  return new Map(raws.map((raw) => [String(raw.id), { raw, po: purchaseOrders.toUnified(raw as never, ctx) as Unified }]));
}

interface Header {
  id: number;
  [field: string]: unknown;
}

await withTryton('tryton purchase orders', (server) => {
  let listed: Awaited<ReturnType<typeof listAll>>;

  test('every seeded order equals what Tryton reads, field by field', async () => {
    const s = server();
    listed = await listAll(s);
    const headers = await s.rpc<Header[]>('model.purchase.purchase.search_read', [
      [], 0, null, [['id', 'ASC']],
      ['number', 'state', 'party', 'party.name', 'party.code', 'purchase_date', 'delivery_date', 'currency.code', 'payment_term.name',
        'untaxed_amount', 'tax_amount', 'total_amount', 'description', 'comment'],
    ]);
    const lines = await s.rpc<Header[]>('model.purchase.line.search_read', [
      [['type', '=', 'line']], 0, null, [['purchase', 'ASC'], ['sequence', 'ASC'], ['id', 'ASC']],
      ['purchase', 'product.code', 'description', 'quantity', 'unit.symbol', 'unit_price', 'amount', 'delivery_date'],
    ]);
    assert.equal(headers.length, s.seed.purchases.total);
    assert.equal(listed.size, headers.length, 'the connector lists every order');
    const ref = (v: unknown, key: string) => (v as Record<string, unknown> | null)?.[key] ?? null;
    for (const h of headers) {
      const got = listed.get(String(h.id))?.po;
      assert.ok(got, `order ${h.id} is listed`);
      const expected = {
        number: h.number,
        remoteStatus: h.state,
        vendor: { remoteId: String(h.party), name: ref(h['party.'], 'name'), code: ref(h['party.'], 'code') },
        orderDate: plain.date(h.purchase_date),
        deliveryDate: plain.date(h.delivery_date),
        currency: ref(h['currency.'], 'code'),
        paymentTerms: ref(h['payment_term.'], 'name'),
        subtotal: plain.decimal(h.untaxed_amount),
        taxTotal: plain.decimal(h.tax_amount),
        total: plain.decimal(h.total_amount),
        description: h.description,
        notes: h.comment,
      };
      const actual = {
        ...Object.fromEntries(Object.keys(expected).map((k) => [k, got[k as keyof Unified]])),
        vendor: { remoteId: got.vendor?.remoteId, name: got.vendor?.name, code: got.vendor?.code },
      };
      assert.deepEqual(actual, expected, `order ${h.id}`);
      const mine = lines.filter((l) => l.purchase === h.id);
      assert.deepEqual(
        got.lines.map((l) => [l.remoteId, l.lineNumber, l.itemCode, l.description, l.quantity, l.unitOfMeasure, l.unitPrice, l.lineTotal, l.deliveryDate]),
        mine.map((l, i) => [
          String(l.id), i + 1, ref(l['product.'], 'code'), l.description, String(l.quantity), ref(l['unit.'], 'symbol'),
          plain.decimal(l.unit_price), plain.decimal(l.amount), plain.date(l.delivery_date),
        ]),
        `lines of order ${h.id}`,
      );
    }
    const lineCount = [...listed.values()].reduce((n, { raw }) => n + raw.lines.length, 0);
    assert.equal(lineCount, s.seed.purchases.lines, 'remoteData keeps every line, titles and comments included');
  });

  test('statuses follow the state and the receipts', () => {
    const { idsByState, partiallyReceived } = server().seed.purchases;
    const status = (id: number) => listed.get(String(id))?.po.status;
    for (const id of idsByState.draft) assert.equal(status(id), 'draft');
    for (const id of idsByState.quotation) assert.equal(status(id), 'pending_approval');
    for (const id of idsByState.cancelled) assert.equal(status(id), 'cancelled');
    for (const id of idsByState.done) assert.equal(status(id), 'closed');
    for (const id of idsByState.processing) assert.equal(status(id), partiallyReceived.includes(id) ? 'partially_received' : 'ordered', `order ${id}`);
  });

  test('received quantities and line statuses come from the stock moves', () => {
    const { idsByState, partiallyReceived } = server().seed.purchases;
    for (const id of idsByState.done) {
      for (const line of listed.get(String(id))?.po.lines ?? []) {
        assert.equal(line.status, 'closed');
        if (line.item?.id) assert.equal(line.quantityReceived, line.quantity, `goods line ${line.remoteId} fully received`);
      }
    }
    for (const id of partiallyReceived) {
      const lines = listed.get(String(id))?.po.lines ?? [];
      assert.ok(lines.some((l) => l.status === 'received' && l.quantityReceived === l.quantity), `order ${id} has a received line`);
      assert.ok(lines.some((l) => l.status === 'open'), `order ${id} has an open line`);
    }
    for (const id of idsByState.draft) for (const line of listed.get(String(id))?.po.lines ?? []) assert.equal(line.quantityReceived, null);
  });

  test('a 3-decimal currency keeps its digits; title and subtotal lines stay in remoteData only', () => {
    const { notable } = server().seed.purchases;
    const kwd = listed.get(String(notable.processingKwd));
    assert.equal(kwd?.po.currency, 'KWD');
    assert.match(kwd?.po.total ?? '', /^\d+\.\d{3}$/);
    const titled = listed.get(String(notable.withTitleAndSubtotal));
    assert.ok(titled);
    assert.ok(titled.raw.lines.some((l) => l.type === 'title') && titled.raw.lines.some((l) => l.type === 'subtotal'));
    assert.equal(titled.po.lines.length, titled.raw.lines.filter((l) => l.type === 'line').length);
    assert.deepEqual(titled.po.lines.map((l) => l.lineNumber), titled.po.lines.map((_, i) => i + 1));
  });

  test('list({ since }) finds new orders, header edits and line-only edits, and nothing else', async () => {
    const s = server();
    const { suppliers, products } = s.seed;
    const { idsByState } = s.seed.purchases;
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 50));
    const acme = suppliers.acme;
    assert.ok(acme && products['BRG-6204']);
    const [created] = await s.rpc<number[]>('model.purchase.purchase.create', [[{
      party: acme.partyId,
      invoice_address: acme.addressIds[0],
      lines: [['create', [{ type: 'line', product: products['BRG-6204'], quantity: 3, unit: 1, unit_price: { __class__: 'Decimal', decimal: '5.50' } }]]],
    }]]);
    const header = idsByState.quotation[0]!;
    await s.rpc('model.purchase.purchase.write', [[header], { description: 'edited for the incremental test' }]);
    const lineOnly = idsByState.processing[1]!;
    const [line] = await s.rpc<number[]>('model.purchase.line.search', [[['purchase', '=', lineOnly], ['type', '=', 'line']], 0, 1, null]);
    await s.rpc('model.purchase.line.write', [[line], { note: 'line edited directly' }]);
    // A new order's write_date is NULL: only create_date finds it.
    const [fresh] = await s.rpc<{ write_date: unknown }[]>('model.purchase.purchase.read', [[created], ['write_date']]);
    assert.equal(fresh?.write_date, null);

    const changed = await listAll(s, { since, pageSize: 2 });
    assert.deepEqual([...changed.keys()].sort(), [String(created), String(header), String(lineOnly)].sort());
    const po = changed.get(String(created))?.po;
    assert.equal(po?.status, 'draft');
    assert.deepEqual(po?.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal]), [['3', '5.50', '16.50']]);
    const times = purchaseOrders.times(changed.get(String(lineOnly))!.raw as never);
    assert.ok(times.updatedAt && times.updatedAt >= since, 'updatedAt includes the line change');
  });

  test('get() reads one order and answers undefined for ids that do not exist', async () => {
    const client = connectTo(server());
    const id = server().seed.purchases.notable.mostLines!;
    const one = await purchaseOrders.get(client, String(id));
    assert.ok(one);
    assert.deepEqual(purchaseOrders.toUnified(PurchaseRaw.parse(one) as never, ctx), listed.get(String(id))?.po);
    for (const missing of ['999999', '0', '-1', 'abc', '1.5', '']) assert.equal(await purchaseOrders.get(client, missing), undefined, missing);
  });
});
