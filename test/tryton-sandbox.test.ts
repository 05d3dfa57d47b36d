// The Tryton sandbox itself: a real Tryton 6.0 starts, holds the seeded purchasing data and
// speaks JSON-RPC as the connector will expect. Skipped locally without Tryton (see
// scripts/tryton/install.sh); in CI a missing Tryton is a failure, not a silent skip.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  SEED_PURCHASE_COUNT,
  SEED_STATE_COUNTS,
  TrytonRpcError,
  login,
  rawCall,
  startTryton,
  trytonAvailable,
  type TrytonServer,
} from './support/tryton.js';

const unavailable = await trytonAvailable();

if (unavailable && process.env.CI === 'true') {
  test('Tryton sandbox', () => {
    assert.fail(`Tryton is required in CI but not available: ${unavailable}`);
  });
} else if (unavailable) {
  console.log(`skipping Tryton sandbox tests: ${unavailable}`);
  test('Tryton sandbox', { skip: unavailable }, () => {});
} else {
  describe('Tryton sandbox', () => {
    let server: TrytonServer;

    interface PoRow {
      id: number;
      state: string;
      party: number;
      currency: number;
      number: string | null;
      reference: string | null;
      lines: number[];
      moves: number[];
      shipment_state: string;
      invoice_method: string;
      'currency.': { id: number; code: string; digits: number };
      total_amount: { __class__: 'Decimal'; decimal: string };
    }
    let pos: PoRow[];

    before(async () => {
      const t0 = performance.now();
      server = await startTryton();
      console.log(`tryton ${server.version} ready at ${server.url} in ${Math.round(performance.now() - t0)} ms (incl. template check)`);
      pos = await server.rpc<PoRow[]>('model.purchase.purchase.search_read', [
        [],
        0,
        null,
        [['id', 'ASC']],
        ['state', 'party', 'currency', 'currency.code', 'currency.digits', 'number', 'reference', 'lines', 'moves', 'shipment_state', 'invoice_method', 'total_amount'],
      ]);
    });

    after(async () => {
      await server?.stop();
    });

    test('listens on loopback and reports Tryton 6.0', async () => {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(await rawCall(`${server.url}/`, 'common.server.version', []), server.version);
      assert.match(server.version, /^6\.0\./);
    });

    test('holds at least 250 purchase orders with SEED references', () => {
      assert.ok(pos.length >= 250, `only ${pos.length} purchases`);
      assert.equal(pos.length, SEED_PURCHASE_COUNT);
      assert.equal(server.seed.purchases.total, pos.length);
      assert.ok(pos.every((p) => /^SEED-\d{4}$/.test(p.reference ?? '')));
      assert.equal(new Set(pos.map((p) => p.reference)).size, pos.length);
      // The configuration default, not a per-order value, must have produced this.
      assert.ok(pos.every((p) => p.invoice_method === 'manual'));
    });

    test('states are spread as intended', () => {
      const counts: Record<string, number> = {};
      for (const p of pos) counts[p.state] = (counts[p.state] ?? 0) + 1;
      assert.deepEqual(counts, { ...SEED_STATE_COUNTS } as Record<string, number>);
      const share = (s: string) => (counts[s] ?? 0) / pos.length;
      assert.ok(Math.abs(share('draft') - 0.3) < 0.05);
      assert.ok(Math.abs(share('quotation') - 0.2) < 0.05);
      assert.ok(Math.abs(share('processing') - 0.35) < 0.05);
      assert.ok(Math.abs(share('cancelled') - 0.1) < 0.05);
      assert.equal(counts.confirmed, undefined, 'a confirmed PO means the post-confirm process task failed');
    });

    test('workflow side effects are real: numbers, moves, receipts', () => {
      for (const p of pos) {
        if (p.state === 'draft') assert.equal(p.number, null);
        if (['quotation', 'processing', 'done'].includes(p.state)) assert.ok(p.number, `PO ${p.id} has no number`);
        if (p.state === 'processing' || p.state === 'done') assert.ok(p.moves.length > 0, `PO ${p.id} has no moves`);
        if (p.state === 'done') assert.equal(p.shipment_state, 'received');
      }
      const partial = pos.filter((p) => server.seed.purchases.partiallyReceived.includes(p.id));
      assert.ok(partial.length > 0 && partial.every((p) => p.state === 'processing' && p.shipment_state === 'waiting'));
    });

    test('several currencies (one with 3 decimals) and suppliers', () => {
      const codes = new Set(pos.map((p) => p['currency.'].code));
      assert.ok(codes.size >= 4, `currencies: ${[...codes].join(', ')}`);
      for (const c of ['EUR', 'USD', 'GBP', 'KWD']) assert.ok(codes.has(c), `no PO in ${c}`);
      const kwd = pos.filter((p) => p['currency.'].code === 'KWD');
      assert.ok(kwd.every((p) => p['currency.'].digits === 3));
      assert.ok(kwd.some((p) => /\.\d{3}$/.test(p.total_amount.decimal)), 'KWD totals should carry 3 decimals');
      const suppliers = new Set(pos.map((p) => p.party));
      assert.ok(suppliers.size >= 8, `only ${suppliers.size} suppliers`);
    });

    test('multi-line orders with goods, services and comment lines', async () => {
      const lines = await server.rpc<{ id: number; purchase: number; type: string; quantity: number | null; product: number | null }[]>(
        'model.purchase.line.search_read',
        [[], 0, null, [['id', 'ASC']], ['purchase', 'type', 'quantity', 'product']],
      );
      assert.equal(lines.length, server.seed.purchases.lines);
      const perPo = new Map<number, number>();
      for (const l of lines) if (l.type === 'line') perPo.set(l.purchase, (perPo.get(l.purchase) ?? 0) + 1);
      assert.equal(perPo.size, pos.length, 'every PO has at least one product line');
      const sizes = [...perPo.values()];
      assert.ok(Math.max(...sizes) <= 8 && Math.min(...sizes) >= 1);
      assert.ok(sizes.filter((n) => n >= 2).length > pos.length / 2, 'most orders have several lines');
      assert.ok(lines.some((l) => l.type === 'comment'));
      assert.ok(lines.some((l) => l.type === 'line' && l.quantity !== null && !Number.isInteger(l.quantity)), 'decimal quantities');
    });

    test('login works with the returned credentials; a wrong password gives 401', async () => {
      const session = await login(server.url, server.database, server.username, server.password);
      assert.ok(session.userId > 0);
      assert.equal(session.context.company, server.seed.company.id);
      assert.equal(await session.call('model.purchase.purchase.search_count', [[]]), pos.length);
      await session.logout();
      // Last on purpose: failed logins slow down later logins of the same user name.
      await assert.rejects(
        login(server.url, server.database, server.username, `${server.password}-wrong`),
        (err: unknown) => err instanceof TrytonRpcError && err.status === 401,
      );
    });
  });
}
