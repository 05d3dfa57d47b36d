/**
 * The pagination kinds: each reads to the end, resumes from the position a page reported,
 * and stops on a system that misbehaves instead of looping forever.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { offsetPages } from '../../src/kit/pagination/offset.js';
import { numberedPages } from '../../src/kit/pagination/page.js';
import { cursorPages } from '../../src/kit/pagination/cursor.js';
import { linkedPages } from '../../src/kit/pagination/next-link.js';
import { idPages } from '../../src/kit/pagination/id-keyset.js';
import type { RawPage } from '../../src/kit/definition.js';

const data = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }));
async function collect(pages: AsyncIterable<RawPage>): Promise<RawPage[]> {
  const out: RawPage[] = [];
  for await (const p of pages) out.push(p);
  return out;
}
const ids = (pages: RawPage[]) => pages.flatMap((p) => p.records.map((r) => (r as { id: number }).id));

describe('pagination kinds', () => {
  it('id keyset: continues after the last id, so a record removed mid-listing shifts nothing, and resumes after an id', async () => {
    const live = data.filter((d) => d.id % 5 !== 0); // ids with gaps
    const calls: number[] = [];
    const fetch = async (afterId: number, limit: number) => {
      calls.push(afterId);
      if (afterId === 7) live.splice(live.findIndex((d) => d.id === 4), 1); // an earlier record disappears meanwhile
      return live.filter((d) => d.id > afterId).slice(0, limit);
    };
    const pages = await collect(idPages({ pageSize: 6, fetch }));
    assert.deepEqual(ids(pages), [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19, 21, 22, 23]);
    assert.deepEqual(calls, [0, 7, 14, 22]);
    assert.equal(pages.at(-1)!.resumeAfter, undefined, 'the short page ends the listing');
    const resumed = await collect(idPages({ pageSize: 6, resumeAfter: '16', fetch: async (a, l) => data.filter((d) => d.id > a).slice(0, l) }));
    assert.equal(ids(resumed)[0], 17);
    const garbage = await collect(idPages({ pageSize: 50, resumeAfter: 'not-an-id', fetch: async (a, l) => data.filter((d) => d.id > a).slice(0, l) }));
    assert.equal(ids(garbage)[0], 1, 'a position that is not an id starts over');
  });

  it('offset: reads to the short page and resumes from an offset', async () => {
    const calls: number[] = [];
    const pages = await collect(offsetPages({ pageSize: 10, fetch: async (o, l) => { calls.push(o); return data.slice(o, o + l); } }));
    assert.deepEqual(ids(pages), data.map((d) => d.id));
    assert.deepEqual(calls, [0, 10, 20]);
    const resumed = await collect(offsetPages({ pageSize: 10, resumeAfter: pages[0]!.resumeAfter, fetch: async (o, l) => data.slice(o, o + l) }));
    assert.equal(ids(resumed)[0], 11);
  });

  it('offset: an exact multiple ends with one empty page', async () => {
    const pages = await collect(offsetPages({ pageSize: 23, fetch: async (o, l) => data.slice(o, o + l) }));
    assert.deepEqual(pages.map((p) => p.records.length), [23, 0]);
  });

  it('page numbers: stops at totalPages, or at a short page', async () => {
    const byTotal = await collect(numberedPages({ pageSize: 5, fetch: async (p, s) => ({ records: data.slice((p - 1) * s, p * s), totalPages: 3 }) }));
    assert.equal(ids(byTotal).length, 15);
    const byShort = await collect(numberedPages({ pageSize: 5, firstPage: 0, fetch: async (p, s) => ({ records: data.slice(p * s, (p + 1) * s) }) }));
    assert.deepEqual(ids(byShort), data.map((d) => d.id));
    const resumed = await collect(numberedPages({ pageSize: 5, resumeAfter: '2', fetch: async (p, s) => ({ records: data.slice((p - 1) * s, p * s) }) }));
    assert.equal(ids(resumed)[0], 11);
  });

  it('cursor: follows nextCursor to the end and refuses a repeated cursor', async () => {
    const pages = await collect(cursorPages({ fetch: async (c) => { const from = c ? Number(c) : 0; const recs = data.slice(from, from + 7); return { records: recs, nextCursor: from + 7 < data.length ? String(from + 7) : null }; } }));
    assert.deepEqual(ids(pages), data.map((d) => d.id));
    await assert.rejects(collect(cursorPages({ fetch: async () => ({ records: [{ id: 1 }], nextCursor: 'same' }) })), /same page cursor twice/);
  });

  it('next-link: follows relative and absolute links on the same origin only', async () => {
    const base = 'http://erp.local/api/items';
    const pages = await collect(linkedPages({
      firstUrl: base,
      fetch: async (url) => {
        const page = Number(new URL(url).searchParams.get('page') ?? '1');
        return { records: data.slice((page - 1) * 10, page * 10), next: page < 3 ? `?page=${page + 1}` : null };
      },
    }));
    assert.deepEqual(ids(pages), data.map((d) => d.id));
    await assert.rejects(collect(linkedPages({ firstUrl: base, fetch: async () => ({ records: [], next: 'http://elsewhere.local/steal' }) })), /leaves the instance/);
  });
});
