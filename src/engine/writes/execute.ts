/**
 * Writes to a connected system: check (capabilities, required fields, locks, version) → call →
 * read back → store what the system now has. The answer is always the record as the system
 * holds it after the write, never what was sent. A resource the system cannot read back (no
 * `get`) answers what the system acknowledged instead — its echo of the record, or the fields
 * the acknowledgement changes — and exactly that is stored (see kit/writes.ts). A create the
 * system only accepted (it processes it later) has nothing to read back or store: the answer
 * says so, with the system's reference, and the record arrives with a sync once processed.
 */
import type { Logger } from 'pino';
import { ApiError } from '../../core/errors.js';
import { randomId } from '../../core/ids.js';
import type { ResourceDefinition } from '../../kit/definition.js';
import { SystemFailure } from '../../kit/failure.js';
import { offeredWrites, type Accepted, type Acknowledged, type ExistingRecord, type RecordRef, type WriteCapabilities, type WriteContext, type WriteSlots } from '../../kit/writes.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { ConnectionRow, RecordRow, Store } from '../../store/index.js';
import { mapContext, prepareRecord, validateUnified } from '../records/prepare.js';
import type { ConnectorRuntime } from '../runtime.js';
import { checkOffered, checkWrite } from './check.js';
import { resolveReferences } from './resolve-refs.js';
import type { MappingService } from '../mapping/service.js';
import { convert } from '../mapping/convert.js';

export interface WriteDeps {
  store: Store;
  runtime: ConnectorRuntime;
  logger: Logger;
  mappings: MappingService;
}

/**
 * Custom fields in a PATCH → the native fields they are mapped to, when the system lets a custom
 * field write that field (capabilities' customFieldTargets); refused otherwise, before any call.
 */
async function customFieldWrites(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { override } = await deps.mappings.current(connection.id, entity);
  const targets = t.offered?.update?.customFieldTargets ?? [];
  const native: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const def = override.customFields[name];
    if (!def || !targets.includes(def.source)) {
      refused.push(`customFields.${name}`);
      continue;
    }
    native[def.source] = value === null ? null : convert(value, def.type);
  }
  if (refused.length) {
    throw new ApiError('field_not_updatable', {
      message: `These custom fields cannot be written back to this system: ${refused.join(', ')} (only custom fields mapped to ${targets.length ? targets.join(', ') : 'no native field'} can).`,
      details: { fields: refused, customFieldTargets: targets },
    });
  }
  return native;
}

interface Target {
  resource: ResourceDefinition<unknown, unknown>;
  writes: WriteSlots<unknown> | undefined;
  /** What the resource offers: declared and backed by a function (kit/writes.ts offeredWrites). */
  offered: WriteCapabilities | undefined;
  client: unknown;
  what: string;
  system: string;
}

function target(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey): Target {
  const live = deps.runtime.forConnection(connection);
  const resource = live.connector.resources[entity] as ResourceDefinition<unknown, unknown> | undefined;
  const what = entityByKey(entity)!.name.toLowerCase();
  if (!resource) throw new ApiError('operation_not_supported', { message: `${live.connector.name} has no ${entityByKey(entity)!.plural.toLowerCase()} Manifold can reach.` });
  const writes = resource.writes as WriteSlots<unknown> | undefined;
  return { resource, writes, offered: offeredWrites(writes), client: live.client, what, system: live.connector.name };
}

function existing(row: RecordRow): ExistingRecord {
  return { remoteId: row.remoteId, remoteData: (row.remoteData ?? {}) as Record<string, unknown>, data: row.data };
}

/** If-Match carries a version: `3`, `"3"` or `W/"3"`. */
export function checkIfMatch(ifMatch: string | undefined, row: RecordRow): void {
  if (ifMatch === undefined) return;
  const wanted = ifMatch.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (wanted !== String(row.version)) {
    throw new ApiError('version_conflict', { message: `The record is at version ${row.version}, not ${wanted}: read it again, then retry with the new version.`, details: { currentVersion: row.version } });
  }
}

/** Reads the record back from the system and stores it; answers the stored row. */
async function readBack(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, remoteId: string): Promise<RecordRow> {
  if (!t.resource.get) {
    throw new SystemFailure('system', { code: 'system_error', message: `The ${t.what} was written, but the system cannot read it back and its answer did not include it.` });
  }
  const native = await t.resource.get(t.client, remoteId);
  if (native === undefined) throw new SystemFailure('system', { code: 'system_error', message: `The system accepted the write but then had no ${t.what} ${remoteId} to read back.` });
  return storeNative(deps, connection, entity, t, remoteId, native);
}

