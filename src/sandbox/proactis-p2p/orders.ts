/**
 * Purchase orders in the simulator: finding one the ways the gateways identify it, what each
 * state allows, and the state an order reaches after receipts and invoices. P2P's own state
 * machine is not published; the documented rules are that "not all orders are in a state where
 * they can be cancelled. For example, a fully invoiced order can not be cancelled"
 * (cancelPurhaseOrderGateway.md), and that receipts and invoices match against the order's items.
 */
import type { CompanyRec, OrderItem, OrderRec, OrderState } from './data.js';

const RECEIVABLE: readonly OrderState[] = ['Authorised', 'Sent', 'Part Received', 'Fully Received', 'Part Invoiced'];
const INVOICEABLE: readonly OrderState[] = ['Authorised', 'Sent', 'Part Received', 'Fully Received', 'Part Invoiced'];
const NOT_CANCELLABLE: readonly OrderState[] = ['Fully Invoiced', 'Cancelled', 'Closed'];

export const canReceipt = (o: OrderRec): boolean => RECEIVABLE.includes(o.state);
export const canInvoice = (o: OrderRec): boolean => INVOICEABLE.includes(o.state);
export const canCancel = (o: OrderRec): boolean => !NOT_CANCELLABLE.includes(o.state);

/** By display number (PORD10034), or by template label and number (GENERIC, 15). */
export function findOrder(company: CompanyRec, by: { displayNumber?: string; template?: string; orderNumber?: string | number }): OrderRec | undefined {
  if (by.displayNumber) return company.orders.get(by.displayNumber);
  if (by.template === undefined || by.orderNumber === undefined) return undefined;
  const n = Number(by.orderNumber);
  for (const o of company.orders.values()) if (o.template === by.template && o.orderNumber === n) return o;
  return undefined;
}

export function findOrderByGuid(company: CompanyRec, guid: string): OrderRec | undefined {
  for (const o of company.orders.values()) if (o.guid.toLowerCase() === guid.toLowerCase()) return o;
  return undefined;
}

/** What an item still expects: a quantity for goods, a value for services. */
export const outstandingToReceive = (i: OrderItem): number => Math.max(0, expected(i) - i.received);
export const outstandingToInvoice = (i: OrderItem): number => Math.max(0, expected(i) - i.invoiced);
export const expected = (i: OrderItem): number => (i.kind === 'service' ? round(i.quantity * i.unitPrice) : i.quantity);

export const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The state after receipts and invoices changed the items' quantities. */
export function refreshState(o: OrderRec): void {
  if (o.state === 'Cancelled' || o.state === 'Closed') return;
  const all = (f: (i: OrderItem) => number) => o.items.every((i) => f(i) >= expected(i));
  const any = (f: (i: OrderItem) => number) => o.items.some((i) => f(i) > 0);
  if (all((i) => i.invoiced)) o.state = 'Fully Invoiced';
  else if (any((i) => i.invoiced)) o.state = 'Part Invoiced';
  else if (all((i) => i.received)) o.state = 'Fully Received';
  else if (any((i) => i.received)) o.state = 'Part Received';
}
