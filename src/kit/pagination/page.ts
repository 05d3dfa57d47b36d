/**
 * Page-number paging (`page`/`pageSize`, `pageNumber`, Laravel's `page`/`per_page`): pages are
 * numbered from `firstPage`; the listing ends on a short or empty page, or when the system says
 * how many pages there are.
 */
import type { RawPage } from '../definition.js';

export async function* numberedPages(opts: {
  pageSize: number;
  firstPage?: number;
  resumeAfter?: string;
  fetch: (page: number, pageSize: number) => Promise<{ records: unknown[]; totalPages?: number }>;
}): AsyncGenerator<RawPage> {
  const first = opts.firstPage ?? 1;
  let page = opts.resumeAfter ? Number(opts.resumeAfter) + 1 : first;
  if (!Number.isInteger(page) || page < first) page = first;
  for (;;) {
    const { records, totalPages } = await opts.fetch(page, opts.pageSize);
    yield { records, resumeAfter: String(page) };
    const last = totalPages !== undefined ? page - first + 1 >= totalPages : records.length < opts.pageSize;
    if (last || records.length === 0) return;
    page += 1;
  }
}
