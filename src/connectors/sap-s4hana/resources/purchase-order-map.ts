/**
 * SAP purchase orders (A_PurchaseOrder with its items and their schedule lines) → the unified
 * PurchaseOrder. Pure and total; purchase-order-mapping.ts says the same as data.
 */
import type { MapContext } from '../../../kit/definition.js';
import { toIsoDate, toIsoInstant } from '../../../kit/transports/odata-v2-values.js';
import type { Address } from '../../../models/common.js';
import type { purchaseOrderLineStatuses, purchaseOrderStatuses } from '../../../models/purchase-order.js';
import { ratio, sum, trim } from '../decimal.js';
import type { PurchaseOrderItemRaw, PurchaseOrderRaw } from '../raw.js';

type Status = (typeof purchaseOrderStatuses)[number];
type LineStatus = (typeof purchaseOrderLineStatuses)[number];

const minorUnits = new Map<string, number>();

/** ISO 4217 minor units of a currency (JPY 0, KWD 3, most 2), the decimals SAP keeps amounts in. */
export function currencyDecimals(currency: string): number {
  let d = minorUnits.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    minorUnits.set(currency, d);
  }
  return d;
}

const blank = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const deleted = (it: PurchaseOrderItemRaw) => it.PurchasingDocumentDeletionCode === 'L';

/** Items in SAP's item-number order. */
export function itemsOf(raw: PurchaseOrderRaw): PurchaseOrderItemRaw[] {
  return [...raw.to_PurchaseOrderItem].sort((a, b) => Number(a.PurchaseOrderItem) - Number(b.PurchaseOrderItem));
}

/** The unified status (see the mapping's logic for status). */
export function orderStatus(raw: PurchaseOrderRaw): Status {
  const items = raw.to_PurchaseOrderItem;
  const live = items.filter((it) => !deleted(it));
  if (raw.PurchasingDocumentDeletionCode === 'L' || (items.length > 0 && live.length === 0)) return 'cancelled';
  if (raw.PurchasingCompletenessStatus) return 'draft';
  switch (raw.PurchasingProcessingStatus) {
    case '01':
    case '08':
      return 'draft';
    case '03':
      return 'pending_approval';
    case '02':
    case '05': {
      const delivered = live.filter((it) => it.IsCompletelyDelivered);
      if (live.length > 0 && delivered.length === live.length) return live.every((it) => it.IsFinallyInvoiced) ? 'closed' : 'received';
      if (delivered.length > 0) return 'partially_received';
      return raw.PurchasingProcessingStatus === '05' ? 'approved' : 'ordered';
    }
    default:
      return 'unknown';
  }
}

export function lineStatus(it: PurchaseOrderItemRaw): LineStatus {
  if (deleted(it)) return 'cancelled';
  if (it.PurchasingDocumentDeletionCode === 'S') return 'closed';
  if (it.IsCompletelyDelivered) return it.IsFinallyInvoiced ? 'closed' : 'received';
  return 'open';
}

/** Net value of an item: price ÷ price unit × quantity × conversion, in the currency's decimals. */
export function lineNet(it: PurchaseOrderItemRaw, currency: string): string {
  return ratio([it.NetPriceAmount, it.OrderQuantity, it.OrderPriceUnitToOrderUnitNmrtr], [it.NetPriceQuantity, it.OrdPriceUnitToOrderUnitDnmntr], currencyDecimals(currency));
}

/** Price per order unit: exact for price units of 1, 10, 100…; otherwise to 6 decimals. */
export function unitPrice(it: PurchaseOrderItemRaw): string {
  const scale = (it.NetPriceAmount.split('.')[1] ?? '').length;
  return trim(ratio([it.NetPriceAmount, it.OrderPriceUnitToOrderUnitNmrtr], [it.NetPriceQuantity, it.OrdPriceUnitToOrderUnitDnmntr], scale + 6), scale);
}

/** The earliest delivery date of an item's schedule lines. */
export function itemDelivery(it: PurchaseOrderItemRaw): string | null {
  const dates = it.to_ScheduleLine.map((s) => toIsoDate(s.ScheduleLineDeliveryDate)).filter((d): d is string => d !== null).sort();
  return dates[0] ?? null;
}

