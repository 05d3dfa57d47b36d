/**
 * What each unified record must hold, computed by the test from the MaintainX simulator's own
 * data — written apart from the connector's mappers (its own status tables, its own integer
 * money arithmetic), so a mapper that drifts fails the field-by-field comparison.
 */
import type { OrgData, PoAddress, PurchaseOrderRec, WorkOrderRec, AssetRec, PartRec, LocationRec, VendorRec } from '../../src/sandbox/maintainx/types.js';

type Json = Record<string, any>;
/** Manifold's id of a synced record, by entity and remote id. */
export type IdOf = (entity: string, remoteId: number) => string;

/** Millionths of a currency unit → decimal string, at least two decimals, no trailing zeros beyond. */
export function microsDecimal(micros: number): string {
  const units = Math.floor(micros / 1_000_000);
  let frac = String(micros % 1_000_000).padStart(6, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${units}.${frac}`;
}

const cents = (c: number) => microsDecimal(c * 10_000);
const ref = (idOf: IdOf, entity: string, id: number | null, name: string | null = null, code: string | null = null) =>
  id === null ? null : { id: idOf(entity, id), remoteId: String(id), name, code };
const member = (type: string, id: number) => ({ id: null, remoteId: `${type}:${id}`, name: null, code: null });
const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));

export function expectedWorkOrder(w: WorkOrderRec, data: OrgData, idOf: IdOf): Json {
  const woId = idOf('workOrders', w.id);
  const asset = w.assetId === null ? undefined : data.assets.get(w.assetId);
  const location = w.locationId === null ? undefined : data.locations.get(w.locationId);
  return {
    number: String(w.sequentialId),
    title: w.title,
    description: w.description,
    status: ({ OPEN: 'open', IN_PROGRESS: 'in_progress', ON_HOLD: 'on_hold', DONE: 'completed', CANCELED: 'cancelled', SKIPPED: 'cancelled' } as Json)[w.status],
    remoteStatus: w.status,
    priority: ({ NONE: null, LOW: 'low', MEDIUM: 'medium', HIGH: 'high' } as Json)[w.priority],
    remotePriority: w.priority,
    type: w.type === null ? null : ({ REACTIVE: 'corrective', PREVENTIVE: 'preventive', OTHER: 'other', CYCLE_COUNT: 'inspection' } as Json)[w.type],
    asset: asset ? ref(idOf, 'assets', asset.id, asset.name) : null,
    location: location ? ref(idOf, 'locations', location.id, location.name) : null,
    site: null,
    assignees: w.assignees.map((a) => member(a.type, a.id)),
    requestedBy: w.requesterId === null ? null : member('USER', w.requesterId),
    dueDate: day(w.dueDate),
    scheduledStart: w.startDate,
    scheduledEnd: null,
    startedAt: null,
    completedAt: w.completedAt,
    estimatedHours: null,
    actualHours: null,
    failureCode: null,
    completionNotes: w.workOrderSummary?.content ?? null,
    parts: w.parts.map((u) => {
      const p = data.parts.get(u.partId)!;
      return {
        id: `${woId}:${p.id}`,
        remoteId: String(p.id),
        item: ref(idOf, 'inventoryItems', p.id, p.name, p.barcode),
        itemCode: p.barcode,
        quantityPlanned: null,
        quantityUsed: String(u.quantityUsed),
        unitOfMeasure: null,
        customFields: {},
      };
    }),
  };
}

export function expectedAsset(a: AssetRec, idOf: IdOf): Json {
  return {
    code: a.barcode,
    name: a.name,
    description: a.description,
    status: ({ ONLINE: 'operating', OFFLINE: 'down', IGNORE: 'unknown' } as Json)[a.status.status],
    remoteStatus: a.status.status,
    category: a.assetTypes.length ? a.assetTypes.join(', ') : null,
    location: ref(idOf, 'locations', a.locationId),
    site: null,
    parent: ref(idOf, 'assets', a.parentId),
    manufacturer: a.manufacturer,
    model: a.model,
    serialNumber: a.serialNumber,
    installedAt: null,
    criticality: null,
  };
}

export function expectedInventoryItem(p: PartRec, data: OrgData, idOf: IdOf): Json {
  const committed = (l: PartRec['locations'][number]) => l.committed.reserved + l.committed.kitted + l.committed.staged;
  const inStock = p.locations.reduce((n, l) => n + l.availableQuantity, 0);
  const vendor = p.vendors[0];
  return {
    itemCode: p.barcode,
    name: p.name,
    description: p.description,
    status: 'active',
    remoteStatus: null,
    category: p.partTypes.length ? p.partTypes.join(', ') : null,
    unitOfMeasure: null,
    unitCost: p.unitCost === null ? null : cents(p.unitCost),
    currency: data.organization.currency,
    preferredVendor: vendor ? ref(idOf, 'vendors', vendor.vendorId) : null,
    vendorItemCode: vendor?.partNumber ?? null,
    manufacturer: null,
    manufacturerPartNumber: null,
    quantityOnHand: String(inStock),
    quantityAvailable: String(inStock - p.locations.reduce((n, l) => n + committed(l), 0)),
    quantityOnOrder: String(p.orderedQuantity),
    reorderPoint: String(p.locations.reduce((n, l) => n + (l.minimumQuantity ?? 0), 0)),
    reorderQuantity: null,
    stock: p.locations.map((l) => ({
      location: ref(idOf, 'locations', l.locationId),
      quantityOnHand: String(l.availableQuantity),
      quantityAvailable: String(l.availableQuantity - committed(l)),
      bin: l.area,
    })),
  };
}

export function expectedLocation(l: LocationRec, idOf: IdOf): Json {
  return {
    code: l.barcode,
    name: l.name,
    type: null,
    parent: ref(idOf, 'locations', l.parentId),
    address: l.address === null ? null : { name: null, line1: null, line2: null, line3: null, city: null, region: null, postalCode: null, country: null, raw: l.address },
    status: 'active',
    remoteStatus: null,
  };
}

export function expectedVendor(v: VendorRec): Json {
  return { code: null, name: v.name, status: 'active', remoteStatus: null, taxId: null, email: null, phone: null, website: null, address: null, currency: null, paymentTerms: null, contacts: [] };
}

function address(a: PoAddress | null): Json | null {
  if (a === null) return null;
  return { name: null, line1: a.street, line2: null, line3: null, city: a.city, region: a.state, postalCode: a.postalCode, country: a.country, raw: a.label ?? null };
}

export function expectedPurchaseOrder(po: PurchaseOrderRec, data: OrgData, idOf: IdOf): Json {
  const poId = idOf('purchaseOrders', po.id);
  const full = po.items.every((i) => (i.quantityReceived ?? 0) >= i.quantityOrdered);
  const status = po.status === 'PARTIALLY_FULFILLED' ? (full ? 'received' : 'partially_received') : ({ REQUESTED: 'draft', PENDING: 'pending_approval', DECLINED: 'draft', APPROVED: 'approved', COMPLETED: 'closed', CANCELED: 'cancelled' } as Json)[po.status];
  const lineStatus = (i: PurchaseOrderRec['items'][number]) => {
    if (po.status === 'CANCELED') return 'cancelled';
    if (po.status === 'COMPLETED') return 'closed';
    const r = i.quantityReceived ?? 0;
    return r > 0 && r >= i.quantityOrdered ? 'received' : r > 0 ? 'partially_received' : 'open';
  };
  return {
    number: po.overrideNumber ?? String(po.autoGeneratedNumber),
    status,
    remoteStatus: po.status,
    vendor: ref(idOf, 'vendors', po.vendorId),
    buyer: member('USER', po.creatorId),
    site: null,
    orderDate: day(po.createdAt),
    requiredDate: day(po.dueDate),
    deliveryDate: null,
    currency: data.organization.currency,
    paymentTerms: null,
    shippingMethod: null,
    shipTo: address(po.shippingAddress),
    billTo: address(po.billingAddress),
    subtotal: microsDecimal(po.items.reduce((n, i) => n + i.priceMicros!, 0)),
    taxTotal: null,
    total: null,
    description: po.title,
    notes: po.note,
    approvedAt: po.approvalDate,
    lines: po.items.map((i, n) => ({
      id: `${poId}:${i.id}`,
      remoteId: String(i.id),
      lineNumber: n + 1,
      item: i.partId === null ? null : ref(idOf, 'inventoryItems', i.partId, i.name),
      itemCode: null,
      vendorItemCode: i.partNumber,
      description: i.name,
      quantity: String(i.quantityOrdered),
      unitOfMeasure: null,
      unitPrice: microsDecimal(i.unitCostMicros!),
      discount: null,
      taxAmount: null,
      lineTotal: microsDecimal(i.priceMicros!),
      requiredDate: null,
      deliveryDate: null,
      quantityReceived: String(i.quantityReceived ?? 0),
      quantityInvoiced: null,
      status: lineStatus(i),
      account: null,
      asset: null,
      workOrder: null,
      customFields: {},
    })),
  };
}
