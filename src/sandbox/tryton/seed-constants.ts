// Constants of the seed that its parts share. They live here rather than in seed.ts
// (which re-exports them) so the seed-*.ts modules need not import seed.ts at runtime:
// a circular import would leave them undefined while the modules load.

/** All seeded business dates are offsets from this day, never from "today". */
export const SEED_BASE_DATE = '2025-09-30';

export const SEED_PURCHASE_COUNT = 260;

/** Intended final states; the seed verifies Tryton ended up with exactly these counts. */
export const SEED_STATE_COUNTS = {
  draft: 78,
  quotation: 52,
  processing: 91,
  cancelled: 26,
  done: 13,
} as const;

/** Confirm/receive batch size; see the measurement where confirm is called. */
export const CONFIRM_BATCH = 5;

export type SeedState = keyof typeof SEED_STATE_COUNTS;
