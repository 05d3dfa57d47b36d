/**
 * Unified purchase-order fields → the properties of API_PURCHASEORDER_PROCESS_SRV, pure: what
 * a deep insert, a header PATCH and an item PATCH send, with SAP's formats (decimals as strings
 * within the EDMX precision and scale, dates as /Date(ms)/), and SAP's property names of a
 * refusal told back as unified fields.
 */
import { SystemFailure } from '../../../kit/failure.js';
import { encodeDateTime } from '../../../kit/transports/odata-v2-values.js';

type Ref = { id?: string | null; remoteId?: string | null; code?: string | null; name?: string | null } | null | undefined;

export interface LineInput {
  id?: string | null;
  remoteId?: string | null;
  item?: Ref;
  itemCode?: string | null;
  description?: string | null;
  quantity?: string | null;
  unitOfMeasure?: string | null;
  unitPrice?: string | null;
  deliveryDate?: string | null;
}

export interface OrderInput {
  vendor?: Ref;
  site?: Ref;
  currency?: string | null;
  paymentTerms?: string | null;
  orderDate?: string | null;
  shippingMethod?: string | null;
  lines?: LineInput[];
  nativeFields?: Record<string, unknown>;
}

/** A refusal by Manifold on SAP's behalf, naming the unified field (no call was made). */
export function refused(message: string, field: string, code: 'invalid_request' | 'field_not_updatable' | 'rejected_by_system' = 'rejected_by_system'): SystemFailure {
  return new SystemFailure('config', { code, message, field, source: 'manifold' });
}

/** The key a reference gives: remoteId, else code. */
export function keyOf(ref: Ref): string | undefined {
  const v = ref?.remoteId ?? ref?.code;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A decimal within precision/scale, or a refusal naming the field. */
export function decimalFor(value: string, precision: number, scale: number, field: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  const frac = (m?.[3] ?? '').replace(/0+$/, '');
  const int = (m?.[2] ?? '').replace(/^0+(?=\d)/, '');
  if (!m || frac.length > scale || (int === '0' ? 0 : int.length) > precision - scale) {
    throw refused(`SAP keeps ${field} with at most ${precision - scale} digits before and ${scale} after the decimal point.`, field, 'invalid_request');
  }
  return `${m[1]}${int}${frac ? `.${frac}` : ''}`;
}

/**
 * A unit price as SAP's net price per price unit: NetPriceAmount has 3 decimals, so a price
 * with more is sent per 10, 100, 1,000 or 10,000 units (NetPriceQuantity), as SAP users enter
 * small prices.
 */
export function priceToRemote(unitPrice: string, field: string): { NetPriceAmount: string; NetPriceQuantity: string } {
  const frac = (unitPrice.split('.')[1] ?? '').replace(/0+$/, '');
  const shift = Math.max(0, frac.length - 3);
  if (shift > 4) throw refused('SAP keeps prices with at most 3 decimals per price unit of up to 10,000: this unit price has too many decimals.', field, 'invalid_request');
  const [int = '0', f = ''] = unitPrice.replace(/^-/, '').split('.');
  const digits = `${int}${f.padEnd(shift, '0').slice(0, shift)}`.replace(/^0+(?=\d)/, '');
  const rest = f.slice(shift);
  const amount = `${unitPrice.startsWith('-') ? '-' : ''}${digits}${rest ? `.${rest}` : ''}`;
  return { NetPriceAmount: decimalFor(amount, 12, 3, field), NetPriceQuantity: String(10 ** shift) };
}

/** The header properties a create or a PATCH sets from unified fields. */
export function headerToRemote(order: OrderInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (order.currency) out.DocumentCurrency = order.currency;
  if (order.paymentTerms !== undefined && order.paymentTerms !== null) out.PaymentTerms = order.paymentTerms;
  if (order.orderDate) out.PurchaseOrderDate = encodeDateTime(order.orderDate);
  if (order.shippingMethod !== undefined && order.shippingMethod !== null) out.IncotermsClassification = order.shippingMethod;
  return out;
}

/** The item properties of a line (new or changed); `index` names it in refusals. */
export function lineToRemote(line: LineInput, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const material = keyOf(line.item) ?? (line.itemCode?.trim() || undefined);
  if (material) out.Material = material;
  if (line.description !== undefined && line.description !== null) {
    if (line.description.length > 40) throw refused('SAP keeps at most 40 characters of an item\'s short text.', `lines[${index}].description`, 'invalid_request');
    out.PurchaseOrderItemText = line.description;
  }
  if (line.quantity) out.OrderQuantity = decimalFor(line.quantity, 13, 3, `lines[${index}].quantity`);
  if (line.unitOfMeasure) out.PurchaseOrderQuantityUnit = line.unitOfMeasure;
  if (line.unitPrice) Object.assign(out, priceToRemote(line.unitPrice, `lines[${index}].unitPrice`));
  return out;
}

/** A new item of a deep insert or of POST to_PurchaseOrderItem. */
export function newItemToRemote(line: LineInput, index: number, itemNumber: string, plant: string): Record<string, unknown> {
  const item: Record<string, unknown> = { PurchaseOrderItem: itemNumber, Plant: plant, ...lineToRemote(line, index) };
  if (line.deliveryDate) {
    item.to_ScheduleLine = { results: [{ ScheduleLine: '1', ScheduleLineDeliveryDate: encodeDateTime(line.deliveryDate), ...(item.OrderQuantity ? { ScheduleLineOrderQuantity: item.OrderQuantity } : {}) }] };
  }
  return item;
}

/** SAP's property names in a refusal → the unified field (lines by index when known). */
const FIELDS: Record<string, string> = {
  Supplier: 'vendor',
  CompanyCode: 'vendor',
  PurchasingOrganization: 'vendor',
  PurchasingGroup: 'vendor',
  DocumentCurrency: 'currency',
  PaymentTerms: 'paymentTerms',
  PurchaseOrderDate: 'orderDate',
  IncotermsClassification: 'shippingMethod',
  to_PurchaseOrderItem: 'lines',
  Plant: 'site',
  Material: 'lines[].item',
  PurchaseOrderItemText: 'lines[].description',
  OrderQuantity: 'lines[].quantity',
  PurchaseOrderQuantityUnit: 'lines[].unitOfMeasure',
  NetPriceAmount: 'lines[].unitPrice',
  NetPriceQuantity: 'lines[].unitPrice',
  ScheduleLineDeliveryDate: 'lines[].deliveryDate',
};

export function unifiedField(property: string | undefined): string | undefined {
  return property ? FIELDS[property] : undefined;
}
