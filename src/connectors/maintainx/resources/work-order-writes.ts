/**
 * Writes of MaintainX work orders: create (POST /workorders answers only the new id), update
 * (PATCH /workorders/{id}, then the status through PATCH /workorders/{id}/status, the only way
 * MaintainX changes it), delete (DELETE, 204). What is allowed is in the capabilities below.
 */
import { z } from 'zod';
import { SystemFailure } from '../../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteCapabilities } from '../../../kit/writes.js';
import type { MaintainxClient } from '../client.js';
import { dayToInstant, instant } from '../map-common.js';
import { toId } from '../listing.js';
import { memberId, naming, refId, refused, toNumber } from '../writes-common.js';
import { STATUS } from './work-order-map.js';

const WRITABLE = ['title', 'description', 'priority', 'type', 'asset', 'location', 'assignees', 'requestedBy', 'dueDate', 'scheduledStart', 'parts', 'parts[].item', 'parts[].quantityUsed'];
const STATUSES = ['open', 'in_progress', 'on_hold', 'completed', 'cancelled'];

export const workOrderCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['title', 'parts[].item', 'parts[].quantityUsed'],
    writableFields: WRITABLE,
    notes:
      'MaintainX needs only a title. A new work order is open (status cannot be given; change it with an update). priority: low, medium, high or null (none); ' +
      'type: corrective, preventive or other. asset, location: by remoteId or Manifold id; assignees: users "USER:<id>" or teams "TEAM:<id>"; requestedBy: a user. ' +
      'dueDate is sent as that day at midnight UTC; scheduledStart needs a dueDate. parts: item by remoteId (the part id) and a whole quantityUsed.',
  },
  update: {
    updatableFields: WRITABLE,
    // MaintainX documents no restriction on status changes: any of these from any status.
    transitions: Object.fromEntries(STATUSES.map((to) => [to, STATUSES])),
    notes:
      'Fields are sent with PATCH /workorders/{id}; a status change then goes through PATCH /workorders/{id}/status (completed → DONE, cancelled → CANCELED). ' +
      'parts replaces the parts used. MaintainX keeps completedAt when a completed work order is reopened.',
  },
  delete: { mode: 'hard', description: 'The work order is deleted in MaintainX (DELETE /workorders/{id}); MaintainX documents no status in which it refuses.' },
  concurrency: 'read_before_write',
  concurrencyNotes:
    'MaintainX has no version or ETag on work orders (last write wins). Manifold reads the work order just before an update or delete, so a change made in MaintainX since ' +
    'the last sync is seen first and a stale If-Match is refused (409); a change landing between that read and the write is overwritten.',
};

const NATIVE_STATUS: Record<string, string> = { open: 'OPEN', in_progress: 'IN_PROGRESS', on_hold: 'ON_HOLD', completed: 'DONE', cancelled: 'CANCELED' };
const NATIVE_PRIORITY: Record<string, string> = { low: 'LOW', medium: 'MEDIUM', high: 'HIGH' };
const NATIVE_TYPE: Record<string, string> = { corrective: 'REACTIVE', preventive: 'PREVENTIVE', other: 'OTHER' };

const Ref = z.object({ id: z.string().nullable().optional(), remoteId: z.string().nullable().optional() }).passthrough();
const Input = z.object({
  title: z.string().optional(),
  description: z.string().nullable().optional(),
  priority: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  asset: Ref.nullable().optional(),
  location: Ref.nullable().optional(),
  assignees: z.array(Ref).optional(),
  requestedBy: Ref.nullable().optional(),
  dueDate: z.string().nullable().optional(),
  scheduledStart: z.string().nullable().optional(),
  parts: z.array(z.object({ item: Ref.nullable().optional(), quantityUsed: z.string().nullable().optional() }).passthrough()).optional(),
  status: z.string().optional(),
});

