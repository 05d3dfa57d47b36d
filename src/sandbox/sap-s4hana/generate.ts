/**
 * Generated purchase orders: order i is a pure function of (seed, i, size), so a million of them
 * cost no memory and any one can be made on demand. Header, items and schedule lines hold the
 * fields SAP fills; every other property is served with its initial value.
 *
 * Shape of the seeded population (every state the PO API shows, in realistic shares):
 * held/incomplete drafts (status 01), active orders without release strategy (02) — open,
 * partly delivered, delivered, delivered and finally invoiced —, orders in release (03),
 * released (05), rejected (08), and deleted ones (deletion code L on header and items).
 * LastChangeDateTime rises with i over 2023-01-01 … 2025-06-30, so a "changed since" filter on
 * untouched orders is a range of i (the store relies on it to answer fast).
 */
import { companyCodes, currencyDecimals, materials, paymentTerms, priceFactor, type SupplierRecord } from './catalog.js';
import { random, STREAM } from './random.js';
import { dayOf, fixed, withLayout, type Entity } from './values.js';

export interface SimItem {
  item: Entity;
  schedules: Entity[];
}

export interface SimOrder {
  header: Entity;
  items: SimItem[];
}

export const FIRST_NUMBER = 4500000001;
export const orderNumber = (i: number) => String(FIRST_NUMBER + i);
export const orderIndex = (number: string): number | undefined => (/^\d{10}$/.test(number) ? Number(number) - FIRST_NUMBER : undefined);

const START = Date.UTC(2023, 0, 1);
const END = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

/** The last change of generated order i: increasing with i, jittered within its slot. */
export function generatedChangeTime(seed: number, i: number, size: number): number {
  const slot = (END - START) / Math.max(size, 1);
  const jitter = random(seed, STREAM.order, i).next();
  return Math.floor(START + i * slot + jitter * slot * 0.9);
}

/** The latest change time any generated order can have (everything changed later came through the API or the handle). */
export const GENERATED_UNTIL = END;

type State = 'held' | 'open' | 'partial' | 'delivered' | 'closed' | 'in_release' | 'released' | 'rejected' | 'deleted';

const STATES: [number, State][] = [[0.07, 'held'], [0.3, 'open'], [0.42, 'partial'], [0.52, 'delivered'], [0.64, 'closed'], [0.74, 'in_release'], [0.88, 'released'], [0.92, 'rejected'], [1, 'deleted']];
const pickState = (x: number): State => STATES.find(([p]) => x < p)![1];

const PROCSTAT: Record<State, string> = { held: '01', open: '02', partial: '02', delivered: '02', closed: '02', in_release: '03', released: '05', rejected: '08', deleted: '02' };

export interface GenerateOptions {
  seed: number;
  size: number;
  itemsPerOrder: number;
  /** The suppliers orders are placed with (not flagged for deletion). */
  orderSuppliers: readonly SupplierRecord[];
}

