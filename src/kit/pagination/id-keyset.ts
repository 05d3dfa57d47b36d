/**
 * Id-keyset paging: pages ordered by a numeric id and continued with `id > last id` rather than an
 * offset, so records added or removed while listing neither shift nor repeat a page, and a killed
 * sync resumes after the last id it stored. For systems whose query language can filter and sort
 * by id (Tryton and Odoo domains, SQL-like APIs).
 */
import type { RawPage } from '../definition.js';
import { cursorPages } from './cursor.js';

export function idPages<R extends { id: number }>(opts: {
  pageSize: number;
  resumeAfter?: string;
  /** Records with an id above `afterId`, ascending by id, at most `limit`. */
  fetch: (afterId: number, limit: number) => Promise<R[]>;
}): AsyncGenerator<RawPage> {
  const resume = opts.resumeAfter !== undefined && /^\d+$/.test(opts.resumeAfter) ? opts.resumeAfter : undefined;
  return cursorPages({
    resumeAfter: resume,
    fetch: async (cursor) => {
      const records = await opts.fetch(cursor === undefined ? 0 : Number(cursor), opts.pageSize);
      const last = records[records.length - 1];
      return { records, nextCursor: records.length === opts.pageSize && last ? String(last.id) : null };
    },
  });
}
