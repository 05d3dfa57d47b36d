/**
 * Store row → the public record: the envelope first, then the model's fields, then
 * customFields and (only when asked) remoteData.
 */
import type { RecordJsonRow, RecordRow } from '../store/repos/records.js';

export function formatRecord(row: RecordRow, opts: { remoteData: boolean }): Record<string, unknown> {
  return {
    id: row.id,
    remoteId: row.remoteId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    ...row.data,
    customFields: row.customFields ?? {},
    ...(opts.remoteData ? { remoteData: row.remoteData ?? {} } : {}),
  };
}

/** The inside of a JSON object's text (`{"a":1}` → `"a":1`); empty for `{}`. */
function members(objectJson: string): string {
  const text = objectJson.trim();
  if (text[0] !== '{' || text[text.length - 1] !== '}') throw new TypeError('Expected the JSON text of an object in the store');
  return text.slice(1, -1).trim();
}

/**
 * formatRecord as JSON text, spliced from the JSON the store holds instead of parsing it and
 * serialising it again: on a page of 100 orders that was most of the list route's time (see
 * docs/benchmarks.md, read path). Same members in the same order as formatRecord; the stored
 * `data` never holds envelope names (it is validated against the model's own fields).
 */
export function recordJson(row: RecordJsonRow, opts: { remoteData: boolean }): string {
  const fields = members(row.dataJson);
  let out = `{"id":${JSON.stringify(row.id)},"remoteId":${JSON.stringify(row.remoteId)},"version":${row.version},"createdAt":${JSON.stringify(row.createdAt)},"updatedAt":${JSON.stringify(row.updatedAt)},"deletedAt":${JSON.stringify(row.deletedAt)}`;
  if (fields) out += `,${fields}`;
  out += `,"customFields":${row.customFieldsJson}`;
  if (opts.remoteData) out += `,"remoteData":${row.remoteDataJson ?? '{}'}`;
  return `${out}}`;
}
