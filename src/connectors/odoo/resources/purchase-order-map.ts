/**
 * An Odoo purchase order (purchase.order with its lines, see ../raw.ts) as a unified
 * PurchaseOrder. Pure and total. Amounts keep the order currency's decimals; quantities and unit
 * prices their shortest exact form. Section and note lines (display_type) stay in remoteData.
 */
import type { MapContext } from '../../../kit/definition.js';
import { toAddress } from '../address.js';
import type { PurchaseLineRaw, PurchaseRaw } from '../raw.js';
import { dateOf, decimal, htmlToText, instant, m2oId, m2oName, ref, text } from '../values.js';

/** Odoo 17 states → the unified status; a confirmed order by its receipt status (purchase_stock). */
export function statusOf(state: string, receiptStatus: string | false): string {
  switch (state) {
    case 'draft':
    case 'sent':
      return 'draft';
    case 'to approve':
      return 'pending_approval';
    case 'purchase':
      return receiptStatus === 'full' ? 'received' : receiptStatus === 'partial' ? 'partially_received' : 'ordered';
    case 'done':
      return 'closed';
    case 'cancel':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

function lineStatus(state: string, line: PurchaseLineRaw): string {
  switch (state) {
    case 'draft':
    case 'sent':
    case 'to approve':
      return 'open';
    case 'purchase':
      return line.qty_received >= line.product_qty && line.product_qty > 0 ? 'received' : line.qty_received > 0 ? 'partially_received' : 'open';
    case 'done':
      return 'closed';
    case 'cancel':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

export const productLines = (raw: Pick<PurchaseRaw, 'order_line'>) =>
  raw.order_line.filter((l) => !l.display_type).sort((a, b) => a.sequence - b.sequence || a.id - b.id);

export function toPurchaseOrder(raw: PurchaseRaw, ctx: MapContext): Record<string, unknown> {
  const digits = raw['currency_id.']?.decimal_places ?? 2;
  const orderRefId = ctx.refId('purchaseOrders', String(raw.id));
  const code = raw['partner_id.'] ? text(raw['partner_id.'].ref) : null;
  return {
    number: text(raw.name),
    status: statusOf(raw.state, raw.receipt_status),
    remoteStatus: raw.state,
    vendor: ref(raw.partner_id, ctx, 'vendors', code),
    buyer: ref(raw.user_id, ctx, null),
    site: ref(raw.company_id, ctx, null),
    orderDate: dateOf(raw.date_order),
    requiredDate: null,
    deliveryDate: dateOf(raw.date_planned),
    currency: m2oName(raw.currency_id),
    paymentTerms: m2oName(raw.payment_term_id),
    shippingMethod: m2oName(raw.incoterm_id),
    shipTo: toAddress(raw['dest_address_id.']),
    billTo: toAddress(raw['company_id.']?.['partner_id.']),
    subtotal: decimal(raw.amount_untaxed, digits),
    taxTotal: decimal(raw.amount_tax, digits),
    total: decimal(raw.amount_total, digits),
    description: null,
    notes: htmlToText(raw.notes),
    approvedAt: instant(raw.date_approve),
    lines: productLines(raw).map((l, i) => {
      const product = l['product_id.'];
      const itemCode = product ? text(product.default_code) : null;
      return {
        id: `${orderRefId}:${l.id}`,
        remoteId: String(l.id),
        lineNumber: i + 1,
        // Services are not inventory items: their reference has no Manifold id.
        item: ref(l.product_id, ctx, product?.type === 'service' ? null : 'inventoryItems', itemCode),
        itemCode,
        vendorItemCode: null,
        description: text(l.name),
        quantity: decimal(l.product_qty),
        unitOfMeasure: m2oName(l.product_uom),
        unitPrice: decimal(l.price_unit),
        discount: decimal((l.product_qty * l.price_unit * l.discount) / 100, digits),
        taxAmount: decimal(l.price_tax, digits),
        lineTotal: decimal(l.price_subtotal, digits),
        requiredDate: null,
        deliveryDate: dateOf(l.date_planned),
        quantityReceived: decimal(l.qty_received),
        quantityInvoiced: decimal(l.qty_invoiced),
        status: lineStatus(raw.state, l),
        account: null,
        asset: null,
        workOrder: null,
        customFields: {},
      };
    }),
  };
}

export { m2oId };
