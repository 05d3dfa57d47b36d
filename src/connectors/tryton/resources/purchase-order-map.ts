/**
 * purchase.purchase (+ purchase.line, stock.move) → the unified PurchaseOrder. Pure and total.
 * The state mapping and every field left null are explained in ../mapping.md.
 */
import type { MapContext } from '../../../kit/definition.js';
import type { PurchaseOrderLine, purchaseOrderLineStatuses, purchaseOrderStatuses } from '../../../models/purchase-order.js';
import { toAddress } from '../address.js';
import { floatToDecimal } from '../codec.js';
import { blankToNull, bySequence } from '../listing.js';
import type { MoveRaw, PurchaseLineRaw, PurchaseRaw } from '../raw.js';

type PoStatus = (typeof purchaseOrderStatuses)[number];
type LineStatus = (typeof purchaseOrderLineStatuses)[number];

/**
 * Quantity received on a line, in the line's unit, or null when it cannot be known: the line
 * has no stock moves (services, or drafts not confirmed yet) or the moves are not readable.
 * Done moves from a supplier location count in; done returns to a supplier count out.
 */
export function receivedQuantity(line: PurchaseLineRaw): number | null {
  if (line.moves.length === 0 || line.moves.some((m) => typeof m === 'number')) return null;
  const lineFactor = line['unit.']?.factor ?? null;
  let total = 0;
  for (const move of line.moves as MoveRaw[]) {
    if (move.state !== 'done' || move.quantity === null) continue;
    const sign = move['to_location.']?.type === 'supplier' ? -1 : move['from_location.']?.type === 'supplier' ? 1 : 0;
    if (sign === 0) continue;
    const factor = move['uom.']?.factor ?? null;
    // Tryton's Uom.compute_qty: quantity × from.factor ÷ to.factor (factors relative to the category's base unit).
    const quantity = factor !== null && lineFactor !== null && factor !== lineFactor ? (move.quantity * factor) / lineFactor : move.quantity;
    total += sign * quantity;
  }
  return total;
}

function lineStatus(state: string, line: PurchaseLineRaw, received: number | null): LineStatus {
  switch (state) {
    case 'draft':
    case 'quotation':
      return 'open';
    case 'confirmed':
    case 'processing': {
      if (received === null || received <= 0) return 'open';
      return line.quantity !== null && received >= line.quantity ? 'received' : 'partially_received';
    }
    case 'done':
      return 'closed';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

/**
 * Tryton's state, refined by receipts while processing: shipment_state says "received" once every
 * move is done; a receipt of only some lines leaves it "waiting", so that is read from the lines.
 */
export function purchaseStatus(raw: PurchaseRaw, receivedByLine: (number | null)[]): PoStatus {
  if (raw.state !== 'processing') return statusOfState(raw.state);
  if (raw.shipment_state === 'received') return 'received';
  return receivedByLine.some((q) => q !== null && q > 0) ? 'partially_received' : 'ordered';
}

const STATE_STATUS: Record<string, PoStatus> = {
  draft: 'draft',
  quotation: 'pending_approval',
  confirmed: 'approved',
  processing: 'ordered',
  done: 'closed',
  cancelled: 'cancelled',
};

/** Tryton's state as the unified status it maps to (processing is refined by receipts above). */
export function statusOfState(state: string): PoStatus {
  return STATE_STATUS[state] ?? 'unknown';
}

/** Only real order lines; title, subtotal and comment lines stay in remoteData. */
export function orderLines(raw: PurchaseRaw): PurchaseLineRaw[] {
  return raw.lines.filter((l) => l.type === 'line').sort(bySequence);
}

export function toPurchaseOrder(raw: PurchaseRaw, ctx: MapContext): Record<string, unknown> {
  const poId = ctx.refId('purchaseOrders', String(raw.id));
  const lines = orderLines(raw);
  const received = lines.map(receivedQuantity);
  const party = raw['party.'];
  const company = raw['company.'];
  const buyer = raw['confirmed_by.'] ?? raw['quoted_by.'];
  const unifiedLines: PurchaseOrderLine[] = lines.map((line, i) => {
    const product = line['product.'];
    return {
      id: `${poId}:${line.id}`,
      remoteId: String(line.id),
      lineNumber: i + 1,
      item: product
        ? {
            // Services are not inventory items (see mapping.md), so only goods get a Manifold id.
            id: product.type === 'goods' ? ctx.refId('inventoryItems', String(product.id)) : null,
            remoteId: String(product.id),
            name: product.name,
            code: product.code,
          }
        : null,
      itemCode: product?.code ?? null,
      vendorItemCode: blankToNull(line['product_supplier.']?.code),
      description: line.description,
      quantity: floatToDecimal(line.quantity),
      unitOfMeasure: line['unit.']?.symbol ?? null,
      unitPrice: line.unit_price,
      discount: null,
      taxAmount: null,
      lineTotal: line.amount,
      requiredDate: null,
      deliveryDate: line.delivery_date,
      quantityReceived: floatToDecimal(received[i]),
      quantityInvoiced: null,
      status: lineStatus(raw.state, line, received[i] ?? null),
      account: null,
      asset: null,
      workOrder: null,
      customFields: {},
    };
  });
  return {
    number: raw.number,
    status: purchaseStatus(raw, received),
    remoteStatus: raw.state,
    vendor: {
      id: ctx.refId('vendors', String(raw.party)),
      remoteId: String(raw.party),
      name: party?.name ?? null,
      code: party?.code ?? null,
    },
    buyer: buyer ? { id: null, remoteId: String(buyer.id), name: buyer.rec_name, code: null } : null,
    site: { id: null, remoteId: String(raw.company), name: company?.rec_name ?? null, code: company?.['party.']?.code ?? null },
    orderDate: raw.purchase_date,
    requiredDate: null,
    deliveryDate: raw.delivery_date,
    currency: raw['currency.']?.code ?? null,
    paymentTerms: raw['payment_term.']?.name ?? null,
    shippingMethod: null,
    shipTo: toAddress(raw['warehouse.']?.['address.']),
    billTo: toAddress(raw['invoice_address.']),
    subtotal: raw.untaxed_amount,
    taxTotal: raw.tax_amount,
    total: raw.total_amount,
    description: raw.description,
    notes: raw.comment,
    approvedAt: null,
    lines: unifiedLines,
  };
}
