/**
 * Creating Proactis' transactional documents through the public API, against the simulator, as
 * Proactis does them: a requisition, a goods receipt and an invoice are each imported
 * asynchronously — 202 Accepted with the document's payloadID, nothing visible yet (not even
 * after a sync), a retried Idempotency-Key replayed without a second import — and once Proactis
 * has processed them, the next sync brings each with the fields sent. A business error shows only
 * where Proactis shows it (its import screens, the simulator's failedImports) under the reference
 * the 202 gave; a document Proactis refuses outright is a 422 with its message; what Proactis
 * would need and the body lacks is a 400 before any call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordId } from '../../src/core/ids.js';
import { admin, bearer } from '../support/app.js';
import { BUYER_ID, SHARED_SECRET, renderOrder, type GenOrder } from '../cxml/generator.js';
import { basicAuth, post, setIntake, statusOf } from '../cxml/support.js';
import { connect, expectedInvoice, expectedReceipt, expectedRequisition, harness, listAll, pick, sync, type Harness, type Json } from './support.js';

const ORDER_ID = '00070651';

describe('Proactis imports through the API', () => {
  let h: Harness;
  let connectionId: string;
  let token: string;
  let supplier: { id: string; number: string; name: string };
  let vendorId: string;
  let orderId: string;

  before(async () => {
    h = await harness({ limits: null, processingDelayMs: null, sizes: { suppliers: 20, requisitions: 5, receipts: 5, invoices: 5 } });
    const res = await connect(h);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    connectionId = res.body.data.id;
    token = res.body.token;
    await sync(h, connectionId);
    supplier = h.sim.data.suppliers[3]!;
    vendorId = recordId('ven', connectionId, 'vendors', supplier.id);
    orderId = await holdOrder(h, connectionId, supplier.number);
  });
  after(() => h?.close());

  const post = (path: string, payload: Json, key?: string) => h.app.inject({ method: 'POST', url: `/v1/${path}`, headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const imports = (service: string) => h.sim.log.filter((r) => r.method === 'POST' && r.path === `/${service}/v1/${h.sim.domainId}`).length;

  /** 202 with the body the API documents; answers it. */
  function accepted(res: { statusCode: number; body: string; json(): Json }, path: string, identifiedBy: Json): Json {
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json();
    assert.equal(body.data, null);
    assert.equal(body.status, 'accepted');
    assert.match(body.reference, /^mf-[0-9a-z]{24}@manifold$/, 'the payloadID of the document');
    assert.equal(body.appearsIn, `/v1/${path}`);
    assert.deepEqual(body.identifiedBy, identifiedBy);
    assert.match(body.message, /^Proactis accepted the .+ for processing \(reference mf-.+\); it is not visible yet\. It appears in GET \/v1\/.+ once Proactis has processed it and a sync has run\. If it does not appear, Proactis could not process it: its own screens say why, under that reference\.$/);
    return body;
  }

  it('a requisition, a goods receipt and an invoice are accepted (202), not visible — even after a sync — and replayed for a retried key', async () => {
    const requisition = { description: 'Seals for pump 3', requester: { name: 'Dev Patel' }, requiredDate: '2026-03-20', currency: 'GBP', lines: [{ itemCode: 'SEAL-KIT-7', description: 'Pump seal kit', quantity: '2', unitOfMeasure: 'EA', unitPrice: '145.50', vendor: { id: vendorId } }] };
    const receipt = { number: 'GR-API-1', purchaseOrder: { id: orderId }, receivedAt: '2026-03-02T09:30:00Z', lines: [{ purchaseOrderLine: { remoteId: '2' }, quantity: '4' }] };
    const invoice = {
      number: 'INV-API-1', vendor: { id: vendorId }, purchaseOrder: { remoteId: ORDER_ID }, invoiceDate: '2026-03-02', dueDate: '2026-04-01', currency: 'GBP',
      lines: [
        { lineNumber: 1, purchaseOrderLine: { remoteId: '2' }, itemCode: 'BRG-6204', description: 'Bearing', quantity: '4', unitOfMeasure: 'EA', unitPrice: '8.45', lineTotal: '33.80', taxAmount: '6.76' },
        { lineNumber: 2, description: 'Freight', quantity: '1', unitOfMeasure: 'EA', unitPrice: '12', lineTotal: '12' },
      ],
    };
    const before = { requisitions: h.sim.data.requisitions.length, receipts: h.sim.data.receipts.length, invoices: h.sim.data.invoices.length };
    const answers = [
      accepted(await post('purchase-requisitions', requisition, 'req-api-1'), 'purchase-requisitions', { description: 'Seals for pump 3', 'requester.name': 'Dev Patel' }),
      accepted(await post('goods-receipts', receipt, 'gr-api-1'), 'goods-receipts', { number: 'GR-API-1' }),
      accepted(await post('invoices', invoice, 'inv-api-1'), 'invoices', { number: 'INV-API-1', 'vendor.code': supplier.number }),
    ];
    assert.equal(h.sim.org.pending, 3, 'Proactis holds three imports');

    const replayed = await post('goods-receipts', receipt, 'gr-api-1');
    assert.equal(replayed.statusCode, 202, replayed.body);
    assert.equal(replayed.headers['idempotent-replayed'], 'true');
    assert.equal(replayed.json().reference, answers[1]!.reference);
    assert.equal(imports('receipts'), 1, 'the retry posted nothing');
    assert.equal(h.sim.org.pending, 3);

    await sync(h, connectionId);
    for (const path of ['purchase-requisitions', 'goods-receipts', 'invoices']) {
      const found = (await listAll(h, token, path)).filter((r) => ['Seals for pump 3', 'GR-API-1', 'INV-API-1'].includes(r.description ?? r.number));
      assert.deepEqual(found, [], `no ${path} before Proactis has processed it`);
    }
    assert.deepEqual([h.sim.data.requisitions.length, h.sim.data.receipts.length, h.sim.data.invoices.length], [before.requisitions, before.receipts, before.invoices]);
  });

  it('once Proactis has processed them, the next sync brings each with the fields sent', async () => {
    assert.equal(h.sim.process(), 3);
    assert.deepEqual(h.sim.org.failedImports, []);
    const state = await sync(h, connectionId);
    for (const e of ['purchaseRequisitions', 'goodsReceipts', 'invoices']) assert.equal(state[e].counts.created, 1, e);

    const nativeReq = h.sim.data.requisitions.at(-1)!;
    const req = (await listAll(h, token, 'purchase-requisitions')).find((r) => r.remoteId === nativeReq.id)!;
    assert.deepEqual(pick(req, expectedRequisition(connectionId, nativeReq)), expectedRequisition(connectionId, nativeReq));
    assert.deepEqual([req.description, req.requester.name, req.requiredDate, req.currency, req.status, req.total], ['Seals for pump 3', 'Dev Patel', '2026-03-20', 'GBP', 'pending_approval', '291']);
    assert.deepEqual(req.lines.map((l: Json) => [l.itemCode, l.description, l.quantity, l.unitOfMeasure, l.unitPrice, l.vendor.id, l.vendor.code]), [['SEAL-KIT-7', 'Pump seal kit', '2', 'EA', '145.5', vendorId, supplier.number]]);

    const nativeReceipt = h.sim.data.receipts.at(-1)!;
    const receipt = (await listAll(h, token, 'goods-receipts')).find((r) => r.remoteId === nativeReceipt.id)!;
    assert.deepEqual(pick(receipt, expectedReceipt(connectionId, nativeReceipt)), expectedReceipt(connectionId, nativeReceipt));
    assert.deepEqual([receipt.number, receipt.purchaseOrder.remoteId, receipt.receivedAt], ['GR-API-1', ORDER_ID, '2026-03-02T09:30:00.000Z']);
    assert.deepEqual(receipt.lines.map((l: Json) => [l.purchaseOrderLine.remoteId, l.itemCode, l.quantity, l.unitOfMeasure]), [['2', 'BRG-6204', '4', 'EA']], 'part code and unit from the order line');
    // What only Proactis sees: the supplier and the unit rate, from the order Manifold holds.
    assert.equal(nativeReceipt.supplier.id, supplier.id);
    assert.deepEqual(nativeReceipt.items[0]!.unitRate, { amount: 8.45, currency: 'GBP' });

    const nativeInvoice = h.sim.data.invoices.at(-1)!;
    const invoice = (await listAll(h, token, 'invoices')).find((r) => r.remoteId === nativeInvoice.id)!;
    assert.deepEqual(pick(invoice, expectedInvoice(connectionId, nativeInvoice)), expectedInvoice(connectionId, nativeInvoice));
    assert.deepEqual(
      [invoice.number, invoice.vendor.id, invoice.purchaseOrder.remoteId, invoice.invoiceDate, invoice.dueDate, invoice.currency, invoice.status, invoice.remoteStatus, invoice.subtotal, invoice.taxTotal, invoice.total],
      ['INV-API-1', vendorId, ORDER_ID, '2026-03-02', '2026-04-01', 'GBP', 'submitted', 'FORVALIDATION', '45.8', '6.76', '52.56'],
    );
    assert.deepEqual(invoice.lines.map((l: Json) => [l.lineNumber, l.itemCode, l.description, l.quantity, l.unitPrice, l.lineTotal, l.taxAmount, l.purchaseOrderLine?.remoteId ?? null]), [
      [1, 'BRG-6204', 'Bearing', '4', '8.45', '33.8', '6.76', '2'],
      [2, null, 'Freight', '1', '12', '12', '0', null],
    ]);
  });

  it('a business error shows only in Proactis, under the reference the 202 gave; nothing appears', async () => {
    const duplicate = { number: 'INV-API-1', vendor: { code: supplier.number }, invoiceDate: '2026-03-05', currency: 'GBP', lines: [{ description: 'Again', quantity: '1', unitOfMeasure: 'EA', unitPrice: '5', lineTotal: '5' }] };
    const body = accepted(await post('invoices', duplicate), 'invoices', { number: 'INV-API-1', 'vendor.code': supplier.number });
    assert.equal(h.sim.process(), 1);
    assert.deepEqual(h.sim.org.failedImports, [{ kind: 'invoices', payloadID: body.reference, message: `Invoice INV-API-1 of ${supplier.number} already exists` }]);
    const state = await sync(h, connectionId);
    assert.equal(state.invoices.counts.created, 0);
    assert.equal((await listAll(h, token, 'invoices')).filter((i) => i.number === 'INV-API-1').length, 1, 'only the first');
  });

  it('a document Proactis refuses outright is a 422 with its message; a body Proactis could not take is a 400 before any call', async () => {
    const empty = await post('invoices', { number: 'INV-API-2', vendor: { code: supplier.number }, invoiceDate: '2026-03-05', currency: 'GBP', lines: [] });
    assert.equal(empty.statusCode, 422, empty.body);
    assert.equal(empty.json().error.code, 'rejected_by_system');
    assert.match(empty.json().error.details.systemMessage, /at least one InvoiceDetailItem/);
    assert.equal(h.sim.org.pending, 0);

    const posted = imports('receipts') + imports('invoices') + imports('requisitions');
    const cases: [string, Json, string, number][] = [
      ['goods-receipts', { number: 'GR-X', purchaseOrder: { remoteId: 'NOT-HELD' }, receivedAt: '2026-03-02T09:30:00Z', lines: [{ purchaseOrderLine: { remoteId: '1' }, quantity: '1' }] }, 'purchaseOrder', 400],
      ['goods-receipts', { number: 'GR-X', purchaseOrder: { id: orderId }, receivedAt: '2026-03-02T09:30:00Z', lines: [{ purchaseOrderLine: { remoteId: '9' }, quantity: '1' }] }, 'lines[0].purchaseOrderLine', 400],
      ['invoices', { number: 'INV-X', vendor: { name: 'No code' }, invoiceDate: '2026-03-05', currency: 'GBP', lines: [{ description: 'x', quantity: '1', unitOfMeasure: 'EA', unitPrice: '1', lineTotal: '1' }] }, 'vendor', 400],
      ['invoices', { number: 'INV-X', vendor: { code: supplier.number }, invoiceDate: '2026-03-05', dueDate: '2026-03-01', currency: 'GBP', lines: [{ description: 'x', quantity: '1', unitOfMeasure: 'EA', unitPrice: '1', lineTotal: '1' }] }, 'dueDate', 400],
      ['purchase-requisitions', { description: 'x', requester: { remoteId: 'EMP-1' }, currency: 'GBP', lines: [{ itemCode: 'A', description: 'a', quantity: '1', unitOfMeasure: 'EA', unitPrice: '1' }] }, 'requester.name', 400],
      ['invoices', { number: 'INV-X', vendor: { code: supplier.number }, invoiceDate: '2026-03-05', currency: 'GBP', lines: [{ description: 'x', quantity: '1', unitOfMeasure: 'EA', unitPrice: '1' }] }, 'lines[0].lineTotal', 400],
      ['invoices', { number: 'INV-X', status: 'paid' }, 'status', 422],
    ];
    for (const [path, payload, field, status] of cases) {
      const res = await post(path, payload);
      assert.equal(res.statusCode, status, `${path} ${field}: ${res.body}`);
      const error = res.json().error;
      assert.ok(error.details?.field === field || (error.details?.issues ?? []).some((i: Json) => i.path === field) || (error.details?.fields ?? []).includes(field), `${field}: ${res.body}`);
    }
    assert.equal(imports('receipts') + imports('invoices') + imports('requisitions'), posted, 'none reached Proactis');
  });

  it('capabilities and the catalogue say the three are created asynchronously, and never changed', async () => {
    const caps = (await h.app.inject({ url: '/v1/capabilities', headers: bearer(token) })).json().data.entities;
    const system = (await h.app.inject({ url: '/v1/systems/proactis', headers: admin })).json().data.entities;
    for (const e of ['purchaseRequisitions', 'goodsReceipts', 'invoices']) {
      const c = caps[e];
      assert.deepEqual([c.create.supported, c.create.asynchronous, c.update.supported, c.delete.supported], [true, true, false, false], e);
      assert.match(c.create.notes, /202 Accepted.*only in its own screens/, e);
      assert.deepEqual(system[e], { list: true, get: true, create: true, asynchronousCreate: true, update: false, delete: 'none' }, e);
    }
    assert.equal(caps.vendors.create.asynchronous, false, 'suppliers are created at once');
  });
});

