/**
 * Records as MaintainX answers them. A listing and a single read of the same object differ in
 * MaintainX's OpenAPI (a listed work order has no `assetId`, a single asset no `organizationId`,
 * a listed purchase order only its id, status and times), and fields marked "expand with query
 * parameter" appear only when `expand=` names them — each shape here follows its own schema.
 */
import { microsToCents, microsToDecimal } from './money.js';
import type { AssetRec, LocationRec, OrgData, Organization, PartRec, PurchaseOrderRec, VendorRec, WorkOrderRec } from './types.js';

type Json = Record<string, unknown>;

function partTotals(p: PartRec) {
  const sum = (f: (l: PartRec['locations'][number]) => number | null) => p.locations.reduce((n, l) => n + (f(l) ?? 0), 0);
  const maxes = p.locations.filter((l) => l.maximumQuantity !== null);
  return {
    inStock: sum((l) => l.availableQuantity),
    minimum: sum((l) => l.minimumQuantity),
    maximum: maxes.length ? maxes.reduce((n, l) => n + l.maximumQuantity!, 0) : null,
    reserved: sum((l) => l.committed.reserved),
    kitted: sum((l) => l.committed.kitted),
    staged: sum((l) => l.committed.staged),
    assigned: sum((l) => l.assignedQuantity),
  };
}

function partsAvailability(wo: WorkOrderRec, data: OrgData): string {
  if (wo.parts.length === 0) return 'PARTS_AVAILABLE';
  const enough = wo.parts.map((u) => {
    const part = data.parts.get(u.partId);
    return part !== undefined && partTotals(part).inStock >= u.quantityUsed;
  });
  if (enough.every(Boolean)) return 'PARTS_AVAILABLE';
  return enough.some(Boolean) ? 'PARTIAL_PARTS' : 'PARTS_UNAVAILABLE';
}

function partStatus(wo: WorkOrderRec): string {
  if (wo.parts.length === 0) return 'NO_PARTS';
  return wo.status === 'DONE' ? 'ISSUED' : 'ASSIGNED';
}

function expandedAsset(data: OrgData, id: number | null): Json | null {
  const a = id === null ? undefined : data.assets.get(id);
  if (!a) return null;
  return { id: a.id, name: a.name, description: a.description, parentId: a.parentId, criticalityId: a.criticalityId, locationId: a.locationId, serialNumber: a.serialNumber, createdAt: a.createdAt, updatedAt: a.updatedAt, creatorId: a.creatorId };
}

function expandedLocation(data: OrgData, id: number | null): Json | null {
  const l = id === null ? undefined : data.locations.get(id);
  if (!l) return null;
  return { id: l.id, name: l.name, description: l.description, address: l.address, parentId: l.parentId, createdAt: l.createdAt, updatedAt: l.updatedAt };
}

function expandedParts(wo: WorkOrderRec, data: OrgData): Json[] {
  return wo.parts.flatMap((u) => {
    const p = data.parts.get(u.partId);
    if (!p) return [];
    const t = partTotals(p);
    return [{ id: p.id, name: p.name, description: p.description, area: p.locations[0]?.area ?? null, unitCost: p.unitCost, availableQuantity: t.inStock, minimumQuantity: t.minimum, barcode: p.barcode, quantityUsed: u.quantityUsed, copyOnRecurring: 'Default', locationId: u.locationId }];
  });
}

/** Fields both work order shapes share. */
function workOrderCommon(wo: WorkOrderRec, data: OrgData): Json {
  return {
    id: wo.id,
    sequentialId: wo.sequentialId,
    title: wo.title,
    updatedAt: wo.updatedAt,
    status: wo.status,
    completedAt: wo.completedAt,
    completerId: wo.completerId,
    createdAt: wo.createdAt,
    creatorId: wo.creatorId,
    deletedAt: null,
    description: wo.description,
    dueDate: wo.dueDate,
    dueDateIsFullDay: wo.dueDateIsFullDay,
    lastMessageSentAt: wo.lastMessageSentAt,
    startDate: wo.startDate,
    locationId: wo.locationId,
    nextId: null,
    organizationId: wo.organizationId,
    partsAvailability: partsAvailability(wo, data),
    partStatus: partStatus(wo),
    previousId: null,
    priority: wo.priority,
    recurrenceInfo: wo.recurrenceInfo,
    requesterId: wo.requesterId,
    type: wo.type,
    workOrderSummary: wo.workOrderSummary,
  };
}

function workOrderExpansions(wo: WorkOrderRec, data: OrgData, expand: Set<string>): Json {
  const out: Json = {};
  if (expand.has('extra_fields')) out.extraFields = { ...wo.extraFields };
  if (expand.has('assignees')) out.assignees = wo.assignees.map((a) => ({ ...a }));
  if (expand.has('asset')) out.asset = expandedAsset(data, wo.assetId);
  if (expand.has('location')) out.location = expandedLocation(data, wo.locationId);
  if (expand.has('parts')) out.parts = expandedParts(wo, data);
  return out;
}

