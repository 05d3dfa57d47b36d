/**
 * Cursor paging: each page names the cursor of the next (`nextCursor`, `continuationToken`); the
 * listing ends when there is none. A cursor that repeats is a system bug and stops the listing
 * instead of looping forever.
 */
import type { RawPage } from '../definition.js';
import { SystemFailure } from '../failure.js';

export async function* cursorPages(opts: {
  resumeAfter?: string;
  fetch: (cursor: string | undefined) => Promise<{ records: unknown[]; nextCursor: string | null | undefined }>;
}): AsyncGenerator<RawPage> {
  let cursor = opts.resumeAfter;
  const seen = new Set<string>();
  for (;;) {
    const { records, nextCursor } = await opts.fetch(cursor);
    if (!nextCursor) {
      yield { records };
      return;
    }
    if (seen.has(nextCursor)) {
      throw new SystemFailure('system', { code: 'system_error', message: 'The system returned the same page cursor twice; paging stopped.' });
    }
    seen.add(nextCursor);
    yield { records, resumeAfter: nextCursor };
    cursor = nextCursor;
  }
}
