/**
 * Seeded work orders (every status, priority and type; assets, locations, assignees, parts used)
 * and purchase orders (every status; one to five items, on parts or free text; costs; partial
 * and complete receipts).
 */
import { lineMicros } from './money.js';
import type { SeedContext } from './seed.js';
import {
  PURCHASE_ORDER_STATUSES,
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_STATUSES,
  type OrgData,
  type PoAddress,
  type PoCostRec,
  type PoItemRec,
  type PurchaseOrderRec,
  type PurchaseOrderStatus,
  type WorkOrderRec,
  type WorkOrderType,
} from './types.js';

const DAY = 86_400_000;
const JOBS = ['Replace pump seal', 'Inspect conveyor belt', 'Lubricate bearings', 'Calibrate pressure sensor', 'Repair hydraulic leak', 'Replace air filter', 'Check safety guards', 'Tighten electrical terminals', 'Clean heat exchanger', 'Cycle count storeroom'];
const CATEGORIES = ['Damage', 'Electrical', 'Inspection', 'Preventive', 'Safety', 'Cleaning', 'Project'];
const TYPES: readonly (WorkOrderType | null)[] = ['REACTIVE', 'PREVENTIVE', 'OTHER', 'CYCLE_COUNT', 'REACTIVE', 'PREVENTIVE', null];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

export function seedWorkOrders(c: SeedContext, count: number, data: OrgData): Map<number, WorkOrderRec> {
  const out = new Map<number, WorkOrderRec>();
  const assets = [...data.assets.values()];
  const locations = [...data.locations.values()];
  const parts = [...data.parts.values()];
  const vendors = [...data.vendors.values()];
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('workOrder');
    // The first rounds cover every status and priority; later ones lean to open work.
    const status = i < 60 ? WORK_ORDER_STATUSES[i % WORK_ORDER_STATUSES.length]! : c.rnd.pick(['OPEN', 'OPEN', 'IN_PROGRESS', 'ON_HOLD', 'DONE', 'DONE', 'CANCELED'] as const);
    const priority = WORK_ORDER_PRIORITIES[(i + Math.floor(i / 6)) % WORK_ORDER_PRIORITIES.length]!;
    const type = TYPES[i % TYPES.length]!;
    const asset = assets.length && c.rnd.chance(0.75) ? c.rnd.pick(assets) : null;
    const createdAt = c.at();
    const due = c.rnd.chance(0.7) ? new Date(Date.parse(createdAt) + c.rnd.int(1, 30) * DAY) : null;
    const done = status === 'DONE';
    const completedAt = done ? c.after(createdAt, 3_600_000, 20 * DAY) : null;
    const updatedAt = completedAt ? c.after(completedAt, 0, 2 * DAY) : c.rnd.chance(0.7) ? c.after(createdAt, 60_000, 25 * DAY) : createdAt;
    const job = JOBS[i % JOBS.length]!;
    const used = c.some(parts, c.rnd.chance(0.4) ? c.rnd.int(1, 3) : 0);
    out.set(id, {
      id,
      sequentialId: 1001 + i,
      organizationId: c.org.id,
      title: `${job}${asset ? ` – ${asset.name}` : ''}`,
      description: c.rnd.chance(0.8) ? `${job}. Reported by operations on shift ${c.rnd.int(1, 3)}.` : null,
      status,
      priority,
      type,
      locationId: asset?.locationId ?? (c.rnd.chance(0.6) ? c.rnd.pick(locations).id : null),
      assetId: asset?.id ?? null,
      assignees: [
        ...c.some(data.userIds, c.rnd.int(0, 2)).map((uid) => ({ type: 'USER' as const, id: uid })),
        ...(c.rnd.chance(0.2) ? [{ type: 'TEAM' as const, id: c.rnd.pick(data.teamIds) }] : []),
      ],
      categories: c.some(CATEGORIES, c.rnd.int(0, 2)),
      requesterId: c.rnd.chance(0.3) ? c.rnd.pick(data.userIds) : null,
      creatorId: c.rnd.pick(data.userIds),
      completerId: done ? c.rnd.pick(data.userIds) : null,
      createdAt,
      updatedAt,
      startDate: due && c.rnd.chance(0.5) ? new Date(due.getTime() - c.rnd.int(1, 5) * DAY).toISOString() : null,
      dueDate: due?.toISOString() ?? null,
      dueDateIsFullDay: due ? c.rnd.chance(0.5) : null,
      completedAt,
      lastMessageSentAt: c.rnd.chance(0.2) ? c.after(createdAt, 60_000, DAY) : null,
      extraFields: c.rnd.chance(0.35) ? { 'Estimated Budget': `$${c.rnd.int(50, 5000)}` } : {},
      vendorIds: c.rnd.chance(0.15) ? [c.rnd.pick(vendors).id] : [],
      parts: used.map((p) => ({ partId: p.id, quantityUsed: c.rnd.int(1, 6), locationId: p.locations[0]?.locationId ?? null })),
      estimatedTime: c.rnd.chance(0.5) ? c.rnd.int(1, 16) * 900 : null,
      workOrderSummary: done && c.rnd.chance(0.6) ? { content: `Done: ${job.toLowerCase()}; tested and back in service.`, summary: null, authorId: c.rnd.pick(data.userIds) } : null,
      recurrenceInfo: type === 'PREVENTIVE' && c.rnd.chance(0.5) ? (c.rnd.chance(0.5) ? { type: 'WEEKLY', interval: c.rnd.int(1, 4), days: c.some(DAYS, 2) } : { type: 'MONTHLY', interval: 1, day: c.rnd.int(1, 28) }) : null,
    });
  }
  return out;
}

