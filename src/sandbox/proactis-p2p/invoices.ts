/**
 * Purchase invoices through ImportDocument (purchaseInvoiceGateway.md): order-based invoices
 * matched item by item against their parent orders, and standalone invoices of non-order items.
 * Status: OK (fully imported, with its DocumentNumber), FAILED (not imported), or REGISTERED
 * ("the initial values of the invoice have been successfully imported but a problem occurred when
 * trying to set specific item details requiring the invoice to be matched manually") — also what
 * an invoice without parent orders gets ("If no parent orders are specified then the invoice can
 * only be registered").
 */
import type { Session } from './control.js';
import { nextNumber, type DocumentLine, type InvoiceRec, type OrderItem, type OrderRec } from './data.js';
import { Checks, num } from './check.js';
import { markStatus } from './errors.js';
import { canInvoice, findOrder, outstandingToInvoice, refreshState, round } from './orders.js';
import { pickTemplate, pickTray } from './templates.js';
import { checkTaxes } from './taxes.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

const HEADER = ['InvoiceDate', 'SupplierInvoiceNumber', 'Template', 'Tray', 'GrossValue', 'Supplier', 'ImageReference', 'AuthorisationPool'];

type Match = { order: OrderRec; item: OrderItem; amount: number; line: DocumentLine };

/** One `<pro:Item Position=…>` of a parent order; item problems only make the invoice REGISTERED. */
function matchItem(items: Checks, order: OrderRec, el: XmlElement): Match | undefined {
  items.declared(el, ['Position', 'Value', 'Price', 'Quantity']);
  items.number(el, 'Position', 'Value', 'Price', 'Quantity');
  if (!items.required(el, 'Position')) return undefined;
  const position = num(el.attrs.Position);
  // "The imported invoice cannot contain items which are not on the original orders."
  const item = order.items.find((i) => i.position === position);
  if (!item) {
    items.business(el, `There is no item at position ${position} on order '${order.displayNumber}'; unexpected items are not supported.`);
    return undefined;
  }
  // "Depending on the type of item, either the Price plus Quantity should be provided or the Value."
  let amount: number;
  if (item.kind === 'service') {
    if (el.attrs.Value === undefined) {
      items.business(el, `Item ${position} on order '${order.displayNumber}' is entered by value: supply Value.`);
      return undefined;
    }
    amount = num(el.attrs.Value);
  } else {
    if (el.attrs.Quantity === undefined || el.attrs.Price === undefined) {
      items.business(el, `Item ${position} on order '${order.displayNumber}' is a goods item: supply Price and Quantity.`);
      return undefined;
    }
    amount = num(el.attrs.Quantity);
  }
  // "The quantity on the invoice cannot exceed the quantity expected from the order unless complete
  // nominal information is included in the import file."
  const nominals = childrenNamed(child(el, 'Nominals') ?? el, 'Nominal');
  if (amount > outstandingToInvoice(item) && nominals.length === 0) {
    items.business(el, `The ${item.kind === 'service' ? 'value' : 'quantity'} ${amount} exceeds the ${outstandingToInvoice(item)} still expected for item ${position} on order '${order.displayNumber}'.`);
    return undefined;
  }
  for (const n of nominals) {
    items.declared(n, ['Code', 'Quantity', 'CommitmentDate']);
    items.date(n, 'CommitmentDate');
    if (n.attrs.Code !== undefined && !item.nominals.some((x) => x.coding === n.attrs.Code)) items.business(n, `The nominal '${n.attrs.Code}' is not on item ${position} of order '${order.displayNumber}'.`);
  }
  const value = item.kind === 'service' ? amount : round(amount * num(el.attrs.Price));
  return { order, item, amount, line: { order: order.displayNumber, position, code: item.code, quantity: item.kind === 'service' ? 1 : amount, value } };
}

