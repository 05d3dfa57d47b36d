/**
 * Field mapping routes: see where every unified field comes from, override a field's native
 * source, add custom fields, list versions, diff and roll back. With a connection token (or the
 * admin key + X-Connection-Id) under /v1/field-mapping, and with the admin key under
 * /v1/connections/{id}/field-mapping.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { MappingChange, type MappingService } from '../../engine/mapping/service.js';
import { applyOverrides, type MappingOverride } from '../../engine/mapping/apply.js';
import { formatRecord } from '../format-record.js';
import { entities, entityByPath, type EntityKey } from '../../models/registry.js';
import type { ConnectionRow, Store } from '../../store/index.js';
import { commonErrors } from '../schemas.js';

const Native = z.record(z.string(), z.unknown()).describe('{ path } (with write where a write differs), { paths, logic }, or { none: reason }.');
const FieldRow = z.object({
  field: z.string().describe('The unified field (lines[].x for line fields, customFields.x for custom fields).'),
  source: z.enum(['default', 'override', 'custom']).describe("default: the connector's; override or custom: this connection's."),
  native: Native,
  writable: z.boolean().optional().describe('Whether writes set it through this mapping.'),
  type: z.string().optional().describe('The type of a custom field.'),
}).describe('Where one unified field comes from.');

export const EntityMappingView = z.object({
  entity: z.string().describe('Entity key.'),
  version: z.number().int().describe("This connection's mapping version for the entity (0: defaults only)."),
  fields: z.array(FieldRow).describe('Every field of the unified model.'),
  lines: z.array(FieldRow).describe('Every line field, for documents with lines.'),
  customFields: z.array(FieldRow).describe('Custom fields of this connection.'),
  unmapped: z.array(z.object({ path: z.string().describe('Native path.'), example: z.unknown().describe('A value seen in a stored record.') }).describe('A native field nothing maps.')).describe('Native fields the records have that nothing maps (from stored records).'),
}).describe("One entity's field mapping.").meta({ id: 'EntityFieldMapping' });

const entityParam = z.object({ entity: z.enum(entities.map((e) => e.path) as [string, ...string[]]).describe('The entity, as in its URL (purchase-orders).') });

export function registerFieldMappingRoutes(app: FastifyInstance, deps: { store: Store; mappings: MappingService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Field mapping'];

  async function adminConnection(id: string): Promise<ConnectionRow> {
    const row = await deps.store.connections.get(id);
    if (!row) throw new ApiError('not_found', { message: `No connection ${id}.` });
    return row;
  }
  const entityKey = (path: string, connection: ConnectionRow): EntityKey => {
    const key = entityByPath(path)!.key as EntityKey;
    if (!deps.mappings.entitiesOf(connection).includes(key)) throw new ApiError('not_found', { message: `This connection's system has no ${path}.` });
    return key;
  };
  const all = async (connection: ConnectionRow) => ({ connectionId: connection.id, system: connection.system, entities: await Promise.all(deps.mappings.entitiesOf(connection).map((e) => deps.mappings.describe(connection, e))) });

  for (const scope of ['connection', 'admin'] as const) {
    const base = scope === 'connection' ? '/v1/field-mapping' : '/v1/connections/:id/field-mapping';
    const params = scope === 'admin' ? z.object({ id: z.string().min(1).max(200).describe('Connection id.') }) : undefined;
    const conn = async (request: FastifyRequest) => (scope === 'connection' ? request.connection! : adminConnection((request.params as { id: string }).id));
    const auth = scope === 'connection' ? ('connection' as const) : ('admin' as const);

    r.get(base, {
      config: { auth },
      schema: {
        tags, summary: 'Field mapping', description: 'Per entity: every unified field with the native field it comes from and goes to (or why there is none), overrides and custom fields, and the native fields nothing maps.',
        ...(params ? { params } : {}),
        response: { 200: z.object({ data: z.object({ connectionId: z.string().describe('Connection.'), system: z.string().describe('System.'), entities: z.array(EntityMappingView).describe('Per entity.') }).describe('The mapping.') }).describe('The mapping.'), ...commonErrors },
      },
      handler: async (request) => ({ data: await all(await conn(request)) }),
    });

    r.put(`${base}/:entity`, {
      config: { auth },
      schema: {
        tags, summary: 'Change a field mapping',
        description: 'Overrides the native source of unified fields ({ source }; null restores the default) and adds or removes custom fields. Checked against the native fields; a new version; applied on the next read, without a resync or restart.',
        params: params ? params.extend(entityParam.shape) : entityParam,
        body: MappingChange,
        response: { 200: z.object({ data: EntityMappingView }).describe('The whole new mapping of the entity.'), ...commonErrors, 404: commonErrors[400].describe('No such entity for this system.') },
      },
      handler: async (request) => {
        const connection = await conn(request);
        const key = entityKey(request.params.entity, connection);
        await deps.mappings.change(connection, key, request.body);
        return { data: await deps.mappings.describe(connection, key) };
      },
    });

    r.post(`${base}/:entity/preview`, {
      config: { auth },
      schema: {
        tags, summary: 'Preview a mapping change',
        description: 'The record as it would read with the change applied, beside how it reads now — nothing is saved. Checked like a PUT.',
        params: params ? params.extend(entityParam.shape) : entityParam,
        body: z.strictObject({ recordId: z.string().min(1).max(200).describe('A stored record to preview on (its Manifold id).'), change: MappingChange }),
        response: {
          200: z.object({ data: z.object({
            current: z.record(z.string(), z.unknown()).describe('The record as it reads now.'),
            preview: z.record(z.string(), z.unknown()).describe('The record as it would read with the change.'),
          }).describe('Both readings.') }).describe('The preview.'),
          ...commonErrors,
          404: commonErrors[400].describe('No such entity or record.'),
        },
      },
      handler: async (request) => {
        const connection = await conn(request);
        const key = entityKey(request.params.entity, connection);
        const row = await deps.store.records.get(connection.id, key, request.body.recordId);
        if (!row) throw new ApiError('not_found', { message: `No record ${request.body.recordId} of ${request.params.entity} in this connection.` });
        const def = entityByPath(request.params.entity)!;
        const defaults = deps.mappings.resource(connection, key)?.mapping;
        const read = (override: MappingOverride) => {
          const applied = applyOverrides(def, defaults, override, { data: row.data, customFields: row.customFields, remoteData: row.remoteData as Record<string, unknown> | null });
          return formatRecord({ ...row, data: applied.data as typeof row.data, customFields: applied.customFields as typeof row.customFields }, { remoteData: false });
        };
        const { override } = await deps.mappings.current(connection.id, key);
        return { data: { current: read(override), preview: read(await deps.mappings.proposed(connection, key, request.body.change)) } };
      },
    });

    r.get(`${base}/versions`, {
      config: { auth },
      schema: {
        tags, summary: 'Mapping versions', description: 'Every version of the connection\'s mapping changes, oldest first; filter with entity.',
        ...(params ? { params } : {}),
        querystring: z.strictObject({ entity: entityParam.shape.entity.optional() }),
        response: { 200: z.object({ data: z.array(z.object({ entity: z.string().describe('Entity key.'), version: z.number().int().describe('Version.'), createdAt: z.string().describe('When.'), mapping: z.record(z.string(), z.unknown()).describe('The overrides and custom fields of that version.') }).describe('A version.')).describe('Versions.') }).describe('Versions.'), ...commonErrors },
      },
      handler: async (request) => {
        const connection = await conn(request);
        const entity = request.query.entity ? entityKey(request.query.entity, connection) : undefined;
        const rows = await deps.store.fieldMappings.list(connection.id, entity);
        return { data: rows.map((v) => ({ entity: v.entity, version: v.version, createdAt: v.createdAt, mapping: v.mapping })) };
      },
    });

    r.post(`${base}/:entity/rollback`, {
      config: { auth },
      schema: {
        tags, summary: 'Roll a mapping back', description: 'Restores the overrides and custom fields of an earlier version (0: the defaults), as a new version.',
        params: params ? params.extend(entityParam.shape) : entityParam,
        body: z.strictObject({ version: z.number().int().min(0).describe('The version to restore; 0 is the defaults.') }),
        response: { 200: z.object({ data: EntityMappingView }).describe('The restored mapping.'), ...commonErrors, 404: commonErrors[400].describe('No such version.') },
      },
      handler: async (request) => {
        const connection = await conn(request);
        const key = entityKey(request.params.entity, connection);
        await deps.mappings.rollback(connection, key, request.body.version);
        return { data: await deps.mappings.describe(connection, key) };
      },
    });

    r.get(`${base}/:entity/diff`, {
      config: { auth },
      schema: {
        tags, summary: 'Diff two mapping versions', description: 'What changed between two versions of an entity\'s mapping (0: the defaults).',
        params: params ? params.extend(entityParam.shape) : entityParam,
        querystring: z.strictObject({ from: z.coerce.number().int().min(0).describe('Older version.'), to: z.coerce.number().int().min(0).describe('Newer version.') }),
        response: {
          200: z.object({ data: z.object({
            added: z.array(z.string()).describe('Fields overridden or custom fields added.'),
            removed: z.array(z.string()).describe('Overrides or custom fields dropped.'),
            changed: z.array(z.object({ field: z.string().describe('Field.'), from: z.unknown().describe('Before.'), to: z.unknown().describe('After.') }).describe('A change.')).describe('Fields whose source changed.'),
          }).describe('The diff.') }).describe('The diff.'),
          ...commonErrors,
        },
      },
      handler: async (request) => {
        const connection = await conn(request);
        const key = entityKey(request.params.entity, connection);
        const rows = await deps.store.fieldMappings.list(connection.id, key);
        const at = (v: number) => {
          if (v === 0) return {};
          const row = rows.find((x) => x.version === v);
          if (!row) throw new ApiError('not_found', { message: `No mapping version ${v} for ${request.params.entity}.` });
          const m = row.mapping as { fields?: Record<string, unknown>; customFields?: Record<string, unknown> };
          return { ...Object.fromEntries(Object.entries(m.fields ?? {}).map(([k, x]) => [k, x])), ...Object.fromEntries(Object.entries(m.customFields ?? {}).map(([k, x]) => [`customFields.${k}`, x])) };
        };
        const a: Record<string, unknown> = at(request.query.from);
        const b: Record<string, unknown> = at(request.query.to);
        return {
          data: {
            added: Object.keys(b).filter((k) => !(k in a)),
            removed: Object.keys(a).filter((k) => !(k in b)),
            changed: Object.keys(b).filter((k) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => ({ field: k, from: a[k], to: b[k] })),
          },
        };
      },
    });
  }
}
