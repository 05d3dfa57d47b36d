/**
 * Writes to purchase orders, as API_PURCHASEORDER_PROCESS_SRV does them: create with items in
 * one deep insert (atomic: all or nothing), header and item updates (PATCH/MERGE, only the
 * given properties), items added to an order, schedule-line updates, and DELETE — which in this
 * service sets the deletion indicator (EDMX: "Deletes all items of a purchase order that has
 * been posted"), never removes the document. Every accepted change stamps LastChangeDateTime
 * (the document is saved as a whole, items included).
 */
import { companyCodes, materialByCode, paymentTerms } from './catalog.js';
import { readBody } from './body.js';
import { SapError, businessErrors, type Detail } from './errors.js';
import type { SimItem, SimOrder } from './generate.js';
import { assertChangeable, assertItemChangeable, assertItemDeletable, checkHeader, checkItem } from './rules.js';
import { types } from './spec.js';
import type { OrderStore } from './store.js';
import { dayOf, initial, type Entity } from './values.js';

const DAY = 86_400_000;
const missing = (number: string) => new SapError(404, '06/019', `Document ${number} does not exist`);

function newItem(raw: Record<string, unknown>, header: Entity, used: Set<string>, details: Detail[]): SimItem | undefined {
  const { values, navigations } = readBody(types.item, 'A_PurchaseOrderItemType', raw, 'create');
  if (!values.PurchaseOrderItem || values.PurchaseOrderItem === '') {
    let n = 10;
    while (used.has(String(n))) n += 10;
    values.PurchaseOrderItem = String(n);
  }
  const no = String(values.PurchaseOrderItem).replace(/^0+(?=\d)/, '');
  values.PurchaseOrderItem = no;
  if (!/^\d{1,5}$/.test(no)) details.push({ code: 'ME/046', message: `Item number ${no} is not valid`, propertyref: 'PurchaseOrderItem' });
  if (used.has(no)) details.push({ code: '06/012', message: `Item ${no} already exists`, propertyref: 'PurchaseOrderItem' });
  used.add(no);
  const itemDetails = checkItem(values, String(header.CompanyCode), true);
  details.push(...itemDetails);
  if (itemDetails.length) return undefined;
  const m = values.Material ? materialByCode.get(String(values.Material)) : undefined;
  const cc = companyCodes.find((c) => c.code === header.CompanyCode)!;
  const unit = String(values.PurchaseOrderQuantityUnit || m?.unit || '');
  if (!unit) {
    details.push({ code: 'ME/083', message: `Item ${no}: Enter Order Unit`, propertyref: 'PurchaseOrderQuantityUnit' });
    return undefined;
  }
  const item: Entity = {
    PurchaseOrderItemText: m?.text ?? '',
    MaterialGroup: m?.group ?? '',
    StorageLocation: cc.plants.find((p) => p.code === values.Plant)?.storageLocations[0] ?? '',
    OrderPriceUnit: unit,
    OrderPriceUnitToOrderUnitNmrtr: '1',
    OrdPriceUnitToOrderUnitDnmntr: '1',
    NetPriceQuantity: '1',
    TaxCode: cc.country === 'DE' ? 'V1' : cc.country === 'US' ? 'I0' : 'P1',
    PriceIsToBePrinted: true,
    PurchaseOrderItemCategory: '0',
    GoodsReceiptIsExpected: true,
    InvoiceIsExpected: true,
    InvoiceIsGoodsReceiptBased: true,
    IncotermsClassification: header.IncotermsClassification ?? '',
    IncotermsLocation1: header.IncotermsLocation1 ?? '',
    ...values,
    PurchaseOrder: header.PurchaseOrder!,
    PurchaseOrderQuantityUnit: unit,
    DocumentCurrency: header.DocumentCurrency!,
    PurchasingDocumentDeletionCode: '',
    IsCompletelyDelivered: values.IsCompletelyDelivered ?? false,
    IsFinallyInvoiced: values.IsFinallyInvoiced ?? false,
  };
  const lead = (m?.leadDays ?? 14) * DAY;
  const wanted = navigations.to_ScheduleLine ?? [{}];
  const schedules = wanted.map((raw, k) => {
    const s = readBody(types.schedule, 'A_PurchaseOrderScheduleLineType', raw, 'create').values;
    return {
      ScheduleLine: String(k + 1),
      DelivDateCategory: '1',
      ...s,
      PurchasingDocument: header.PurchaseOrder!,
      PurchasingDocumentItem: no,
      PurchaseOrderQuantityUnit: unit,
      ScheduleLineDeliveryDate: s.ScheduleLineDeliveryDate ?? dayOf(Number(header.PurchaseOrderDate) + lead),
      ScheduleLineOrderQuantity: s.ScheduleLineOrderQuantity ?? (wanted.length === 1 ? (item.OrderQuantity as string) : initial(types.schedule.properties.find((p) => p.name === 'ScheduleLineOrderQuantity')!)),
      SchedLineStscDeliveryDate: s.ScheduleLineDeliveryDate ?? dayOf(Number(header.PurchaseOrderDate) + lead),
    } satisfies Entity;
  });
  return { item, schedules };
}

