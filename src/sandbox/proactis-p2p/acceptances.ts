/**
 * Purchase order acceptances (goods receipts) through ImportDocument (acceptanceGateway.md): each
 * `<pro:Acceptance>` names the orders it receipts and, per order, the items and the quantity
 * received in each delivery condition — or receipts whole orders or items. An acceptance is
 * created whole or not at all: Status OK with its DocumentNumber, or FAILED with the errors next
 * to the node they concern. The gateway only creates acceptances ("It does not allow users to
 * amend, authorise or cancel acceptances").
 */
import type { Session } from './control.js';
import { nextNumber, type AcceptanceRec, type OrderItem, type OrderRec } from './data.js';
import { Checks, num } from './check.js';
import { markStatus } from './errors.js';
import { canReceipt, findOrder, outstandingToReceive, refreshState, round } from './orders.js';
import { pickTemplate } from './templates.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

type Receipt = { order: OrderRec; item: OrderItem; quantity: number; condition: string };

function findItem(order: OrderRec, el: XmlElement): OrderItem | undefined {
  const a = el.attrs;
  // "Supply its Description using the SelectUsingDiscription attribute" — spelled so in the page.
  if (a.SelectUsingCode !== undefined) return order.items.find((i) => i.code === a.SelectUsingCode);
  if (a.SelectUsingDiscription !== undefined) return order.items.find((i) => i.description === a.SelectUsingDiscription);
  if (a.SelectUsingOrderItemGUID !== undefined) return order.items.find((i) => i.guid.toLowerCase() === a.SelectUsingOrderItemGUID!.toLowerCase());
  return undefined;
}

function itemReceipts(session: Session, checks: Checks, order: OrderRec, itemEl: XmlElement, defaultCondition: string, seen: Set<OrderItem>): Receipt[] {
  checks.declared(itemEl, ['SelectUsingCode', 'SelectUsingDiscription', 'SelectUsingOrderItemGUID']);
  const item = findItem(order, itemEl);
  if (!item) {
    const how = itemEl.attrs.SelectUsingCode ?? itemEl.attrs.SelectUsingDiscription ?? itemEl.attrs.SelectUsingOrderItemGUID;
    checks.business(itemEl, how === undefined ? 'An item must be identified by SelectUsingCode, SelectUsingDiscription or SelectUsingOrderItemGUID.' : `The item '${how}' could not be found on order '${order.displayNumber}'.`);
    return [];
  }
  // "Each item can only be specified once."
  if (seen.has(item)) checks.business(itemEl, `The item '${item.code}' is specified more than once on order '${order.displayNumber}'.`);
  seen.add(item);
  const conditions = childrenNamed(child(itemEl, 'Conditions') ?? itemEl, 'Condition');
  // "At least one condition element must be supplied."
  if (conditions.length === 0) checks.business(itemEl, `At least one condition must be supplied for item '${item.code}'.`);
  const out: Receipt[] = [];
  for (const c of conditions) {
    checks.declared(c, ['Receipted', 'Condition', 'ControlFullyReceiptItem']);
    checks.yesNo(c, 'ControlFullyReceiptItem');
    checks.number(c, 'Receipted');
    const condition = c.attrs.Condition ?? defaultCondition;
    if (!session.company.deliveryConditions.includes(condition)) checks.business(c, `The delivery condition '${condition}' does not exist.`);
    if (c.attrs.ControlFullyReceiptItem === 'YES') {
      // "Don't supply the receipted attribute … Don't supply any other delivery conditions for the line."
      if (c.attrs.Receipted !== undefined || conditions.length > 1 || child(c, 'Nominals')) checks.business(c, 'When ControlFullyReceiptItem is YES, supply no receipted quantity, nominals or other conditions for the item.');
      out.push({ order, item, quantity: outstandingToReceive(item), condition });
      continue;
    }
    // "The receipted quantity must be supplied."
    if (!checks.required(c, 'Receipted')) continue;
    const quantity = num(c.attrs.Receipted);
    if (quantity < 0) checks.business(c, 'The receipted quantity must not be negative.');
    for (const n of childrenNamed(child(c, 'Nominals') ?? c, 'Nominal')) {
      checks.declared(n, ['SelectUsingNominalCoding', 'SelectUsingCommitmentDate', 'Receipted']);
      const nominal = item.nominals.find((x) => x.coding === n.attrs.SelectUsingNominalCoding || x.commitmentDate === n.attrs.SelectUsingCommitmentDate);
      if (!nominal) checks.business(n, `The nominal could not be found on item '${item.code}'; identify it by SelectUsingNominalCoding or SelectUsingCommitmentDate.`);
      else if (checks.required(n, 'Receipted') && num(n.attrs.Receipted) > nominal.quantity) {
        checks.business(n, `The receipted quantity ${n.attrs.Receipted} exceeds the quantity ${nominal.quantity} ordered on nominal '${nominal.coding}'.`);
      }
    }
    // Above the outstanding quantity is accepted as an over delivery (acceptanceGateway.md).
    out.push({ order, item, quantity, condition });
  }
  return out;
}

