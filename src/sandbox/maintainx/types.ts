/**
 * What the MaintainX simulator keeps per organization: one record per object with every native
 * field (names and types as MaintainX's OpenAPI gives them, see spec/). The list and single-read
 * answers are rendered from these (render.ts), each with the keys its own schema has.
 */

export type WorkOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'ON_HOLD' | 'DONE' | 'CANCELED' | 'SKIPPED';
export type WorkOrderPriority = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
export type WorkOrderType = 'REACTIVE' | 'PREVENTIVE' | 'OTHER' | 'CYCLE_COUNT';
export type PurchaseOrderStatus = 'REQUESTED' | 'PENDING' | 'DECLINED' | 'APPROVED' | 'PARTIALLY_FULFILLED' | 'COMPLETED' | 'CANCELED';

export const WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'DONE', 'CANCELED', 'SKIPPED'];
export const WORK_ORDER_PRIORITIES: readonly WorkOrderPriority[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];
export const PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = ['REQUESTED', 'PENDING', 'DECLINED', 'APPROVED', 'PARTIALLY_FULFILLED', 'COMPLETED', 'CANCELED'];

export interface Organization {
  id: number;
  name: string;
  timeZone: string;
  imageUrl: string | null;
  currency: string | null;
  dateFormatLocale: string | null;
}

export interface Assignee {
  type: 'USER' | 'TEAM';
  id: number;
}

export interface WorkOrderPartUse {
  partId: number;
  quantityUsed: number;
  locationId: number | null;
}

export interface WorkOrderRec {
  id: number;
  sequentialId: number;
  organizationId: number;
  title: string;
  description: string | null;
  status: WorkOrderStatus;
  priority: WorkOrderPriority;
  type: WorkOrderType | null;
  locationId: number | null;
  assetId: number | null;
  assignees: Assignee[];
  categories: string[];
  requesterId: number | null;
  creatorId: number;
  completerId: number | null;
  createdAt: string;
  updatedAt: string;
  startDate: string | null;
  dueDate: string | null;
  dueDateIsFullDay: boolean | null;
  completedAt: string | null;
  lastMessageSentAt: string | null;
  extraFields: Record<string, string>;
  vendorIds: number[];
  parts: WorkOrderPartUse[];
  /** Seconds. */
  estimatedTime: number | null;
  workOrderSummary: { content: string; summary: string | null; authorId: number | null } | null;
  recurrenceInfo: { type: 'WEEKLY'; interval: number; days: string[] } | { type: 'MONTHLY'; interval: number; day: number } | null;
  externalData?: Record<string, unknown> | number | string | null;
}

export interface AssetStatusRec {
  id: number;
  status: 'ONLINE' | 'OFFLINE' | 'IGNORE';
  downtimeType: 'PLANNED' | 'UNPLANNED' | null;
  startedAt: string;
  endedAt: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  customStatus: null;
}

export interface AssetRec {
  id: number;
  organizationId: number;
  name: string;
  description: string | null;
  barcode: string;
  parentId: number | null;
  criticalityId: number | null;
  locationId: number | null;
  serialNumber: string | null;
  createdAt: string;
  updatedAt: string;
  creatorId: number | null;
  teamIds: number[];
  assetTypes: string[];
  extraFields: Record<string, string>;
  vendorIds: number[];
  manufacturer: string;
  model: string;
  status: AssetStatusRec;
}

export interface PartLocationRec {
  locationId: number;
  availableQuantity: number;
  minimumQuantity: number | null;
  maximumQuantity: number | null;
  area: string | null;
  committed: { kitted: number; reserved: number; staged: number };
  assignedQuantity: number;
}

export interface PartRec {
  id: number;
  organizationId: number;
  name: string;
  description: string | null;
  barcode: string | null;
  /** Integer cents. */
  unitCost: number | null;
  locations: PartLocationRec[];
  orderedQuantity: number;
  partTypes: string[];
  vendors: { vendorId: number; partNumber: string }[];
  extraFields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface LocationRec {
  id: number;
  organizationId: number;
  name: string;
  description: string | null;
  address: string | null;
  parentId: number | null;
  barcode: string;
  extraFields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface VendorRec {
  id: number;
  organizationId: number;
  name: string;
  description: string | null;
  emails: string[];
  phoneNumbers: string[];
  contactIds: number[];
  extraFields: Record<string, string>;
}

export interface PoAddress {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  label?: string | null;
}

export interface PoItemRec {
  id: number;
  partId: number | null;
  name: string | null;
  partNumber: string | null;
  quantityOrdered: number;
  quantityReceived: number | null;
  /** Unit cost in millionths of the currency unit (MaintainX gives cents and a 6-decimal string). */
  unitCostMicros: number | null;
  /** Line total in millionths; null when neither a price nor a unit cost is known. */
  priceMicros: number | null;
  fulfillments: { id: number; locationId: number | null; quantityReceived: number; isLegacy: boolean }[];
  lineExtraFields: Record<string, string>;
}

export interface PoCostRec {
  id: number;
  name: string;
  type: 'AMOUNT_NON_TAXABLE' | 'AMOUNT_TAXABLE' | 'PERCENT_TAXABLE';
  amount: number;
}

export interface PurchaseOrderRec {
  id: number;
  organizationId: number;
  title: string | null;
  note: string | null;
  reviewNote: string | null;
  status: PurchaseOrderStatus;
  dueDate: string | null;
  creatorId: number;
  vendorId: number | null;
  autoGeneratedNumber: number;
  overrideNumber: string | null;
  approverId: number | null;
  approvalDate: string | null;
  createdAt: string;
  updatedAt: string;
  items: PoItemRec[];
  costs: PoCostRec[];
  vendorContactIds: number[];
  shippingAddress: PoAddress | null;
  billingAddress: PoAddress | null;
  extraFields: Record<string, string>;
}

/** One organization's data. Maps keep insertion order, which is id order for seeded data. */
export interface OrgData {
  organization: Organization;
  workOrders: Map<number, WorkOrderRec>;
  assets: Map<number, AssetRec>;
  parts: Map<number, PartRec>;
  locations: Map<number, LocationRec>;
  vendors: Map<number, VendorRec>;
  purchaseOrders: Map<number, PurchaseOrderRec>;
  userIds: number[];
  teamIds: number[];
}
