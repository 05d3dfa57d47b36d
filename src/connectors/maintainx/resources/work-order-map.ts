/**
 * A MaintainX work order → the unified WorkOrder. Pure and total; why each field is what it is
 * is in work-order-mapping.ts.
 */
import type { MapContext } from '../../../kit/definition.js';
import type { workOrderPriorities, workOrderStatuses, workOrderTypes } from '../../../models/work-order.js';
import { blankToNull, dayOf, instant, memberRef, quantity, ref } from '../map-common.js';
import type { WorkOrderRaw } from '../raw.js';

type Status = (typeof workOrderStatuses)[number];
type Priority = (typeof workOrderPriorities)[number];
type Kind = (typeof workOrderTypes)[number];

export const STATUS: Record<string, Status> = {
  OPEN: 'open',
  IN_PROGRESS: 'in_progress',
  ON_HOLD: 'on_hold',
  DONE: 'completed',
  CANCELED: 'cancelled',
  // A skipped occurrence of a recurring work order: not done, and not to be done.
  SKIPPED: 'cancelled',
};

export const PRIORITY: Record<string, Priority | null> = { NONE: null, LOW: 'low', MEDIUM: 'medium', HIGH: 'high' };

export const TYPE: Record<string, Kind> = { REACTIVE: 'corrective', PREVENTIVE: 'preventive', OTHER: 'other', CYCLE_COUNT: 'inspection' };

export function toWorkOrder(raw: WorkOrderRaw, ctx: MapContext): Record<string, unknown> {
  const woId = ctx.refId('workOrders', String(raw.id));
  const location = raw.location ?? null;
  return {
    number: String(raw.sequentialId),
    title: raw.title,
    description: raw.description ?? null,
    status: STATUS[raw.status] ?? 'unknown',
    remoteStatus: raw.status,
    priority: raw.priority == null ? null : raw.priority in PRIORITY ? PRIORITY[raw.priority] : 'unknown',
    remotePriority: raw.priority ?? null,
    type: raw.type == null ? null : (TYPE[raw.type] ?? 'unknown'),
    asset: raw.asset ? ref(ctx, 'assets', raw.asset.id, raw.asset.name) : null,
    location: location ? ref(ctx, 'locations', location.id, location.name) : ref(ctx, 'locations', raw.locationId),
    site: null,
    assignees: (raw.assignees ?? []).map((a) => memberRef(a.type, a.id)),
    requestedBy: raw.requesterId == null ? null : memberRef('USER', raw.requesterId),
    dueDate: dayOf(raw.dueDate),
    scheduledStart: instant(raw.startDate),
    scheduledEnd: null,
    startedAt: null,
    completedAt: instant(raw.completedAt),
    estimatedHours: null,
    actualHours: null,
    failureCode: null,
    completionNotes: blankToNull(raw.workOrderSummary?.content),
    parts: (raw.parts ?? []).map((p) => ({
      id: `${woId}:${p.id}`,
      remoteId: String(p.id),
      item: ref(ctx, 'inventoryItems', p.id, p.name, blankToNull(p.barcode)),
      itemCode: blankToNull(p.barcode),
      quantityPlanned: null,
      quantityUsed: quantity(p.quantityUsed),
      unitOfMeasure: null,
      customFields: {},
    })),
  };
}
