/**
 * A connector's default field mapping, as data: for every unified field of an entity, the native
 * field or path it is read from (and written to), the native fields a computed value is derived
 * from, or why the system has no such field. The API shows it (GET /v1/field-mapping), and
 * per-connection overrides and custom fields are applied on top of it at read time.
 *
 * Paths are dot paths into the native record as stored in remoteData (`invoice_address.city`);
 * `lines[].x` is field x of each element of the `lines` array; a key stored with a trailing dot
 * (Tryton's embedded `party.`) is written with an empty segment: `party..rec_name`.
 */
import { z } from 'zod';

export const FieldSource = z.union([
  z.object({
    path: z.string().min(1).describe('The native path the value is read from.'),
    write: z.string().min(1).optional().describe('The native field a write sets, when it differs from path.'),
    note: z.string().optional().describe('A conversion worth knowing (units, codes, formats).'),
  }),
  z.object({
    paths: z.array(z.string().min(1)).min(1).describe('The native paths the value is computed from.'),
    logic: z.string().min(1).describe('How, in words (e.g. the state mapping).'),
    write: z.array(z.string().min(1)).optional().describe('The native fields a write sets.'),
  }),
  z.object({
    none: z.string().min(1).describe('Why the system has no such field (the unified field is then null or empty).'),
  }),
]);
export type FieldSource = z.infer<typeof FieldSource>;

export const EntityMapping = z.object({
  /** Every field of the unified model, except the record envelope. */
  fields: z.record(z.string(), FieldSource),
  /** For documents with lines: every field of the line model (keys without the `lines[].` prefix). */
  lines: z.record(z.string(), FieldSource).optional(),
  /** The native array the lines come from (paths in `lines` are relative to one element). */
  linesPath: z.string().min(1).optional(),
});
export type EntityMapping = z.infer<typeof EntityMapping>;

/** Every native path a mapping reads, for finding the native fields nothing maps. */
export function pathsOf(mapping: EntityMapping): string[] {
  const out: string[] = [];
  const add = (prefix: string, src: FieldSource) => {
    if ('path' in src) out.push(prefix + src.path);
    else if ('paths' in src) out.push(...src.paths.map((p) => prefix + p));
  };
  for (const src of Object.values(mapping.fields)) add('', src);
  for (const src of Object.values(mapping.lines ?? {})) add(`${mapping.linesPath ?? 'lines'}[].`, src);
  return out;
}
