/**
 * Transactional imports: the cXML documents Proactis takes for receipts (ReceiptRequest),
 * invoices (InvoiceDetailRequest) and requisitions, one per POST. Proactis processes them later:
 * 200, 201 or 202 only means accepted, and a business error shows in its own screens afterwards
 * (docs.proactis.com "Create transactions"; protocols-cmms-s2p.md §11.2). So `importDocument`
 * answers "accepted" — never a record: the record exists once Proactis has processed it, and the
 * sync brings it. The unified create answers that as 202 Accepted (resources/import-writes.ts).
 *
 * Documented fields: ReceiptRequestHeader receiptID/receiptDate, comments, closeForReceiving,
 * ReceiptItem receiptLineNumber/quantity/completedIndicator, ReceiptItemReference lineNumber,
 * SupplierPartID, UnitRate (Money + UnitOfMeasure), Classification domain="ItemReceivingCondition";
 * the supplier as the Header To credential. [unverified] The invoice and requisition documents
 * follow cXML's InvoiceDetailRequest and an OrderRequest-like RequisitionRequest.
 */
import { credential, cxmlDocument, lang, payloadId } from './cxml.js';
import type { ProactisClient, Service } from './client.js';

export interface ReceiptImport {
  receiptID: string;
  receiptDate: string;
  orderID: string;
  supplierNumber: string;
  comments?: string;
  /** Only when the order is fully received. */
  closeForReceiving?: boolean;
  items: { receiptLineNumber: number; orderLineNumber: number; quantity: string; unitOfMeasure: string; supplierPartID: string; description?: string; unitPrice: string; currency: string; completed?: boolean; condition?: string }[];
}

export interface InvoiceImport {
  invoiceNumber: string;
  invoiceDate: string;
  supplierNumber: string;
  orderID?: string;
  payInDays?: number;
  lines: { lineNumber: number; orderLineNumber?: number; supplierPartID?: string; description: string; quantity: string; unitOfMeasure: string; unitPrice: string; netAmount: string; taxAmount?: string; currency: string }[];
}

export interface RequisitionImport {
  title: string;
  requester: { name: string; email?: string };
  requiredDate?: string;
  lines: { lineNumber: number; supplierPartID: string; description: string; quantity: string; unitOfMeasure: string; unitPrice: string; currency: string; supplierNumber?: string }[];
}

const money = (amount: string, currency: string) => ({ Money: { '@_currency': currency, '#text': amount } });
const yes = (flag: boolean | undefined) => (flag === undefined ? undefined : flag ? 'yes' : 'no');

export function receiptDocument(domainId: string, r: ReceiptImport, reference?: string): string {
  return cxmlDocument({
    domainId,
    payloadID: payloadId(reference),
    to: [credential('SupplierID', r.supplierNumber)],
    body: {
      Request: {
        ReceiptRequest: {
          ReceiptRequestHeader: { '@_receiptID': r.receiptID, '@_receiptDate': r.receiptDate, ...(r.comments ? { Comments: lang(r.comments) } : {}) },
          ReceiptOrder: {
            '@_closeForReceiving': yes(r.closeForReceiving),
            ReceiptOrderInfo: { OrderReference: { '@_orderID': r.orderID } },
            ReceiptItem: r.items.map((i) => ({
              '@_quantity': i.quantity,
              '@_receiptLineNumber': String(i.receiptLineNumber),
              '@_completedIndicator': yes(i.completed),
              ReceiptItemReference: { '@_lineNumber': String(i.orderLineNumber), ItemID: { SupplierPartID: i.supplierPartID }, ...(i.description ? { Description: lang(i.description) } : {}) },
              UnitRate: { ...money(i.unitPrice, i.currency), UnitOfMeasure: i.unitOfMeasure },
              ...(i.condition ? { Classification: { '@_domain': 'ItemReceivingCondition', '#text': i.condition } } : {}),
            })),
          },
        },
      },
    },
  });
}

export function invoiceDocument(domainId: string, inv: InvoiceImport, reference?: string): string {
  return cxmlDocument({
    domainId,
    payloadID: payloadId(reference),
    from: [credential('SupplierID', inv.supplierNumber)],
    body: {
      Request: {
        InvoiceDetailRequest: {
          InvoiceDetailRequestHeader: { '@_invoiceID': inv.invoiceNumber, '@_invoiceDate': inv.invoiceDate, '@_purpose': 'standard', '@_operation': 'new', ...(inv.payInDays !== undefined ? { PaymentTerm: { '@_payInNumberOfDays': String(inv.payInDays) } } : {}) },
          InvoiceDetailOrder: {
            ...(inv.orderID ? { InvoiceDetailOrderInfo: { OrderReference: { '@_orderID': inv.orderID } } } : {}),
            InvoiceDetailItem: inv.lines.map((l) => ({
              '@_invoiceLineNumber': String(l.lineNumber),
              '@_quantity': l.quantity,
              UnitOfMeasure: l.unitOfMeasure,
              UnitPrice: money(l.unitPrice, l.currency),
              InvoiceDetailItemReference: { ...(l.orderLineNumber !== undefined ? { '@_lineNumber': String(l.orderLineNumber) } : {}), ...(l.supplierPartID ? { ItemID: { SupplierPartID: l.supplierPartID } } : {}), Description: lang(l.description) },
              SubtotalAmount: money(l.netAmount, l.currency),
              ...(l.taxAmount ? { Tax: money(l.taxAmount, l.currency) } : {}),
            })),
          },
        },
      },
    },
  });
}

export function requisitionDocument(domainId: string, req: RequisitionImport, reference?: string): string {
  return cxmlDocument({
    domainId,
    payloadID: payloadId(reference),
    body: {
      Request: {
        RequisitionRequest: {
          RequisitionRequestHeader: {
            ...(req.requiredDate ? { '@_requiredDate': req.requiredDate } : {}),
            Contact: [{ '@_role': 'requester', Name: lang(req.requester.name), ...(req.requester.email ? { Email: req.requester.email } : {}) }],
            Description: lang(req.title),
          },
          ItemOut: req.lines.map((l) => ({
            '@_quantity': l.quantity,
            '@_lineNumber': String(l.lineNumber),
            ItemID: { SupplierPartID: l.supplierPartID },
            ItemDetail: { UnitPrice: money(l.unitPrice, l.currency), Description: lang(l.description), UnitOfMeasure: l.unitOfMeasure },
            ...(l.supplierNumber ? { SupplierID: { '@_domain': 'SupplierID', '#text': l.supplierNumber } } : {}),
          })),
        },
      },
    },
  });
}

/** What an import answer means: accepted for processing — not that the document exists. */
export interface ImportAccepted {
  accepted: true;
  /** The HTTP status Proactis answered (200, 201 or 202). */
  status: number;
}

export async function importDocument(client: ProactisClient, service: Exclude<Service, 'suppliers'>, xml: string): Promise<ImportAccepted> {
  return { accepted: true, status: await client.postCxml(service, xml) };
}
