/**
 * The two halves of PROACTIS P2P meet: an order P2P pushes as cXML arrives through the
 * connection's intake (P2P has no list API for orders), reads as a unified purchase order, and
 * DELETE cancels it in P2P through the gateway's CancelOrder.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Random } from '../../src/sandbox/random.js';
import { BUYER_ID, SHARED_SECRET, expectedFields, generateOrder, renderOrder } from '../cxml/generator.js';
import { basicAuth, post, setIntake, statusOf } from '../cxml/support.js';
import { goodsOrders, p2pApp, type Json, type P2pApp } from './support.js';

describe('PROACTIS P2P: orders by cXML, cancelled through the gateway', () => {
  let t: P2pApp;
  let connectionId: string;
  let token: string;

  before(async () => {
    t = await p2pApp();
    const made = await t.connect();
    assert.equal(made.res.statusCode, 201, made.res.body);
    [connectionId, token] = [made.id!, made.token!];
    await setIntake(t.app, connectionId, {
      authentication: { type: 'basic', username: 'proactis', password: 'intake-password-1' },
      sender: { identity: BUYER_ID, domain: 'NetworkId' },
      sharedSecret: SHARED_SECRET,
    });
  });
  after(async () => t?.close());

  it('the catalogue says this system pushes its orders as cXML', async () => {
    const res = await t.app.inject({ url: '/v1/systems/proactis-p2p', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().data.orderIntake.cxml.senders, ['PROACTIS P2P']);
  });

  it('an order received by cXML reads as a purchase order and DELETE cancels it in P2P', async () => {
    const order = goodsOrders(t.sim)[0]!;
    let n = 0;
    const sent = { ...generateOrder(new Random(7), 1, () => ++n), orderID: order.displayNumber };
    const answer = await post(t.app, connectionId, renderOrder(sent), basicAuth('proactis', 'intake-password-1'));
    assert.equal(statusOf(answer.body).code, 200, answer.body);

    const list = await t.call(token, 'GET', '/v1/purchase-orders?limit=10');
    assert.equal(list.statusCode, 200, list.body);
    const po = list.json().data.find((p: Json) => p.remoteId === order.displayNumber);
    assert.ok(po, 'the order received by cXML is listed');
    const expected = expectedFields(sent);
    const lines = (expected.lines as Json[]).map((l) => ({ id: `${po.id}:${l.lineNumber}`, ...l }));
    for (const [field, value] of Object.entries({ ...expected, lines })) assert.deepEqual(po[field], value, field);

    const res = await t.call(token, 'DELETE', `/v1/purchase-orders/${po.id}`, undefined, { 'if-match': `"${po.version}"` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'cancelled');
    assert.equal(res.json().data.status, 'cancelled');
    assert.equal(order.state, 'Cancelled', 'cancelled in P2P itself');
    assert.equal(t.sim.requests.at(-1)?.method, 'CancelOrder');
  });
});
