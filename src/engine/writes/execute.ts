/**
 * Writes to a connected system: check (capabilities, required fields, locks, version) → call →
 * read back → store what the system now has. The answer is always the record as the system
 * holds it after the write, never what was sent.
 */
import type { Logger } from 'pino';
import { ApiError } from '../../core/errors.js';
import { randomId } from '../../core/ids.js';
import type { ResourceDefinition } from '../../kit/definition.js';
import { SystemFailure } from '../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteContext } from '../../kit/writes.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { ConnectionRow, RecordRow, Store } from '../../store/index.js';
import { mapContext, prepareRecord } from '../records/prepare.js';
import type { ConnectorRuntime } from '../runtime.js';
import { checkWrite } from './check.js';
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
  const targets = t.writes?.capabilities.update?.customFieldTargets ?? [];
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
  writes: ResourceWrites<unknown> | undefined;
  client: unknown;
  what: string;
}

function target(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey): Target {
  const live = deps.runtime.forConnection(connection);
  const resource = live.connector.resources[entity] as ResourceDefinition<unknown, unknown> | undefined;
  const what = entityByKey(entity)!.name.toLowerCase();
  if (!resource) throw new ApiError('operation_not_supported', { message: `${live.connector.name} has no ${entityByKey(entity)!.plural.toLowerCase()} Manifold can reach.` });
  return { resource, writes: resource.writes as ResourceWrites<unknown> | undefined, client: live.client, what };
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
async function readBack(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, remoteId: string, fetched?: unknown): Promise<RecordRow> {
  const native = fetched ?? (await t.resource.get(t.client, remoteId));
  if (native === undefined) throw new SystemFailure('system', { code: 'system_error', message: `The system accepted the write but then had no ${t.what} ${remoteId} to read back.` });
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

export async function createRecord(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, body: Record<string, unknown>, reference: string): Promise<RecordRow> {
  const t = target(deps, connection, entity);
  checkWrite(t.writes?.capabilities, { operation: 'create', body }, t.what);
  const input = await resolveReferences(deps.store, connection.id, entity, body);
  const ctx: WriteContext = { ...mapContext(connection.id), reference };
  let remoteId: string | undefined;
  try {
    remoteId = await t.writes!.create!(t.client, input, ctx);
  } catch (err) {
    // The system may have committed before the answer was lost: look for the record by the
    // reference set on it rather than creating it again.
    if (!isLostAnswer(err) || !t.writes?.findByReference) throw err;
    remoteId = await t.writes.findByReference(t.client, reference);
    deps.logger.warn({ connectionId: connection.id, reference, found: remoteId ?? null }, 'create answer lost; reconciled by reference');
    if (!remoteId) throw err;
  }
  return readBack(deps, connection, entity, t, remoteId);
}

/**
 * Where the system has no concurrency token (capabilities say `read_before_write`), Manifold reads
 * the record just before writing: a change made in the system since the last sync becomes a new
 * version first, so a stale If-Match is refused with 409 and locks see the current status.
 */
async function current(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, t: Target, row: RecordRow): Promise<RecordRow> {
  if (t.writes?.capabilities.concurrency !== 'read_before_write') return row;
  const native = await t.resource.get(t.client, row.remoteId);
  if (native === undefined) {
    await deps.store.records.markDeleted(connection.id, entity, row.id, new Date().toISOString());
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: row.id, type: 'deleted', payload: { source: 'write' } }]);
    throw new ApiError('not_found', { message: `This ${t.what} no longer exists in the system.` });
  }
  return readBack(deps, connection, entity, t, row.remoteId, native);
}

export async function updateRecord(deps: WriteDeps, connection: ConnectionRow, entity: EntityKey, stored: RecordRow, body: Record<string, unknown>, ifMatch: string | undefined): Promise<RecordRow> {
  const t = target(deps, connection, entity);
  const row = await current(deps, connection, entity, t, stored);
  const { customFields, ...fields } = body as Record<string, unknown> & { customFields?: Record<string, unknown> };
  checkWrite(t.writes?.capabilities, { operation: 'update', body: { ...fields, ...(customFields ? { customFields } : {}) }, currentStatus: row.status }, t.what);
  const nativeFields = customFields ? await customFieldWrites(deps, connection, entity, t, customFields) : undefined;
  checkIfMatch(ifMatch, row);
  const patch = await resolveReferences(deps.store, connection.id, entity, fields);
  await t.writes!.update!(t.client, existing(row), nativeFields ? { ...patch, nativeFields } : patch, mapContext(connection.id));
  return readBack(deps, connection, entity, t, row.remoteId);
}

export async function deleteRecord(
  deps: WriteDeps,
  connection: ConnectionRow,
  entity: EntityKey,
  stored: RecordRow,
  ifMatch: string | undefined,
): Promise<{ record: RecordRow; deletion: 'hard' | 'cancelled' | 'soft' }> {
  const t = target(deps, connection, entity);
  const row = await current(deps, connection, entity, t, stored);
  checkWrite(t.writes?.capabilities, { operation: 'delete', body: {}, currentStatus: row.status }, t.what);
  checkIfMatch(ifMatch, row);
  const deletion = await t.writes!.delete!(t.client, existing(row), mapContext(connection.id));
  if (deletion === 'hard') {
    const record = (await deps.store.records.markDeleted(connection.id, entity, row.id, new Date().toISOString())) ?? row;
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: row.id, type: 'deleted', payload: { version: record.version, source: 'write' } }]);
    return { record, deletion };
  }
  return { record: await readBack(deps, connection, entity, t, row.remoteId), deletion };
}