/** POST A_PurchaseOrder: a new order with its items (deep insert); all or nothing. */
export function createOrder(store: OrderStore, raw: unknown, user: string): SimOrder {
  const { values, navigations } = readBody(types.order, 'A_PurchaseOrderType', raw, 'create');
  const { details, supplier } = checkHeader(values, store.suppliers, true);
  const itemsRaw = navigations.to_PurchaseOrderItem ?? [];
  if (details.length === 0 && itemsRaw.length === 0) details.push({ code: '06/010', message: 'Document contains no items', propertyref: 'to_PurchaseOrderItem' });
  if (details.length) throw businessErrors(details);
  // NB and FO take their numbers from the internal range 45…: a number given is refused. [R] number
  if (values.PurchaseOrder) throw businessErrors([{ code: 'ME/047', message: `Document number ${String(values.PurchaseOrder)} is not in the external number range of document type ${String(values.PurchaseOrderType)} (internal number assignment)`, propertyref: 'PurchaseOrder' }]);
  const now = store.stamp();
  const terms = paymentTerms[String(values.PaymentTerms ?? supplier!.paymentTerms)]!;
  const cc = companyCodes.find((c) => c.code === values.CompanyCode)!;
  const header: Entity = {
    Language: cc.language,
    PaymentTerms: supplier!.paymentTerms,
    DocumentCurrency: supplier!.currency,
    IncotermsClassification: supplier!.incoterms,
    IncotermsVersion: '2020',
    IncotermsLocation1: supplier!.incotermsLocation,
    SupplierRespSalesPersonName: supplier!.salesPerson,
    SupplierPhoneNumber: supplier!.phone,
    InvoicingParty: supplier!.supplier,
    PurchaseOrderDate: dayOf(now),
    ExchangeRate: '1.00000',
    ...values,
    CashDiscount1Days: String(terms.days1),
    CashDiscount2Days: String(terms.days2),
    NetPaymentDays: String(terms.net),
    CashDiscount1Percent: terms.percent1,
    CashDiscount2Percent: terms.percent2,
    // No release strategy applies to orders created through the API here: active at once (02).
    PurchasingProcessingStatus: '02',
    PurchasingDocumentDeletionCode: '',
    ReleaseIsNotCompleted: false,
    PurchasingCompletenessStatus: values.PurchasingCompletenessStatus ?? false,
    CreatedByUser: user,
    CreationDate: dayOf(now),
    LastChangeDateTime: now,
  };
  header.PurchaseOrder = 'PENDING';
  const used = new Set<string>();
  const itemDetails: Detail[] = [];
  const items = itemsRaw.map((r) => newItem(r, header, used, itemDetails));
  if (itemDetails.length) throw businessErrors(itemDetails);
  // The number comes from the internal range once the document is known to be valid.
  const number = store.reserveNumber();
  header.PurchaseOrder = number;
  const order: SimOrder = { header, items: items as SimItem[] };
  for (const it of order.items) {
    it.item.PurchaseOrder = number;
    for (const s of it.schedules) s.PurchasingDocument = number;
  }
  store.put(order);
  return order;
}

function load(store: OrderStore, number: string): SimOrder {
  const order = store.editable(number);
  if (!order) throw missing(number);
  return order;
}

/** PATCH/MERGE A_PurchaseOrder('…'): the given header properties. */
export function updateOrder(store: OrderStore, number: string, raw: unknown): SimOrder {
  const order = load(store, number);
  const { values } = readBody(types.order, 'A_PurchaseOrderType', raw, 'update');
  assertChangeable(order);
  const { details } = checkHeader({ ...values, CompanyCode: values.CompanyCode ?? order.header.CompanyCode, PurchasingOrganization: values.PurchasingOrganization ?? order.header.PurchasingOrganization }, store.suppliers, false);
  if (details.length) throw businessErrors(details);
  if (values.PaymentTerms) {
    const t = paymentTerms[String(values.PaymentTerms)]!;
    Object.assign(values, { CashDiscount1Days: String(t.days1), CashDiscount2Days: String(t.days2), NetPaymentDays: String(t.net), CashDiscount1Percent: t.percent1, CashDiscount2Percent: t.percent2 });
  }
  Object.assign(order.header, values, { LastChangeDateTime: store.stamp() });
  store.put(order);
  return order;
}