/** GET /workorders item: no assetId; assignees, categories, vendorIds… only when expanded. */
export function workOrderListItem(wo: WorkOrderRec, data: OrgData, expand: Set<string>): Json {
  return {
    ...workOrderCommon(wo, data),
    ...(expand.has('categories') ? { categories: [...wo.categories] } : {}),
    ...(expand.has('vendor_ids') ? { vendorIds: [...wo.vendorIds] } : {}),
    ...workOrderExpansions(wo, data, expand),
  };
}

/** GET/PATCH /workorders/{id} `workOrder`. */
export function workOrderSingle(wo: WorkOrderRec, data: OrgData, expand: Set<string>): Json {
  return {
    ...workOrderCommon(wo, data),
    assetId: wo.assetId,
    attachments: [],
    categories: [...wo.categories],
    ...(expand.has('estimated_time') ? { estimatedTime: wo.estimatedTime } : {}),
    ...(wo.externalData !== undefined ? { externalData: wo.externalData } : {}),
    isParent: false,
    parentId: null,
    thumbnail: null,
    vendorIds: [...wo.vendorIds],
    extraFields: { ...wo.extraFields },
    assigneeIds: wo.assignees.filter((a) => a.type === 'USER').map((a) => a.id),
    teamIds: wo.assignees.filter((a) => a.type === 'TEAM').map((a) => a.id),
    procedure: null,
    ...workOrderExpansions(wo, data, expand),
  };
}

function assetStatus(a: AssetRec): Json {
  return { ...a.status };
}

/** The simulator keeps no depreciation schedules: every value unset. */
function noDepreciation(a: AssetRec): Json {
  return {
    id: a.id, accumulatedDepreciation: null, annualDepreciation: null, depreciationStartDate: null, currentBookValue: null, purchasePrice: null,
    purchaseDate: null, salvageValue: null, usefulLifeYears: null, yearsDepreciated: null, createdAt: a.createdAt, archivedAt: null,
  };
}

/** GET /assets item; barcode, types, status, manufacturer, model… only when expanded. */
export function assetListItem(a: AssetRec, expand: Set<string>): Json {
  return {
    id: a.id, name: a.name, description: a.description, parentId: a.parentId, criticalityId: a.criticalityId, locationId: a.locationId,
    serialNumber: a.serialNumber, createdAt: a.createdAt, updatedAt: a.updatedAt, creatorId: a.creatorId, organizationId: a.organizationId,
    ...(expand.has('barcode') ? { barcode: a.barcode } : {}),
    ...(expand.has('team_ids') ? { teamIds: [...a.teamIds] } : {}),
    ...(expand.has('asset_types') ? { assetTypes: [...a.assetTypes] } : {}),
    ...(expand.has('extra_fields') ? { extraFields: { ...a.extraFields } } : {}),
    ...(expand.has('vendor_ids') ? { vendorIds: [...a.vendorIds] } : {}),
    ...(expand.has('depreciation') ? { depreciation: noDepreciation(a) } : {}),
    ...(expand.has('status') ? { status: assetStatus(a) } : {}),
    ...(expand.has('manufacturer') ? { manufacturer: a.manufacturer } : {}),
    ...(expand.has('model') ? { model: a.model } : {}),
  };
}

export function assetSingle(a: AssetRec, data: OrgData): Json {
  return {
    id: a.id, name: a.name, globalUuid: null, currentOwnerId: a.organizationId, barcode: a.barcode, description: a.description, criticalityId: a.criticalityId,
    teamIds: [...a.teamIds], assetTypes: [...a.assetTypes], parentId: a.parentId,
    childrenIds: [...data.assets.values()].filter((c) => c.parentId === a.id).map((c) => c.id),
    locationId: a.locationId, serialNumber: a.serialNumber, thumbnail: null, attachments: [], extraFields: { ...a.extraFields }, vendorIds: [...a.vendorIds],
    createdAt: a.createdAt, updatedAt: a.updatedAt, deletedAt: null, creatorId: a.creatorId, depreciation: null, manufacturer: a.manufacturer, model: a.model, status: assetStatus(a),
  };
}

function partCommon(p: PartRec): Json {
  const t = partTotals(p);
  return {
    id: p.id, name: p.name, description: p.description, barcode: p.barcode, locationId: p.locations[0]?.locationId ?? null,
    locations: p.locations.map((l) => ({
      locationId: l.locationId, availableQuantity: l.availableQuantity, minimumQuantity: l.minimumQuantity, maximumQuantity: l.maximumQuantity, area: l.area,
      reservedQuantity: l.committed.reserved, committedQuantities: { ...l.committed }, assignedQuantity: l.assignedQuantity,
    })),
    area: p.locations[0]?.area ?? null, unitCost: p.unitCost, availableQuantity: t.inStock, minimumQuantity: t.minimum, orderedQuantity: p.orderedQuantity,
    reservedQuantity: t.reserved, partTypes: [...p.partTypes], createdAt: p.createdAt, updatedAt: p.updatedAt, inStockQuantity: t.inStock,
    committedQuantities: { kitted: t.kitted, reserved: t.reserved, staged: t.staged }, assignedQuantity: t.assigned, maximumQuantity: t.maximum,
  };
}