/** Stores a native record the system answered (read back, or echoed by the write); answers the stored row. */
async function storeNative(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, remoteId: string, native: unknown): Promise<RecordRow> {
  const prepared = prepareRecord(t.resource, entity, connection.id, native, new Date().toISOString());
  if (!prepared.ok) {
    deps.logger.warn({ remoteId, issues: prepared.issues }, 'record read back after a write does not map');
    throw new SystemFailure('system', { code: 'system_error', message: `The ${t.what} was written, but what the system answered does not fit the unified model.` });
  }
  const { record, outcome } = await deps.store.records.upsert(prepared.input);
  if (outcome !== 'unchanged') {
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: record.id, type: outcome === 'created' ? 'created' : 'updated', payload: { version: record.version, source: 'write' } }]);
  }
  return record;
}

function isLostAnswer(err: unknown): boolean {
  return err instanceof SystemFailure && (err.code === 'system_unreachable' || err.code === 'system_timeout');
}

/** Stores what the write answered: the echoed record, or the changes acknowledged on the stored one. */
async function storeAcknowledged(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, remoteId: string, ack: Acknowledged, row?: RecordRow): Promise<RecordRow> {
  if ('record' in ack) return storeNative(deps, connection, entity, t, remoteId, ack.record);
  if (!row) throw new Error('acknowledged changes need the stored record');
  const now = new Date().toISOString();
  const data = validateUnified(entity, { ...row.data, ...ack.changes });
  if (!data.ok) {
    deps.logger.warn({ remoteId, issues: data.issues }, 'changes acknowledged by a write do not fit the unified model');
    throw new SystemFailure('system', { code: 'system_error', message: `The ${t.what} was written, but what the system acknowledged does not fit the unified model.` });
  }
  const remoteData = ack.remoteChanges ? { ...((row.remoteData ?? {}) as Record<string, unknown>), ...ack.remoteChanges } : row.remoteData;
  const { record, outcome } = await deps.store.records.upsert({
    id: row.id,
    connectionId: connection.id,
    entity,
    remoteId: row.remoteId,
    data: data.fields,
    remoteData,
    customFields: row.customFields,
    status: typeof data.fields.status === 'string' ? data.fields.status : null,
    createdAt: row.createdAt,
    updatedAt: now,
    syncedAt: now,
  });
  if (outcome !== 'unchanged') {
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: record.id, type: 'updated', payload: { version: record.version, source: 'write' } }]);
  }
  return record;
}

/** What a create did: the record as the system now holds it, or only accepted for processing later. */
export type CreateOutcome = { status: 'created'; record: RecordRow } | { status: 'accepted'; accepted: Accepted; system: string; what: string };

/** The related records Manifold holds for this connection, for a write that needs them (WriteContext.held). */
function heldRecords(deps: WriteDeps, connection: ConnectionRow): NonNullable<WriteContext['held']> {
  return async (entity: EntityKey, ref: RecordRef) => {
    const row = ref.id ? await deps.store.records.get(connection.id, entity, ref.id) : ref.remoteId ? await deps.store.records.getByRemoteId(connection.id, entity, ref.remoteId) : undefined;
    return row && !row.deletedAt ? row.data : undefined;
  };
}

export async function createRecord(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, body: Record<string, unknown>, reference: string): Promise<CreateOutcome> {
  const t = target(deps, connection, entity);
  checkWrite(t.offered, { operation: 'create', body }, t.what);
  const input = await resolveReferences(deps.store, connection.id, entity, body);
  const ctx: WriteContext = { ...mapContext(connection.id), reference, held: heldRecords(deps, connection) };
  // Accepted, not done: nothing exists to read back yet and nothing is stored — the sync brings
  // the record once the system has processed it.
  if (t.offered?.create?.asynchronous) {
    const accepted = await t.writes!.submit!(t.client, input, ctx);
    deps.logger.info({ connectionId: connection.id, entity, reference: accepted.reference }, 'create accepted by the system, to be processed later');
    return { status: 'accepted', accepted, system: t.system, what: t.what };
  }
  let answer: string | { remoteId: string; record: unknown } | undefined;
  try {
    answer = await t.writes!.create!(t.client, input, ctx);
  } catch (err) {
    // The system may have committed before the answer was lost: look for the record by the
    // reference set on it rather than creating it again.
    if (!isLostAnswer(err) || !t.writes?.findByReference) throw err;
    answer = await t.writes.findByReference(t.client, reference);
    deps.logger.warn({ connectionId: connection.id, reference, found: answer ?? null }, 'create answer lost; reconciled by reference');
    if (!answer) throw err;
  }
  if (typeof answer === 'string') return { status: 'created', record: await readBack(deps, connection, entity, t, answer) };
  return { status: 'created', record: await storeAcknowledged(deps, connection, entity, t, answer.remoteId, { record: answer.record }) };
}

