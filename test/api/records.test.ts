/**
 * The unified data routes over the store, on SQLite and PostgreSQL: records written through the
 * repository come back exactly as the model says; cursors are stable under concurrent updates;
 * modifiedAfter, status, includeDeleted and include=remoteData filter as documented.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { entities } from '../../src/models/registry.js';
import { PurchaseOrder } from '../../src/models/purchase-order.js';
import { describeEachStore } from '../support/stores.js';
import { appFor, bearer, newConnection, purchaseOrderFields, putPurchaseOrder } from '../support/app.js';

const Page = z.object({ data: z.array(PurchaseOrder), nextCursor: z.string().nullable() });

describeEachStore('data routes', ({ store }) => {
  let app: FastifyInstance;
  let conn: { id: string; token: string };

  before(async () => {
    app = await appFor(store());
    conn = await newConnection(store());
  });
  after(async () => app.close());

  it('serves a record written through the repository exactly as the model says', async () => {
    const { record } = await putPurchaseOrder(store(), conn.id, 1, { remoteData: { id: 1, state: 'quotation', 'party.': { id: 2 } } });
    const res = await app.inject({ url: `/v1/purchase-orders/${record.id}`, headers: bearer(conn.token) });
    assert.equal(res.statusCode, 200);
    const body = z.object({ data: PurchaseOrder }).parse(res.json());
    const { id, remoteId, version, createdAt, updatedAt, deletedAt, customFields, remoteData, ...fields } = body.data;
    assert.deepEqual(fields, purchaseOrderFields(1));
    assert.equal(id, record.id);
    assert.equal(remoteId, '1');
    assert.equal(version, 1);
    assert.equal(createdAt, '2026-01-15T08:00:00.000Z');
    assert.equal(updatedAt, record.updatedAt);
    assert.equal(deletedAt, null);
    assert.deepEqual(customFields, {});
    assert.equal(remoteData, undefined, 'remoteData only on request');
    assert.equal(typeof fields.lines[0]!.unitPrice, 'string', 'money stays a decimal string');

    const withRemote = await app.inject({ url: `/v1/purchase-orders/${record.id}?include=remoteData`, headers: bearer(conn.token) });
    assert.deepEqual(withRemote.json().data.remoteData, { id: 1, state: 'quotation', 'party.': { id: 2 } });
  });

  it('pages over 1,000 records returning each exactly once while 100 others are updated', async () => {
    const paging = await newConnection(store(), 'Paging');
    const ids: string[] = [];
    for (let i = 0; i < 1000; i += 1) ids.push((await putPurchaseOrder(store(), paging.id, i)).record.id);
    // 100 of them change while the client pages: they may be seen or not, but the 900 that
    // stay unchanged must each be seen exactly once.
    const changing = new Set(ids.filter((_, i) => i % 10 === 3));
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    let pages = 0;
    let updates = 0;
    do {
      const url: string = `/v1/purchase-orders?limit=37${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app.inject({ url, headers: bearer(paging.token) });
      assert.equal(res.statusCode, 200, res.body);
      const page = Page.parse(res.json());
      for (const r of page.data) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
      cursor = page.nextCursor;
      pages += 1;
      // Between pages, update ~4 records spread over the whole id range (before and after the cursor).
      for (let k = 0; k < 4 && updates < 100; k += 1, updates += 1) {
        const n = ids.indexOf([...changing][updates]!);
        await putPurchaseOrder(store(), paging.id, n, { overrides: { description: `changed ${updates}` } });
      }
    } while (cursor);
    assert.ok(pages >= 28);
    for (const id of ids) {
      if (!changing.has(id)) assert.equal(seen.get(id), 1, `unchanged record ${id} seen ${seen.get(id) ?? 0} times`);
      else assert.ok((seen.get(id) ?? 0) <= 1, 'a changed record is never repeated either');
    }
    assert.equal(seen.size, 1000);
  });

  it('modifiedAfter returns exactly the records changed after the instant', async () => {
    const c = await newConnection(store(), 'Incremental');
    const t0 = '2026-03-01T10:00:00.000Z';
    for (let i = 0; i < 20; i += 1) await putPurchaseOrder(store(), c.id, i, { updatedAt: `2026-03-01T09:${String(i).padStart(2, '0')}:00.000Z` });
    const later = [3, 7, 11];
    for (const i of later) await putPurchaseOrder(store(), c.id, i, { updatedAt: `2026-03-01T10:00:0${i % 10}.001Z`, overrides: { notes: 'late' } });
    // Exactly at the instant is not "after" it.
    await putPurchaseOrder(store(), c.id, 15, { updatedAt: t0, overrides: { notes: 'at' } });
    const res = await app.inject({ url: `/v1/purchase-orders?limit=200&modifiedAfter=${encodeURIComponent('2026-03-01T11:00:00+01:00')}`, headers: bearer(c.token) });
    assert.equal(res.statusCode, 200, res.body);
    const got = Page.parse(res.json()).data.map((r) => Number(r.remoteId)).sort((a, b) => a - b);
    assert.deepEqual(got, later);
  });

  it('filters by status and hides deleted records unless includeDeleted=true', async () => {
    const c = await newConnection(store(), 'Filters');
    for (let i = 0; i < 12; i += 1) await putPurchaseOrder(store(), c.id, i, { updatedAt: '2026-01-01T00:00:00.000Z' });
    const approved = await app.inject({ url: '/v1/purchase-orders?status=approved&limit=200', headers: bearer(c.token) });
    const list = Page.parse(approved.json()).data;
    assert.deepEqual(list.map((r) => r.remoteId).sort(), ['2', '8']);
    assert.ok(list.every((r) => r.status === 'approved'));

    const victim = list[0]!;
    await store().records.markDeleted(c.id, 'purchaseOrders', victim.id, '2026-04-01T00:00:00.000Z');
    const visible = Page.parse((await app.inject({ url: '/v1/purchase-orders?limit=200', headers: bearer(c.token) })).json()).data;
    assert.equal(visible.length, 11);
    assert.ok(!visible.some((r) => r.id === victim.id));
    const all = Page.parse((await app.inject({ url: '/v1/purchase-orders?limit=200&includeDeleted=true', headers: bearer(c.token) })).json()).data;
    assert.equal(all.length, 12);
    const deleted = all.find((r) => r.id === victim.id)!;
    assert.equal(deleted.deletedAt, '2026-04-01T00:00:00.000Z');
    assert.equal(deleted.version, 2);
    // A client polling for changes sees the deletion as a change.
    const since = encodeURIComponent('2026-03-31T00:00:00Z');
    const polled = Page.parse((await app.inject({ url: `/v1/purchase-orders?modifiedAfter=${since}&includeDeleted=true`, headers: bearer(c.token) })).json()).data;
    assert.deepEqual(polled.map((r) => r.id), [victim.id]);
  });

  it('a list page carries every record exactly as the get route does, key order included', async () => {
    // The list writes the stored JSON text out as it is; the get route formats decoded records.
    const c = await newConnection(store(), 'Same bytes');
    const odd = 'quote " backslash \\ line\u2028sep <tag> ünï 😀';
    for (let i = 0; i < 6; i += 1) {
      await putPurchaseOrder(store(), c.id, i, { overrides: i % 2 ? { description: `${odd} ${i}` } : {}, remoteData: { id: i, note: odd, nested: { list: [1, 'two', null] } } });
    }
    const bare = await putPurchaseOrder(store(), c.id, 6);
    await store().records.upsert({ ...bare.record, data: { ...bare.record.data }, createdAt: null, updatedAt: '2026-02-02T00:00:00.000Z', syncedAt: new Date().toISOString(), remoteData: null });
    const gone = await putPurchaseOrder(store(), c.id, 7);
    await store().records.markDeleted(c.id, 'purchaseOrders', gone.record.id, '2026-04-01T00:00:00.000Z');
    for (const include of ['', '&include=remoteData']) {
      const res = await app.inject({ url: `/v1/purchase-orders?limit=3&includeDeleted=true${include}`, headers: bearer(c.token) });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      let body = res.json() as { data: Record<string, unknown>[]; nextCursor: string | null };
      const listed: Record<string, unknown>[] = [...body.data];
      while (body.nextCursor) {
        body = (await app.inject({ url: `/v1/purchase-orders?limit=3&includeDeleted=true${include}&cursor=${body.nextCursor}`, headers: bearer(c.token) })).json();
        listed.push(...body.data);
      }
      assert.equal(listed.length, 8);
      for (const item of listed) {
        const one = await app.inject({ url: `/v1/purchase-orders/${item.id}${include ? '?include=remoteData' : ''}`, headers: bearer(c.token) });
        const expected = one.json().data as Record<string, unknown>;
        assert.deepEqual(item, expected);
        assert.deepEqual(Object.keys(item), Object.keys(expected), 'same members in the same order');
        Page.shape.data.element.parse(item);
      }
      const withNull = listed.find((r) => r.remoteId === '6')!;
      assert.equal(withNull.createdAt, null);
      if (include) assert.deepEqual(withNull.remoteData, {}, 'a record without a native copy shows {} as the get route does');
      else assert.ok(listed.every((r) => !('remoteData' in r)));
      assert.equal(listed.find((r) => r.remoteId === '1')!.description, `${odd} 1`);
    }
  });

  it('serves every entity of the registry (empty lists, 404 for unknown ids)', async () => {
    for (const entity of entities) {
      const list = await app.inject({ url: `/v1/${entity.path}`, headers: bearer(conn.token) });
      assert.equal(list.statusCode, 200, `${entity.path}: ${list.body}`);
      if (entity.key !== 'purchaseOrders') assert.deepEqual(list.json(), { data: [], nextCursor: null });
      const get = await app.inject({ url: `/v1/${entity.path}/nope_123`, headers: bearer(conn.token) });
      assert.equal(get.statusCode, 404);
      assert.equal(get.json().error.code, 'not_found');
    }
  });
});
