/**
 * Demo maintenance data as the Maintenance app ships it (stages New Request, In Progress,
 * Repaired, Scrap; teams; equipment categories) with equipment — some archived or scrapped — and
 * corrective and preventive requests in every stage, blocked now and then, some archived.
 */
import type { Database } from './orm.js';
import type { Random } from '../random.js';
import type { Clock, Masters } from './seed-masters.js';
import { addDays, addSeconds } from './wire.js';

const KINDS = [
  ['Machine Tools', ['CNC lathe', 'Milling machine', 'Hydraulic press', 'Band saw']],
  ['Pumps', ['Centrifugal pump', 'Dosing pump', 'Vacuum pump']],
  ['HVAC', ['Air handling unit', 'Chiller', 'Cooling tower fan']],
  ['Vehicles', ['Forklift', 'Reach truck', 'Pallet jack']],
  ['Computers', ['Line PLC', 'HMI panel', 'Label printer']],
] as const;
const MAKERS = ['Haas', 'DMG', 'Grundfos', 'KSB', 'Daikin', 'Linde', 'Siemens', 'Zebra'];
const PLACES = ['Hall A', 'Hall B', 'Boiler house', 'Dock 2', 'Paint shop', 'Plant 2 / Line 3'];
const PROBLEMS = ['Leaking seal', 'Abnormal vibration', 'Overheating motor', 'Quarterly inspection', 'Filter replacement', 'Belt tension check', 'Software update', 'Noisy bearing'];

export function seedMaintenance(db: Database, rnd: Random, clock: Clock, masters: Masters, opts: { equipment: number; requests: number }): void {
  const stamp = (n: number) => ({ create_date: clock.at(n), write_date: clock.at(n), create_uid: 1, write_uid: 1 });
  const stages = [['New Request', 1, false, false], ['In Progress', 2, false, false], ['Repaired', 3, false, true], ['Scrap', 4, true, true]] as const;
  const stageIds = stages.map(([name, sequence, fold, done]) => db.insert('maintenance.stage', { name, sequence, fold, done, ...stamp(0) }));
  const teams = ['Internal Maintenance', 'Subcontractor'].map((name) => db.insert('maintenance.team', { name, active: true, company_id: 1, ...stamp(0) }));
  const categories = KINDS.map(([name]) => db.insert('maintenance.equipment.category', { name, technician_user_id: rnd.pick([8, 9]), company_id: 1, ...stamp(0) }));

  const equipment: number[] = [];
  for (let i = 0; i < opts.equipment; i += 1) {
    const k = i % KINDS.length;
    const [, names] = KINDS[k]!;
    const created = clock.at(i + 1, 500);
    const scrapped = rnd.chance(0.05);
    equipment.push(db.insert('maintenance.equipment', {
      name: `${rnd.pick(names)} ${String(i + 1).padStart(3, '0')}`,
      active: !rnd.chance(0.04),
      technician_user_id: rnd.chance(0.8) ? rnd.pick([8, 9]) : null,
      owner_user_id: rnd.chance(0.3) ? 2 : null,
      category_id: categories[k]!,
      partner_id: rnd.chance(0.6) ? rnd.pick(masters.vendorIds) : null,
      partner_ref: rnd.chance(0.3) ? `PO-REF-${rnd.int(100, 999)}` : null,
      location: rnd.chance(0.85) ? rnd.pick(PLACES) : null,
      model: rnd.chance(0.8) ? `${rnd.pick(MAKERS)} ${String.fromCharCode(65 + rnd.int(0, 25))}${rnd.int(100, 990)}` : null,
      serial_no: rnd.chance(0.9) ? `SN-${String(100000 + i * 7)}` : null,
      assign_date: rnd.chance(0.5) ? created.slice(0, 10) : null,
      effective_date: rnd.chance(0.8) ? addDays(created, -rnd.int(30, 2000)).slice(0, 10) : null,
      cost: rnd.int(500, 250000),
      note: rnd.chance(0.4) ? `<p>Service every ${rnd.pick([3, 6, 12])} months.</p>` : null,
      warranty_date: rnd.chance(0.4) ? addDays(created, rnd.int(100, 900)).slice(0, 10) : null,
      scrap_date: scrapped ? addDays(created, rnd.int(10, 200)).slice(0, 10) : null,
      maintenance_team_id: rnd.pick(teams),
      company_id: 1,
      create_date: created,
      write_date: addSeconds(created, rnd.int(0, 60) * 86_400),
      create_uid: 2,
      write_uid: 2,
    }));
  }

  for (let i = 0; i < opts.requests; i += 1) {
    const created = clock.at(i + 1, 550);
    const s = rnd.pick([0, 0, 1, 1, 2, 2, 2, 3]);
    const done = stages[s]![3];
    const scheduled = rnd.chance(0.6) ? addSeconds(created, rnd.int(1, 30) * 86_400 + rnd.int(0, 8) * 3600) : null;
    db.insert('maintenance.request', {
      name: `${rnd.pick(PROBLEMS)}${rnd.chance(0.5) ? ` (${rnd.pick(PLACES)})` : ''}`,
      description: rnd.chance(0.7) ? `<p>${rnd.pick(['Operator reported the issue at shift change.', 'Found during the weekly round.', 'Follow-up of the last repair.'])}</p>` : null,
      request_date: created.slice(0, 10),
      owner_user_id: rnd.pick([2, 7, 8]),
      equipment_id: rnd.chance(0.9) ? rnd.pick(equipment) : null,
      user_id: rnd.chance(0.8) ? rnd.pick([8, 9]) : null,
      stage_id: stageIds[s]!,
      priority: rnd.pick(['0', '1', '2', '2', '3']),
      color: 0,
      close_date: done ? addDays(created, rnd.int(1, 20)).slice(0, 10) : null,
      kanban_state: !done && rnd.chance(0.15) ? 'blocked' : 'normal',
      archive: done && rnd.chance(0.2),
      maintenance_type: rnd.chance(0.35) ? 'preventive' : 'corrective',
      schedule_date: scheduled,
      maintenance_team_id: rnd.pick(teams),
      duration: rnd.pick([0, 0.5, 1, 2, 4, 8]),
      company_id: 1,
      create_date: created,
      write_date: addSeconds(created, rnd.int(0, 30) * 86_400),
      create_uid: 2,
      write_uid: 2,
    });
  }
}
