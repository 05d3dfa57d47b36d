/**
 * The default field mapping of SAP purchase orders, as data (served by GET /v1/field-mapping):
 * for every unified field, the native path it is read from (purchase-order-map.ts), the SAP
 * property a create or update writes (purchase-order-writes.ts), or why the service has none.
 *
 * Paths address the native record as stored (remoteData): A_PurchaseOrder's properties, its
 * items under `to_PurchaseOrderItem[]`, each item's schedule lines under `to_ScheduleLine[]`.
 * Line paths are relative to one item.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { PurchaseOrderLine, purchaseOrderFields } from '../../../models/purchase-order.js';

const ADDRESS = ['DeliveryAddressName', 'DeliveryAddressStreetName', 'DeliveryAddressHouseNumber', 'DeliveryAddressCityName', 'DeliveryAddressPostalCode', 'DeliveryAddressRegion', 'DeliveryAddressCountry'];
const NET = ['NetPriceAmount', 'OrderQuantity', 'NetPriceQuantity', 'OrderPriceUnitToOrderUnitNmrtr', 'OrdPriceUnitToOrderUnitDnmntr'];
const NET_LOGIC =
  'NetPriceAmount ÷ NetPriceQuantity (the price unit) × OrderQuantity × OrderPriceUnitToOrderUnitNmrtr ÷ OrdPriceUnitToOrderUnitDnmntr (order-price unit to order unit), ' +
  'exact, rounded half up to the currency\'s decimals (ISO 4217: JPY 0, KWD 3, most 2). This service version has no net amount property.';
const DELETED = 'PurchasingDocumentDeletionCode L (deleted)';

const fields: { [K in keyof typeof purchaseOrderFields]: FieldSource } = {
  number: { path: 'PurchaseOrder', note: 'Assigned by SAP from the internal number range (45…) on create.' },
  status: {
    paths: ['PurchasingDocumentDeletionCode', 'PurchasingCompletenessStatus', 'PurchasingProcessingStatus', 'to_PurchaseOrderItem[].PurchasingDocumentDeletionCode', 'to_PurchaseOrderItem[].IsCompletelyDelivered', 'to_PurchaseOrderItem[].IsFinallyInvoiced'],
    logic:
      `cancelled when the header has ${DELETED} or every item has; draft when PurchasingCompletenessStatus (held/incomplete) is true or PurchasingProcessingStatus is 01 (version in process) or 08 (rejected: back with the buyer); ` +
      'pending_approval for 03 (in release); for 02 (active) and 05 (released), by the items not deleted: all IsCompletelyDelivered and IsFinallyInvoiced → closed, all delivered → received, some → partially_received, ' +
      'none → ordered (02) or approved (05); any other value → unknown. The service has no status action: status is not writable.',
  },
  remoteStatus: { path: 'PurchasingProcessingStatus', note: 'EKKO-PROCSTAT: 01 version in process, 02 active, 03 in release, 05 release completed, 08 rejected.' },
  vendor: { path: 'Supplier', write: 'Supplier', note: 'remoteId and code = the supplier number, id = the vendor\'s Manifold id; name is not in the order (see /v1/vendors). Not updatable.' },
  buyer: { path: 'PurchasingGroup', note: 'The purchasing group (SAP\'s buyer or group of buyers): remoteId and code; no name in this service. A create takes it from the supplier\'s purchasing data.' },
  site: {
    path: 'to_PurchaseOrderItem[].Plant',
    write: 'to_PurchaseOrderItem[].Plant',
    note: 'The plant of the first item not deleted (remoteId and code); a create sets it as the plant of every item (SAP requires a plant per item).',
  },
  orderDate: { path: 'PurchaseOrderDate', write: 'PurchaseOrderDate', note: 'Edm.DateTime /Date(ms)/ → YYYY-MM-DD. Absent on create: today.' },
  requiredDate: { none: 'The order header has no needed-by date; each item\'s schedule lines carry delivery dates (see deliveryDate).' },
  deliveryDate: { paths: ['to_PurchaseOrderItem[].to_ScheduleLine[].ScheduleLineDeliveryDate', 'to_PurchaseOrderItem[].PurchasingDocumentDeletionCode'], logic: 'The earliest schedule-line delivery date of the items not deleted. Written per line (lines[].deliveryDate).' },
  currency: { path: 'DocumentCurrency', write: 'DocumentCurrency', note: 'Absent on create: the supplier\'s order currency (A_SupplierPurchasingOrg.PurchaseOrderCurrency). Not updatable (SAP allows it only before follow-on documents).' },
  paymentTerms: { path: 'PaymentTerms', write: 'PaymentTerms', note: 'SAP\'s terms-of-payment key (e.g. 0002), not a text. Absent on create: the supplier\'s.' },
  shippingMethod: { path: 'IncotermsClassification', write: 'IncotermsClassification', note: 'The Incoterm (EXW, FCA, DAP…); IncotermsLocation1 stays in remoteData. Absent on create: the supplier\'s.' },
  shipTo: {
    paths: ADDRESS.map((p) => `to_PurchaseOrderItem[].${p}`),
    logic: 'The manual delivery address of the first item not deleted that has one (name, street + house number as line1, city, region, postal code, country); null when the items go to their plant, whose address this service does not give.',
  },
  billTo: { none: 'The invoice goes to the company code, whose address is not in this service.' },
  subtotal: { paths: [...NET.map((p) => `to_PurchaseOrderItem[].${p}`), 'DocumentCurrency', 'to_PurchaseOrderItem[].PurchasingDocumentDeletionCode'], logic: `The sum of the net values of the items not deleted; net value: ${NET_LOGIC}` },
  taxTotal: { none: 'The purchase-order service carries a tax code per item, not tax amounts (taxes are computed at invoice verification).' },
  total: { none: 'No gross total without tax amounts (see taxTotal); subtotal is the net value.' },
  description: { none: 'A purchase order header has no title; texts are notes (A_PurchaseOrderNote), not read.' },
  notes: { none: 'Header texts live in A_PurchaseOrderNote, which Manifold does not read.' },
  approvedAt: { none: 'The release date is not in this service (only the processing status).' },
  lines: {
    path: 'to_PurchaseOrderItem',
    write: 'to_PurchaseOrderItem',
    note:
      'Every item, deleted ones included (status cancelled), by item number. A create sends the items in one deep insert; an update\'s lines is the full list of lines wanted: ' +
      'a line with its remoteId changes the fields it gives (PATCH A_PurchaseOrderItem), a line without one is added (POST to_PurchaseOrderItem), and an item left out is flagged for deletion (DELETE: deletion indicator L).',
  },
};

const lines: { [K in Exclude<keyof PurchaseOrderLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['PurchaseOrderItem'], logic: 'The order\'s Manifold id, ":" and the item number.' },
  remoteId: { path: 'PurchaseOrderItem', note: 'SAP\'s item number (10, 20…), unique within the order.' },
  lineNumber: { path: 'PurchaseOrderItem', note: 'The item number as a number (10, 20…), as printed on the order.' },
  item: { path: 'Material', write: 'Material', note: 'remoteId and code = the material number; no name here (PurchaseOrderItemText is the description). Items are not a Manifold entity for this system, so id is null.' },
  itemCode: { path: 'Material', write: 'Material', note: 'The material number.' },
  vendorItemCode: { path: 'SupplierMaterialNumber' },
  description: { path: 'PurchaseOrderItemText', write: 'PurchaseOrderItemText', note: 'Up to 40 characters; absent on create: the material\'s short text.' },
  quantity: { path: 'OrderQuantity', write: 'OrderQuantity', note: 'Decimal with 3 decimals, in PurchaseOrderQuantityUnit.' },
  unitOfMeasure: { path: 'PurchaseOrderQuantityUnit', write: 'PurchaseOrderQuantityUnit', note: 'SAP\'s unit code (PC, KG, L…); absent on create: the material\'s base unit.' },
  unitPrice: {
    paths: ['NetPriceAmount', 'NetPriceQuantity', 'OrderPriceUnitToOrderUnitNmrtr', 'OrdPriceUnitToOrderUnitDnmntr'],
    logic: 'Price per order unit: NetPriceAmount ÷ NetPriceQuantity × the order-price-unit conversion (exact for price units of 1, 10, 100…; else 6 more decimals). A write sets NetPriceAmount with NetPriceQuantity 1.',
    write: ['NetPriceAmount', 'NetPriceQuantity'],
  },
  discount: { none: 'Discounts are pricing conditions (A_PurOrdPricingElement), which Manifold does not read.' },
  taxAmount: { none: 'Only the tax code is on the item (TaxCode); amounts come with the invoice.' },
  lineTotal: { paths: NET, logic: NET_LOGIC },
  requiredDate: { none: 'An item has schedule lines with delivery dates (see deliveryDate), no separate needed-by date.' },
  deliveryDate: {
    paths: ['to_ScheduleLine[].ScheduleLineDeliveryDate'],
    logic: 'The earliest schedule line\'s delivery date. A create sends one schedule line with it; an update changes the delivery date of the item\'s only schedule line (PATCH A_PurchaseOrderScheduleLine).',
    write: ['to_ScheduleLine[].ScheduleLineDeliveryDate'],
  },
  quantityReceived: { paths: ['IsCompletelyDelivered', 'OrderQuantity'], logic: 'The ordered quantity when the delivery-completed flag is set; otherwise null: this service gives no received quantity (the PO history is elsewhere).' },
  quantityInvoiced: { paths: ['IsFinallyInvoiced', 'OrderQuantity'], logic: 'The ordered quantity when the final-invoice flag is set; otherwise null (no invoiced quantity in this service).' },
  status: {
    paths: ['PurchasingDocumentDeletionCode', 'IsCompletelyDelivered', 'IsFinallyInvoiced'],
    logic: 'Deletion code L → cancelled; S (blocked) → closed; delivered and finally invoiced → closed; delivered → received; else open.',
  },
  account: { none: 'Account assignment (cost centre, GL account) is in A_PurOrdAccountAssignment, which Manifold does not read.' },
  asset: { none: 'Asset assignments are in A_PurOrdAccountAssignment, which Manifold does not read.' },
  workOrder: { none: 'Order (maintenance order) assignments are in A_PurOrdAccountAssignment, which Manifold does not read.' },
};

export const purchaseOrderMapping: EntityMapping = { fields, lines, linesPath: 'to_PurchaseOrderItem' };