const SHIP_TO: readonly PoAddress[] = [
  { street: '400 Industrial Pkwy', city: 'Dayton', state: 'Ohio', postalCode: '45404', country: 'United States', label: null },
  { street: '1909 Avenue des Canadiens-de-Montréal', city: 'Montreal', state: 'Quebec', postalCode: 'H4B 5G0', country: 'Canada', label: '1909 Avenue des Canadiens-de-Montréal, Montreal, H4B 5G0, QC, CA' },
  { street: '12 Rue de la Gare', city: 'Lyon', state: 'Auvergne-Rhône-Alpes', postalCode: '69002', country: 'France', label: null },
];
const FREE_TEXT = ['Freight', 'Calibration service', 'Rush handling', 'Custom bracket (machined)'];

function items(c: SeedContext, data: OrgData, status: PurchaseOrderStatus): PoItemRec[] {
  const parts = [...data.parts.values()];
  const n = c.rnd.int(1, 5);
  return Array.from({ length: n }, () => {
    const part = parts.length && c.rnd.chance(0.8) ? c.rnd.pick(parts) : null;
    const quantity = c.rnd.int(1, 40) + (c.rnd.chance(0.15) ? 0.5 : 0);
    // Mostly whole cents; some prices in fractions of a cent, which unitCostDecimal carries.
    const unitMicros = ((part?.unitCost ?? c.rnd.int(500, 90_000)) * 10_000) + (c.rnd.chance(0.1) ? 5_000 : 0);
    let received = 0;
    if (status === 'COMPLETED') received = c.rnd.chance(0.85) ? quantity : Math.floor(quantity / 2);
    else if (status === 'PARTIALLY_FULFILLED') received = c.rnd.pick([0, Math.floor(quantity / 2), quantity]);
    const location = part?.locations[0]?.locationId ?? null;
    return {
      id: c.ids.take('poItem'),
      partId: part?.id ?? null,
      name: part ? part.name : c.rnd.pick(FREE_TEXT),
      partNumber: part?.vendors[0]?.partNumber ?? null,
      quantityOrdered: quantity,
      quantityReceived: received,
      unitCostMicros: unitMicros,
      priceMicros: lineMicros(quantity, unitMicros),
      fulfillments: received > 0 ? [{ id: c.ids.take('fulfillment'), locationId: location, quantityReceived: received, isLegacy: false }] : [],
      lineExtraFields: c.rnd.chance(0.2) ? { 'GL Account': `6${c.rnd.int(100, 999)}` } : ({} as Record<string, string>),
    };
  });
}

