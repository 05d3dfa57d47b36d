// The seed's purchase orders: drawn from the PRNG (suppliers, currencies, dates, lines,
// prices), created in batches, then driven through quote, cancel and confirm by two
// buyers so each order reaches its intended final state. Receipts come after, in
// seed-receipts.ts.

import { date, dec, type TrytonSession } from './rpc.js';
import { button, create, expectStates, write, type Ctx, type Lap } from './seed-calls.js';
import { CURRENCIES, PRODUCTS, SUPPLIERS, type CurrencyCode, type ProductSpec } from './seed-catalog.js';
import { CONFIRM_BATCH, SEED_BASE_DATE, SEED_PURCHASE_COUNT, SEED_STATE_COUNTS, type SeedState } from './seed-constants.js';
import type { Masters } from './seed-masters.js';
import { addDays, chunk, type Rng } from './seed-random.js';

const DESCRIPTIONS = [
  'Bearing restock for conveyor line CV-{n}',
  'Preventive maintenance kit – pump P-{n}',
  'Monthly lubricant replenishment',
  'Emergency repair: hydraulic press HP-{n}',
  'Filter change campaign, air handling unit AHU-{n}',
  'Shutdown materials, kiln {n}',
  'Workshop consumables',
  'Motor replacement on fan F-{n}',
  'Spare parts for packaging machine PM-{n}',
  'Cable replacement, MCC room {n}',
  'Annual instrument calibration',
  'Safety stock top-up',
  'Hose assemblies for mobile crane MC-{n}',
  'Seal replacement – mixer MX-{n}',
];

const COMMENT_LINES = [
  'Deliver to gate 2, Monday–Friday 07:00–15:00.',
  'Partial deliveries accepted.',
  'Please quote your shortest lead time.',
  'Certificate of conformity (EN 10204 3.1) required with delivery.',
  'Pack per line item and label with our PO number.',
  'Price as per framework agreement 2025.',
];

const HEADER_COMMENTS = [
  'Please confirm the delivery date by e-mail.',
  'Urgent: line stopped until delivery.',
  'Invoice must quote the PO number and the cost centre MNT-400.',
];

const LINE_NOTES = ['Hazardous goods: SDS required.', 'Original manufacturer parts only.', 'Check against drawing rev. C.'];

interface PlannedPurchases {
  poValues: Record<string, unknown>[];
  /** intended final state, index for index with poValues */
  poStates: SeedState[];
  lineCount: number;
}

/**
 * The orders' values and intended final states. Every PRNG draw of the seed happens here,
 * before the first order is created, so no draw depends on what Tryton answers.
 */
