/**
 * OrderRequest/ItemOut+ → the order's items, checked against the DTD's required parts: ItemOut
 * needs a quantity, ItemID/SupplierPartID, ItemDetail with UnitPrice/Money, Description,
 * UnitOfMeasure and at least one Classification. Line numbers must be unique (they key the lines).
 */
import { Checker, extrinsics, optionalText } from './check.js';
import { readAddress, readDistributions } from './read-parts.js';
import type { CxmlClassification, CxmlItem } from './types.js';
import { attrOf, many, one, textOf } from './xml.js';

export function readItems(check: Checker, orderRequest: unknown, currency: string | undefined): CxmlItem[] {
  const nodes = many(orderRequest, 'ItemOut');
  if (nodes.length === 0) check.add('OrderRequest/ItemOut', 'is missing (an order needs at least one)');
  const items: CxmlItem[] = [];
  const seen = new Map<number, number>();
  nodes.forEach((node, i) => {
    // Always indexed: "the third item" is how a person finds it in the sender's screen.
    const path = `OrderRequest/ItemOut[${i + 1}]`;
    const item = readItem(check, node, path, i, currency);
    if (!item) return;
    const first = seen.get(item.lineNumber);
    if (first !== undefined) check.add(`${path}@lineNumber`, `is ${item.lineNumber}, already used by ItemOut[${first + 1}]`);
    else seen.set(item.lineNumber, i);
    items.push(item);
  });
  return items;
}

function readItem(check: Checker, node: unknown, path: string, index: number, currency: string | undefined): CxmlItem | undefined {
  const before = check.issues.length;
  const quantity = check.decimal(check.attr(node, path, 'quantity'), `${path}@quantity`);
  const lineNumberText = attrOf(node, 'lineNumber');
  let lineNumber = index + 1;
  if (lineNumberText) {
    if (/^\d{1,9}$/.test(lineNumberText) && Number(lineNumberText) > 0) lineNumber = Number(lineNumberText);
    else check.add(`${path}@lineNumber`, `must be a positive whole number (got "${lineNumberText}")`);
  }
  const requestedDeliveryDate = check.dateAttr(node, path, 'requestedDeliveryDate', false);

  const itemId = check.element(node, path, 'ItemID');
  const supplierPartID = itemId === undefined ? undefined : check.text(itemId, `${path}/ItemID`, 'SupplierPartID');

  const detailPath = `${path}/ItemDetail`;
  const detail = check.element(node, path, 'ItemDetail');
  let unitPrice;
  let description: string | undefined;
  let shortName: string | null = null;
  let unitOfMeasure: string | undefined;
  const classifications: CxmlClassification[] = [];
  if (detail !== undefined) {
    const priceNode = check.element(detail, detailPath, 'UnitPrice');
    unitPrice = priceNode === undefined ? undefined : check.money(priceNode, `${detailPath}/UnitPrice`);
    if (unitPrice && currency && unitPrice.currency !== currency) {
      check.refuse(`${detailPath}/UnitPrice/Money@currency`, `is ${unitPrice.currency}, not the order currency ${currency}; a unified order has one currency`);
    }
    const descriptionNode = one(detail, 'Description');
    shortName = optionalText(descriptionNode, 'ShortName');
    description = textOf(descriptionNode) || shortName || undefined;
    if (description === undefined) check.add(`${detailPath}/Description`, descriptionNode === undefined ? 'is missing' : 'is empty');
    unitOfMeasure = check.text(detail, detailPath, 'UnitOfMeasure');
    const classNodes = many(detail, 'Classification');
    if (classNodes.length === 0) check.add(`${detailPath}/Classification`, 'is missing');
    classNodes.forEach((c, j) => {
      const domain = check.attr(c, `${detailPath}/${classNodes.length > 1 ? `Classification[${j + 1}]` : 'Classification'}`, 'domain');
      if (domain !== undefined) classifications.push({ domain, value: textOf(c) ?? '' });
    });
  }
  const distributions = readDistributions(check, node, path, currency);
  const tax = check.optionalMoney(node, path, 'Tax');
  if (tax && currency && tax.currency !== currency) check.refuse(`${path}/Tax/Money@currency`, `is ${tax.currency}, not the order currency ${currency}`);
  const shipTo = readAddress(check, node, path, 'ShipTo', false);

  if (check.issues.length > before || quantity === undefined || supplierPartID === undefined || !unitPrice || description === undefined || unitOfMeasure === undefined) {
    return undefined;
  }
  return {
    lineNumber,
    quantity,
    requestedDeliveryDate,
    requisitionID: attrOf(node, 'requisitionID') || null,
    supplierPartID,
    supplierPartAuxiliaryID: optionalText(itemId, 'SupplierPartAuxiliaryID'),
    buyerPartID: optionalText(itemId, 'BuyerPartID'),
    unitPrice,
    description,
    shortName,
    unitOfMeasure,
    classifications,
    manufacturerPartID: optionalText(detail, 'ManufacturerPartID'),
    manufacturerName: optionalText(detail, 'ManufacturerName'),
    extrinsics: extrinsics(detail),
    tax,
    shipTo,
    distributions,
    comments: optionalText(node, 'Comments'),
  };
}
