/**
 * Listing a Proactis API to the end: `pageNumber` from 0 and `pageSize` up to 50, the answer's
 * `totalElements` saying when it is done (docs.proactis.com "Pagination"), and `dateTimeFrom`
 * for what changed since (docs.proactis.com "Using last modified dates").
 *
 * - `dateTimeFrom` takes minutes (`2023-01-30T00:00`): Manifold sends the minute of `since`
 *   (in UTC — [unverified]: the docs show no zone) and drops, itself, records older than `since`.
 * - Pages are numbered, so a record that disappears mid-listing shifts the rest one place
 *   back and one would never be read — and a full sync would then take it for deleted. The
 *   listing sorts on the record id (a change does not move a record) and, when `totalElements`
 *   shrinks, steps back as many pages as records vanished and reads them again. A record that
 *   appears mid-listing only repeats one already read.
 */
import type { ListOptions, RawPage } from '../../kit/definition.js';
import type { ProactisClient, Service } from './client.js';

export const MAX_PAGE_SIZE = 50;

/** `since` as dateTimeFrom: its minute, in UTC. */
export function dateTimeFrom(since: string): string {
  return new Date(Date.parse(since)).toISOString().slice(0, 16);
}

export async function* listPages(client: ProactisClient, service: Service, opts: ListOptions): AsyncGenerator<RawPage> {
  const pageSize = Math.max(1, Math.min(opts.pageSize, MAX_PAGE_SIZE));
  // lastModified has whole seconds: a change in the same second as `since` shows as before it.
  const since = opts.since === undefined ? undefined : Math.floor(Date.parse(opts.since) / 1000) * 1000;
  let page = opts.resumeAfter !== undefined && /^\d+$/.test(opts.resumeAfter) ? Number(opts.resumeAfter) + 1 : 0;
  let total: number | undefined;
  for (;;) {
    const answer = await client.page(service, {
      pageNumber: page,
      pageSize,
      sortField: 'id',
      sortOrder: 'asc',
      dateTimeFrom: opts.since === undefined ? undefined : dateTimeFrom(opts.since),
    });
    if (total !== undefined && answer.totalElements < total) {
      const back = Math.ceil((total - answer.totalElements) / pageSize);
      total = answer.totalElements;
      page = Math.max(0, page - back);
      continue;
    }
    total = answer.totalElements;
    const records = since === undefined ? answer.content : answer.content.filter((r) => Date.parse(String((r as { lastModified?: unknown }).lastModified)) >= since);
    yield { records, resumeAfter: String(page) };
    if (answer.content.length === 0 || (page + 1) * pageSize >= answer.totalElements) return;
    page += 1;
  }
}