export function generateOrder(i: number, opts: GenerateOptions): SimOrder {
  const r = random(opts.seed, STREAM.order, i);
  const changed = generatedChangeTime(opts.seed, i, opts.size);
  r.next(); // the draw generatedChangeTime used
  const supplier = opts.orderSuppliers[r.int(0, opts.orderSuppliers.length - 1)]!;
  const cc = companyCodes.find((c) => c.code === supplier.companyCode)!;
  const state = pickState(r.next());
  const created = dayOf(changed - r.int(0, 45) * DAY);
  const terms = paymentTerms[supplier.paymentTerms]!;
  const number = orderNumber(i);
  const header: Entity = withLayout({
    PurchaseOrder: number,
    CompanyCode: cc.code,
    PurchaseOrderType: r.chance(0.9) ? 'NB' : 'FO',
    PurchasingProcessingStatus: PROCSTAT[state],
    CreatedByUser: r.pick(['CB9980000010', 'CB9980000021', 'CB9980000035', 'PURCH_AGENT1']),
    CreationDate: created,
    LastChangeDateTime: changed,
    Supplier: supplier.supplier,
    Language: cc.language,
    PaymentTerms: supplier.paymentTerms,
    CashDiscount1Days: String(terms.days1),
    CashDiscount2Days: String(terms.days2),
    NetPaymentDays: String(terms.net),
    CashDiscount1Percent: terms.percent1,
    CashDiscount2Percent: terms.percent2,
    PurchasingOrganization: supplier.purchasingOrganization,
    PurchasingGroup: supplier.purchasingGroup,
    PurchaseOrderDate: created,
    DocumentCurrency: supplier.currency,
    ExchangeRate: supplier.currency === cc.currency ? '1.00000' : fixed(priceFactor[cc.currency]! / priceFactor[supplier.currency]!, 5),
    SupplierRespSalesPersonName: supplier.salesPerson,
    SupplierPhoneNumber: supplier.phone,
    IncotermsClassification: supplier.incoterms,
    IncotermsVersion: '2020',
    IncotermsLocation1: supplier.incotermsLocation,
    CorrespncExternalReference: r.chance(0.4) ? `Q-${r.int(10000, 99999)}` : '',
    InvoicingParty: supplier.supplier,
    ReleaseIsNotCompleted: state === 'in_release' || state === 'rejected',
    PurchasingCompletenessStatus: state === 'held',
    PurchasingDocumentDeletionCode: state === 'deleted' ? 'L' : '',
  }, 'header');
  const count = r.int(1, Math.max(1, opts.itemsPerOrder));
  const items: SimItem[] = [];
  const decimals = currencyDecimals[supplier.currency] ?? 2;
  const dropShip = r.chance(0.25);
  for (let k = 0; k < count; k += 1) {
    const ri = random(opts.seed, STREAM.item, i * 64 + k);
    const m = materials[ri.int(0, materials.length - 1)]!;
    const plant = cc.plants[ri.int(0, cc.plants.length - 1)]!;
    const quantity = m.unit === 'PC' || m.unit === 'BOX' ? ri.int(1, 200) : ri.int(5, 2000) / 10;
    const priceUnit = m.price < 1 ? 100 : 1;
    const price = Math.max(m.price * priceFactor[supplier.currency]! * priceUnit * (0.9 + ri.next() * 0.2), 1);
    const delivered = state === 'closed' || state === 'delivered' || (state === 'partial' && k % 2 === 0);
    const itemNo = String((k + 1) * 10);
    const item: Entity = withLayout({
      PurchaseOrder: number,
      PurchaseOrderItem: itemNo,
      // Whole orders deleted; now and then one item deleted from an open order, or blocked (S) in a partly delivered one.
      PurchasingDocumentDeletionCode: state === 'deleted' || (state === 'open' && k === 1 && ri.chance(0.25)) ? 'L' : state === 'partial' && k === 1 && ri.chance(0.3) ? 'S' : '',
      PurchaseOrderItemText: m.text,
      Plant: plant.code,
      StorageLocation: plant.storageLocations[0]!,
      MaterialGroup: m.group,
      SupplierMaterialNumber: ri.chance(0.5) ? `${supplier.supplier.slice(-3)}-${m.code.slice(3)}` : '',
      OrderQuantity: fixed(quantity, 3),
      PurchaseOrderQuantityUnit: m.unit,
      OrderPriceUnit: m.unit,
      OrderPriceUnitToOrderUnitNmrtr: '1',
      OrdPriceUnitToOrderUnitDnmntr: '1',
      DocumentCurrency: supplier.currency,
      NetPriceAmount: fixed(Number(price.toFixed(decimals)), 3),
      NetPriceQuantity: String(priceUnit),
      TaxCode: cc.country === 'DE' ? 'V1' : cc.country === 'US' ? 'I0' : 'P1',
      PriceIsToBePrinted: true,
      IsCompletelyDelivered: delivered,
      IsFinallyInvoiced: state === 'closed',
      PurchaseOrderItemCategory: '0',
      GoodsReceiptIsExpected: true,
      InvoiceIsExpected: true,
      InvoiceIsGoodsReceiptBased: true,
      IncotermsClassification: supplier.incoterms,
      IncotermsLocation1: supplier.incotermsLocation,
      Material: m.code,
      ...(dropShip
        ? {
            DeliveryAddressName: `Site ${plant.city} Maintenance`,
            DeliveryAddressStreetName: 'Industriestrasse',
            DeliveryAddressHouseNumber: String(ri.int(1, 120)),
            DeliveryAddressCityName: plant.city,
            DeliveryAddressPostalCode: String(ri.int(10000, 99999)),
            DeliveryAddressCountry: cc.country,
          }
        : {}),
    }, dropShip ? 'item-address' : 'item');
    const due = dayOf(created + (m.leadDays + ri.int(0, 10)) * DAY);
    const schedules: Entity[] = [
      withLayout({
        PurchasingDocument: number,
        PurchasingDocumentItem: itemNo,
        ScheduleLine: '1',
        DelivDateCategory: '1',
        ScheduleLineDeliveryDate: due,
        PurchaseOrderQuantityUnit: m.unit,
        ScheduleLineOrderQuantity: item.OrderQuantity as string,
        SchedLineStscDeliveryDate: due,
      }, 'schedule'),
    ];
    items.push({ item, schedules });
  }
  return { header, items };
}