/** A purchase order Proactis pushes as cXML, received through the connection's intake (remote id = orderID, lines by line number). */
async function holdOrder(h: Harness, connectionId: string, supplierNumber: string): Promise<string> {
  await setIntake(h.app, connectionId, { authentication: { type: 'basic', username: 'proactis', password: 'intake-password-1' }, sender: { identity: BUYER_ID, domain: 'NetworkId' }, sharedSecret: SHARED_SECRET });
  const address = { id: 'PLANT-1', name: 'Acme Plant 1', deliverTo: null, street: '1 Industrial Way', city: 'Leeds', state: null, postalCode: 'LS1 4AP', countryCode: 'GB', countryName: 'United Kingdom' };
  const line = (n: number, part: string, pence: number, description: string) => ({
    lineNumber: n, supplierPartID: part, aux: null, buyerPartID: null, description, quantityTenths: 100, unitOfMeasure: 'EA', unitPriceCents: pence,
    requestedDeliveryDate: '2026-03-10', unspsc: '31171500', costCenter: { id: '4100', name: 'Maintenance' },
  });
  const order: GenOrder = {
    orderID: ORDER_ID, orderVersion: 1, type: 'new', payloadID: `order-${ORDER_ID}@proactis.test`, documentReference: null, orderDate: '2026-02-20T09:00:00Z',
    currency: 'GBP', supplier: supplierNumber, shipTo: address, billTo: address, comments: 'Stores replenishment', workOrder: '1001', netDays: 30,
    lines: [line(1, 'GRS-EP2', 650, 'Grease EP2'), line(2, 'BRG-6204', 845, 'Bearing 6204')],
  };
  const answer = await post(h.app, connectionId, renderOrder(order), basicAuth('proactis', 'intake-password-1'));
  assert.equal(statusOf(answer.body).code, 200, answer.body);
  return recordId('po', connectionId, 'purchaseOrders', ORDER_ID);
}
