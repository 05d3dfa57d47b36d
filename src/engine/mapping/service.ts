/**
 * Field mappings per connection: the connector's default (data on its resources), the
 * connection's overrides and custom fields on top (versioned in the store: every change and
 * every rollback is a new version), the native fields nothing maps (found in stored records).
 */
import { z } from 'zod';
import { ApiError, type ValidationIssue } from '../../core/errors.js';
import type { ResourceDefinition } from '../../kit/definition.js';
import { pathsOf, type EntityMapping, type FieldSource } from '../../kit/mapping.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { ConnectionRow, RecordRow, Store } from '../../store/index.js';
import type { ConnectorRuntime } from '../runtime.js';
import { MappingOverride, applyOverrides, customFieldName, emptyOverride, nativePath } from './apply.js';
import { leafPaths, readPath } from './read-path.js';

export const MappingChange = z.strictObject({
  fields: z.record(z.string(), z.object({ source: nativePath }).nullable()).default({}).describe('Unified field → { source: native path }; null restores the default.'),
  customFields: z
    .record(customFieldName, z.object({ source: nativePath, type: z.enum(['string', 'decimal', 'date', 'boolean']).default('string') }).nullable())
    .default({})
    .describe('Custom field name → { source, type }; null removes it. A source under lines[] gives each line the field.'),
});
export type MappingChange = z.infer<typeof MappingChange>;

const CACHE_MS = 2000;

export class MappingService {
  private readonly cache = new Map<string, { at: number; version: number; override: MappingOverride }>();

  constructor(private readonly store: Store, private readonly runtime: ConnectorRuntime) {}

  resource(connection: ConnectionRow, entity: EntityKey): ResourceDefinition<unknown, unknown> | undefined {
    return this.runtime.connector(connection.system).resources[entity] as ResourceDefinition<unknown, unknown> | undefined;
  }

