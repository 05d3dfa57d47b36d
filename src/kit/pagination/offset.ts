/**
 * Offset paging (`offset`/`limit`, `$skip`/`$top`, `start`/`count`): ask for `limit` records from
 * `offset` until a page comes back short. Resumes from the offset after the last full page.
 */
import type { RawPage } from '../definition.js';

export async function* offsetPages(opts: {
  pageSize: number;
  resumeAfter?: string;
  fetch: (offset: number, limit: number) => Promise<unknown[]>;
}): AsyncGenerator<RawPage> {
  let offset = opts.resumeAfter ? Number(opts.resumeAfter) : 0;
  if (!Number.isInteger(offset) || offset < 0) offset = 0;
  for (;;) {
    const records = await opts.fetch(offset, opts.pageSize);
    offset += records.length;
    yield { records, resumeAfter: String(offset) };
    if (records.length < opts.pageSize) return;
  }
}
