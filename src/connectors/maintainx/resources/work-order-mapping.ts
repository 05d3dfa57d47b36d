/**
 * The default field mapping of MaintainX work orders, as data (GET /v1/field-mapping): for every
 * unified field the native path it is read from (work-order-map.ts) and written to
 * (work-order-writes.ts), or why MaintainX has none.
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { workOrderFields } from '../../../models/work-order.js';

const MEMBER = 'MaintainX users and teams are not synced: id and name are null, remoteId is "USER:<id>" or "TEAM:<id>" (separate id spaces)';

const fields: { [K in keyof typeof workOrderFields]: FieldSource } = {
  number: { path: 'sequentialId', note: 'The organization-level number shown in MaintainX (#1042); the global id is the remoteId.' },
  title: { path: 'title', write: 'title' },
  description: { path: 'description', write: 'description' },
  status: {
    paths: ['status'],
    logic: 'OPEN → open, IN_PROGRESS → in_progress, ON_HOLD → on_hold, DONE → completed, CANCELED → cancelled, SKIPPED (a skipped occurrence of a recurring work order) → cancelled, anything else → unknown. ' +
      'An update of status calls PATCH /workorders/{id}/status with the reverse (completed → DONE, cancelled → CANCELED…).',
    write: ['status'],
  },
  remoteStatus: { path: 'status' },
  priority: { paths: ['priority'], logic: 'NONE → null (no priority set), LOW → low, MEDIUM → medium, HIGH → high; a write sends the reverse (null → NONE). MaintainX has no urgent.', write: ['priority'] },
  remotePriority: { path: 'priority' },
  type: {
    paths: ['type'],
    logic: 'REACTIVE → corrective, PREVENTIVE → preventive, OTHER → other, CYCLE_COUNT (an inventory count) → inspection, null (old work orders) → null. A write may set corrective, preventive or other (MaintainX accepts only REACTIVE, PREVENTIVE and OTHER).',
    write: ['type'],
  },
  asset: { paths: ['asset.id', 'asset.name'], logic: 'The asset (expand=asset): remoteId = asset.id, name = asset.name. A write sets assetId.', write: ['assetId'] },
  location: { paths: ['location.id', 'location.name', 'locationId'], logic: 'The location (expand=location): remoteId = location.id, name = location.name. A write sets locationId.', write: ['locationId'] },
  site: { none: 'MaintainX has no site above locations.' },
  assignees: { paths: ['assignees[].type', 'assignees[].id'], logic: `The assignees (expand=assignees). ${MEMBER}. A write sends assignees [{ type, id }].`, write: ['assignees'] },
  requestedBy: { paths: ['requesterId'], logic: `The user who requested the work (through a work request). ${MEMBER}. A write sets requesterId.`, write: ['requesterId'] },
  dueDate: { path: 'dueDate', write: 'dueDate', note: 'An instant in MaintainX: its UTC day. A write sends the day at midnight UTC.' },
  scheduledStart: { path: 'startDate', write: 'startDate', note: 'When the work order shows up in the inbox; MaintainX accepts it only with a due date.' },
  scheduledEnd: { none: 'MaintainX has a due date (dueDate), not a planned end.' },
  startedAt: { none: 'MaintainX does not give when work actually started (time entries are on /workorders/{id}/costs).' },
  completedAt: { path: 'completedAt', note: 'The last time the work order was marked DONE; MaintainX keeps it when the work order is reopened.' },
  estimatedHours: { none: 'estimatedTime (seconds) is in the single read only, not in the listing Manifold syncs from.' },
  actualHours: { none: 'Time entries are a sub-resource (GET /workorders/{id}/costs), one call per work order, which Manifold does not make on every sync.' },
  failureCode: { none: 'A MaintainX work order has no failure code (root cause analysis reports are separate).' },
  completionNotes: { path: 'workOrderSummary.content', note: 'The completion note as written (MaintainX also keeps an AI summary of it, in remoteData).' },
  parts: {
    paths: ['parts[].id', 'parts[].name', 'parts[].barcode', 'parts[].quantityUsed'],
    logic: 'The parts used (expand=parts): item remoteId = part id, name, code = barcode; quantityUsed; quantityPlanned and unitOfMeasure null (MaintainX has neither). ' +
      'A write sends partsUsed [{ partId: item.remoteId, quantityUsed }] (whole units), replacing the list.',
    write: ['partsUsed'],
  },
};

export const workOrderMapping: EntityMapping = { fields };
