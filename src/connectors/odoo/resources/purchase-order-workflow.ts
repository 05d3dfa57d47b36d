/**
 * The purchase workflow as Manifold drives it: unified status targets → Odoo 17's buttons, the
 * states each starts from, and the read-back that turns Odoo's silent no-ops (button_confirm on
 * an order that is no RFQ answers true and changes nothing) into errors.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { OdooClient } from '../client.js';
import { statusOf } from './purchase-order-map.js';

export interface Transition {
  button: 'button_confirm' | 'button_cancel' | 'button_draft';
  verb: string;
  /** Odoo states the button works from (and Manifold allows). */
  from: readonly string[];
  /** The same, as unified statuses (a confirmed order only while nothing is received). */
  fromStatuses: readonly string[];
  /** States the order may be in once the button has worked. */
  to: readonly string[];
}

export const TRANSITIONS: Readonly<Record<string, Transition>> = {
  // Above the double-validation amount Odoo moves the order to "to approve" instead.
  ordered: { button: 'button_confirm', verb: 'confirm', from: ['draft', 'sent'], fromStatuses: ['draft'], to: ['purchase', 'done', 'to approve'] },
  cancelled: { button: 'button_cancel', verb: 'cancel', from: ['draft', 'sent', 'to approve', 'purchase'], fromStatuses: ['draft', 'pending_approval', 'ordered'], to: ['cancel'] },
  draft: { button: 'button_draft', verb: 'set back to draft', from: ['cancel'], fromStatuses: ['cancelled'], to: ['draft'] },
};

export async function readState(client: OdooClient, id: number): Promise<{ state: string; receipt_status: string | false }> {
  const [row] = await client.read<{ state: string; receipt_status: string | false }>('purchase.order', [id], ['state', 'receipt_status']);
  if (!row) throw new SystemFailure('system', { code: 'not_found', message: `Odoo has no purchase order ${id} any more.` });
  return row;
}

/** Presses the button, then reads the state back: a button that did nothing never passes for success. */
export async function runTransition(client: OdooClient, id: number, t: Transition): Promise<void> {
  await client.button('purchase.order', t.button, [id]);
  const after = await readState(client, id);
  if (!t.to.includes(after.state)) {
    throw new SystemFailure('config', {
      code: 'rejected_by_system',
      field: 'status',
      message: `Odoo did not ${t.verb} purchase order ${id}: it is still ${statusOf(after.state, after.receipt_status)} ("${after.state}").`,
      systemMessage: `${t.button} changed nothing; state afterwards: ${after.state}`,
    });
  }
}
