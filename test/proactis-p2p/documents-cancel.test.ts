/**
 * PROACTIS P2P end to end, documents and cancellations: a goods receipt and an invoice imported
 * against an order the cXML intake holds (the simulator's order shows them), unmatched ones
 * refused 422 with the gateway's message and stored nowhere, an order cancelled through
 * DELETE /v1/purchase-orders/{id} (cancelled in the simulator), and one P2P will not cancel
 * refused 422 with "The order is not available for cancellation", the stored order unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { goodsOrders, p2pApp, putOrder, type Json, type P2pApp } from './support.js';

describe('PROACTIS P2P: receipts, invoices, cancellations', () => {
  let t: P2pApp;
  let token: string;
  let connectionId: string;
  /** The order the invoice test invoiced. */
  let invoicedOrder: ReturnType<typeof goodsOrders>[number];

  before(async () => {
    t = await p2pApp();
    const connected = await t.connect();
    assert.equal(connected.res.statusCode, 201, connected.res.body);
    token = connected.token!;
    connectionId = connected.id!;
  });
  after(() => t?.close());

  it('imports a goods receipt against a stored order: 201 with the acceptance number, receipted in P2P', async () => {
    const order = goodsOrders(t.sim)[0]!;
    const po = await putOrder(t.store, connectionId, order);
    const [first, second] = order.items;
    const lines = [{ itemCode: first!.code, quantity: '1' }, ...(second && second.code !== first!.code ? [{ itemCode: second.code, quantity: '2.5' }] : [])];
    const res = await t.call(token, 'POST', '/v1/goods-receipts', { purchaseOrder: { id: po.id }, receivedAt: '2026-03-02T09:30:00Z', lines });
    assert.equal(res.statusCode, 201, res.body);
    const gr = res.json().data;
    assert.match(gr.number, /^ACC\d+$/);
    assert.equal(gr.remoteId, gr.number);
    assert.deepEqual(gr.purchaseOrder, { id: po.id, remoteId: order.displayNumber, name: null, code: order.displayNumber });
    assert.equal(gr.receivedAt, '2026-03-02T00:00:00.000Z');
    assert.deepEqual(gr.lines.map((l: Json) => [l.itemCode, l.quantity]), lines.map((l) => [l.itemCode, l.quantity]));
    const acceptance = t.sim.company.acceptances.at(-1)!;
    assert.deepEqual([acceptance.documentNumber, acceptance.dateReceived, acceptance.supplierCode], [gr.number, '2026-03-02', order.supplierCode]);
    assert.equal(first!.received, 1);
    assert.equal(order.state, 'Part Received');
  });

  it('refuses a receipt against an order P2P does not have: 422 with the gateway\'s message, nothing stored', async () => {
    const before = t.sim.company.acceptances.length;
    const res = await t.call(token, 'POST', '/v1/goods-receipts', { purchaseOrder: { remoteId: 'PORD99999' }, lines: [{ itemCode: 'BRG-6204', quantity: '1' }] });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'rejected_by_system');
    assert.match(res.json().error.message, /The order 'PORD99999' could not be found\./);
    assert.equal(await t.store.records.count({ connectionId, entity: 'goodsReceipts' }), 1);
    assert.equal(t.sim.company.acceptances.length, before);
    const unknownItem = await t.call(token, 'POST', '/v1/goods-receipts', { purchaseOrder: { remoteId: goodsOrders(t.sim)[1]!.displayNumber }, lines: [{ itemCode: 'NO-SUCH-ITEM', quantity: '1' }] });
    assert.equal(unknownItem.statusCode, 422, unknownItem.body);
    assert.match(unknownItem.json().error.message, /The item 'NO-SUCH-ITEM' could not be found on order/);
  });

  it('imports an invoice matched to the order: 201 submitted, invoiced in P2P', async () => {
    const order = goodsOrders(t.sim)[1]!;
    invoicedOrder = order;
    const po = await putOrder(t.store, connectionId, order);
    const item = order.items[0]!;
    const res = await t.call(token, 'POST', '/v1/invoices', {
      number: 'INV-2026-001', invoiceDate: '2026-03-05', purchaseOrder: { id: po.id }, total: '12.00', taxTotal: '2.00',
      lines: [{ purchaseOrderLine: { id: null, remoteId: String(item.position), name: null, code: null }, quantity: '1', unitPrice: String(item.unitPrice) }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const inv = res.json().data;
    assert.deepEqual([inv.number, inv.status, inv.remoteStatus, inv.total, inv.taxTotal, inv.subtotal], ['INV-2026-001', 'submitted', 'OK', '12.00', '2.00', '10.00']);
    assert.match(inv.remoteId, /^PINV\d+$/);
    // No vendor was sent: P2P takes the order's supplier, and its answer names none.
    assert.equal(inv.vendor, null);
    assert.equal(inv.lines[0].purchaseOrderLine.remoteId, String(item.position));
    const stored = t.sim.company.invoices.at(-1)!;
    assert.deepEqual([stored.documentNumber, stored.supplierInvoiceNumber, stored.status], [inv.remoteId, 'INV-2026-001', 'OK']);
    assert.equal(item.invoiced, 1);
    assert.equal(order.state, 'Part Invoiced');
  });

  it('refuses an invoice for an order P2P does not have, and the same supplier invoice number twice', async () => {
    const count = await t.store.records.count({ connectionId, entity: 'invoices' });
    const unmatched = await t.call(token, 'POST', '/v1/invoices', { number: 'INV-X', invoiceDate: '2026-03-05', purchaseOrder: { remoteId: 'PORD99999' }, total: '1.00', lines: [{ lineNumber: 1, quantity: '1', unitPrice: '1.00' }] });
    assert.equal(unmatched.statusCode, 422, unmatched.body);
    assert.match(unmatched.json().error.message, /PROACTIS P2P refused the invoice: The order 'PORD99999' could not be found\./);
    const order = invoicedOrder;
    const again = await t.call(token, 'POST', '/v1/invoices', { number: 'INV-2026-001', invoiceDate: '2026-03-06', purchaseOrder: { remoteId: order.displayNumber }, vendor: { remoteId: order.supplierCode }, total: '12.00', lines: [{ lineNumber: 1, quantity: '1', unitPrice: String(order.items[0]!.unitPrice) }] });
    assert.equal(again.statusCode, 422, again.body);
    assert.match(again.json().error.message, /'INV-2026-001' has already been used for supplier/);
    assert.equal(await t.store.records.count({ connectionId, entity: 'invoices' }), count);
  });

  it('an invoice P2P can only register is stored as draft with remoteStatus REGISTERED and the reason', async () => {
    const order = goodsOrders(t.sim)[1]!;
    const res = await t.call(token, 'POST', '/v1/invoices', { number: 'INV-2026-002', invoiceDate: '2026-03-05', purchaseOrder: { remoteId: order.displayNumber }, vendor: { remoteId: order.supplierCode }, total: '5.00', lines: [{ lineNumber: 42, quantity: '1', unitPrice: '5.00' }] });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().data.status, res.json().data.remoteStatus], ['draft', 'REGISTERED']);
    assert.deepEqual([res.json().data.vendor.remoteId, res.json().data.vendor.code], [order.supplierCode, order.supplierCode]);
    const stored = await t.store.records.get(connectionId, 'invoices', res.json().data.id);
    assert.match(JSON.stringify(stored?.remoteData), /no item at position 42/);
  });

  it('cancels an order (DELETE /v1/purchase-orders/{id}): cancelled in P2P and in Manifold', async () => {
    const order = goodsOrders(t.sim)[2]!;
    const po = await putOrder(t.store, connectionId, order);
    const res = await t.call(token, 'DELETE', `/v1/purchase-orders/${po.id}`, undefined, { 'if-match': `"${po.version}"` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'cancelled');
    const data = res.json().data;
    assert.deepEqual([data.status, data.version, data.number], ['cancelled', po.version + 1, order.displayNumber]);
    assert.ok(data.lines.length > 0 && data.lines.every((l: Json) => l.status === 'cancelled'));
    assert.equal(order.state, 'Cancelled');
    assert.deepEqual(order.cancellation, { reason: 'No longer required', comments: 'Cancelled through Manifold', by: 'IMPORT' });
    assert.equal(t.sim.requests.at(-1)?.method, 'CancelOrder');
  });

  it('an order P2P will not cancel is 422 with "The order is not available for cancellation", the stored order unchanged', async () => {
    const invoiced = [...t.sim.company.orders.values()].find((o) => o.state === 'Fully Invoiced' && o.template === 'PORD')!;
    const po = await putOrder(t.store, connectionId, invoiced);
    const res = await t.call(token, 'DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'rejected_by_system');
    assert.equal(error.message, `PROACTIS P2P refused to cancel order ${invoiced.displayNumber}: The order is not available for cancellation`);
    assert.equal(error.details.systemMessage, 'The order is not available for cancellation');
    assert.equal(invoiced.state, 'Fully Invoiced');
    const after = await t.store.records.get(connectionId, 'purchaseOrders', po.id);
    assert.deepEqual([after?.version, after?.status], [po.version, 'ordered']);
    // The connection is not blamed for a business refusal.
    assert.equal((await t.store.connections.get(connectionId))?.status, 'active');
    // Nor is the gateway: ASMX sends each refusal as an HTTP 500 fault, which must not open the
    // circuit breaker (10 failures in a row) and block the connection's next calls.
    for (let i = 0; i < 11; i += 1) assert.equal((await t.call(token, 'DELETE', `/v1/purchase-orders/${po.id}`)).statusCode, 422);
    const next = await t.call(token, 'POST', '/v1/goods-receipts', { purchaseOrder: { remoteId: goodsOrders(t.sim)[0]!.displayNumber }, lines: [{ itemCode: goodsOrders(t.sim)[0]!.items[0]!.code, quantity: '1' }] });
    assert.equal(next.statusCode, 201, next.body);
  });
});
