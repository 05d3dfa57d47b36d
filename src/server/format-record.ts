/**
 * Store row → the public record: the envelope first, then the model's fields, then
 * customFields and (only when asked) remoteData.
 */
import type { RecordRow } from '../store/repos/records.js';

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
