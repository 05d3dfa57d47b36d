/**
 * MaintainX's native records as Manifold keeps them (remoteData), with zod schemas of the fields
 * the mappers read (names and types from the vendor's OpenAPI).
 *
 * A listed record and the same record read by id have different key sets in MaintainX's API (a
 * listed asset has `organizationId`, a single one `childrenIds`, `attachments`…). Manifold keeps
 * the keys both answers share, so that a record read either way is the same record (same hash,
 * no spurious new version): the *_KEYS lists below, checked against the OpenAPI in the fidelity
 * tests. Two records are composed: a purchase order is its single read (the list gives only id
 * and status), and purchase orders and parts carry `organization` ({ id, name, currency } from
 * GET /organizations), since every amount is in the organization's currency and no record says so.
 */
import { z } from 'zod';

const int = z.number().int();
const text = z.string();
const extra = z.record(z.string(), z.string());

/** The keys a listed work order (with the expansions Manifold asks for) and a single one share. */
export const WORK_ORDER_KEYS = [
  'id', 'sequentialId', 'title', 'updatedAt', 'status', 'completedAt', 'completerId', 'createdAt', 'creatorId', 'deletedAt', 'description', 'dueDate',
  'dueDateIsFullDay', 'lastMessageSentAt', 'startDate', 'locationId', 'nextId', 'organizationId', 'partsAvailability', 'partStatus', 'previousId', 'priority',
  'recurrenceInfo', 'requesterId', 'type', 'workOrderSummary', 'extraFields', 'assignees', 'categories', 'asset', 'location', 'parts',
] as const;
export const WORK_ORDER_LIST_EXPAND = ['assignees', 'categories', 'asset', 'location', 'parts', 'extra_fields'] as const;
export const WORK_ORDER_GET_EXPAND = ['assignees', 'asset', 'location', 'parts', 'extra_fields'] as const;

export const ASSET_KEYS = [
  'id', 'name', 'description', 'parentId', 'criticalityId', 'locationId', 'serialNumber', 'createdAt', 'updatedAt', 'creatorId', 'barcode', 'assetTypes',
  'extraFields', 'status', 'manufacturer', 'model',
] as const;
export const ASSET_LIST_EXPAND = ['barcode', 'asset_types', 'extra_fields', 'status', 'manufacturer', 'model'] as const;

export const PART_KEYS = [
  'id', 'name', 'description', 'barcode', 'locationId', 'locations', 'area', 'unitCost', 'availableQuantity', 'minimumQuantity', 'orderedQuantity',
  'reservedQuantity', 'partTypes', 'createdAt', 'updatedAt', 'inStockQuantity', 'committedQuantities', 'assignedQuantity', 'maximumQuantity', 'extraFields', 'vendors',
] as const;
export const PART_LIST_EXPAND = ['extra_fields', 'vendors'] as const;

export const LOCATION_KEYS = ['id', 'name', 'description', 'address', 'parentId', 'createdAt', 'updatedAt', 'extraFields', 'barcode'] as const;
export const LOCATION_LIST_EXPAND = ['extra_fields', 'barcode'] as const;

export const VENDOR_KEYS = ['id', 'name', 'extraFields'] as const;
export const VENDOR_LIST_EXPAND = ['extra_fields'] as const;

/** The record with only the given keys (those present). */
export function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (Object.hasOwn(record, k)) out[k] = record[k];
  return out;
}

export const OrganizationRef = z.looseObject({ id: int, name: text, currency: text.nullable().optional() });

const Ref = z.looseObject({ id: int, name: text });

export const WorkOrderRaw = z.looseObject({
  id: int,
  sequentialId: int,
  title: text,
  status: text,
  priority: text.nullable().optional(),
  type: text.nullable().optional(),
  description: text.nullable().optional(),
  createdAt: text,
  updatedAt: text,
  dueDate: text.nullable().optional(),
  startDate: text.nullable().optional(),
  completedAt: text.nullable().optional(),
  locationId: int.nullable().optional(),
  requesterId: int.nullable().optional(),
  assignees: z.array(z.looseObject({ type: text, id: z.union([int, text]) })).optional(),
  asset: Ref.nullable().optional(),
  location: Ref.nullable().optional(),
  parts: z.array(z.looseObject({ id: int, name: text, barcode: text.nullable().optional(), quantityUsed: z.number() })).optional(),
  workOrderSummary: z.looseObject({ content: text }).nullable().optional(),
  extraFields: extra.optional(),
});
export type WorkOrderRaw = z.infer<typeof WorkOrderRaw>;

