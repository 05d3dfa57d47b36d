/**
 * The shape of a sync checkpoint's cursor: the watermark for the next incremental sync, and — while
 * a run is under way — where it got to, so a run killed half way resumes instead of restarting.
 */
import { z } from 'zod';

export const SyncCursor = z.object({
  /** Ask the system for records changed at or after this instant next time. */
  since: z.string().nullable(),
  /** When the last full run (which finds deletions) that succeeded started. */
  lastFullAt: z.string().optional(),
  /** Why the entity is not synced at all (the system cannot list it); set with status `skipped`. */
  skipped: z.string().optional(),
  inProgress: z
    .object({
      full: z.boolean(),
      since: z.string().nullable(),
      runStartedAt: z.string(),
      resumeAfter: z.string().optional(),
    })
    .optional(),
});
export type SyncCursor = z.infer<typeof SyncCursor>;

export function readCursor(value: unknown): SyncCursor {
  const parsed = SyncCursor.safeParse(value);
  return parsed.success ? parsed.data : { since: null };
}

export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
}

export const emptyCounts = (): SyncCounts => ({ fetched: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 });
