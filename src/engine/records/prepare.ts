/**
 * One native record → what the store keeps: parsed with the resource's native schema, mapped to
 * the unified model, validated against it, with its remote id, times and status. Shared by the
 * sync (every listed record) and the writes (the record read back after a change).
 */
import { z } from 'zod';
import { recordId } from '../../core/ids.js';
import type { MapContext, ResourceDefinition } from '../../kit/definition.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { RecordInput } from '../../store/index.js';

export type Prepared = { ok: true; input: RecordInput } | { ok: false; remoteId: string; stage: 'parse' | 'map'; issues: unknown };

const validators = new Map<string, z.ZodObject>();
function validatorFor(entity: EntityKey): z.ZodObject {
  let v = validators.get(entity);
  if (!v) {
    v = z.strictObject(entityByKey(entity)!.fields);
    validators.set(entity, v);
  }
  return v;
}

/** Unified fields checked against the entity's model (as every stored record is). */
export function validateUnified(entityKey: EntityKey, fields: Record<string, unknown>): { ok: true; fields: Record<string, unknown> } | { ok: false; issues: unknown } {
  const parsed = validatorFor(entityKey).safeParse(fields);
  return parsed.success ? { ok: true, fields: parsed.data } : { ok: false, issues: parsed.error.issues.slice(0, 5) };
}

export function mapContext(connectionId: string): MapContext {
  return {
    connectionId,
    refId: (entity, remoteId) => recordId(entityByKey(entity)!.idPrefix, connectionId, entity, remoteId),
  };
}

function guessRemoteId(native: unknown): string {
  const id = (native as { id?: unknown } | null)?.id;
  return id === undefined ? '(unknown)' : String(id);
}

export function prepareRecord(
  resource: ResourceDefinition<unknown, unknown>,
  entityKey: EntityKey,
  connectionId: string,
  native: unknown,
  syncedAt: string,
): Prepared {
  const parsed = resource.raw.safeParse(native);
  if (!parsed.success) return { ok: false, remoteId: guessRemoteId(native), stage: 'parse', issues: parsed.error.issues.slice(0, 5) };
  const remoteId = resource.remoteId(parsed.data);
  let fields: Record<string, unknown>;
  try {
    const mapped = validatorFor(entityKey).safeParse(resource.toUnified(parsed.data, mapContext(connectionId)));
    if (!mapped.success) return { ok: false, remoteId, stage: 'map', issues: mapped.error.issues.slice(0, 5) };
    fields = mapped.data;
  } catch (err) {
    return { ok: false, remoteId, stage: 'map', issues: err instanceof Error ? err.message : String(err) };
  }
  const times = resource.times(parsed.data);
  const entity = entityByKey(entityKey)!;
  return {
    ok: true,
    input: {
      id: recordId(entity.idPrefix, connectionId, entityKey, remoteId),
      connectionId,
      entity: entityKey,
      remoteId,
      data: fields,
      remoteData: native as Record<string, unknown>,
      customFields: {},
      status: typeof fields.status === 'string' ? fields.status : null,
      createdAt: times.createdAt,
      updatedAt: times.updatedAt ?? times.createdAt ?? syncedAt,
      updatedAtObserved: times.updatedAt === null && times.createdAt === null,
      syncedAt,
    },
  };
}