function planPurchases(rng: Rng, masters: Masters): PlannedPurchases {
  const { currencies, companyId, paymentTerms, wh2, supplierByKey, products, uomId } = masters;
  const states: SeedState[] = [];
  for (const [state, count] of Object.entries(SEED_STATE_COUNTS) as [SeedState, number][]) {
    for (let i = 0; i < count; i++) states.push(state);
  }
  if (states.length !== SEED_PURCHASE_COUNT) throw new Error('state counts do not add up');
  rng.shuffle(states);

  // Older orders are further along, as in a real purchasing department.
  const ageDays: Record<SeedState, [number, number]> = {
    draft: [0, 30],
    quotation: [5, 45],
    processing: [10, 150],
    done: [90, 200],
    cancelled: [20, 180],
  };

  const supplierWeights = SUPPLIERS.map((s) => [s.key, s.weight] as const);
  const otherCurrencies: CurrencyCode[] = ['EUR', 'USD', 'GBP'];
  const goods = PRODUCTS.filter((p) => (p.type ?? 'goods') === 'goods');
  const services = PRODUCTS.filter((p) => p.type === 'service');

  const poValues: Record<string, unknown>[] = [];
  const poStates: SeedState[] = [];
  let lineCount = 0;
  for (let i = 0; i < SEED_PURCHASE_COUNT; i++) {
    const state = states[i]!;
    const ref = `SEED-${String(i + 1).padStart(4, '0')}`;
    const supKey = rng.weighted(supplierWeights);
    const sup = supplierByKey.get(supKey)!;
    const currency: CurrencyCode =
      sup.spec.currency !== 'KWD' && rng.chance(0.12)
        ? rng.pick(otherCurrencies.filter((c) => c !== sup.spec.currency))
        : sup.spec.currency;
    const rate = Number(CURRENCIES.find((c) => c.code === currency)!.rate);
    const [minAge, maxAge] = ageDays[state];
    const purchaseDate = state === 'draft' && rng.chance(0.4) ? null : addDays(SEED_BASE_DATE, -rng.int(minAge, maxAge));
    const headerDelivery = rng.chance(0.35) ? addDays(purchaseDate ?? SEED_BASE_DATE, rng.int(14, 45)) : null;

    // Supplier's catalogue first, then anything else (maintenance buys from whoever has it).
    const preferred = goods.filter((p) => p.suppliers.includes(supKey));
    const nLines = rng.weighted([
      [1, 12],
      [2, 20],
      [3, 20],
      [4, 16],
      [5, 11],
      [6, 9],
      [7, 7],
      [8, 5],
    ] as const);
    const used = new Set<string>();
    const lines: Record<string, unknown>[] = [];
    const addLine = (extra: Record<string, unknown>) => lines.push({ sequence: (lines.length + 1) * 10, ...extra });
    const withTitles = nLines >= 4 && rng.chance(0.06);
    if (withTitles) addLine({ type: 'title', description: 'Mechanical parts' });
    for (let l = 0; l < nLines; l++) {
      const isService = l > 0 && rng.chance(0.07);
      let p: ProductSpec;
      if (isService) {
        p = rng.pick(services);
      } else {
        // The first line is always goods, so every confirmed order gets stock moves.
        const pool = preferred.length > 0 && rng.chance(0.75) ? preferred : goods;
        p = rng.pick(pool);
      }
      // At most 8 lines against 22 goods: an unused one always exists.
      if (used.has(p.code)) p = rng.pick(goods.filter((g) => !used.has(g.code)));
      used.add(p.code);
      let quantity: number;
      switch (p.uom) {
        case 'unit':
          quantity = rng.int(1, rng.chance(0.2) ? 200 : 24);
          break;
        case 'kg':
          quantity = rng.int(50, 12000) / 100;
          break;
        case 'liter':
          quantity = rng.chance(0.5) ? rng.pick([20, 60, 208, 1000]) : rng.int(100, 9000) / 100;
          break;
        case 'meter':
          quantity = rng.int(250, 15000) / 100;
          break;
        case 'hour':
          quantity = rng.int(2, 32) / 2;
          break;
      }
      const digits = currency === 'KWD' ? 3 : rng.chance(0.4) ? 4 : 2;
      const price = (Number(p.cost) * rate * (0.92 + rng.next() * 0.2)).toFixed(digits);
      const line: Record<string, unknown> = {
        type: 'line',
        product: products[p.code],
        description: p.name,
        quantity,
        unit: uomId(p.uom),
        unit_price: dec(price),
      };
      if (rng.chance(0.25)) {
        line.delivery_date_edit = true;
        line.delivery_date_store = date(addDays(purchaseDate ?? SEED_BASE_DATE, rng.int(7, 60)));
      }
      if (rng.chance(0.08)) line.note = rng.pick(LINE_NOTES);
      addLine(line);
      if (withTitles && l === Math.floor(nLines / 2) - 1) {
        addLine({ type: 'subtotal', description: 'Subtotal mechanical parts' });
        addLine({ type: 'title', description: 'Other items' });
      }
    }
    if (withTitles) addLine({ type: 'subtotal', description: 'Subtotal other items' });
    if (rng.chance(0.22)) addLine({ type: 'comment', description: rng.pick(COMMENT_LINES) });
    lineCount += lines.length;

    const description = rng.chance(0.9) ? rng.pick(DESCRIPTIONS).replace('{n}', String(rng.int(1, 40))) : null;
    poValues.push({
      company: companyId,
      party: sup.id,
      invoice_address: sup.invoiceAddress,
      currency: currencies[currency],
      warehouse: rng.chance(0.2) ? wh2 : 5,
      payment_term: rng.chance(0.85) ? paymentTerms[sup.spec.paymentTerm] : null,
      purchase_date: purchaseDate ? date(purchaseDate) : null,
      delivery_date: headerDelivery ? date(headerDelivery) : null,
      reference: ref,
      description,
      comment: rng.chance(0.15) ? rng.pick(HEADER_COMMENTS) : null,
      lines: [['create', lines]],
    });
    poStates.push(state);
  }
  return { poValues, poStates, lineCount };
}

