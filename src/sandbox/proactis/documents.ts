/**
 * The cXML documents the Proactis APIs take (docs.proactis.com: "most Proactis APIs use the cXML
 * message standard"; protocols-cmms-s2p.md §11.2), read into the simulator's records. What is
 * known: suppliers are POSTed as cXML with an `OrganizationChangeMessage` whose attribute says
 * create, update or delete; receipts are cXML `ReceiptRequest` (receiptID, receiptDate,
 * OrderReference orderID, ReceiptItem receiptLineNumber/quantity/completedIndicator,
 * ReceiptItemReference lineNumber, SupplierPartID, UnitRate, Classification
 * domain="ItemReceivingCondition"); the organisation is the `NetworkId` credential in the header.
 *
 * [unverified] The inner shape of an Organization, and the requisition and invoice documents:
 * Proactis publishes no profile, so they follow cXML's own elements — Organization with
 * Credential (SystemID, SupplierID), Name, Address, IdReference vatID and Extrinsic online;
 * invoices as InvoiceDetailRequest; requisitions as a RequisitionRequest shaped like an
 * OrderRequest (header, ItemOut lines with a SupplierID each).
 */
import { Problem } from './answers.js';
import type { InvoiceLine, ReceiptItem, RequisitionLine, SupplierRecord } from './records.js';
import { attr, child, children, credential, number, required, text, type XmlNode } from './xml.js';

/** The document must name the organisation the URL names. */
export function checkDomain(root: XmlNode, domainId: string): void {
  const header = child(root, 'Header');
  const named = [credential(child(header, 'From'), 'NetworkId'), credential(child(header, 'To'), 'NetworkId')].filter((v) => v !== undefined);
  if (named.length === 0) throw new Problem(400, 'The cXML Header names no organisation (a NetworkId credential in From or To)');
  if (!named.includes(domainId)) throw new Problem(400, `The document is for organisation ${named[0]}, not ${domainId}`);
}

const yes = (v: string | undefined) => v === 'yes' || v === 'true';

export interface SupplierChange {
  type: 'create' | 'update' | 'delete';
  systemId?: string;
  number?: string;
  /** The values given (an update changes only these). */
  values: Partial<Omit<SupplierRecord, 'id' | 'lastModified'>>;
}

export function supplierChange(root: XmlNode): SupplierChange {
  const message = child(root, 'Message', 'OrganizationChangeMessage');
  if (!message) throw new Problem(400, 'A supplier document is a cXML Message with an OrganizationChangeMessage');
  const type = attr(message, 'type');
  if (type !== 'create' && type !== 'update' && type !== 'delete') throw new Problem(400, `OrganizationChangeMessage type must be create, update or delete, not "${type ?? ''}"`);
  const organisations = children(message, 'Organization');
  if (organisations.length !== 1) throw new Problem(400, 'The Proactis API takes one object per request: send exactly one Organization');
  const org = organisations[0]!;
  const values: SupplierChange['values'] = {};
  const name = text(org, 'Name');
  if (name !== undefined) values.name = name;
  const number = credential(org, 'SupplierID');
  if (number !== undefined) values.number = number;
  const online = children(org, 'Extrinsic').find((e) => attr(e, 'name') === 'online');
  if (online) values.online = yes(text(online));
  const vat = children(org, 'IdReference').find((r) => attr(r, 'domain') === 'vatID');
  if (vat) values.vatNumber = required(attr(vat, 'identifier'), 'IdReference identifier');
  const address = child(org, 'Address');
  if (address) {
    const postal = child(address, 'PostalAddress');
    if (postal) {
      const state = text(postal, 'State');
      values.address = {
        street: children(postal, 'Street').map((s) => text(s) ?? '').filter(Boolean).join(', '),
        city: required(text(postal, 'City'), 'PostalAddress City'),
        ...(state ? { state } : {}),
        postalCode: text(postal, 'PostalCode') ?? '',
        country: required(attr(child(postal, 'Country'), 'isoCountryCode'), 'Country isoCountryCode'),
      };
    }
    const email = text(address, 'Email');
    if (email) values.email = email;
    const phone = text(child(address, 'Phone'), 'TelephoneNumber', 'Number');
    if (phone) values.phone = phone;
    const url = text(address, 'URL');
    if (url) values.website = url;
  }
  return { type, systemId: credential(org, 'SystemID'), number, values };
}

