/**
 * Purchase orders: P2P sends them out as cXML (the connection's cXML intake stores them); the
 * gateway can only cancel one — CancelOrder by its display number (cancelPurhaseOrderGateway.md).
 * It cannot list or read orders, and creating them is not documented (the "Purchase Orders"
 * import page is an empty placeholder), so Manifold does not offer it.
 */
import { defineResource } from '../../../kit/definition.js';
import type { AcknowledgedWrites } from '../../../kit/writes.js';
import { refused } from '../failures.js';
import type { GatewayClient } from '../gateway.js';
import { OrderRefRaw } from '../raw.js';
import { NO_ORDER_READ } from './read-notes.js';

/** The order's P2P number: the cXML orderID kept in remoteData, else the unified number, else its remote id. */
function displayNumberOf(existing: { remoteId: string; remoteData: Record<string, unknown>; data: Record<string, unknown> }): string {
  const fromRemote = existing.remoteData.orderID;
  const candidates = [typeof fromRemote === 'string' ? fromRemote : undefined, typeof existing.data.number === 'string' ? existing.data.number : undefined, existing.remoteId];
  const number = candidates.find((c) => c !== undefined && c.trim() !== '');
  if (!number) throw refused('invalid_request', 'This purchase order has no P2P order number to cancel it by.', 'number');
  return number;
}

const writes: AcknowledgedWrites<GatewayClient> = {
  capabilities: {
    delete: {
      mode: 'cancelled',
      description: 'Cancels the order in P2P (CancelOrder by its order number, with the cancellation reason set on the connection). P2P refuses orders that cannot be cancelled, such as fully invoiced ones ("The order is not available for cancellation": 422).',
    },
    concurrency: 'none',
    concurrencyNotes: 'The gateway cannot read orders: If-Match is checked against the version Manifold holds.',
  },
  async delete(client, existing) {
    const number = displayNumberOf(existing);
    await client.cancelOrder(number, 'Cancelled through Manifold');
    const lines = Array.isArray(existing.data.lines) ? (existing.data.lines as Record<string, unknown>[]) : [];
    // CancelOrder answers nothing: what P2P acknowledged is the cancel itself.
    return {
      mode: 'cancelled',
      changes: { status: 'cancelled', lines: lines.map((l) => ({ ...l, status: 'cancelled' })) },
      remoteChanges: { p2pCancellation: { method: 'CancelOrder', displayNumber: number, cancellationReason: client.creds.cancellationReason } },
    };
  },
};

export const purchaseOrders = defineResource<GatewayClient, OrderRefRaw>({
  entity: 'purchaseOrders',
  raw: OrderRefRaw,
  readNotes: NO_ORDER_READ,
  remoteId: (raw) => raw.orderID,
  times: () => ({ createdAt: null, updatedAt: null }),
  // Never called for this resource (nothing is listed, read or echoed); total all the same: an
  // order known only by its number.
  toUnified: (raw) => ({
    number: raw.orderID, status: 'unknown', remoteStatus: null, vendor: null, buyer: null, site: null, orderDate: null, requiredDate: null, deliveryDate: null,
    currency: null, paymentTerms: null, shippingMethod: null, shipTo: null, billTo: null, subtotal: null, taxTotal: null, total: null, description: null, notes: null, approvedAt: null, lines: [],
  }),
  writes,
});