export function partListItem(p: PartRec, expand: Set<string>): Json {
  return {
    ...partCommon(p),
    organizationId: p.organizationId,
    ...(expand.has('extra_fields') ? { extraFields: { ...p.extraFields } } : {}),
    ...(expand.has('vendors') ? { vendors: p.vendors.map((v) => ({ ...v })) } : {}),
  };
}

export function partSingle(p: PartRec): Json {
  return {
    ...partCommon(p),
    assetIds: [], teamIds: [], extraFields: { ...p.extraFields }, vendors: p.vendors.map((v) => ({ ...v })), vendorIds: p.vendors.map((v) => v.vendorId),
    thumbnail: null, attachments: [], deletedAt: null,
  };
}

export function locationListItem(l: LocationRec, expand: Set<string>): Json {
  return {
    id: l.id, name: l.name, description: l.description, address: l.address, parentId: l.parentId, createdAt: l.createdAt, updatedAt: l.updatedAt, organizationId: l.organizationId,
    ...(expand.has('extra_fields') ? { extraFields: { ...l.extraFields } } : {}),
    ...(expand.has('team_ids') ? { teamIds: [] } : {}),
    ...(expand.has('vendor_ids') ? { vendorIds: [] } : {}),
    ...(expand.has('barcode') ? { barcode: l.barcode } : {}),
  };
}

export function locationSingle(l: LocationRec, data: OrgData): Json {
  return {
    id: l.id, name: l.name, description: l.description, address: l.address, barcode: l.barcode, parentId: l.parentId,
    childrenIds: [...data.locations.values()].filter((c) => c.parentId === l.id).map((c) => c.id),
    thumbnail: null, attachments: [], extraFields: { ...l.extraFields }, teamIds: [], vendorIds: [], createdAt: l.createdAt, updatedAt: l.updatedAt, deletedAt: null,
  };
}

/** GET /vendors gives only the id, the name and (expanded) the custom fields. */
export function vendorListItem(v: VendorRec, expand: Set<string>): Json {
  return { id: v.id, name: v.name, ...(expand.has('extra_fields') ? { extraFields: { ...v.extraFields } } : {}) };
}

export function vendorSingle(v: VendorRec): Json {
  return { id: v.id, name: v.name, emails: [...v.emails], phoneNumbers: [...v.phoneNumbers], description: v.description, thumbnail: null, attachments: [], contactIds: [...v.contactIds], deletedAt: null, extraFields: { ...v.extraFields } };
}

/** GET /purchaseorders gives only id, status and the two times (fetch each order for the rest). */
export function purchaseOrderListItem(po: PurchaseOrderRec): Json {
  return { id: po.id, status: po.status, updatedAt: po.updatedAt, createdAt: po.createdAt };
}

export function purchaseOrderSingle(po: PurchaseOrderRec, data: OrgData): Json {
  return {
    id: po.id, note: po.note, title: po.title, reviewNote: po.reviewNote, status: po.status, dueDate: po.dueDate, creatorId: po.creatorId, vendorId: po.vendorId,
    autoGeneratedNumber: po.autoGeneratedNumber, overrideNumber: po.overrideNumber, approverId: po.approverId, approvalDate: po.approvalDate,
    createdAt: po.createdAt, updatedAt: po.updatedAt, deletedAt: null,
    items: po.items.map((it) => ({
      id: it.id, partId: it.partId, name: it.name, partNumber: it.partNumber,
      price: it.priceMicros === null ? null : microsToCents(it.priceMicros), priceDecimal: it.priceMicros === null ? null : microsToDecimal(it.priceMicros),
      quantityOrdered: it.quantityOrdered, quantityReceived: it.quantityReceived,
      unitCost: it.unitCostMicros === null ? null : microsToCents(it.unitCostMicros), unitCostDecimal: it.unitCostMicros === null ? null : microsToDecimal(it.unitCostMicros),
      fulfillments: it.fulfillments.map((f) => ({ id: f.id, locationId: f.locationId, quantityReceived: microsToDecimal(Math.round(f.quantityReceived * 1_000_000)), isLegacy: f.isLegacy })),
      extraFields: { ...it.lineExtraFields }, lineExtraFields: { ...it.lineExtraFields },
      partExtraFields: it.partId === null ? {} : { ...(data.parts.get(it.partId)?.extraFields ?? {}) },
    })),
    costs: po.costs.map((c) => ({ ...c })),
    thumbnail: null, attachments: [], vendorContactIds: [...po.vendorContactIds],
    shippingAddress: po.shippingAddress && { ...po.shippingAddress }, billingAddress: po.billingAddress && { ...po.billingAddress },
    extraFields: { ...po.extraFields },
  };
}

export function organizationItem(o: Organization): Json {
  return { ...o };
}
