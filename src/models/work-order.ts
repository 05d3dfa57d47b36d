/**
 * WorkOrder (`/v1/work-orders`): a maintenance job from a CMMS/EAM, with the parts it plans and uses.
 */
import { z } from 'zod';
import { CustomFields, Reference, date, decimal, instant, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const workOrderStatuses = [
  'requested',
  'open',
  'in_progress',
  'on_hold',
  'completed',
  'closed',
  'cancelled',
  'unknown',
] as const;

export const workOrderPriorities = ['low', 'medium', 'high', 'urgent', 'unknown'] as const;

export const workOrderTypes = ['corrective', 'preventive', 'inspection', 'emergency', 'project', 'other', 'unknown'] as const;

export const WorkOrderPart = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the part row (the work order's id and the row's remote id)."),
    remoteId: z.string().nullable().describe("The system's own key of the part row."),
    item: ref('The inventory item (spare part or material).'),
    itemCode: text('Part or material code.').nullable(),
    quantityPlanned: decimal('Quantity planned or reserved for the job.').nullable(),
    quantityUsed: decimal('Quantity actually issued to or consumed by the job.').nullable(),
    unitOfMeasure: text('Unit of measure of the quantities (as the system names it, e.g. "EA").').nullable(),
    customFields: CustomFields,
  })
  .describe('A spare part or material planned for or used on a work order.')
  .meta({ id: 'WorkOrderPart' });

export const workOrderFields = {
  number: text('Work order number as the system shows it (null until the system assigns one).').nullable(),
  title: text('Short title or summary of the job.').nullable(),
  description: text('Full description of the work to do or the problem reported.').nullable(),
  status: z.enum(workOrderStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  // Nullable unlike status: many systems have no priority at all, which is not the same as an unmapped one.
  priority: z
    .enum(workOrderPriorities)
    .nullable()
    .describe("Normalised priority; null when the system has none. The system's own value is in remotePriority."),
  remotePriority: z.string().nullable().describe("The system's own priority value, unchanged."),
  type: z
    .enum(workOrderTypes)
    .nullable()
    .describe('Normalised kind of work; null when the system does not classify work orders.'),
  asset: ref('The asset the work is done on.'),
  location: ref('The location the work is done at.'),
  site: ref('The site or plant the work order belongs to.'),
  assignees: z.array(Reference).describe('People, crews or contractors assigned to the job; empty when none.'),
  requestedBy: ref('The person who requested the work.'),
  dueDate: date('Date the work is due by.').nullable(),
  scheduledStart: instant('Planned start of the work.').nullable(),
  scheduledEnd: instant('Planned end of the work.').nullable(),
  startedAt: instant('When work actually started.').nullable(),
  completedAt: instant('When work was completed.').nullable(),
  estimatedHours: decimal('Estimated labour hours.').nullable(),
  actualHours: decimal('Labour hours actually booked.').nullable(),
  failureCode: text('Failure, problem or cause code, as the system names it.').nullable(),
  completionNotes: text('Notes recorded when the work was completed.').nullable(),
  parts: z.array(WorkOrderPart).describe('Spare parts and materials planned or used; empty when none.'),
};

export const WorkOrder = z
  .object({ ...recordEnvelope, ...workOrderFields })
  .describe('A maintenance work order with its parts.')
  .meta({ id: 'WorkOrder' });

export type WorkOrder = z.infer<typeof WorkOrder>;
export type WorkOrderPart = z.infer<typeof WorkOrderPart>;
