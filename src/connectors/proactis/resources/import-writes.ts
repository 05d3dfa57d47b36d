/**
 * Creating Proactis' transactional documents (requisitions, receipts, invoices): each is posted
 * as one cXML document that Proactis imports asynchronously — the POST answers 200/201/202
 * "accepted", the document exists only once Proactis has processed it, and a business error
 * (an unknown supplier, a number already used) then shows in Proactis' own screens, never in an
 * answer (docs.proactis.com "Create transactions"; protocols-cmms-s2p.md §11.2). So the create is
 * asynchronous: Manifold answers 202 with the document's payloadID as the reference, and the
 * record arrives with the sync once processed. A document Proactis refuses outright (malformed,
 * wrong organisation) is refused at once: 422 with Proactis' message. No update, cancel or delete
 * of an imported document is documented, so none is offered.
 */
import type { ResourceWrites, WriteCapabilities, WriteContext } from '../../../kit/writes.js';
import type { ProactisClient } from '../client.js';
import { payloadId } from '../cxml.js';
import { importDocument, invoiceDocument, receiptDocument, requisitionDocument } from '../imports.js';
import { invoiceImport, receiptImport, requisitionImport } from './import-inputs.js';

const AFTER =
  'Proactis imports it asynchronously: POST answers 202 Accepted with the reference (the cXML payloadID), and the record appears once Proactis has processed it and a sync has run. ' +
  'Proactis reports a document it could not process (e.g. an unknown supplier or a number already used) only in its own screens, never through its API: ' +
  'a record that does not appear after a sync is one to look for there, by that reference.';

function capabilities(what: string, create: { requiredFields: string[]; writableFields: string[]; notes: string }): WriteCapabilities {
  return {
    create: { ...create, asynchronous: true, notes: `${create.notes} ${AFTER}` },
    concurrency: 'none',
    concurrencyNotes: `Proactis documents no update, cancel or delete of an imported ${what}: change it in Proactis.`,
  };
}

const reference = (ctx: WriteContext) => payloadId(ctx.reference);

/** What Proactis will show a caller when the record is not there: its own screens. */
const NOTE = 'If it does not appear, Proactis could not process it: its own screens say why, under that reference.';

export const requisitionWrites: ResourceWrites<ProactisClient> = {
  capabilities: capabilities('requisition', {
    requiredFields: ['description', 'requester', 'currency', 'lines', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice'],
    writableFields: ['description', 'requester', 'requiredDate', 'currency', 'lines', 'lines[].lineNumber', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].vendor'],
    notes:
      'Sent as a cXML RequisitionRequest: description is its title, requester is named by requester.name, a line vendor by its supplier number (vendor.code, or a vendor of this connection). ' +
      'Proactis assigns the number, the status (for approval) and the total.',
  }),
  async submit(client, input, ctx) {
    const doc = await requisitionImport(client, input, ctx);
    const payloadID = reference(ctx);
    await importDocument(client, 'requisitions', requisitionDocument(client.domainId, doc, ctx.reference));
    return { accepted: true, reference: payloadID, identifiedBy: { description: doc.title, 'requester.name': doc.requester.name }, note: NOTE };
  },
};

export const goodsReceiptWrites: ResourceWrites<ProactisClient> = {
  capabilities: capabilities('receipt', {
    requiredFields: ['number', 'purchaseOrder', 'receivedAt', 'lines', 'lines[].purchaseOrderLine', 'lines[].quantity'],
    writableFields: ['number', 'purchaseOrder', 'receivedAt', 'lines', 'lines[].purchaseOrderLine', 'lines[].itemCode', 'lines[].quantity', 'lines[].unitOfMeasure'],
    notes:
      'Sent as a cXML ReceiptRequest against a purchase order Proactis pushed to Manifold (the cXML intake): the supplier, the unit rates and, unless given, the part codes and units come from that order; ' +
      'each line names the order line by its line number (purchaseOrderLine.remoteId). receivedBy is set by Proactis.',
  }),
  async submit(client, input, ctx) {
    const doc = await receiptImport(input, ctx);
    const payloadID = reference(ctx);
    await importDocument(client, 'receipts', receiptDocument(client.domainId, doc, ctx.reference));
    return { accepted: true, reference: payloadID, identifiedBy: { number: doc.receiptID }, note: NOTE };
  },
};

export const invoiceWrites: ResourceWrites<ProactisClient> = {
  capabilities: capabilities('invoice', {
    requiredFields: ['number', 'vendor', 'invoiceDate', 'currency', 'lines', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].lineTotal'],
    writableFields: [
      'number', 'vendor', 'purchaseOrder', 'invoiceDate', 'dueDate', 'currency', 'lines', 'lines[].lineNumber', 'lines[].itemCode', 'lines[].description', 'lines[].quantity',
      'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].lineTotal', 'lines[].taxAmount', 'lines[].purchaseOrderLine',
    ],
    notes:
      'Sent as a cXML InvoiceDetailRequest from the supplier (vendor.code, or a vendor of this connection); dueDate is sent as days after invoiceDate; lineTotal is the net amount of a line. ' +
      'Proactis derives the totals and the status (in validation).',
  }),
  async submit(client, input, ctx) {
    const doc = await invoiceImport(client, input, ctx);
    const payloadID = reference(ctx);
    await importDocument(client, 'invoices', invoiceDocument(client.domainId, doc, ctx.reference));
    return { accepted: true, reference: payloadID, identifiedBy: { number: doc.invoiceNumber, 'vendor.code': doc.supplierNumber }, note: NOTE };
  },
};
