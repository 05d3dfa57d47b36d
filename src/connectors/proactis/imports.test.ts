/**
 * Transactional imports against the simulator: the connector's cXML documents are accepted (202)
 * and reported as accepted — never as a record: nothing can be read until Proactis has processed
 * them, and then an incremental listing brings exactly them, field by field as sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordId } from '../../core/ids.js';
import type { MapContext, RawPage } from '../../kit/definition.js';
import type { ProactisSim } from '../../sandbox/proactis/server.js';
import type { ProactisClient } from './client.js';
import { importDocument, invoiceDocument, receiptDocument, requisitionDocument } from './imports.js';
import { goodsReceipts } from './resources/goods-receipts.js';
import { invoices } from './resources/invoices.js';
import { purchaseRequisitions } from './resources/purchase-requisitions.js';
import { clientFor, relaxedSim } from './sim.test-support.js';

const ctx: MapContext = { connectionId: 'conn_i', refId: (entity, remoteId) => recordId('x', 'conn_i', entity, remoteId) };

async function collect(pages: AsyncIterable<RawPage>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const p of pages) out.push(...p.records);
  return out;
}

describe('Proactis imports', () => {
  let sim: ProactisSim;
  let client: ProactisClient;
  before(async () => {
    sim = await relaxedSim({ sizes: { suppliers: 10, requisitions: 3, receipts: 3, invoices: 3 } });
    client = clientFor(sim);
  });
  after(() => sim.stop());

  it('are accepted, not yet records; processed, an incremental listing brings exactly them', async () => {
    const supplier = sim.data.suppliers[2]!;
    const since = new Date().toISOString();
    const answers = [
      await importDocument(client, 'receipts', receiptDocument(client.domainId, {
        receiptID: 'GR-1', receiptDate: '2026-03-02T09:30:00Z', orderID: '00070651', supplierNumber: supplier.number, comments: 'Dock 3', closeForReceiving: true,
        items: [{ receiptLineNumber: 1, orderLineNumber: 2, quantity: '4', unitOfMeasure: 'EA', supplierPartID: 'BRG-6204', unitPrice: '8.45', currency: 'GBP', completed: true, condition: 'Good' }],
      })),
      await importDocument(client, 'invoices', invoiceDocument(client.domainId, {
        invoiceNumber: 'INV-A & B <1>', invoiceDate: '2026-03-02', supplierNumber: supplier.number, orderID: '00070651', payInDays: 30,
        lines: [
          { lineNumber: 1, orderLineNumber: 2, supplierPartID: 'BRG-6204', description: 'Bearing', quantity: '4', unitOfMeasure: 'EA', unitPrice: '8.45', netAmount: '33.80', taxAmount: '6.76', currency: 'GBP' },
          { lineNumber: 2, description: 'Freight', quantity: '1', unitOfMeasure: 'EA', unitPrice: '12', netAmount: '12', currency: 'GBP' },
        ],
      })),
      await importDocument(client, 'requisitions', requisitionDocument(client.domainId, {
        title: 'Seals for pump 3', requester: { name: 'Dev Patel', email: 'dev@buyer.example' }, requiredDate: '2026-03-20',
        lines: [{ lineNumber: 1, supplierPartID: 'SEAL-KIT-7', description: 'Pump seal kit', quantity: '2', unitOfMeasure: 'EA', unitPrice: '145.50', currency: 'GBP', supplierNumber: supplier.number }],
      })),
    ];
    assert.deepEqual(answers, [{ accepted: true, status: 202 }, { accepted: true, status: 202 }, { accepted: true, status: 202 }]);
    assert.equal(sim.org.pending, 3);
    for (const [res, service] of [[goodsReceipts, 'receipts'], [invoices, 'invoices'], [purchaseRequisitions, 'requisitions']] as const) {
      assert.deepEqual(await collect(res.list(client, { since, pageSize: 50 })), [], `no ${service} visible before processing`);
    }

    assert.equal(sim.process(), 3);
    assert.deepEqual(sim.org.failedImports, []);
    const [receipt] = (await collect(goodsReceipts.list(client, { since, pageSize: 50 }))).map((r) => goodsReceipts.toUnified(goodsReceipts.raw.parse(r) as never, ctx));
    assert.equal(receipt!.number, 'GR-1');
    assert.equal(receipt!.receivedAt, '2026-03-02T09:30:00.000Z');
    assert.deepEqual((receipt!.lines as { itemCode: string; quantity: string; purchaseOrderLine: { remoteId: string } }[]).map((l) => [l.itemCode, l.quantity, l.purchaseOrderLine.remoteId]), [['BRG-6204', '4', '2']]);
    const [invoice] = (await collect(invoices.list(client, { since, pageSize: 50 }))).map((r) => invoices.toUnified(invoices.raw.parse(r) as never, ctx));
    assert.deepEqual([invoice!.number, invoice!.status, invoice!.remoteStatus, invoice!.subtotal, invoice!.taxTotal, invoice!.total, invoice!.dueDate], ['INV-A & B <1>', 'submitted', 'FORVALIDATION', '45.8', '6.76', '52.56', '2026-04-01']);
    const [requisition] = (await collect(purchaseRequisitions.list(client, { since, pageSize: 50 }))).map((r) => purchaseRequisitions.toUnified(purchaseRequisitions.raw.parse(r) as never, ctx));
    assert.deepEqual([requisition!.description, requisition!.total, requisition!.status], ['Seals for pump 3', '291', 'pending_approval']);
  });

  it('are refused at once when the document is wrong, with Proactis\' message', async () => {
    await assert.rejects(
      importDocument(client, 'receipts', receiptDocument(client.domainId, { receiptID: 'GR-2', receiptDate: '2026-03-02', orderID: '1', supplierNumber: 'SUP10000', items: [] })),
      (err: Error & { code?: string; systemMessage?: string }) => err.code === 'rejected_by_system' && /at least one ReceiptItem/.test(err.systemMessage ?? ''),
    );
  });
});
