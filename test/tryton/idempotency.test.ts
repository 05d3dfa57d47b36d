/**
 * Creates whose answer is lost after Tryton committed them: a fault proxy between Manifold and a
 * real Tryton forwards every create, lets Tryton do it, then cuts the connection. With an
 * Idempotency-Key, Manifold finds the order it made instead of making another: 200 creates give
 * exactly 200 orders. Replays, reused keys and concurrent duplicates behave as documented.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { bearer } from '../support/app.js';
import { trytonGate, type TrytonServer } from '../support/tryton.js';
import { trytonApp, type TrytonApp } from '../support/tryton-app.js';
import { startFaultProxy, type FaultProxy } from '../../src/sandbox/fault-proxy.js';

const gate = await trytonGate('idempotency tests');

describe('idempotent creates against Tryton', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let proxy: FaultProxy;
  let app: FastifyInstance;
  let token: string;
  let env: TrytonApp;

  before(async () => {
    gate.require();
    env = await trytonApp({
      name: 'Lossy',
      // Every create is forwarded, done by Tryton, and its answer cut off.
      instanceUrl: async (t) => {
        proxy = await startFaultProxy({ target: t.url, script: (req) => (req.body.includes('"model.purchase.purchase.create"') ? { kind: 'reset_after_forward' } : undefined) });
        return proxy.url;
      },
    });
    ({ tryton, app, token } = env);
  });
  after(async () => {
    await env?.close();
    await proxy?.close();
  });

  const order = (n: number) => ({ vendor: { remoteId: String(4 + (n % 10)) }, description: `Lossy order ${n}`, lines: [{ itemCode: 'BRG-6204', quantity: String(1 + (n % 7)), unitPrice: '12.50' }] });
  const post = (key: string, body: object) => app.inject({ method: 'POST', url: '/v1/purchase-orders', headers: { ...bearer(token), 'idempotency-key': key }, payload: body });
  const countInTryton = () => tryton.rpc<number>('model.purchase.purchase.search_count', [[]]);

  it('200 creates with lost answers make exactly 200 orders', async () => {
    const before = await countInTryton();
    const ids = new Set<string>();
    const queue = Array.from({ length: 200 }, (_, n) => n);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
          const res = await post(`lossy-${n}`, order(n));
          assert.equal(res.statusCode, 201, res.body);
          ids.add(res.json().data.remoteId);
        }
      }),
    );
    assert.equal(ids.size, 200);
    assert.equal(await countInTryton(), before + 200, 'not one order twice');
    const resets = proxy.log.filter((l) => l.fault === 'reset_after_forward').length;
    assert.equal(resets, 200, 'every create answer was lost, and none was sent again');
  });

  it('replays the first result for the same key and body, refuses the key with another body', async () => {
    const before = await countInTryton();
    const first = await post('replay-1', order(1));
    assert.equal(first.statusCode, 201);
    const again = await post('replay-1', order(1));
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().data.id, first.json().data.id);
    const reused = await post('replay-1', order(2));
    assert.equal(reused.statusCode, 409);
    assert.equal(reused.json().error.code, 'idempotency_key_reused');
    assert.equal(await countInTryton(), before + 1);
  });

  it('two concurrent requests with one key make one order', async () => {
    const before = await countInTryton();
    const [a, b] = await Promise.all([post('together-1', order(3)), post('together-1', order(3))]);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.equal(a.json().data.id, b.json().data.id);
    assert.equal(await countInTryton(), before + 1);
  });
});