export function importInvoice(session: Session, el: XmlElement): void {
  const { company, database } = session;
  const header = new Checks();
  const items = new Checks();
  header.declared(el, HEADER);
  header.required(el, 'SupplierInvoiceNumber', 'InvoiceDate');
  header.date(el, 'InvoiceDate');
  header.number(el, 'GrossValue');
  const nonOrderItems = childrenNamed(child(el, 'NonOrderItems') ?? el, 'NonOrderItem');
  // "The gateway assumes the invoice is a standalone invoice if … non-order items are supplied
  // [or] the authorisation pool is specified. Otherwise, the invoice is treated as an order based invoice."
  const standalone = nonOrderItems.length > 0 || el.attrs.AuthorisationPool !== undefined;
  const template = pickTemplate(session, header, el, standalone ? 'standalone-invoice' : 'invoice');
  pickTray(session, header, el);

  const parents = childrenNamed(child(el, 'ParentOrders') ?? el, 'ParentOrder');
  if (standalone && parents.length) header.business(el, 'A standalone invoice cannot have parent orders.');
  const matches: Match[] = [];
  const orders = new Set<OrderRec>();
  for (const p of parents) {
    header.declared(p, ['OrderNumber']);
    if (!header.required(p, 'OrderNumber')) continue;
    const order = findOrder(company, { displayNumber: p.attrs.OrderNumber });
    if (!order) {
      header.business(p, `The order '${p.attrs.OrderNumber}' could not be found.`);
      continue;
    }
    if (!canInvoice(order)) {
      header.business(p, `The order '${order.displayNumber}' is ${order.state} and is not available for invoicing.`);
      continue;
    }
    orders.add(order);
    for (const itemEl of childrenNamed(p, 'Item')) {
      const m = matchItem(items, order, itemEl);
      if (m) matches.push(m);
    }
  }
  // "The Supplier attribute must be set if the invoice has no related purchase orders."
  const orderSuppliers = new Set([...orders].map((o) => o.supplierCode));
  if (orderSuppliers.size > 1) header.business(el, 'All the parent orders of an invoice must be for the same supplier.');
  const supplierCode = el.attrs.Supplier ?? [...orderSuppliers][0];
  if (supplierCode === undefined) {
    if (parents.length === 0) header.business(el, 'The Supplier attribute must be set when the invoice has no parent orders.');
  } else if (!database.suppliers.get(supplierCode)?.companies.has(company.code)) {
    header.business(el, `The supplier '${supplierCode}' does not exist in company '${company.code}'.`);
  } else if (el.attrs.Supplier !== undefined && orderSuppliers.size === 1 && !orderSuppliers.has(el.attrs.Supplier)) {
    header.business(el, `The supplier '${el.attrs.Supplier}' is not the supplier of the parent orders.`);
  }
  // "The supplier invoice number must unique for this supplier."
  const number = el.attrs.SupplierInvoiceNumber;
  if (number && supplierCode && company.invoices.some((i) => i.supplierCode === supplierCode && i.supplierInvoiceNumber === number)) {
    header.business(el, `The supplier invoice number '${number}' has already been used for supplier '${supplierCode}'.`);
  }
  const tax = checkTaxes(session, header, el);
  for (const n of nonOrderItems) {
    header.declared(n, ['SelectUsingPROACTISCode', 'SelectUsingDescription', 'SelectUsingSupplierItemCode', 'Price', 'Quantity', 'Description', 'NetValue', 'UnitOfMeasure', 'ShortCutEntry']);
    if (!['SelectUsingPROACTISCode', 'SelectUsingDescription', 'SelectUsingSupplierItemCode'].some((a) => n.attrs[a] !== undefined)) {
      header.business(n, 'A non-order item must be identified by SelectUsingPROACTISCode, SelectUsingDescription or SelectUsingSupplierItemCode.');
    }
  }

  if (header.failed || !template || !supplierCode) {
    header.embed();
    items.embed();
    markStatus(el, 'FAILED');
    return;
  }
  items.embed();
  // Without parent orders an order-based invoice is only registered; item problems also leave it to be matched by hand.
  const status = items.failed || (!standalone && parents.length === 0) ? 'REGISTERED' : 'OK';
  const documentNumber = nextNumber(company, template);
  const rec: InvoiceRec = {
    documentNumber, template, status, supplierCode, supplierInvoiceNumber: number!, invoiceDate: el.attrs.InvoiceDate!,
    grossValue: num(el.attrs.GrossValue), taxValue: tax, lines: status === 'OK' ? matches.map((m) => m.line) : [],
  };
  if (status === 'OK') {
    for (const m of matches) m.item.invoiced = round(m.item.invoiced + m.amount);
    for (const o of orders) refreshState(o);
  }
  company.invoices.push(rec);
  markStatus(el, status, documentNumber);
}
