/**
 * The cXML intake end to end through the API, on SQLite and PostgreSQL: 100 generated
 * OrderRequests (new orders of 1–10 lines, updates with higher orderVersions, a cancel, a
 * malformed document and one with a wrong SharedSecret). The 98 valid ones must read back from
 * GET /v1/purchase-orders field by field as sent; the two others get cXML 400 and 401 and leave
 * no record and no event behind. Then duplicates, stale versions and reused payloadIDs.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, appFor, bearer } from '../support/app.js';
import { describeEachStore } from '../support/stores.js';
import { Random } from '../../src/sandbox/random.js';
import { BUYER_ID, SHARED_SECRET, cancel, expectedFields, generateOrder, renderOrder, revise, type GenOrder } from './generator.js';
import { basicAuth, connect, footprint, post, setIntake, statusOf, testConnectors } from './support.js';

type Json = Record<string, any>;

const AUTH = basicAuth('proactis', 'intake-password-1');

describeEachStore('cXML intake: 100 orders', ({ store }) => {
  let app: FastifyInstance;
  let conn: { id: string; token: string };
  const latest = new Map<string, GenOrder>();
  const updates = new Map<string, number>();

  before(async () => {
    app = await appFor(store(), { connectors: testConnectors });
    conn = await connect(app);
    await setIntake(app, conn.id, {
      authentication: { type: 'basic', username: 'proactis', password: 'intake-password-1' },
      sender: { identity: BUYER_ID, domain: 'NetworkId' },
      sharedSecret: SHARED_SECRET,
    });
  });
  after(async () => app?.close());

  async function listAll(): Promise<Json[]> {
    const out: Json[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; body: string; json(): Json } = await app.inject({ url: `/v1/purchase-orders?limit=50&include=remoteData&includeDeleted=true${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(conn.token) });
      assert.equal(res.statusCode, 200, res.body);
      out.push(...res.json().data);
      cursor = res.json().nextCursor;
    } while (cursor);
    return out;
  }

  it('stores the 98 valid documents of 100, and nothing of the malformed one and the one with a wrong SharedSecret', async () => {
    const rand = new Random(20260501);
    let seq = 0;
    const next = () => ++seq;
    const docs: { xml: string; order?: GenOrder; expect: 200 | 400 | 401 }[] = [];
    const orders = Array.from({ length: 82 }, (_, i) => generateOrder(rand, i + 1, next));
    const valid = (order: GenOrder) => docs.push({ xml: renderOrder(order), order, expect: 200 });
    for (const o of orders.slice(0, 40)) valid(o);
    const revised = orders.slice(0, 15).map((o) => revise(rand, o, `${1714652200000 + next()}.rev@buyer.example.com`));
    revised.forEach(valid);
    for (const o of orders.slice(40, 60)) valid(o);
    // Cut mid-element: not well-formed.
    docs.push({ xml: renderOrder(orders[80]!).slice(0, 900), expect: 400 });
    for (const o of orders.slice(60, 70)) valid(o);
    docs.push({ xml: renderOrder(orders[81]!, { sharedSecret: 'not-the-secret' }), expect: 401 });
    for (const o of orders.slice(70, 80)) valid(o);
    for (const o of revised.slice(0, 2)) valid(revise(rand, o, `${1714652300000 + next()}.rev@buyer.example.com`));
    valid(cancel(orders[19]!, `${1714652400000 + next()}.cancel@buyer.example.com`));
    assert.equal(docs.length, 100);
    assert.equal(docs.filter((d) => d.expect === 200).length, 98);

    for (const [i, doc] of docs.entries()) {
      const before = doc.expect === 200 ? undefined : await footprint(store(), conn.id);
      const res = await post(app, conn.id, doc.xml, AUTH);
      const status = statusOf(res.body);
      assert.equal(status.code, doc.expect, `document ${i + 1}: ${status.message}`);
      assert.equal(res.statusCode, doc.expect, `document ${i + 1}: HTTP status matches the cXML status (errorStatus matching)`);
      assert.match(String(res.headers['content-type']), /^text\/xml/);
      assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE cXML SYSTEM "http:\/\/xml\.cxml\.org\/schemas\/cXML\/1\.2\.050\/cXML\.dtd">/);
      if (doc.order) {
        latest.set(doc.order.orderID, doc.order);
        if (doc.order.type !== 'new') updates.set(doc.order.orderID, (updates.get(doc.order.orderID) ?? 0) + 1);
      } else {
        assert.deepEqual(await footprint(store(), conn.id), before, `document ${i + 1} stored nothing`);
      }
    }

    const stored = await listAll();
    assert.equal(stored.length, 80);
    const byNumber = new Map(stored.map((r) => [r.number, r]));
    for (const [orderID, order] of latest) {
      const record = byNumber.get(orderID);
      assert.ok(record, `order ${orderID} is stored`);
      const { id, remoteId, version, createdAt, updatedAt, deletedAt, customFields, remoteData, ...fields } = record;
      const expected = expectedFields(order);
      const lines = (expected.lines as Json[]).map((l) => ({ id: `${id}:${l.lineNumber}`, ...l }));
      assert.deepEqual(fields, { ...expected, lines }, `order ${orderID}`);
      assert.equal(remoteId, orderID);
      assert.equal(version, 1 + (updates.get(orderID) ?? 0), `order ${orderID} has one version per change`);
      assert.equal(deletedAt, null, 'a cancelled order is kept');
      assert.equal(createdAt, new Date(order.orderDate).toISOString());
      assert.ok(Date.parse(updatedAt) > 0);
      assert.deepEqual(customFields.extrinsics, { WorkOrder: order.workOrder });
      assert.equal(customFields.cxml.payloadID, order.payloadID);
      assert.equal(customFields.cxml.orderVersion, order.orderVersion);
      assert.equal(customFields.cxml.type, order.type);
      assert.deepEqual(customFields.cxml.to, [{ domain: 'DUNS', identity: order.supplier }]);
      // remoteData is the document as parsed, without the SharedSecret.
      assert.equal(remoteData.cXML['@payloadID'], order.type === 'delete' ? latestBeforeCancel(order).payloadID : order.payloadID);
      assert.ok(!JSON.stringify(remoteData).includes(SHARED_SECRET), 'no secret in remoteData');
    }
    const cancelled = stored.filter((r) => r.status === 'cancelled');
    assert.deepEqual(cancelled.map((r) => r.number), [orders[19]!.orderID]);

    // One event per change, as sync emits them: created, then updated for each change (the cancel included).
    const events = await store().events.listAfter(conn.id, 0, 10_000);
    assert.equal(events.length, 98);
    assert.equal(events.filter((e) => e.type === 'created').length, 80);
    assert.equal(events.filter((e) => e.type === 'updated').length, 18);
    assert.ok(events.every((e) => e.entity === 'purchaseOrders' && (e.payload as Json).source === 'cxml'));

    // The stored orders also filter like synced ones.
    const res = await app.inject({ url: '/v1/purchase-orders?status=cancelled', headers: bearer(conn.token) });
    assert.deepEqual(res.json().data.map((r: Json) => r.number), [orders[19]!.orderID]);
  });

  /** A cancel keeps the order's last document as its remoteData. */
  function latestBeforeCancel(order: GenOrder): { payloadID: string } {
    return { payloadID: order.documentReference! };
  }

  it('answers a resent payloadID as a duplicate (200) and stores nothing new', async () => {
    const order = latest.get('PO004030')!;
    const before = await footprint(store(), conn.id);
    const res = await post(app, conn.id, renderOrder(order), AUTH);
    const status = statusOf(res.body);
    assert.equal(status.code, 200);
    assert.match(status.message, /Duplicate/);
    assert.deepEqual(await footprint(store(), conn.id), before);
  });

  it('refuses an older or equal orderVersion with 409 and stores nothing', async () => {
    const current = latest.get('PO004001')!; // at version 3
    const before = await footprint(store(), conn.id);
    for (const orderVersion of [current.orderVersion, current.orderVersion - 1]) {
      const stale = { ...current, orderVersion, payloadID: `stale-${orderVersion}@buyer.example.com`, lines: current.lines.slice(0, 1) };
      const res = await post(app, conn.id, renderOrder(stale), AUTH);
      assert.equal(res.statusCode, 409);
      const status = statusOf(res.body);
      assert.equal(status.code, 409);
      assert.equal(status.text, 'Conflict');
      assert.match(status.message, /orderVersion 3/);
    }
    // type="new" for an order already held is out of sequence too.
    const again = { ...latest.get('PO004050')!, payloadID: 'new-again@buyer.example.com' };
    assert.equal(statusOf((await post(app, conn.id, renderOrder(again), AUTH)).body).code, 409);
    assert.deepEqual(await footprint(store(), conn.id), before);
  });

  it('refuses a payloadID reused for another document, and changes to a cancelled order (409)', async () => {
    const before = await footprint(store(), conn.id);
    const order = latest.get('PO004031')!;
    const reused = { ...order, orderVersion: 2, type: 'update' as const, documentReference: order.payloadID, comments: 'other content' };
    const res = await post(app, conn.id, renderOrder(reused), AUTH);
    assert.equal(statusOf(res.body).code, 409);
    assert.match(statusOf(res.body).message, /payloadID .* already used/);

    const cancelled = latest.get('PO004020')!;
    const revived = { ...cancelled, type: 'update' as const, orderVersion: cancelled.orderVersion + 1, payloadID: 'revive@buyer.example.com' };
    const res2 = await post(app, conn.id, renderOrder(revived), AUTH);
    assert.equal(statusOf(res2.body).code, 409);
    assert.match(statusOf(res2.body).message, /cancelled/);
    assert.deepEqual(await footprint(store(), conn.id), before);
  });

  it('stores a document sent several times at once exactly once, and concurrent changes in version order', async () => {
    const rand = new Random(5);
    const order = generateOrder(rand, 90, () => 0);
    const before = await footprint(store(), conn.id);
    const same = await Promise.all(Array.from({ length: 6 }, () => post(app, conn.id, renderOrder(order), AUTH)));
    assert.deepEqual(same.map((r) => statusOf(r.body).code), [200, 200, 200, 200, 200, 200], same.map((r) => r.body).join('\n'));
    assert.equal(same.filter((r) => !statusOf(r.body).message.startsWith('Duplicate')).length, 1);
    const after1 = await footprint(store(), conn.id);
    assert.deepEqual([after1.records, after1.events], [before.records + 1, before.events + 1]);

    const changes = [2, 3, 4, 5].map((v) => ({ ...order, type: 'update' as const, orderVersion: v, payloadID: `v${v}@buyer.example.com`, documentReference: order.payloadID, comments: `rev ${v}` }));
    const answers = await Promise.all(changes.map((c) => post(app, conn.id, renderOrder(c), AUTH)));
    const codes = answers.map((r) => statusOf(r.body).code);
    assert.ok(codes.every((c) => c === 200 || c === 409), codes.join());
    assert.equal(codes[3], 200, 'the highest version is always taken');
    const accepted = codes.filter((c) => c === 200).length;
    const res = await app.inject({ url: `/v1/purchase-orders?limit=200`, headers: bearer(conn.token) });
    const stored = res.json().data.find((r: Json) => r.number === order.orderID);
    assert.equal(stored.notes, 'rev 5');
    assert.equal(stored.customFields.cxml.orderVersion, 5);
    assert.equal(stored.version, 1 + accepted);
    assert.equal((await footprint(store(), conn.id)).events, after1.events + accepted);
  });

  it('logs each request with its connection and outcome, and no secret', async () => {
    const res = await post(app, conn.id, renderOrder(latest.get('PO004010')!, { sharedSecret: 'wrong-one' }), AUTH);
    assert.equal(statusOf(res.body).code, 401);
    const log = await app.inject({ url: `/v1/requests/${res.headers['x-request-id']}`, headers: admin });
    assert.equal(log.statusCode, 200, log.body);
    const entry = log.json().data;
    assert.equal(entry.route, '/v1/connections/:id/cxml');
    assert.equal(entry.connectionId, conn.id);
    assert.equal(entry.status, 401);
    assert.equal(entry.errorCode, 'unauthorized');
    for (const secret of ['wrong-one', SHARED_SECRET, 'intake-password-1', AUTH.authorization]) assert.ok(!log.body.includes(secret));
  });
});