  /** The connection's current overrides for an entity (cached briefly; a change here clears it). */
  async current(connectionId: string, entity: string): Promise<{ version: number; override: MappingOverride }> {
    const key = `${connectionId}\u0000${entity}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit;
    const row = await this.store.fieldMappings.latest(connectionId, entity);
    const value = { at: Date.now(), version: row?.version ?? 0, override: row ? MappingOverride.parse(row.mapping) : emptyOverride() };
    this.cache.set(key, value);
    return value;
  }

  /** Rows as the connection's mapping says: its overrides and custom fields, read from the stored native record. */
  async apply(connection: ConnectionRow, entity: EntityKey, rows: RecordRow[]): Promise<RecordRow[]> {
    const { override } = await this.current(connection.id, entity);
    if (this.isEmpty(override)) return rows;
    const def = entityByKey(entity)!;
    const defaults = this.resource(connection, entity)?.mapping;
    return rows.map((row) => {
      const applied = applyOverrides(def, defaults, override, { data: row.data, customFields: row.customFields, remoteData: row.remoteData as Record<string, unknown> | null });
      return { ...row, data: applied.data as RecordRow['data'], customFields: applied.customFields as RecordRow['customFields'] };
    });
  }

  /** Whether the connection changes the default mapping of this entity at all. */
  async hasOverrides(connectionId: string, entity: string): Promise<boolean> {
    return !this.isEmpty((await this.current(connectionId, entity)).override);
  }

  isEmpty(o: MappingOverride): boolean {
    return Object.keys(o.fields).length === 0 && Object.keys(o.customFields).length === 0;
  }

  /** Native paths seen in up to 50 stored records of the entity, with an example value each. */
  async nativeFields(connectionId: string, entity: string): Promise<Map<string, unknown>> {
    const rows = await this.store.records.list({ connectionId, entity, limit: 50, includeDeleted: false });
    const out = new Map<string, unknown>();
    for (const r of rows) leafPaths(r.remoteData ?? {}, '', 0, out);
    return out;
  }

  private async validate(connection: ConnectionRow, entity: EntityKey, change: MappingChange): Promise<void> {
    const def = entityByKey(entity)!;
    const mapping = this.resource(connection, entity)?.mapping;
    const known = await this.nativeFields(connection.id, entity);
    const rawKeys = new Set(Object.keys(((this.resource(connection, entity)?.raw as unknown as z.ZodObject | undefined)?.shape ?? {}) as object));
    const issues: ValidationIssue[] = [];
    const linesPath = mapping?.linesPath ?? 'lines';
    // Tryton-style dotted keys (`party.`) make `party..rec_name` and `party.rec_name` the same path.
    const norm = (p: string) => p.replace(/\.+/g, '.');
    const knownPaths = [...known.keys()].map(norm);
    // Known: a path a stored record has (or a record under it), or a top-level field of the
    // native schema (which stored records may all leave empty).
    const exists = (source: string) => {
      const s = norm(source);
      return knownPaths.some((k) => k === s || k.startsWith(`${s}.`) || k.startsWith(`${s}[]`)) || (!/[.[]/.test(source) && rawKeys.has(source));
    };
    for (const [field, value] of Object.entries(change.fields)) {
      const isLine = field.startsWith('lines[].');
      const name = isLine ? field.slice('lines[].'.length) : field;
      const allowed = isLine ? Boolean(mapping?.lines?.[name] ?? (def.key === 'purchaseOrders' && name !== 'customFields')) : name in def.fields && name !== 'lines';
      if (!allowed) issues.push({ path: `fields.${field}`, message: `is not a field of ${def.name.toLowerCase()}s that a mapping can set` });
      if (value && isLine && !value.source.startsWith(`${linesPath}[].`)) issues.push({ path: `fields.${field}.source`, message: `must be a path into ${linesPath}[] for a line field` });
      if (value && !exists(value.source)) issues.push({ path: `fields.${field}.source`, message: `${value.source} is not a native field of this system's ${def.plural.toLowerCase()}` });
    }
    for (const [name, value] of Object.entries(change.customFields)) {
      if (value && !exists(value.source)) issues.push({ path: `customFields.${name}.source`, message: `${value.source} is not a native field of this system's ${def.plural.toLowerCase()}` });
    }
    if (issues.length) throw ApiError.invalid(issues);
  }

  /** The overrides after a change, checked, without storing anything. */
  async proposed(connection: ConnectionRow, entity: EntityKey, change: MappingChange): Promise<MappingOverride> {
    if (!this.resource(connection, entity)) throw new ApiError('not_found', { message: `This connection's system has no ${entity}.` });
    await this.validate(connection, entity, change);
    const { override } = await this.current(connection.id, entity);
    const next: MappingOverride = { fields: { ...override.fields }, customFields: { ...override.customFields } };
    for (const [k, v] of Object.entries(change.fields)) if (v === null) delete next.fields[k]; else next.fields[k] = v;
    for (const [k, v] of Object.entries(change.customFields)) if (v === null) delete next.customFields[k]; else next.customFields[k] = v;
    return next;
  }

  async change(connection: ConnectionRow, entity: EntityKey, change: MappingChange): Promise<number> {
    const next = await this.proposed(connection, entity, change);
    const row = await this.store.fieldMappings.insert({ connectionId: connection.id, entity, mapping: next });
    this.cache.delete(`${connection.id}\u0000${entity}`);
    return row.version;
  }

  async rollback(connection: ConnectionRow, entity: EntityKey, version: number): Promise<number> {
    const rows = await this.store.fieldMappings.list(connection.id, entity);
    const target = version === 0 ? { mapping: emptyOverride() } : rows.find((r) => r.version === version);
    if (!target) throw new ApiError('not_found', { message: `No mapping version ${version} for ${entity} on this connection (versions: 0–${rows.at(-1)?.version ?? 0}).` });
    const row = await this.store.fieldMappings.insert({ connectionId: connection.id, entity, mapping: target.mapping });
    this.cache.delete(`${connection.id}\u0000${entity}`);
    return row.version;
  }

  /** What GET /v1/field-mapping shows for one entity. */
  async describe(connection: ConnectionRow, entity: EntityKey) {
    const def = entityByKey(entity)!;
    const resource = this.resource(connection, entity);
    const mapping: EntityMapping | undefined = resource?.mapping;
    const { version, override } = await this.current(connection.id, entity);
    const writable = new Set([...(resource?.writes?.capabilities.create?.writableFields ?? []), ...(resource?.writes?.capabilities.update?.updatableFields ?? [])]);
    const fieldEntry = (field: string, dflt: FieldSource | undefined) => {
      const o = override.fields[field];
      return {
        field,
        source: o ? ('override' as const) : ('default' as const),
        native: o ? { path: o.source } : (dflt ?? { none: 'The connector does not declare where this field comes from.' }),
        writable: !o && writable.has(field),
      };
    };
    const fields = Object.keys(def.fields).filter((f) => f !== 'lines').map((f) => fieldEntry(f, mapping?.fields[f]));
    const lines = mapping?.lines ? Object.keys(mapping.lines).map((f) => fieldEntry(`lines[].${f}`, mapping.lines![f])) : [];
    const customFields = Object.entries(override.customFields).map(([name, c]) => ({ field: `customFields.${name}`, source: 'custom' as const, native: { path: c.source }, type: c.type }));
    const used = new Set([...(mapping ? pathsOf(mapping) : []), ...Object.values(override.fields).map((f) => f.source), ...Object.values(override.customFields).map((c) => c.source)]);
    const norm = (p: string) => p.replace(/\.+/g, '.');
    const usedNorm = new Set([...used].map(norm));
    const unmapped = [...(await this.nativeFields(connection.id, entity)).entries()]
      .filter(([path]) => !usedNorm.has(norm(path)) && ![...usedNorm].some((u) => norm(path).startsWith(`${u}.`)))
      .map(([path, example]) => ({ path, example }));
    return { entity, version, fields, lines, customFields, unmapped };
  }

  /** Every entity the connection's system has, in registry order. */
  entitiesOf(connection: ConnectionRow): EntityKey[] {
    return Object.keys(this.runtime.connector(connection.system).resources) as EntityKey[];
  }
}

export { readPath };
