/**
 * A connection's mapping overrides and custom fields, applied to a stored record at read time:
 * the values are read again from the stored native record (remoteData), so a change takes effect
 * on the next read without a resync or a restart.
 */
import { z } from 'zod';
import type { EntityMapping } from '../../kit/mapping.js';
import type { EntityDefinition } from '../../models/entity.js';
import { PurchaseOrderLine } from '../../models/purchase-order.js';
import { convert, typeOf } from './convert.js';
import { readPath } from './read-path.js';

export const customFieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a name of letters, digits and _ (up to 64)');
// Spaces may sit inside a segment: some systems key custom fields by their label (MaintainX's
// extraFields: "Cost Center"); leading/trailing blanks and line breaks are refused.
export const nativePath = z
  .string()
  .min(1)
  .max(300)
  .regex(/^\S(?:[^\t\n\r\f\v]*\S)?$/, 'must be a native path such as comment, lines[].note or extraFields.Cost Center (no leading or trailing blanks, no line breaks)');

export const MappingOverride = z.object({
  fields: z.record(z.string(), z.object({ source: nativePath })).default({}),
  customFields: z.record(customFieldName, z.object({ source: nativePath, type: z.enum(['string', 'decimal', 'date', 'boolean']).default('string') })).default({}),
});
export type MappingOverride = z.infer<typeof MappingOverride>;

export const emptyOverride = (): MappingOverride => ({ fields: {}, customFields: {} });

/** The schema of a line field, for entities whose lines the registry knows. */
function lineFieldSchema(entity: EntityDefinition, field: string): z.ZodType | undefined {
  const lines = entity.fields.lines as z.ZodType | undefined;
  const element = (lines as unknown as { element?: z.ZodObject } | undefined)?.element;
  const shape = (element ?? (entity.key === 'purchaseOrders' ? PurchaseOrderLine : undefined))?.shape as Record<string, z.ZodType> | undefined;
  return shape?.[field];
}

function coerce(value: unknown, schema: z.ZodType | undefined): unknown {
  const converted = convert(value, typeOf(schema));
  if (!schema) return converted;
  return schema.safeParse(converted).success ? converted : null;
}

export function applyOverrides(
  entity: EntityDefinition,
  mapping: EntityMapping | undefined,
  override: MappingOverride,
  row: { data: Record<string, unknown>; remoteData: Record<string, unknown> | null; customFields: Record<string, unknown> },
): { data: Record<string, unknown>; customFields: Record<string, unknown> } {
  const native = row.remoteData ?? {};
  const data: Record<string, unknown> = { ...row.data };
  const customFields: Record<string, unknown> = { ...row.customFields };
  const linesPath = mapping?.linesPath ?? 'lines';
  const linePrefix = `${linesPath}[].`;
  const lineKey = mapping?.lines?.remoteId && 'path' in mapping.lines.remoteId ? mapping.lines.remoteId.path : 'id';
  const nativeLines = (readPath(native, linesPath) as unknown[] | undefined) ?? [];
  const unifiedLines: Record<string, unknown>[] | undefined = Array.isArray(data.lines)
    ? (data.lines as Record<string, unknown>[]).map((l) => ({ ...l, customFields: { ...((l.customFields as object) ?? {}) } }))
    : undefined;
  const nativeLineOf = (line: Record<string, unknown>) => nativeLines.find((n) => String(readPath(n, lineKey)) === String(line.remoteId));

  for (const [field, { source }] of Object.entries(override.fields)) {
    if (field.startsWith('lines[].')) {
      const lineField = field.slice('lines[].'.length);
      const schema = lineFieldSchema(entity, lineField);
      for (const line of unifiedLines ?? []) line[lineField] = coerce(readPath(nativeLineOf(line), source.startsWith(linePrefix) ? source.slice(linePrefix.length) : source), schema);
    } else {
      data[field] = coerce(readPath(native, source), entity.fields[field] as z.ZodType | undefined);
    }
  }
  for (const [name, { source, type }] of Object.entries(override.customFields)) {
    if (source.startsWith(linePrefix)) {
      for (const line of unifiedLines ?? []) (line.customFields as Record<string, unknown>)[name] = convert(readPath(nativeLineOf(line), source.slice(linePrefix.length)), type);
    } else {
      customFields[name] = convert(readPath(native, source), type);
    }
  }
  if (unifiedLines) data.lines = unifiedLines;
  return { data, customFields };
}