function orderReceipts(session: Session, checks: Checks, orderEl: XmlElement, seen: Set<OrderRec>): Receipt[] {
  checks.declared(orderEl, ['SelectUsingTemplate', 'SelectUsingOrderNo', 'SelectUsingDisplayNo', 'ControlFullyReceiptOrder', 'ControlItemCondition']);
  checks.yesNo(orderEl, 'ControlFullyReceiptOrder');
  const a = orderEl.attrs;
  const order = findOrder(session.company, { displayNumber: a.SelectUsingDisplayNo, template: a.SelectUsingTemplate, orderNumber: a.SelectUsingOrderNo });
  const named = a.SelectUsingDisplayNo ?? (a.SelectUsingTemplate !== undefined ? `${a.SelectUsingTemplate} ${a.SelectUsingOrderNo ?? ''}`.trim() : undefined);
  if (!order) {
    checks.business(orderEl, named === undefined ? 'An order must be identified by SelectUsingDisplayNo, or by SelectUsingTemplate and SelectUsingOrderNo.' : `The order '${named}' could not be found.`);
    return [];
  }
  // "Each order can only be specified once."
  if (seen.has(order)) checks.business(orderEl, `The order '${order.displayNumber}' is specified more than once.`);
  seen.add(order);
  if (!canReceipt(order)) {
    checks.business(orderEl, `The order '${order.displayNumber}' is ${order.state} and is not available for receipting.`);
    return [];
  }
  const defaultCondition = a.ControlItemCondition ?? session.company.deliveryConditions[0]!;
  const items = childrenNamed(child(orderEl, 'Items') ?? orderEl, 'Item');
  if (a.ControlFullyReceiptOrder === 'YES') {
    // "Do not specify any delivery conditions or items for the order."
    if (items.length) checks.business(orderEl, 'When ControlFullyReceiptOrder is YES, do not specify any items for the order.');
    if (!session.company.deliveryConditions.includes(defaultCondition)) checks.business(orderEl, `The delivery condition '${defaultCondition}' does not exist.`);
    return order.items.filter((i) => outstandingToReceive(i) > 0).map((item) => ({ order, item, quantity: outstandingToReceive(item), condition: defaultCondition }));
  }
  // "At least one item must be specified."
  if (items.length === 0) checks.business(orderEl, `At least one item must be specified for order '${order.displayNumber}'.`);
  const seenItems = new Set<OrderItem>();
  return items.flatMap((i) => itemReceipts(session, checks, order, i, defaultCondition, seenItems));
}

export function importAcceptance(session: Session, el: XmlElement): void {
  const { company, user } = session;
  const checks = new Checks();
  checks.declared(el, ['Template', 'DateReceived', 'AcceptedAt', 'SupplierDeliveryNote']);
  checks.date(el, 'DateReceived');
  const template = pickTemplate(session, checks, el, 'acceptance');
  const acceptedAt = el.attrs.AcceptedAt ?? user.defaultLocation;
  if (!company.locations.includes(acceptedAt)) checks.business(el, `The location '${acceptedAt}' does not exist or user '${user.userName}' has no access to it.`);
  const orders = childrenNamed(child(el, 'Orders') ?? el, 'Order');
  if (orders.length === 0) checks.business(el, 'At least one purchase order must be specified.');
  const seen = new Set<OrderRec>();
  const receipts = orders.flatMap((o) => orderReceipts(session, checks, o, seen));
  const suppliers = new Set([...seen].map((o) => o.supplierCode));
  if (suppliers.size > 1) checks.business(el, 'All the orders on an acceptance must be for the same supplier.');
  const supplierCode = [...suppliers][0] ?? '';
  const note = el.attrs.SupplierDeliveryNote ?? null;
  if (note === null && company.deliveryNoteRequired) checks.business(el, 'The supplier delivery note is required.');
  if (note !== null && company.deliveryNoteUnique && company.acceptances.some((a) => a.supplierCode === supplierCode && a.deliveryNote === note)) {
    checks.business(el, `The supplier delivery note '${note}' has already been used for supplier '${supplierCode}'.`);
  }
  if (checks.failed || !template) {
    checks.embed();
    markStatus(el, 'FAILED');
    return;
  }
  const documentNumber = nextNumber(company, template);
  const rec: AcceptanceRec = {
    documentNumber,
    template,
    // "optional and will default to today's date if missing".
    dateReceived: el.attrs.DateReceived ?? new Date().toISOString().slice(0, 10),
    acceptedAt,
    deliveryNote: note,
    supplierCode,
    lines: receipts.map((r) => ({ order: r.order.displayNumber, position: r.item.position, code: r.item.code, quantity: r.quantity, value: 0, condition: r.condition })),
  };
  for (const r of receipts) r.item.received = round(r.item.received + r.quantity);
  for (const o of seen) refreshState(o);
  company.acceptances.push(rec);
  markStatus(el, 'OK', documentNumber);
}