/** DELETE A_PurchaseOrder('…'): every item gets deletion indicator L, and the header too. */
export function deleteOrder(store: OrderStore, number: string): SimOrder {
  const order = load(store, number);
  assertChangeable(order);
  for (const it of order.items) if (it.item.PurchasingDocumentDeletionCode !== 'L') assertItemDeletable(it);
  for (const it of order.items) it.item.PurchasingDocumentDeletionCode = 'L';
  Object.assign(order.header, { PurchasingDocumentDeletionCode: 'L', LastChangeDateTime: store.stamp() });
  store.put(order);
  return order;
}

function findItem(order: SimOrder, itemNo: string): SimItem {
  const it = order.items.find((x) => x.item.PurchaseOrderItem === itemNo.replace(/^0+(?=\d)/, ''));
  if (!it) throw new SapError(404, '06/011', `Item ${itemNo} does not exist`);
  return it;
}

/** POST A_PurchaseOrder('…')/to_PurchaseOrderItem (or A_PurchaseOrderItem with PurchaseOrder in the body). */
export function addItem(store: OrderStore, number: string, raw: unknown): SimItem {
  const order = load(store, number);
  assertChangeable(order);
  const details: Detail[] = [];
  const item = newItem(raw as Record<string, unknown>, order.header, new Set(order.items.map((it) => String(it.item.PurchaseOrderItem))), details);
  if (details.length || !item) throw businessErrors(details);
  order.items.push(item);
  order.header.LastChangeDateTime = store.stamp();
  store.put(order);
  return item;
}

/** PATCH/MERGE A_PurchaseOrderItem(…): the given item properties. */
export function updateItem(store: OrderStore, number: string, itemNo: string, raw: unknown): SimItem {
  const order = load(store, number);
  const it = findItem(order, itemNo);
  const { values } = readBody(types.item, 'A_PurchaseOrderItemType', raw, 'update');
  assertChangeable(order);
  assertItemChangeable(it);
  const details = checkItem({ ...values, PurchaseOrderItem: it.item.PurchaseOrderItem }, String(order.header.CompanyCode), false);
  if (details.length) throw businessErrors(details);
  Object.assign(it.item, values);
  // A single schedule line follows the item quantity, as ME22N proposes.
  if (values.OrderQuantity !== undefined && it.schedules.length === 1) it.schedules[0]!.ScheduleLineOrderQuantity = values.OrderQuantity;
  order.header.LastChangeDateTime = store.stamp();
  store.put(order);
  return it;
}

/** DELETE A_PurchaseOrderItem(…): the item gets deletion indicator L. */
export function deleteItem(store: OrderStore, number: string, itemNo: string): void {
  const order = load(store, number);
  const it = findItem(order, itemNo);
  assertChangeable(order);
  assertItemDeletable(it);
  it.item.PurchasingDocumentDeletionCode = 'L';
  order.header.LastChangeDateTime = store.stamp();
  store.put(order);
}

/** PATCH/MERGE A_PurchaseOrderScheduleLine(…): delivery date and quantity of one schedule line. */
export function updateSchedule(store: OrderStore, number: string, itemNo: string, line: string, raw: unknown): void {
  const order = load(store, number);
  const it = findItem(order, itemNo);
  const s = it.schedules.find((x) => x.ScheduleLine === line.replace(/^0+(?=\d)/, ''));
  if (!s) throw new SapError(404, '06/011', `Schedule line ${line} of item ${itemNo} does not exist`);
  const { values } = readBody(types.schedule, 'A_PurchaseOrderScheduleLineType', raw, 'update');
  assertChangeable(order);
  assertItemChangeable(it);
  Object.assign(s, values);
  if (values.ScheduleLineDeliveryDate !== undefined && values.SchedLineStscDeliveryDate === undefined) s.SchedLineStscDeliveryDate = values.ScheduleLineDeliveryDate;
  order.header.LastChangeDateTime = store.stamp();
  store.put(order);
}
