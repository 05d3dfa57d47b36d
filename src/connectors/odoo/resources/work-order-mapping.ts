/** The default field mapping of Odoo work orders (maintenance.request), as data. Read only. */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { workOrderFields } from '../../../models/work-order.js';

const fields: { [K in keyof typeof workOrderFields]: FieldSource } = {
  number: { none: 'A maintenance request has no number of its own in Odoo (only its id, the remoteId).' },
  title: { path: 'name', note: 'Subject.' },
  description: { path: 'description', note: 'An Html field, as plain text.' },
  status: {
    paths: ['archive', 'stage_id', 'stage_id..done', 'stage_id..first', 'kanban_state'],
    logic:
      'archived (archive) → closed; a stage marked Request Done (Repaired, Scrap…) → completed; kanban_state blocked → on_hold; the first stage of the pipe (lowest sequence, New Request) → requested; any other stage → in_progress; no stage → unknown.',
  },
  remoteStatus: { path: 'stage_id..name', note: 'The stage\'s name.' },
  priority: { path: 'priority', note: '0 (Very Low) and 1 (Low) → low, 2 (Normal) → medium, 3 (High) → high; empty → null.' },
  remotePriority: { path: 'priority', note: 'Odoo\'s key, "0" to "3".' },
  type: { path: 'maintenance_type', note: 'corrective or preventive, as Odoo has them.' },
  asset: { path: 'equipment_id', note: 'remoteId and name from the pair (also the asset\'s Manifold id); code null.' },
  location: { none: 'A maintenance request has no location; its equipment\'s location is free text (see the asset).' },
  site: { path: 'company_id', note: 'remoteId and name from the pair; id and code null.' },
  assignees: { paths: ['user_id', 'maintenance_team_id'], logic: 'The technician (user_id), then the maintenance team, each as a reference with remoteId and name; id and code null.' },
  requestedBy: { path: 'owner_user_id', note: 'Created by User: remoteId and name from the pair.' },
  dueDate: { none: 'A maintenance request has a scheduled date (scheduledStart), no due date.' },
  scheduledStart: { path: 'schedule_date', note: 'Scheduled Date (UTC).' },
  scheduledEnd: { none: 'Odoo keeps a planned duration (estimatedHours), not an end.' },
  startedAt: { none: 'Odoo does not record when work started.' },
  completedAt: { path: 'close_date', note: 'Close Date, a date (set when the request reaches a done stage): midnight UTC of that day.' },
  estimatedHours: { path: 'duration', note: 'Duration in hours; 0 (not planned) → null.' },
  actualHours: { none: 'Odoo 17\'s Maintenance app books no actual hours on a request.' },
  failureCode: { none: 'Odoo has no failure codes on maintenance requests.' },
  completionNotes: { none: 'Odoo has no completion notes on maintenance requests (the chatter stays in Odoo).' },
  parts: { none: 'Odoo 17\'s Maintenance app plans no spare parts on requests.' },
};

export const workOrderMapping: EntityMapping = { fields };
