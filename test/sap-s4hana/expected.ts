/**
 * What the unified record of a simulated SAP order must hold, computed straight from the
 * simulator's own data (held values: dates in milliseconds, decimals as strings) by the rules
 * the mapping documents — written separately from the connector's mapper, so the two check
 * each other.
 */
import type { SimOrder } from '../../src/sandbox/sap-s4hana/generate.js';

const DECIMALS: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, JPY: 0, KWD: 3, CHF: 2 };
const day = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString().slice(0, 10) : null);
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** value × 10^scale as a bigint, from a decimal string. */
function scaled(value: string, scale: number): bigint {
  const [int, frac = ''] = value.split('.');
  return BigInt(`${int}${frac.padEnd(scale, '0').slice(0, scale)}`);
}

/** price/priceUnit × quantity × num/den, half up to `decimals`. */
function net(price: string, quantity: string, priceUnit: string, num: string, den: string, decimals: number): string {
  const S = 6;
  const top = scaled(price, S) * scaled(quantity, S) * scaled(num, S) * 10n ** BigInt(decimals);
  const bottom = scaled(priceUnit, S) * scaled(den, S) * 10n ** BigInt(S);
  const q = (top * 2n + bottom) / (2n * bottom);
  const s = q.toString().padStart(decimals + 1, '0');
  return decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
}

function add(values: string[], decimals: number): string {
  const total = values.reduce((acc, v) => acc + scaled(v, decimals), 0n);
  const s = total.toString().padStart(decimals + 1, '0');
  return decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
}

export function expectedStatus(o: SimOrder): string {
  const h = o.header;
  const live = o.items.filter((it) => it.item.PurchasingDocumentDeletionCode !== 'L');
  if (h.PurchasingDocumentDeletionCode === 'L' || live.length === 0) return 'cancelled';
  if (h.PurchasingCompletenessStatus === true) return 'draft';
  const st = h.PurchasingProcessingStatus;
  if (st === '01' || st === '08') return 'draft';
  if (st === '03') return 'pending_approval';
  const delivered = live.filter((it) => it.item.IsCompletelyDelivered === true).length;
  if (delivered === live.length) return live.every((it) => it.item.IsFinallyInvoiced === true) ? 'closed' : 'received';
  if (delivered > 0) return 'partially_received';
  return st === '05' ? 'approved' : 'ordered';
}

/** The unified fields of the order (vendor.id aside, which the caller knows). */
export function expectedOrder(o: SimOrder): Record<string, unknown> {
  const h = o.header;
  const currency = String(h.DocumentCurrency);
  const decimals = DECIMALS[currency]!;
  const items = [...o.items].sort((a, b) => Number(a.item.PurchaseOrderItem) - Number(b.item.PurchaseOrderItem));
  const live = items.filter((it) => it.item.PurchasingDocumentDeletionCode !== 'L');
  const lineNet = (i: (typeof items)[number]['item']) =>
    net(String(i.NetPriceAmount), String(i.OrderQuantity), String(i.NetPriceQuantity), String(i.OrderPriceUnitToOrderUnitNmrtr ?? '1'), String(i.OrdPriceUnitToOrderUnitDnmntr ?? '1'), decimals);
  const firstDate = (it: (typeof items)[number]) => it.schedules.map((s) => day(s.ScheduleLineDeliveryDate)).filter((d): d is string => d !== null).sort()[0] ?? null;
  const addressed = live.find((it) => text(it.item.DeliveryAddressName) || text(it.item.DeliveryAddressStreetName) || text(it.item.DeliveryAddressCityName));
  const a = addressed?.item;
  return {
    number: h.PurchaseOrder,
    status: expectedStatus(o),
    remoteStatus: text(h.PurchasingProcessingStatus),
    buyer: { id: null, remoteId: h.PurchasingGroup, name: null, code: h.PurchasingGroup },
    site: { id: null, remoteId: (live[0] ?? items[0])!.item.Plant, name: null, code: (live[0] ?? items[0])!.item.Plant },
    orderDate: day(h.PurchaseOrderDate),
    requiredDate: null,
    deliveryDate: live.map(firstDate).filter((d): d is string => d !== null).sort()[0] ?? null,
    currency,
    paymentTerms: text(h.PaymentTerms),
    shippingMethod: text(h.IncotermsClassification),
    shipTo: a
      ? {
          name: text(a.DeliveryAddressName),
          line1: [text(a.DeliveryAddressStreetName), text(a.DeliveryAddressHouseNumber)].filter(Boolean).join(' ') || null,
          line2: null,
          line3: null,
          city: text(a.DeliveryAddressCityName),
          region: text(a.DeliveryAddressRegion),
          postalCode: text(a.DeliveryAddressPostalCode),
          country: text(a.DeliveryAddressCountry),
        }
      : null,
    billTo: null,
    subtotal: live.length ? add(live.map((it) => lineNet(it.item)), decimals) : null,
    taxTotal: null,
    total: null,
    description: null,
    notes: null,
    approvedAt: null,
    lines: items.map((it) => {
      const i = it.item;
      const deleted = i.PurchasingDocumentDeletionCode === 'L';
      const delivered = i.IsCompletelyDelivered === true;
      const invoiced = i.IsFinallyInvoiced === true;
      return {
        remoteId: i.PurchaseOrderItem,
        lineNumber: Number(i.PurchaseOrderItem),
        item: text(i.Material) && { id: null, remoteId: i.Material, name: null, code: i.Material },
        itemCode: text(i.Material),
        vendorItemCode: text(i.SupplierMaterialNumber),
        description: text(i.PurchaseOrderItemText),
        quantity: i.OrderQuantity,
        unitOfMeasure: text(i.PurchaseOrderQuantityUnit),
        unitPrice: i.NetPriceQuantity === '1' ? String(i.NetPriceAmount) : (Number(i.NetPriceAmount) / Number(i.NetPriceQuantity)).toFixed(9).replace(/(\.\d{3}\d*?)0+$/, '$1'),
        discount: null,
        taxAmount: null,
        lineTotal: lineNet(i),
        requiredDate: null,
        deliveryDate: firstDate(it),
        quantityReceived: delivered ? i.OrderQuantity : null,
        quantityInvoiced: invoiced ? i.OrderQuantity : null,
        status: deleted ? 'cancelled' : i.PurchasingDocumentDeletionCode === 'S' ? 'closed' : delivered ? (invoiced ? 'closed' : 'received') : 'open',
        account: null,
        asset: null,
        workOrder: null,
      };
    }),
  };
}
