/**
 * A parsed cXML root → a checked OrderRequest, or every reason it is not one. Invalid cXML (a
 * required element or attribute missing or malformed) is cXML 400; a valid document this intake
 * cannot take (another request type, amounts in a second currency) is 406 Not Acceptable.
 * Structure: cXML Reference Guide, OrderRequest (our summary: protocols §12.2).
 */
import { Checker, extrinsics, optionalText } from './check.js';
import { readItems } from './read-items.js';
import { readAddress, readCredentials } from './read-parts.js';
import { orderChangeTypes, type CxmlContact, type CxmlCredential, type CxmlIssue, type CxmlOrderHeader, type CxmlOrderRequest, type CxmlPaymentTerm, type OrderChange } from './types.js';
import { attrOf, isNode, many, one, textOf, type XmlNode } from './xml.js';

/** A refused document still answers the Sender credentials it could read, so who sent it is checked first. */
export type ReadResult = { ok: true; request: CxmlOrderRequest } | { ok: false; status: 400 | 406; issues: CxmlIssue[]; sender: CxmlCredential[] };

export function readOrderRequest(root: XmlNode): ReadResult {
  const check = new Checker();
  const payloadID = check.attr(root, 'cXML', 'payloadID');
  const timestamp = check.dateAttr(root, 'cXML', 'timestamp', true);
  const header = check.element(root, 'cXML', 'Header');
  const from = header === undefined ? [] : readCredentials(check, header, 'From');
  const to = header === undefined ? [] : readCredentials(check, header, 'To');
  const sender = header === undefined ? [] : readCredentials(check, header, 'Sender');

  const request = one(root, 'Request');
  if (request === undefined) {
    const other = ['Message', 'Response'].find((k) => one(root, k) !== undefined);
    if (other) return refused([{ path: `cXML/${other}`, message: 'is not accepted here: this endpoint takes OrderRequest documents' }], check, sender);
    check.add('cXML/Request', 'is missing');
    return fail(check, sender);
  }
  const orderRequest = one(request, 'OrderRequest');
  if (orderRequest === undefined) {
    const kinds = isNode(request) ? Object.keys(request).filter((k) => !k.startsWith('@') && k !== '#text') : [];
    if (kinds.length > 0) return refused([{ path: `Request/${kinds[0]}`, message: 'is not accepted here: this endpoint takes OrderRequest documents' }], check, sender);
    check.add('Request/OrderRequest', 'is missing');
    return fail(check, sender);
  }
  const deploymentMode = attrOf(request, 'deploymentMode') || 'production';
  if (deploymentMode !== 'production' && deploymentMode !== 'test') check.add('Request@deploymentMode', `must be production or test (got "${deploymentMode}")`);

  const orderHeader = readHeader(check, orderRequest);
  const items = readItems(check, orderRequest, orderHeader?.total.currency);
  if (check.issues.length > 0 || !orderHeader || payloadID === undefined || timestamp === null) return fail(check, sender);
  if (check.refusals.length > 0) return { ok: false, status: 406, issues: check.refusals, sender };
  return {
    ok: true,
    request: {
      payloadID,
      timestamp,
      version: attrOf(root, 'version') || null,
      lang: attrOf(root, 'xml:lang') || null,
      from,
      to,
      sender,
      userAgent: optionalText(one(header, 'Sender'), 'UserAgent'),
      deploymentMode: deploymentMode as 'production' | 'test',
      header: orderHeader,
      items,
    },
  };
}

function fail(check: Checker, sender: CxmlCredential[]): ReadResult {
  return { ok: false, status: 400, issues: check.issues.length > 0 ? check.issues : [{ path: 'cXML', message: 'is not a valid OrderRequest' }], sender };
}

function refused(issues: CxmlIssue[], check: Checker, sender: CxmlCredential[]): ReadResult {
  return check.issues.length > 0 ? fail(check, sender) : { ok: false, status: 406, issues, sender };
}

function readHeader(check: Checker, orderRequest: unknown): CxmlOrderHeader | undefined {
  const path = 'OrderRequest/OrderRequestHeader';
  const node = check.element(orderRequest, 'OrderRequest', 'OrderRequestHeader');
  if (node === undefined) return undefined;
  const before = check.issues.length;
  const orderID = check.attr(node, path, 'orderID');
  const orderDate = check.dateAttr(node, path, 'orderDate', true);
  const typeText = attrOf(node, 'type') || 'new';
  const type = (orderChangeTypes as readonly string[]).includes(typeText) ? (typeText as OrderChange) : undefined;
  if (!type) check.add(`${path}@type`, `must be new, update or delete (got "${typeText}")`);
  const versionText = attrOf(node, 'orderVersion');
  let orderVersion: number | null = null;
  if (versionText) {
    if (/^\d{1,9}$/.test(versionText) && Number(versionText) > 0) orderVersion = Number(versionText);
    else check.add(`${path}@orderVersion`, `must be a positive whole number (got "${versionText}")`);
  }
  const requestedDeliveryDate = check.dateAttr(node, path, 'requestedDeliveryDate', false);
  const totalNode = check.element(node, path, 'Total');
  const total = totalNode === undefined ? undefined : check.money(totalNode, `${path}/Total`);
  const shipTo = readAddress(check, node, path, 'ShipTo', false);
  const billTo = readAddress(check, node, path, 'BillTo', true);
  const reference = one(node, 'DocumentReference');
  const documentReference = attrOf(reference, 'payloadID') || null;
  if (type && type !== 'new' && documentReference === null) {
    check.add(`${path}/DocumentReference${reference === undefined ? '' : '@payloadID'}`, `is missing (required when type="${type}": the payloadID of the original order)`);
  }
  const shipping = one(node, 'Shipping');
  const shippingAmount = check.optionalMoney(node, path, 'Shipping');
  const tax = check.optionalMoney(node, path, 'Tax');
  for (const [name, money] of [['Shipping', shippingAmount], ['Tax', tax]] as const) {
    if (money && total && money.currency !== total.currency) check.refuse(`${path}/${name}/Money@currency`, `is ${money.currency}, not the order currency ${total.currency}`);
  }
  if (check.issues.length > before || orderID === undefined || orderDate === null || !type || !total || !billTo) return undefined;
  return {
    orderID,
    orderDate,
    type,
    orderType: attrOf(node, 'orderType') || null,
    orderVersion,
    requestedDeliveryDate,
    total,
    shipTo,
    billTo,
    shippingMethod: textOf(one(shipping, 'Description')) || null,
    shippingAmount,
    tax,
    paymentTerms: many(node, 'PaymentTerm').map(paymentTerm),
    contacts: many(node, 'Contact').map(contact),
    comments: optionalText(node, 'Comments'),
    documentReference,
    extrinsics: extrinsics(node),
  };
}

function paymentTerm(node: unknown): CxmlPaymentTerm {
  return {
    payInNumberOfDays: attrOf(node, 'payInNumberOfDays') || null,
    discountPercent: attrOf(one(one(node, 'Discount'), 'DiscountPercent'), 'percent') || null,
  };
}

function contact(node: unknown): CxmlContact {
  return { role: attrOf(node, 'role') || null, name: optionalText(node, 'Name'), email: optionalText(node, 'Email') };
}