export interface ImportedReceipt {
  receiptID: string;
  receiptDate: string;
  orderID: string;
  supplierNumber: string;
  comments?: string;
  closeForReceiving?: boolean;
  items: ReceiptItem[];
}

export function receiptImport(root: XmlNode): ImportedReceipt {
  const request = child(root, 'Request', 'ReceiptRequest');
  if (!request) throw new Problem(400, 'A receipt document is a cXML Request with a ReceiptRequest');
  const header = required(child(request, 'ReceiptRequestHeader'), 'ReceiptRequestHeader');
  const orders = children(request, 'ReceiptOrder');
  if (orders.length !== 1) throw new Problem(400, 'A receipt is for exactly one order (one ReceiptOrder)');
  const order = orders[0]!;
  const items = children(order, 'ReceiptItem').map((item, i): ReceiptItem => {
    const reference = required(child(item, 'ReceiptItemReference'), `ReceiptItem ${i + 1} ReceiptItemReference`);
    const money = child(item, 'UnitRate', 'Money');
    const description = text(reference, 'Description');
    const classification = text(item, 'Classification');
    return {
      receiptLineNumber: number(attr(item, 'receiptLineNumber'), `ReceiptItem ${i + 1} receiptLineNumber`),
      lineNumber: number(attr(reference, 'lineNumber'), `ReceiptItem ${i + 1} ReceiptItemReference lineNumber`),
      quantity: number(attr(item, 'quantity'), `ReceiptItem ${i + 1} quantity`),
      unitOfMeasure: required(text(item, 'UnitRate', 'UnitOfMeasure'), `ReceiptItem ${i + 1} UnitRate UnitOfMeasure`),
      supplierPartID: required(text(reference, 'ItemID', 'SupplierPartID'), `ReceiptItem ${i + 1} SupplierPartID`),
      ...(description ? { description } : {}),
      unitRate: { amount: number(text(money), `ReceiptItem ${i + 1} UnitRate Money`), currency: required(attr(money, 'currency'), `ReceiptItem ${i + 1} Money currency`) },
      completedIndicator: yes(attr(item, 'completedIndicator')),
      ...(classification ? { classification } : {}),
    };
  });
  if (items.length === 0) throw new Problem(400, 'A receipt needs at least one ReceiptItem');
  const comments = text(header, 'Comments');
  return {
    receiptID: required(attr(header, 'receiptID'), 'ReceiptRequestHeader receiptID'),
    receiptDate: required(attr(header, 'receiptDate'), 'ReceiptRequestHeader receiptDate'),
    orderID: required(attr(child(order, 'ReceiptOrderInfo', 'OrderReference'), 'orderID'), 'OrderReference orderID'),
    supplierNumber: required(credential(child(root, 'Header', 'To'), 'SupplierID'), 'the supplier (Header To, SupplierID credential)'),
    ...(comments ? { comments } : {}),
    ...(attr(order, 'closeForReceiving') !== undefined ? { closeForReceiving: yes(attr(order, 'closeForReceiving')) } : {}),
    items,
  };
}

export interface ImportedInvoice {
  invoiceNumber: string;
  invoiceDate: string;
  dueInDays?: number;
  supplierNumber: string;
  orderID?: string;
  currency: string;
  lines: InvoiceLine[];
}