export const AssetRaw = z.looseObject({
  id: int,
  name: text,
  description: text.nullable().optional(),
  barcode: text.nullable().optional(),
  parentId: int.nullable().optional(),
  locationId: int.nullable().optional(),
  serialNumber: text.nullable().optional(),
  manufacturer: text.nullable().optional(),
  model: text.nullable().optional(),
  assetTypes: z.array(text).optional(),
  status: z.looseObject({ status: text, downtimeType: text.nullable().optional() }).nullable().optional(),
  createdAt: text,
  updatedAt: text,
});
export type AssetRaw = z.infer<typeof AssetRaw>;

const Committed = z.looseObject({ kitted: z.number().optional(), reserved: z.number().optional(), staged: z.number().optional() });

export const PartRaw = z.looseObject({
  id: int,
  name: text,
  description: text.nullable().optional(),
  barcode: text.nullable().optional(),
  unitCost: z.number().nullable().optional(),
  inStockQuantity: z.number().optional(),
  availableQuantity: z.number(),
  minimumQuantity: z.number().nullable().optional(),
  orderedQuantity: z.number().nullable().optional(),
  committedQuantities: Committed.optional(),
  partTypes: z.array(text).optional(),
  locations: z.array(z.looseObject({ locationId: int, availableQuantity: z.number().optional(), area: text.nullable().optional(), committedQuantities: Committed.optional() })).optional(),
  vendors: z.array(z.looseObject({ vendorId: int.optional(), partNumber: text.optional() })).optional(),
  createdAt: text,
  updatedAt: text,
  organization: OrganizationRef,
});
export type PartRaw = z.infer<typeof PartRaw>;

export const LocationRaw = z.looseObject({
  id: int,
  name: text,
  description: text.nullable().optional(),
  address: text.nullable().optional(),
  parentId: int.nullable().optional(),
  barcode: text.nullable().optional(),
  createdAt: text.optional(),
  updatedAt: text.optional(),
});
export type LocationRaw = z.infer<typeof LocationRaw>;

export const VendorRaw = z.looseObject({ id: int, name: text, extraFields: extra.optional() });
export type VendorRaw = z.infer<typeof VendorRaw>;

const Address = z.looseObject({ street: text, city: text, state: text, postalCode: text, country: text, label: text.nullable().optional() });
export type PoAddressRaw = z.infer<typeof Address>;

export const PurchaseOrderItemRaw = z.looseObject({
  id: z.number(),
  partId: z.number().nullable().optional(),
  name: text.nullable().optional(),
  partNumber: text.nullable().optional(),
  price: z.number().nullable().optional(),
  priceDecimal: text.nullable().optional(),
  quantityOrdered: z.number(),
  quantityReceived: z.number().nullable().optional(),
  unitCost: z.number().nullable().optional(),
  unitCostDecimal: text.nullable().optional(),
});
export type PurchaseOrderItemRaw = z.infer<typeof PurchaseOrderItemRaw>;

export const PurchaseOrderRaw = z.looseObject({
  id: z.number(),
  status: text.nullable(),
  title: text.nullable().optional(),
  note: text.nullable().optional(),
  dueDate: text.nullable().optional(),
  creatorId: z.number().nullable().optional(),
  vendorId: z.number().nullable().optional(),
  autoGeneratedNumber: z.number().nullable().optional(),
  overrideNumber: text.nullable().optional(),
  approvalDate: text.nullable().optional(),
  createdAt: text.nullable().optional(),
  updatedAt: text.nullable().optional(),
  items: z.array(PurchaseOrderItemRaw),
  shippingAddress: Address.nullable().optional(),
  billingAddress: Address.nullable().optional(),
  organization: OrganizationRef,
});
export type PurchaseOrderRaw = z.infer<typeof PurchaseOrderRaw>;
