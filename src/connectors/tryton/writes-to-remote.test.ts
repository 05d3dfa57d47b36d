/**
 * The pure half of purchase-order writes, without Tryton: unified values → Tryton values, the
 * line plan of a PATCH, the diff that leaves unchanged values out, and the failures' fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SystemFailure } from '../../kit/failure.js';
import { headerChanges, headerToRemote, lineChanges, lineToRemote, newLineToRemote, nextSequences, parseOrder, planLines, type LineState } from './resources/purchase-order-to-remote.js';
import { resolveProducts } from './resources/purchase-order-resolve.js';
import { planTransition, timestampContext } from './resources/purchase-order-workflow.js';
import { unifiedFieldOf } from './write-failures.js';

const line = (over: Partial<LineState>): LineState => ({
  id: 1, type: 'line', sequence: 10, product: 7, unit: 1, quantity: 2, unit_price: '80.00', description: null, delivery_date: null, _timestamp: '100', ...over,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SystemFailure);
    return [e.code, e.field];
  }
  return assert.fail('expected a refusal');
};

test('header: only what is given, dates and nulls as Tryton takes them', () => {
  assert.deepEqual(headerToRemote({ description: 'x', notes: null, orderDate: '2026-03-01' }, { party: 4, invoiceAddress: null }), {
    party: 4, invoice_address: null, description: 'x', comment: null,
    purchase_date: { __class__: 'date', year: 2026, month: 3, day: 1 },
  });
  const current = { description: 'x', comment: null, purchase_date: '2026-03-01', delivery_date: null, 'payment_term.': { id: 2 } };
  assert.deepEqual(headerChanges({ description: 'x', comment: null, purchase_date: { __class__: 'date', year: 2026, month: 3, day: 1 }, payment_term: 2, delivery_date: null }, current), {});
  assert.deepEqual(headerChanges({ description: 'y', payment_term: null }, current), { description: 'y', payment_term: null });
});

test('lines: Decimal prices, float quantities, a delivery date of its own, taxes as commands', () => {
  assert.deepEqual(newLineToRemote({ quantity: '12.5', unitPrice: '3.1250', deliveryDate: '2026-05-02' }, { product: 7, unit: 2, taxes: [3], productSupplier: null }, 0, 30), {
    type: 'line', sequence: 30, product: 7, unit: 2, product_supplier: null, taxes: [['add', [3]]], quantity: 12.5,
    unit_price: { __class__: 'Decimal', decimal: '3.1250' }, delivery_date_edit: true, delivery_date_store: { __class__: 'date', year: 2026, month: 5, day: 2 },
  });
  assert.deepEqual(lineToRemote({ deliveryDate: null }, { taxes: [], previousTaxes: [5] }, 0), { taxes: [['remove', [5]]], delivery_date_edit: false, delivery_date_store: null });
  assert.deepEqual(code(() => lineToRemote({ quantity: '1e999' as never }, {}, 3)), ['invalid_request', 'lines[3].quantity']);
});

test('a line patch writes only what differs ("80" is "80.00")', () => {
  const current = line({});
  assert.deepEqual(lineChanges({ quantity: '2', unitPrice: '80', description: null }, { product: 7, unit: 1 }, current, 0), {});
  assert.deepEqual(lineChanges({ quantity: '3', unitPrice: '80.5' }, {}, current, 0), { quantity: 3, unit_price: { __class__: 'Decimal', decimal: '80.5' } });
  assert.deepEqual(lineChanges({}, { product: 8, productSupplier: null, taxes: [] }, current, 0), { product: 8, product_supplier: null });
});

test('lines in a PATCH are the full list: update the named, add the new, delete the rest; other types stay', () => {
  const existing = [line({ id: 1 }), line({ id: 2, type: 'comment', sequence: 15 }), line({ id: 3, sequence: 20 }), line({ id: 4, sequence: 25 })];
  const plan = planLines(existing, [{ remoteId: '1', quantity: '5' }, { id: 'po_x:4' }, { itemCode: 'NEW' }], 'po_x');
  assert.deepEqual(plan.updates.map((u) => [u.current.id, u.index]), [[1, 0], [4, 1]]);
  assert.deepEqual(plan.creates.map((c) => c.index), [2]);
  assert.deepEqual(plan.deletes, [3]);
  assert.deepEqual(nextSequences(existing, 2), [35, 45]);
  assert.deepEqual(code(() => planLines(existing, [{ remoteId: '2' }], 'po_x')), ['invalid_request', 'lines[0].remoteId'], 'a comment line is not an order line');
  assert.deepEqual(code(() => planLines(existing, [{ remoteId: '1' }, { id: 'po_x:1' }], 'po_x')), ['invalid_request', 'lines[1].remoteId']);
  assert.deepEqual(code(() => planLines(existing, [{ id: 'po_other:1' }], 'po_x')), ['invalid_request', 'lines[0].remoteId']);
});

test('fields a write does not map are refused with their path', () => {
  assert.deepEqual(code(() => parseOrder({ vendor: { remoteId: '4' } }, ['description'])), ['field_not_updatable', 'vendor']);
  assert.deepEqual(code(() => parseOrder({ lines: [{ quantity: '1', lineTotal: '3' }] }, ['lines'])), ['field_not_updatable', 'lines[0].lineTotal']);
  assert.deepEqual(code(() => parseOrder({ lines: [{ quantity: 1 }] }, ['lines'])), ['invalid_request', 'lines[0].quantity']);
  assert.deepEqual(parseOrder({ description: 'x', status: undefined }, ['description']).order, { description: 'x', status: undefined });
});

test("Tryton's field labels become unified paths; tokens only where there is one", () => {
  assert.equal(unifiedFieldOf('A value is required for field "Unit Price" in "Purchase Line".'), 'lines[].unitPrice');
  assert.equal(unifiedFieldOf('The value for field "Invoice Address" in "Purchase" is not valid according to its domain.'), 'vendor');
  assert.equal(unifiedFieldOf('To delete purchase "5" you must cancel it.'), undefined);
  assert.deepEqual(timestampContext({ 'purchase.purchase,1': '17', 'purchase.line,2': null, 'purchase.line,3': undefined }), { _timestamp: { 'purchase.purchase,1': '17' } });
  assert.equal(timestampContext({ 'purchase.purchase,1': null }), undefined);
});

test('transitions: a target equal to the current status is nothing to do; others by the table', () => {
  assert.equal(planTransition('draft', 'draft', 'draft'), undefined);
  assert.equal(planTransition('quotation', 'pending_approval', 'approved')?.button, 'confirm');
  assert.deepEqual(code(() => planTransition('confirmed', 'approved', 'draft')), ['record_locked', 'status']);
  assert.deepEqual(code(() => planTransition('draft', 'draft', 'closed')), ['field_not_updatable', 'status']);
});

test('a line must name its product unambiguously (checked before any call)', async () => {
  const noClient = {} as never;
  for (const [lines, field] of [
    [[{ item: { code: 'BRG-6204' }, itemCode: 'OIL-HV46' }], 'lines[0].itemCode'],
    [[{ quantity: '1' }, { item: { name: 'a bearing' } }], 'lines[1].item'],
    [[{ item: { remoteId: 'BRG-6204' } }], 'lines[0].item.remoteId'],
  ] as const) {
    await assert.rejects(resolveProducts(noClient, lines), (e) => e instanceof SystemFailure && e.code === 'invalid_request' && e.field === field);
  }
});
