/**
 * Work orders: maintenance.request (the Maintenance app), with the stages of the maintenance
 * pipe read once per listing to tell which stage is the first (a new request) and which are done.
 */
import { defineResource, type MapContext } from '../../../kit/definition.js';
import type { Domain, OdooClient } from '../client.js';
import { changedSince, idPages } from '../listing.js';
import { RequestRaw, fieldNames } from '../raw.js';
import { decimal, htmlToText, instant, latest, m2oId, ref, text, toId } from '../values.js';
import { workOrderMapping } from './work-order-mapping.js';

const MODEL = 'maintenance.request';
const FIELDS = fieldNames(RequestRaw.shape);

type Stage = { id: number; name: string | false; sequence: number; done: boolean; first: boolean };

async function loadStages(client: OdooClient): Promise<Map<number, Stage>> {
  // maintenance.stage's order is "sequence, id": the first is where a new request starts.
  const stages = await client.searchRead<Omit<Stage, 'first'>>('maintenance.stage', [], ['name', 'sequence', 'done'], { order: 'sequence, id' });
  return new Map(stages.map((s, i) => [s.id, { ...s, first: i === 0 }]));
}

async function fetchRequests(client: OdooClient, stages: Promise<Map<number, Stage>>, domain: Domain, afterId: number, limit?: number): Promise<RequestRaw[]> {
  const rows = await client.searchRead<RequestRaw>(MODEL, [...domain, ['id', '>', afterId]], FIELDS, { order: 'id asc', ...(limit !== undefined ? { limit } : {}) });
  const byId = await stages;
  return rows.map((r) => ({ ...r, 'stage_id.': byId.get(m2oId(r.stage_id) ?? 0) ?? null }));
}

const PRIORITY: Record<string, string> = { '0': 'low', '1': 'low', '2': 'medium', '3': 'high' };

function statusOf(raw: RequestRaw): string {
  const stage = raw['stage_id.'];
  if (raw.archive) return 'closed';
  if (!stage) return 'unknown';
  if (stage.done) return 'completed';
  if (raw.kanban_state === 'blocked') return 'on_hold';
  return stage.first ? 'requested' : 'in_progress';
}

export function toWorkOrder(raw: RequestRaw, ctx: MapContext): Record<string, unknown> {
  const priority = text(raw.priority);
  return {
    number: null,
    title: text(raw.name),
    description: htmlToText(raw.description),
    status: statusOf(raw),
    remoteStatus: raw['stage_id.'] ? text(raw['stage_id.'].name) : null,
    priority: priority === null ? null : (PRIORITY[priority] ?? 'unknown'),
    remotePriority: priority,
    type: raw.maintenance_type === 'corrective' || raw.maintenance_type === 'preventive' ? raw.maintenance_type : raw.maintenance_type ? 'unknown' : null,
    asset: ref(raw.equipment_id, ctx, 'assets'),
    location: null,
    site: ref(raw.company_id, ctx, null),
    assignees: [raw.user_id, raw.maintenance_team_id].flatMap((v) => ref(v, ctx, null) ?? []),
    requestedBy: ref(raw.owner_user_id, ctx, null),
    dueDate: null,
    scheduledStart: instant(raw.schedule_date),
    scheduledEnd: null,
    startedAt: null,
    completedAt: raw.close_date ? `${raw.close_date}T00:00:00.000Z` : null,
    estimatedHours: raw.duration > 0 ? decimal(raw.duration) : null,
    actualHours: null,
    failureCode: null,
    completionNotes: null,
    parts: [],
  };
}

export const workOrders = defineResource<OdooClient, RequestRaw>({
  entity: 'workOrders',
  raw: RequestRaw,
  pageSize: 200,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({ createdAt: instant(raw.create_date), updatedAt: latest(instant(raw.write_date), instant(raw.create_date)) }),
  list(client, opts) {
    const domain: Domain = opts.since === undefined ? [] : changedSince(opts.since);
    let stages: Promise<Map<number, Stage>> | undefined;
    return idPages({ pageSize: opts.pageSize, resumeAfter: opts.resumeAfter, fetch: (afterId, limit) => fetchRequests(client, (stages ??= loadStages(client)), domain, afterId, limit) });
  },
  listIds: async (client) => (await client.search(MODEL, [], { order: 'id asc' })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    return (await fetchRequests(client, loadStages(client), [['id', '=', id]], 0))[0];
  },
  toUnified: toWorkOrder,
  mapping: workOrderMapping,
});