/**
 * Where the system has no concurrency token (capabilities say `read_before_write`), Manifold reads
 * the record just before writing: a change made in the system since the last sync becomes a new
 * version first, so a stale If-Match is refused with 409 and locks see the current status. A
 * resource the system cannot read has nothing to re-read: the stored record is what Manifold knows.
 */
async function current(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, row: RecordRow): Promise<RecordRow> {
  if (t.offered?.concurrency !== 'read_before_write' || !t.resource.get) return row;
  const native = await t.resource.get(t.client, row.remoteId);
  if (native === undefined) {
    await deps.store.records.markDeleted(connection.id, entity, row.id, new Date().toISOString());
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: row.id, type: 'deleted', payload: { source: 'write' } }]);
    throw new ApiError('not_found', { message: `This ${t.what} no longer exists in the system.` });
  }
  return storeNative(deps, connection, entity, t, row.remoteId, native);
}

export async function updateRecord(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, stored: RecordRow, body: Record<string, unknown>, ifMatch: string | undefined): Promise<RecordRow> {
  const t = target(deps, connection, entity);
  checkOffered(t.offered, 'update', t.what);
  const row = await current(deps, connection, entity, t, stored);
  const { customFields, ...fields } = (body ?? {}) as Record<string, unknown> & { customFields?: Record<string, unknown> };
  checkWrite(t.offered, { operation: 'update', body: { ...fields, ...(customFields ? { customFields } : {}) }, currentStatus: row.status }, t.what);
  const nativeFields = customFields ? await customFieldWrites(deps, connection, entity, t, customFields) : undefined;
  checkIfMatch(ifMatch, row);
  // Nothing to change: the record as it is, without a call that would change nothing.
  if (Object.values(fields).every((v) => v === undefined) && Object.keys(nativeFields ?? {}).length === 0) return row;
  const patch = await resolveReferences(deps.store, connection.id, entity, fields);
  const ack = await t.writes!.update!(t.client, existing(row), nativeFields ? { ...patch, nativeFields } : patch, mapContext(connection.id));
  return ack ? storeAcknowledged(deps, connection, entity, t, row.remoteId, ack, row) : readBack(deps, connection, entity, t, row.remoteId);
}

export async function deleteRecord(
  deps: WriteDeps,
  connection: ConnectionRow,
  entity: EntityKey,
  stored: RecordRow,
  ifMatch: string | undefined,
): Promise<{ record: RecordRow; deletion: 'hard' | 'cancelled' | 'soft' }> {
  const t = target(deps, connection, entity);
  checkOffered(t.offered, 'delete', t.what);
  const row = await current(deps, connection, entity, t, stored);
  checkWrite(t.offered, { operation: 'delete', body: {}, currentStatus: row.status }, t.what);
  checkIfMatch(ifMatch, row);
  const answer = await t.writes!.delete!(t.client, existing(row), mapContext(connection.id));
  const deletion = typeof answer === 'string' ? answer : answer.mode;
  if (deletion === 'hard') {
    const record = (await deps.store.records.markDeleted(connection.id, entity, row.id, new Date().toISOString())) ?? row;
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: row.id, type: 'deleted', payload: { version: record.version, source: 'write' } }]);
    return { record, deletion };
  }
  if (typeof answer !== 'string' && ('record' in answer || 'changes' in answer)) {
    return { record: await storeAcknowledged(deps, connection, entity, t, row.remoteId, answer, row), deletion };
  }
  return { record: await readBack(deps, connection, entity, t, row.remoteId), deletion };
}