export function invoiceImport(root: XmlNode): ImportedInvoice {
  const request = child(root, 'Request', 'InvoiceDetailRequest');
  if (!request) throw new Problem(400, 'An invoice document is a cXML Request with an InvoiceDetailRequest');
  const header = required(child(request, 'InvoiceDetailRequestHeader'), 'InvoiceDetailRequestHeader');
  const order = required(child(request, 'InvoiceDetailOrder'), 'InvoiceDetailOrder');
  let currency: string | undefined;
  const lines = children(order, 'InvoiceDetailItem').map((item, i): InvoiceLine => {
    const what = `InvoiceDetailItem ${i + 1}`;
    const price = child(item, 'UnitPrice', 'Money');
    currency ??= attr(price, 'currency');
    const reference = child(item, 'InvoiceDetailItemReference');
    const part = text(reference, 'ItemID', 'SupplierPartID');
    const orderLine = attr(reference, 'lineNumber');
    return {
      lineNumber: number(attr(item, 'invoiceLineNumber'), `${what} invoiceLineNumber`),
      ...(part ? { supplierPartID: part } : {}),
      description: required(text(reference, 'Description'), `${what} Description`),
      quantity: number(attr(item, 'quantity'), `${what} quantity`),
      unitOfMeasure: required(text(item, 'UnitOfMeasure'), `${what} UnitOfMeasure`),
      unitPrice: number(text(price), `${what} UnitPrice`),
      netAmount: number(text(item, 'SubtotalAmount', 'Money'), `${what} SubtotalAmount`),
      taxAmount: Number(text(item, 'Tax', 'Money') ?? 0),
      ...(orderLine ? { orderLineNumber: number(orderLine, `${what} lineNumber`) } : {}),
    };
  });
  if (lines.length === 0) throw new Problem(400, 'An invoice needs at least one InvoiceDetailItem');
  const days = attr(child(header, 'PaymentTerm'), 'payInNumberOfDays');
  const orderID = attr(child(order, 'InvoiceDetailOrderInfo', 'OrderReference'), 'orderID');
  return {
    invoiceNumber: required(attr(header, 'invoiceID'), 'InvoiceDetailRequestHeader invoiceID'),
    invoiceDate: required(attr(header, 'invoiceDate'), 'InvoiceDetailRequestHeader invoiceDate').slice(0, 10),
    ...(days ? { dueInDays: number(days, 'PaymentTerm payInNumberOfDays') } : {}),
    supplierNumber: required(credential(child(root, 'Header', 'From'), 'SupplierID'), 'the supplier (Header From, SupplierID credential)'),
    ...(orderID ? { orderID } : {}),
    currency: required(currency, 'UnitPrice Money currency'),
    lines,
  };
}

export interface ImportedRequisition {
  title: string;
  requester: { name: string; email?: string };
  requiredDate?: string;
  currency: string;
  lines: (Omit<RequisitionLine, 'supplier'> & { supplierNumber?: string })[];
}

export function requisitionImport(root: XmlNode): ImportedRequisition {
  const request = child(root, 'Request', 'RequisitionRequest');
  if (!request) throw new Problem(400, 'A requisition document is a cXML Request with a RequisitionRequest');
  const header = required(child(request, 'RequisitionRequestHeader'), 'RequisitionRequestHeader');
  const requester = children(header, 'Contact').find((c) => attr(c, 'role') === 'requester');
  let currency: string | undefined;
  const lines = children(request, 'ItemOut').map((item, i) => {
    const what = `ItemOut ${i + 1}`;
    const price = child(item, 'ItemDetail', 'UnitPrice', 'Money');
    currency ??= attr(price, 'currency');
    const supplierNumber = text(item, 'SupplierID');
    return {
      lineNumber: number(attr(item, 'lineNumber') ?? String(i + 1), `${what} lineNumber`),
      supplierPartID: required(text(item, 'ItemID', 'SupplierPartID'), `${what} SupplierPartID`),
      description: required(text(item, 'ItemDetail', 'Description'), `${what} Description`),
      quantity: number(attr(item, 'quantity'), `${what} quantity`),
      unitOfMeasure: required(text(item, 'ItemDetail', 'UnitOfMeasure'), `${what} UnitOfMeasure`),
      unitPrice: number(text(price), `${what} UnitPrice`),
      ...(supplierNumber ? { supplierNumber } : {}),
    };
  });
  if (lines.length === 0) throw new Problem(400, 'A requisition needs at least one ItemOut');
  const email = text(requester, 'Email');
  const requiredDate = attr(header, 'requiredDate');
  return {
    title: required(text(header, 'Description'), 'RequisitionRequestHeader Description'),
    requester: { name: required(text(requester, 'Name'), 'the requester (Contact role="requester" Name)'), ...(email ? { email } : {}) },
    ...(requiredDate ? { requiredDate: requiredDate.slice(0, 10) } : {}),
    currency: required(currency, 'UnitPrice Money currency'),
    lines,
  };
}
