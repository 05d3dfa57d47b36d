/**
 * The Maintenance app (Odoo 17.0 addons/maintenance/models/maintenance.py): stages, teams,
 * equipment categories, equipment and maintenance requests. A request's stage decides whether it
 * is done (maintenance.stage.done); moving a request to a done stage sets its close_date, and any
 * stage change resets kanban_state to "normal" (MaintenanceRequest.write).
 */
import { F } from '../fields.js';
import type { ModelSpec } from '../model.js';

export const stage: ModelSpec = {
  name: 'maintenance.stage',
  description: 'Maintenance Stage',
  order: 'sequence, id',
  fields: {
    name: F.char('Name', { required: true }),
    sequence: F.integer('Sequence', { default: () => 20 }),
    fold: F.boolean('Folded in Maintenance Pipe'),
    done: F.boolean('Request Done'),
  },
};

export const team: ModelSpec = {
  name: 'maintenance.team',
  description: 'Maintenance Teams',
  fields: { name: F.char('Team Name', { required: true }), active: F.boolean('Active', { default: () => true }), company_id: F.many2one('Company', 'res.company') },
};

export const equipmentCategory: ModelSpec = {
  name: 'maintenance.equipment.category',
  description: 'Maintenance Equipment Category',
  fields: { name: F.char('Category Name', { required: true }), technician_user_id: F.many2one('Responsible', 'res.users'), company_id: F.many2one('Company', 'res.company') },
};

export const equipment: ModelSpec = {
  name: 'maintenance.equipment',
  description: 'Maintenance Equipment',
  order: 'name',
  fields: {
    name: F.char('Equipment Name', { required: true }),
    active: F.boolean('Active', { default: () => true }),
    technician_user_id: F.many2one('Technician', 'res.users'),
    owner_user_id: F.many2one('Owner', 'res.users'),
    category_id: F.many2one('Equipment Category', 'maintenance.equipment.category'),
    partner_id: F.many2one('Vendor', 'res.partner'),
    partner_ref: F.char('Vendor Reference'),
    location: F.char('Location'),
    model: F.char('Model'),
    serial_no: F.char('Serial Number'),
    assign_date: F.date('Assigned Date'),
    effective_date: F.date('Effective Date'),
    cost: F.float('Cost', { digits: 2 }),
    note: F.html('Note'),
    warranty_date: F.date('Warranty Expiration Date'),
    scrap_date: F.date('Scrap Date'),
    maintenance_team_id: F.many2one('Maintenance Team', 'maintenance.team'),
    maintenance_ids: F.one2many('Maintenance Requests', 'maintenance.request', 'equipment_id'),
    maintenance_count: F.integer('Maintenance Count', { compute: (row, env) => env.db.rows('maintenance.request').filter((r) => r.equipment_id === row.id).length }),
    maintenance_open_count: F.integer('Current Maintenance', {
      compute: (row, env) => env.db.rows('maintenance.request').filter((r) => r.equipment_id === row.id && env.db.get('maintenance.stage', r.stage_id as number)?.done !== true).length,
    }),
    company_id: F.many2one('Company', 'res.company'),
  },
  // MaintenanceEquipment._compute_display_name: "name/serial_no" when there is a serial number.
  displayName: (row) => (row.serial_no ? `${String(row.name)}/${String(row.serial_no)}` : String(row.name)),
};

export const request: ModelSpec = {
  name: 'maintenance.request',
  description: 'Maintenance Request',
  order: 'id desc',
  fields: {
    name: F.char('Subjects', { required: true }),
    description: F.html('Description'),
    request_date: F.date('Request Date', { default: (env) => env.now.slice(0, 10) }),
    owner_user_id: F.many2one('Created by User', 'res.users', { default: (env) => env.uid }),
    category_id: F.many2one('Category', 'maintenance.equipment.category', {
      compute: (row, env) => (typeof row.equipment_id === 'number' ? (env.db.get('maintenance.equipment', row.equipment_id)?.category_id ?? null) : null),
    }),
    equipment_id: F.many2one('Equipment', 'maintenance.equipment', { ondelete: 'restrict' }),
    user_id: F.many2one('Technician', 'res.users'),
    stage_id: F.many2one('Stage', 'maintenance.stage', { default: (env) => env.db.search(env, 'maintenance.stage', [], { limit: 1 })[0] ?? false }),
    priority: F.selection('Priority', [['0', 'Very Low'], ['1', 'Low'], ['2', 'Normal'], ['3', 'High']]),
    color: F.integer('Color Index'),
    close_date: F.date('Close Date'),
    kanban_state: F.selection('Kanban State', [['normal', 'In Progress'], ['blocked', 'Blocked'], ['done', 'Ready for next stage']], { required: true, default: () => 'normal' }),
    archive: F.boolean('Archive'),
    maintenance_type: F.selection('Maintenance Type', [['corrective', 'Corrective'], ['preventive', 'Preventive']], { default: () => 'corrective' }),
    schedule_date: F.datetime('Scheduled Date'),
    maintenance_team_id: F.many2one('Team', 'maintenance.team', { required: true, default: (env) => env.db.rows('maintenance.team')[0]?.id ?? false }),
    duration: F.float('Duration', { digits: 2 }),
    done: F.boolean('Done', { compute: (row, env) => env.db.get('maintenance.stage', row.stage_id as number)?.done === true }),
    company_id: F.many2one('Company', 'res.company', { default: () => 1 }),
  },
  beforeWrite: (env, _ids, vals) => {
    if ('stage_id' in vals && !('kanban_state' in vals)) vals.kanban_state = 'normal';
    if (typeof vals.stage_id === 'number' && env.db.get('maintenance.stage', vals.stage_id)?.done === true && !('close_date' in vals)) vals.close_date = env.now.slice(0, 10);
  },
};

export const maintenanceModels = [stage, team, equipmentCategory, equipment, request];