function costs(c: SeedContext): PoCostRec[] {
  const out: PoCostRec[] = [];
  if (c.rnd.chance(0.4)) out.push({ id: c.ids.take('cost'), name: 'Shipping', type: 'AMOUNT_NON_TAXABLE', amount: c.rnd.int(500, 15_000) });
  if (c.rnd.chance(0.3)) out.push({ id: c.ids.take('cost'), name: 'Sales Tax', type: 'PERCENT_TAXABLE', amount: c.rnd.pick([5, 7.5, 8.25, 20]) });
  if (c.rnd.chance(0.1)) out.push({ id: c.ids.take('cost'), name: 'Handling', type: 'AMOUNT_TAXABLE', amount: c.rnd.int(200, 3000) });
  return out;
}

export function seedPurchaseOrders(c: SeedContext, count: number, data: OrgData): Map<number, PurchaseOrderRec> {
  const out = new Map<number, PurchaseOrderRec>();
  const vendors = [...data.vendors.values()];
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('purchaseOrder');
    const status = i < 70 ? PURCHASE_ORDER_STATUSES[i % PURCHASE_ORDER_STATUSES.length]! : c.rnd.pick(PURCHASE_ORDER_STATUSES);
    const vendor = vendors.length && c.rnd.chance(0.95) ? c.rnd.pick(vendors) : null;
    const createdAt = c.at();
    const approved = ['APPROVED', 'PARTIALLY_FULFILLED', 'COMPLETED'].includes(status) || (status === 'CANCELED' && c.rnd.chance(0.3));
    const approvalDate = approved ? c.after(createdAt, 3_600_000, 5 * DAY) : null;
    const lines = items(c, data, status);
    const updatedAt = c.after(approvalDate ?? createdAt, 0, 30 * DAY);
    const due = c.rnd.chance(0.75) ? new Date(Date.parse(createdAt) + c.rnd.int(3, 45) * DAY) : null;
    out.set(id, {
      id,
      organizationId: c.org.id,
      title: c.rnd.chance(0.5) ? `${c.rnd.pick(['Spares restock', 'Shutdown parts', 'Consumables', 'Emergency repair parts'])} ${i + 1}` : null,
      note: c.rnd.chance(0.4) ? 'Please deliver during business hours' : null,
      reviewNote: status === 'DECLINED' ? 'Please adjust quantities and resubmit' : null,
      status,
      // MaintainX keeps a PO due date as midnight UTC of the chosen day.
      dueDate: due ? `${due.toISOString().slice(0, 10)}T00:00:00.000Z` : null,
      creatorId: c.rnd.pick(data.userIds),
      vendorId: vendor?.id ?? null,
      autoGeneratedNumber: i + 1,
      overrideNumber: c.rnd.chance(0.2) ? `PO-${createdAt.slice(0, 4)}-${String(i + 1).padStart(4, '0')}` : null,
      approverId: approved ? c.rnd.pick(data.userIds) : null,
      approvalDate,
      createdAt,
      updatedAt,
      items: lines,
      costs: costs(c),
      vendorContactIds: vendor ? vendor.contactIds.slice(0, c.rnd.int(0, vendor.contactIds.length)) : [],
      shippingAddress: c.rnd.chance(0.7) ? c.rnd.pick(SHIP_TO) : null,
      billingAddress: c.rnd.chance(0.6) ? c.rnd.pick(SHIP_TO) : null,
      extraFields: c.rnd.chance(0.3) ? { 'Cost Center': `CC-${c.rnd.int(100, 999)}`, Department: c.rnd.pick(['Maintenance', 'Utilities', 'Production']) } : {},
    });
  }
  return out;
}
