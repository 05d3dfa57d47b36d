/**
 * CancelOrder and CancelOrderByGUID (cancelPurhaseOrderGateway.md): the ControlXML is a
 * `<pro:AuthenticateUser>` document holding the control block; the order is named by its GUID, or
 * by template label and number, or by display number ("If the DisplayNumber is supplied, then the
 * TemplateLabel and OrderNumber are ignored"); a reason from the List snap-in is required. These
 * methods answer nothing: every failure is an exception, so a SOAP fault.
 */
import { checkControl } from './control.js';
import type { P2pData } from './data.js';
import { canCancel, findOrder, findOrderByGuid } from './orders.js';
import { parseXml } from './xml.js';

/** A failure the gateway raises as an exception (the server wraps it into a SOAP fault). */
export class GatewayException extends Error {}

export const NOT_AVAILABLE = 'The order is not available for cancellation';

export interface CancelArgs {
  controlXml: string | undefined;
  reason: string | undefined;
  comments: string | undefined;
  by: { guid: string } | { displayNumber?: string; template?: string; orderNumber?: string };
}

export function cancelOrder(data: P2pData, args: CancelArgs): void {
  const parsed = parseXml(args.controlXml ?? '');
  if (!parsed.ok) throw new GatewayException(`The ControlXML is not valid XML: ${parsed.message}`);
  const control = checkControl(parsed.root, data, 'AuthenticateUser');
  if (!control.ok) throw new GatewayException(control.errors.map((e) => e.message).join(' '));
  const { company, user } = control.session;
  const order =
    'guid' in args.by
      ? findOrderByGuid(company, args.by.guid)
      : findOrder(company, { displayNumber: args.by.displayNumber || undefined, template: args.by.template, orderNumber: args.by.orderNumber });
  // "If the order does not exist, or is not in a state where it can be cancelled then the gateway
  // will throw the following fault: The order is not available for cancellation".
  if (!order || !canCancel(order)) throw new GatewayException(NOT_AVAILABLE);
  // "The reason for cancellation the order must be supplied. Reasons are defined in the List snap-in."
  const reason = args.reason ?? '';
  if (!company.cancellationReasons.includes(reason)) {
    throw new GatewayException(reason === '' ? 'A cancellation reason must be supplied.' : `The cancellation reason '${reason}' is not defined.`);
  }
  order.state = 'Cancelled';
  order.cancellation = { reason, comments: args.comments ?? '', by: user.userName };
}
