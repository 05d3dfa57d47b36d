/**
 * `?fresh=true`: read one record from the system now instead of from the store, store what it
 * says, and answer that. A record the system no longer has is marked deleted. Where the system
 * cannot read the entity at all (a write-only resource), the request is refused with 405
 * operation_not_supported rather than answered from the store: a client that asked for the
 * system's current state must not mistake the stored copy for it.
 */
import { randomId } from '../../core/ids.js';
import { ApiError } from '../../core/errors.js';
import type { ResourceDefinition } from '../../kit/definition.js';
import { SystemFailure } from '../../kit/failure.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { ConnectionRow, RecordRow, Store } from '../../store/index.js';
import type { ConnectorRuntime } from '../runtime.js';
import { prepareRecord } from './prepare.js';

export async function readThrough(deps: { store: Store; runtime: ConnectorRuntime }, connection: ConnectionRow, entity: EntityKey, row: RecordRow): Promise<RecordRow> {
  const live = deps.runtime.forConnection(connection);
  const resource = live.connector.resources[entity] as ResourceDefinition<unknown, unknown> | undefined;
  if (!resource) throw new ApiError('operation_not_supported', { message: `${live.connector.name} has no such records to read.` });
  if (!resource.get) {
    throw new ApiError('operation_not_supported', {
      message: `${live.connector.name} cannot read ${entityByKey(entity)!.plural.toLowerCase()} back${resource.readNotes ? ` (${resource.readNotes})` : ''}; the stored copy is what Manifold holds: read it without fresh=true.`,
      details: { operation: 'get' },
      connectionId: connection.id,
      system: connection.system,
    });
  }
  const native = await resource.get(live.client, row.remoteId);
  const now = new Date().toISOString();
  if (native === undefined) {
    await deps.store.records.markDeleted(connection.id, entity, row.id, now);
    throw new ApiError('not_found', { source: 'system', message: `The system no longer has this record (${row.remoteId}); it is now marked deleted.`, connectionId: connection.id, system: connection.system });
  }
  const prepared = prepareRecord(resource, entity, connection.id, native, now);
  if (!prepared.ok) throw new SystemFailure('system', { code: 'system_error', message: 'The system answered with a record that does not fit the unified model.' });
  const { record, outcome } = await deps.store.records.upsert(prepared.input);
  if (outcome !== 'unchanged') {
    await deps.store.events.append([{ id: randomId('evt'), connectionId: connection.id, entity, recordId: record.id, type: outcome === 'created' ? 'created' : 'updated', payload: { version: record.version, source: 'read_through' } }]);
  }
  return record;
}
