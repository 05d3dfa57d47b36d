/**
 * The purchase workflow as Manifold drives it: unified status targets → Tryton's buttons, the
 * states each may start from, and the read-back that turns Tryton's silent no-ops (a button in
 * the wrong state returns null and changes nothing) into errors. Also the concurrency token
 * (`_timestamp`) Tryton checks on write, delete and on the write a button makes.
 */
import { SystemFailure } from '../../../kit/failure.js';
import type { TrytonClient } from '../client.js';
import { statusOfState } from './purchase-order-map.js';
import { refused } from './purchase-order-to-remote.js';

export { statusOfState };

export type TrytonState = 'draft' | 'quotation' | 'confirmed' | 'processing' | 'done' | 'cancelled';

export interface Transition {
  button: 'quote' | 'confirm' | 'cancel' | 'draft';
  /** What the button does, in words for errors. */
  verb: string;
  /** Tryton states the button works from (purchase.purchase._transitions) that Manifold allows. */
  from: readonly TrytonState[];
  /** States the order may be in once the button has worked. */
  to: readonly TrytonState[];
}

/**
 * Unified status → button. Tryton also allows `draft` from confirmed (before processing has run)
 * and nothing else from a confirmed order; Manifold locks confirmed orders, so it is not offered.
 */
export const TRANSITIONS: Readonly<Record<string, Transition>> = {
  pending_approval: { button: 'quote', verb: 'quote', from: ['draft'], to: ['quotation'] },
  // confirm enqueues `process`, which Tryton runs right after the commit (no worker) and which
  // moves the order to processing, or to done when there is nothing to receive (services only).
  // Should it fail (it is only logged), the order stays confirmed, and confirmed it is.
  approved: { button: 'confirm', verb: 'confirm', from: ['quotation'], to: ['confirmed', 'processing', 'done'] },
  cancelled: { button: 'cancel', verb: 'cancel', from: ['draft', 'quotation'], to: ['cancelled'] },
  draft: { button: 'draft', verb: 'reset to draft', from: ['quotation', 'cancelled'], to: ['draft'] },
};

/** The capabilities' `transitions`: target status → the unified statuses it may come from. */
export function declaredTransitions(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(TRANSITIONS).map(([target, t]) => [target, t.from.map(statusOfState)]));
}

/** The transition a PATCH asks for, checked against the order's state; undefined: nothing to do. */
export function planTransition(state: string, currentStatus: string, target: string): Transition | undefined {
  if (target === currentStatus) return undefined;
  const t = TRANSITIONS[target];
  if (!t) throw refused('field_not_updatable', `Manifold cannot move a Tryton purchase order to "${target}".`, 'status');
  if (!(t.from as readonly string[]).includes(state)) {
    throw refused('record_locked', `A Tryton purchase order cannot go from ${currentStatus} to ${target} (only from ${t.from.map(statusOfState).join(' or ')}).`, 'status');
  }
  return t;
}

/** `context._timestamp` for a write or delete: the tokens of the records it touches. */
export function timestampContext(tokens: Record<string, string | null | undefined>): { _timestamp: Record<string, string> } | undefined {
  const set = Object.entries(tokens).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return set.length ? { _timestamp: Object.fromEntries(set) } : undefined;
}

export interface OrderState {
  state: string;
  _timestamp: string | null;
}

export async function readState(client: TrytonClient, id: number): Promise<OrderState> {
  const [row] = await client.read<OrderState>('purchase.purchase', [id], ['state', '_timestamp']);
  if (!row) throw new SystemFailure('system', { code: 'system_error', message: `Tryton answered no purchase order ${id}.` });
  return row;
}

/**
 * Presses the button with the order's token, then reads the state back: a button in a state
 * it does not apply to is ignored by Tryton without an error, which must never pass for success.
 */
export async function runTransition(client: TrytonClient, id: number, t: Transition, token: string | null | undefined): Promise<OrderState> {
  await client.model('purchase.purchase', t.button, [[id]], { context: timestampContext({ [`purchase.purchase,${id}`]: token }), idempotent: false });
  const after = await readState(client, id);
  if (!(t.to as readonly string[]).includes(after.state)) {
    throw new SystemFailure('config', {
      code: 'rejected_by_system',
      message: `Tryton did not ${t.verb} purchase order ${id}: it is still ${statusOfState(after.state)} ("${after.state}"). Tryton ignores "${t.button}" in that state without an error; read the order again.`,
      systemMessage: `${t.button} answered null; state afterwards: ${after.state}`,
      field: 'status',
    });
  }
  return after;
}