export interface SeededPurchases extends PlannedPurchases {
  /** purchase.purchase ids, index for index with poValues */
  poIds: number[];
  /** ids of the orders whose intended final state is one of `wanted` */
  idsIn: (...wanted: SeedState[]) => number[];
  cancelledQuoted: number[];
  cancelledDraft: number[];
}

/** Creates the orders and takes them through quote, cancel and confirm (receipts aside). */
export async function seedPurchases(ctx: Ctx, session: TrytonSession, rng: Rng, masters: Masters, lap: Lap): Promise<SeededPurchases> {
  const { aliceId, brunoId } = masters;
  const { poValues, poStates, lineCount } = planPurchases(rng, masters);

  const poIds: number[] = [];
  for (const batch of chunk(poValues, 65)) poIds.push(...(await create(ctx, 'purchase.purchase', batch)));
  lap('purchases.create');

  const idsIn = (...wanted: SeedState[]) => poIds.filter((_, i) => wanted.includes(poStates[i]!));
  // Half the cancelled orders were quoted first (they keep a number), half died as drafts.
  const cancelled = idsIn('cancelled');
  const cancelledQuoted = cancelled.filter((_, i) => i % 2 === 0);
  const cancelledDraft = cancelled.filter((_, i) => i % 2 === 1);
  const toQuote = [...idsIn('quotation', 'processing', 'done'), ...cancelledQuoted].sort((a, b) => a - b);
  const toConfirm = idsIn('processing', 'done');

  // Two buyers: the user's employee is what quote/confirm record as quoted_by/confirmed_by.
  const quoteByAlice = toQuote.filter((_, i) => i % 3 !== 2);
  const quoteByBruno = toQuote.filter((_, i) => i % 3 === 2);
  await button(ctx, 'purchase.purchase', 'quote', quoteByAlice);
  await write(ctx, 'res.user', [session.userId], { employee: brunoId });
  await session.refreshContext();
  await button(ctx, 'purchase.purchase', 'quote', quoteByBruno);
  await expectStates(ctx, toQuote, 'quotation', 'quote');
  lap('purchases.quote');

  await button(ctx, 'purchase.purchase', 'cancel', [...cancelledDraft, ...cancelledQuoted]);
  await expectStates(ctx, cancelled, 'cancelled', 'cancel');

  // Confirm runs `process` after its commit (no worker queue); it creates the incoming
  // moves and moves the order to processing. Its cost grows faster than linearly with the
  // batch (measured per PO: ~80 ms in batches of 5, ~550 ms in one batch of 104), so
  // confirm in small batches.
  const batches = chunk(toConfirm, CONFIRM_BATCH);
  for (const [i, batch] of batches.entries()) {
    // Bruno confirms the first half, Alice the rest (and receives the goods, in seed-receipts.ts).
    if (i === Math.ceil(batches.length / 2)) {
      await write(ctx, 'res.user', [session.userId], { employee: aliceId });
      await session.refreshContext();
    }
    await button(ctx, 'purchase.purchase', 'confirm', batch);
  }
  await expectStates(ctx, toConfirm, 'processing', 'confirm');
  lap('purchases.confirm');

  return { poValues, poStates, lineCount, poIds, idsIn, cancelledQuoted, cancelledDraft };
}
