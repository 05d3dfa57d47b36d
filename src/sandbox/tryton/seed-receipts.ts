// The seed's goods receipts: every line of the "done" orders and the first line of a few
// processing ones arrive on supplier shipments, with effective dates derived from the
// order so the result does not depend on the day the template is built.

import { date } from './rpc.js';
import { button, create, expectStates, type Ctx, type Lap } from './seed-calls.js';
import { CONFIRM_BATCH } from './seed-constants.js';
import type { SeededPurchases } from './seed-purchases.js';
import { addDays, chunk } from './seed-random.js';

export interface SeededReceipts {
  shipmentIds: number[];
  /** processing POs that have one receipt done but still wait for other lines */
  partialIds: number[];
}

export async function seedReceipts(ctx: Ctx, companyId: number, purchases: SeededPurchases, lap: Lap): Promise<SeededReceipts> {
  const { idsIn } = purchases;
  const doneIds = idsIn('done');
  const partialIds = idsIn('processing').filter((_, i) => i % 15 === 3);
  const receiptPos = await ctx.call<
    { id: number; party: number; warehouse: number; purchase_date: { year: number; month: number; day: number }; moves: number[] }[]
  >('model.purchase.purchase.read', [[...doneIds, ...partialIds], ['party', 'warehouse', 'purchase_date', 'moves']]);
  const isoOf = (d: { year: number; month: number; day: number }) =>
    `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const shipmentValues: Record<string, unknown>[] = [];
  const moveDates: [number[], string][] = [];
  for (const po of receiptPos.sort((a, b) => a.id - b.id)) {
    const full = doneIds.includes(po.id);
    const moves = [...po.moves].sort((a, b) => a - b);
    const received = full ? moves : moves.slice(0, 1);
    if (received.length === 0) throw new Error(`purchase ${po.id} has no moves to receive`);
    const day = addDays(isoOf(po.purchase_date), 10 + (po.id % 20));
    shipmentValues.push({
      company: companyId,
      supplier: po.party,
      warehouse: po.warehouse,
      reference: `DN-${String(70000 + po.id)}`,
      planned_date: date(day),
      effective_date: date(day),
      incoming_moves: [['add', received]],
    });
    moveDates.push([received, day]);
  }
  const shipmentIds = await create(ctx, 'stock.shipment.in', shipmentValues);
  // Move.do stamps today's date on moves without one, which would make the seed depend
  // on the build day.
  await ctx.call('model.stock.move.write', moveDates.flatMap(([moves, day]) => [moves, { effective_date: date(day) }]));
  for (const batch of chunk(shipmentIds, CONFIRM_BATCH)) await button(ctx, 'stock.shipment.in', 'receive', batch);
  const shipments = await ctx.call<{ id: number; inventory_moves: number[]; effective_date: unknown }[]>(
    'model.stock.shipment.in.read',
    [shipmentIds, ['inventory_moves', 'effective_date']],
  );
  const writeArgs: unknown[] = [];
  for (const sh of shipments) {
    if (sh.inventory_moves.length === 0) continue;
    const ed = sh.effective_date as { year: number; month: number; day: number };
    writeArgs.push(sh.inventory_moves, { effective_date: date(isoOf(ed)) });
  }
  if (writeArgs.length > 0) await ctx.call('model.stock.move.write', writeArgs);
  for (const batch of chunk(shipmentIds, CONFIRM_BATCH)) await button(ctx, 'stock.shipment.in', 'done', batch);
  // shipment.done queues purchase.process, which runs after the commit and moves fully
  // received manual-invoice orders to done.
  await expectStates(ctx, doneIds, 'done', 'receive');
  await expectStates(ctx, partialIds, 'processing', 'partial receipt');
  lap('receipts');

  return { shipmentIds, partialIds };
}