/** The first item's manual delivery address, when it has one (otherwise the plant's address applies, which this API does not give). */
export function deliveryAddress(items: PurchaseOrderItemRaw[]): Address | null {
  const it = items.find((x) => !deleted(x) && (blank(x.DeliveryAddressName) || blank(x.DeliveryAddressStreetName) || blank(x.DeliveryAddressCityName)));
  if (!it) return null;
  const street = [blank(it.DeliveryAddressStreetName), blank(it.DeliveryAddressHouseNumber)].filter(Boolean).join(' ') || null;
  const city = [blank(it.DeliveryAddressPostalCode), blank(it.DeliveryAddressCityName)].filter(Boolean).join(' ');
  return {
    name: blank(it.DeliveryAddressName),
    line1: street,
    line2: null,
    line3: null,
    city: blank(it.DeliveryAddressCityName),
    region: blank(it.DeliveryAddressRegion),
    postalCode: blank(it.DeliveryAddressPostalCode),
    country: blank(it.DeliveryAddressCountry),
    raw: [blank(it.DeliveryAddressName), street, city || null, blank(it.DeliveryAddressCountry)].filter(Boolean).join(', ') || null,
  };
}

export function orderTimes(raw: PurchaseOrderRaw): { createdAt: string | null; updatedAt: string | null } {
  const createdAt = toIsoInstant(raw.CreationDate);
  const changed = toIsoInstant(raw.LastChangeDateTime);
  return { createdAt, updatedAt: changed && (!createdAt || changed >= createdAt) ? changed : createdAt };
}

export function toPurchaseOrder(raw: PurchaseOrderRaw, ctx: MapContext): Record<string, unknown> {
  const id = ctx.refId('purchaseOrders', raw.PurchaseOrder);
  const currency = blank(raw.DocumentCurrency);
  const items = itemsOf(raw);
  const live = items.filter((it) => !deleted(it));
  const deliveries = live.map(itemDelivery).filter((d): d is string => d !== null).sort();
  const firstPlant = blank(live[0]?.Plant ?? items[0]?.Plant);
  return {
    number: raw.PurchaseOrder,
    status: orderStatus(raw),
    remoteStatus: blank(raw.PurchasingProcessingStatus),
    vendor: blank(raw.Supplier) && { id: ctx.refId('vendors', raw.Supplier), remoteId: raw.Supplier, name: null, code: raw.Supplier },
    buyer: blank(raw.PurchasingGroup) && { id: null, remoteId: raw.PurchasingGroup, name: null, code: raw.PurchasingGroup },
    site: firstPlant && { id: null, remoteId: firstPlant, name: null, code: firstPlant },
    orderDate: toIsoDate(raw.PurchaseOrderDate),
    requiredDate: null,
    deliveryDate: deliveries[0] ?? null,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
    paymentTerms: blank(raw.PaymentTerms),
    shippingMethod: blank(raw.IncotermsClassification),
    shipTo: deliveryAddress(items),
    billTo: null,
    subtotal: currency && live.length ? sum(live.map((it) => lineNet(it, currency)), currencyDecimals(currency)) : null,
    taxTotal: null,
    total: null,
    description: null,
    notes: null,
    approvedAt: null,
    lines: items.map((it) => ({
      id: `${id}:${it.PurchaseOrderItem}`,
      remoteId: it.PurchaseOrderItem,
      lineNumber: Number.isInteger(Number(it.PurchaseOrderItem)) ? Number(it.PurchaseOrderItem) : null,
      item: blank(it.Material) && { id: null, remoteId: it.Material, name: null, code: it.Material },
      itemCode: blank(it.Material),
      vendorItemCode: blank(it.SupplierMaterialNumber),
      description: blank(it.PurchaseOrderItemText),
      quantity: it.OrderQuantity,
      unitOfMeasure: blank(it.PurchaseOrderQuantityUnit),
      unitPrice: unitPrice(it),
      discount: null,
      taxAmount: null,
      lineTotal: currency ? lineNet(it, currency) : null,
      requiredDate: null,
      deliveryDate: itemDelivery(it),
      quantityReceived: it.IsCompletelyDelivered ? it.OrderQuantity : null,
      quantityInvoiced: it.IsFinallyInvoiced ? it.OrderQuantity : null,
      status: lineStatus(it),
      account: null,
      asset: null,
      workOrder: null,
      customFields: {},
    })),
  };
}
