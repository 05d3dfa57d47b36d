/**
 * Purchase orders written straight into the store for the read benchmark, as a sync would leave
 * them: unified fields valid against the model, and a native record (remoteData) of about the
 * size a system's order with five items has. Deterministic in n.
 */
import { recordId } from '../../src/core/ids.js';
import { entityByKey } from '../../src/models/registry.js';
import type { PurchaseOrder } from '../../src/models/purchase-order.js';
import type { RecordInput } from '../../src/store/index.js';

type Fields = Omit<PurchaseOrder, 'id' | 'remoteId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'customFields' | 'remoteData'>;

const STATUSES = ['draft', 'pending_approval', 'approved', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'] as const;
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CHF'] as const;
const ref = (remoteId: string, name: string, code: string | null = null) => ({ id: null, remoteId, name, code });

export function orderFields(n: number, lines: number): Fields {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    number: `4500${String(n).padStart(6, '0')}`,
    status: STATUSES[n % STATUSES.length]!,
    remoteStatus: String(n % STATUSES.length),
    vendor: ref(`1000${n % 97}`, `Supplier ${n % 97} GmbH`, `1000${n % 97}`),
    buyer: ref(`buyer-${n % 13}`, `Buyer ${n % 13}`),
    site: ref('1010', 'Plant Hamburg', '1010'),
    orderDate: `2026-01-${day}`,
    requiredDate: `2026-02-${day}`,
    deliveryDate: null,
    currency: CURRENCIES[n % CURRENCIES.length]!,
    paymentTerms: 'Net 30',
    shippingMethod: 'FCA',
    shipTo: { name: 'Plant Hamburg', line1: 'Dock 2', line2: null, line3: null, city: 'Hamburg', region: null, postalCode: '20457', country: 'DE', raw: null },
    billTo: null,
    subtotal: `${(n % 9000) + 100}.00`,
    taxTotal: `${((n % 9000) + 100) * 0.19}`.slice(0, 8),
    total: `${(n % 9000) + 100}.00`,
    description: `Spare parts order ${n}`,
    notes: null,
    approvedAt: n % 3 === 0 ? `2026-01-${day}T09:30:00.000Z` : null,
    lines: Array.from({ length: lines }, (_, i) => ({
      id: null,
      remoteId: `${n}-${(i + 1) * 10}`,
      lineNumber: (i + 1) * 10,
      item: ref(`MAT-${(n + i) % 500}`, `Deep groove ball bearing ${(n + i) % 500}`, `MAT-${(n + i) % 500}`),
      itemCode: `MAT-${(n + i) % 500}`,
      vendorItemCode: `V-${(n * 7 + i) % 10_000}`,
      description: `Deep groove ball bearing 62${(n + i) % 100}`,
      quantity: `${(i % 4) + 1}.000`,
      unitOfMeasure: 'EA',
      unitPrice: '12.3450',
      discount: null,
      taxAmount: '2.35',
      lineTotal: '12.35',
      requiredDate: `2026-02-${day}`,
      deliveryDate: null,
      quantityReceived: '0',
      quantityInvoiced: '0',
      status: 'open' as const,
      account: ref('400000', 'Consumables', '400000'),
      asset: null,
      workOrder: null,
      customFields: {},
    })),
  };
}

/** A native record of roughly the size and shape a system gives for such an order. */
function nativeOrder(n: number, f: Fields): Record<string, unknown> {
  return {
    PurchaseOrder: f.number,
    CompanyCode: '1010',
    PurchaseOrderType: 'NB',
    Supplier: f.vendor?.remoteId ?? null,
    DocumentCurrency: f.currency,
    PurchaseOrderDate: f.orderDate,
    CreationDate: f.orderDate,
    LastChangeDateTime: `2026-01-${f.orderDate!.slice(8)}T10:00:00Z`,
    PurchasingProcessingStatus: f.remoteStatus,
    PaymentTerms: '0001',
    IncotermsClassification: 'FCA',
    PurchasingGroup: String(n % 13).padStart(3, '0'),
    PurchasingOrganization: '1010',
    to_PurchaseOrderItem: f.lines.map((l) => ({
      PurchaseOrder: f.number,
      PurchaseOrderItem: String(l.lineNumber).padStart(5, '0'),
      Material: l.itemCode,
      PurchaseOrderItemText: l.description,
      OrderQuantity: l.quantity,
      PurchaseOrderQuantityUnit: l.unitOfMeasure,
      NetPriceAmount: l.unitPrice,
      NetAmount: l.lineTotal,
      DocumentCurrency: f.currency,
      Plant: '1010',
      StorageLocation: '101A',
      MaterialGroup: 'L001',
      SupplierMaterialNumber: l.vendorItemCode,
      IsCompletelyDelivered: false,
      IsFinallyInvoiced: false,
      TaxCode: 'V1',
      AccountAssignmentCategory: 'K',
      GLAccount: '400000',
    })),
  };
}

/** The store input of order n (remote id n) of a connection. */
export function orderInput(connectionId: string, n: number, lines: number, syncedAt: string): RecordInput {
  const entity = entityByKey('purchaseOrders')!;
  const data = orderFields(n, lines);
  return {
    id: recordId(entity.idPrefix, connectionId, entity.key, String(n)),
    connectionId,
    entity: entity.key,
    remoteId: String(n),
    data,
    remoteData: nativeOrder(n, data),
    customFields: {},
    status: data.status,
    createdAt: `${data.orderDate}T08:00:00.000Z`,
    updatedAt: `${data.orderDate}T10:00:00.000Z`,
    syncedAt,
  };
}