/** The unified fields → MaintainX's body (POST and PATCH take the same names). */
export function workOrderBody(raw: Record<string, unknown>): { body: Record<string, unknown>; status?: string } {
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !WRITABLE.includes(key) && key !== 'status') throw refused('field_not_updatable', `Manifold cannot write "${key}" to a MaintainX work order.`, key);
  }
  const parsed = Input.safeParse(raw);
  if (!parsed.success) throw refused('invalid_request', z.prettifyError(parsed.error));
  const input = parsed.data;
  const body: Record<string, unknown> = {};
  if (input.title !== undefined) {
    if (input.title.trim() === '') throw refused('invalid_request', 'A MaintainX work order needs a title.', 'title');
    body.title = input.title;
  }
  if (input.description !== undefined) body.description = input.description;
  if (input.priority !== undefined) {
    const p = input.priority === null ? 'NONE' : NATIVE_PRIORITY[input.priority];
    if (!p) throw refused('invalid_request', `MaintainX has no priority "${input.priority}" (low, medium, high, or null for none).`, 'priority');
    body.priority = p;
  }
  if (input.type !== undefined) {
    const t = input.type === null ? undefined : NATIVE_TYPE[input.type];
    if (!t) throw refused('invalid_request', `A MaintainX work order's type can be set to corrective, preventive or other, not ${String(input.type)}.`, 'type');
    body.type = t;
  }
  if (input.asset !== undefined) body.assetId = refId(input.asset, 'asset');
  if (input.location !== undefined) body.locationId = refId(input.location, 'location');
  if (input.assignees !== undefined) body.assignees = input.assignees.map((a, i) => memberId(a, `assignees[${i}]`, true));
  if (input.requestedBy !== undefined) body.requesterId = input.requestedBy === null ? null : memberId(input.requestedBy, 'requestedBy', false).id;
  if (input.dueDate !== undefined) body.dueDate = input.dueDate === null ? null : dayToInstant(input.dueDate);
  if (input.scheduledStart !== undefined) body.startDate = input.scheduledStart === null ? null : instant(input.scheduledStart);
  if (input.parts !== undefined) {
    body.partsUsed = input.parts.map((p, i) => ({ partId: refId(p.item ?? undefined, `parts[${i}].item`)!, quantityUsed: toNumber(p.quantityUsed, `parts[${i}].quantityUsed`, true) }));
  }
  if (input.status !== undefined && !NATIVE_STATUS[input.status]) throw refused('field_not_updatable', `MaintainX cannot move a work order to ${input.status}.`, 'status');
  return { body, ...(input.status !== undefined ? { status: input.status } : {}) };
}

/** MaintainX's fieldPath → the unified field. */
function unifiedField(path: string): string | undefined {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(path);
  const map: Record<string, string> = { title: 'title', description: 'description', priority: 'priority', type: 'type', assetId: 'asset', locationId: 'location', assignees: 'assignees', requesterId: 'requestedBy', dueDate: 'dueDate', startDate: 'scheduledStart', partsUsed: 'parts', status: 'status' };
  return m ? map[m[1]!] : undefined;
}

async function create(client: MaintainxClient, input: Record<string, unknown>, ctx: { reference?: string }): Promise<string> {
  const { body, status } = workOrderBody(input);
  if (status !== undefined && status !== 'open') throw refused('field_not_updatable', 'A new MaintainX work order is open; change its status with an update.', 'status');
  // externalData is MaintainX's slot for "a reference to a matching record in an external system":
  // it lets Manifold find a work order whose create answer was lost.
  if (ctx.reference !== undefined) body.externalData = { manifoldReference: ctx.reference };
  const answer = await naming(client.request<{ id?: unknown }>({ method: 'POST', path: '/workorders', body }), unifiedField);
  if (typeof answer?.id !== 'number') throw new SystemFailure('system', { code: 'system_error', message: 'MaintainX answered the create without the new work order id.' });
  return String(answer.id);
}

/** Work orders created in the last hour, newest first, checked for the reference (a lost answer is recent). */
async function findByReference(client: MaintainxClient, reference: string): Promise<string | undefined> {
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const { records } = await client.page('/workorders', 'workOrders', { 'createdAt[gte]': since, sort: '-createdAt' }, undefined, 50);
  for (const r of records) {
    const full = await client.one(`/workorders/${String(r.id)}`, 'workOrder');
    const data = full?.externalData as { manifoldReference?: unknown } | undefined;
    if (data?.manifoldReference === reference) return String(r.id);
  }
  return undefined;
}

function idOf(existing: ExistingRecord): number {
  const id = toId(existing.remoteId);
  if (id === undefined) throw new SystemFailure('system', { code: 'system_error', message: `${existing.remoteId} is not a MaintainX work order id.` });
  return id;
}

async function update(client: MaintainxClient, existing: ExistingRecord, patch: Record<string, unknown>): Promise<void> {
  const id = idOf(existing);
  const { body, status } = workOrderBody(patch);
  if (Object.keys(body).length) await naming(client.request({ method: 'PATCH', path: `/workorders/${id}`, body }), unifiedField);
  const current = typeof existing.remoteData.status === 'string' ? STATUS[existing.remoteData.status] : undefined;
  if (status !== undefined && status !== current) {
    await naming(client.request({ method: 'PATCH', path: `/workorders/${id}/status`, body: { status: NATIVE_STATUS[status] } }), unifiedField);
  }
}

async function remove(client: MaintainxClient, existing: ExistingRecord): Promise<'hard'> {
  await client.request({ method: 'DELETE', path: `/workorders/${idOf(existing)}` });
  return 'hard';
}

export const workOrderWrites: ResourceWrites<MaintainxClient> = { capabilities: workOrderCapabilities, create, findByReference, update, delete: remove };
