// Seeds a freshly created Tryton 6.0 database with realistic maintenance purchasing data.
//
// Deterministic on purpose: a fixed PRNG seed and dates relative to SEED_BASE_DATE, so
// record ids and values are the same on every build and tests can compare field by field
// against what the seed intended. Only create/write/update timestamps differ between builds.
// The template cache is keyed by a hash of the seed*.ts files and rpc.ts, so editing any of
// them rebuilds the template.
//
// The parts, in the order they run: seed-masters.ts (currencies, company, payment terms,
// locations, suppliers, products), seed-purchases.ts (orders and their workflow),
// seed-receipts.ts (goods receipts); then this file checks the final states and returns
// the summary. Data tables are in seed-catalog.ts, the PRNG in seed-random.ts.
//
// Tryton behaviours the seed works around (all seen on 6.0.29):
// - A new database has no currency, company, payment term or country data; everything
//   is created here over JSON-RPC.
// - With the default invoice method "order", confirm queues a `process` task that fails
//   without a chart of accounts; the failure is only logged and the PO stays "confirmed".
//   So the configuration default is set to "manual" before any PO is created.
// - Buttons on records in the wrong state are silently ignored, so every transition is
//   read back and checked.
// - purchase.line.delivery_date is a computed field that hides dates before today, so line
//   delivery dates are stored through delivery_date_edit/delivery_date_store.

import type { TrytonSession } from './rpc.js';
import { readStates, type Ctx } from './seed-calls.js';
import { PRODUCTS, SUPPLIERS } from './seed-catalog.js';
import { SEED_BASE_DATE, type SeedState } from './seed-constants.js';
import { seedMasters } from './seed-masters.js';
import { seedPurchases } from './seed-purchases.js';
import { seedReceipts } from './seed-receipts.js';
import { Rng } from './seed-random.js';

export { SEED_BASE_DATE, SEED_PURCHASE_COUNT, SEED_STATE_COUNTS, type SeedState } from './seed-constants.js';

export interface SeedSummary {
  baseDate: string;
  company: { id: number; partyId: number; name: string; currency: string };
  currencies: Record<string, number>;
  paymentTerms: Record<string, number>;
  employees: Record<string, number>;
  warehouses: Record<string, number>;
  locations: Record<string, number>;
  suppliers: Record<string, { partyId: number; name: string; addressIds: number[] }>;
  /** product.product id by product code */
  products: Record<string, number>;
  purchases: {
    total: number;
    lines: number;
    byState: Record<SeedState, number>;
    /** purchase ids by final state */
    idsByState: Record<SeedState, number[]>;
    /** processing POs that have one receipt done but still wait for other lines */
    partiallyReceived: number[];
    /** reference -> id for a few hand-picked orders worth pointing tests at */
    notable: Record<string, number>;
  };
  shipments: number[];
  timings: Record<string, number>;
}

export async function seedDemo(session: TrytonSession, log: (msg: string) => void = () => {}): Promise<SeedSummary> {
  const ctx: Ctx = { call: (m, p) => session.call(m, p) };
  const rng = new Rng(0x5eed_2025);
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  let tStep = t0;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - tStep);
    tStep = now;
  };

  const masters = await seedMasters(ctx, session, lap);
  const { currencies, companyId, companyPartyId, aliceId, brunoId, paymentTerms, wh2, locations, suppliers, products } = masters;
  const purchases = await seedPurchases(ctx, session, rng, masters, lap);
  const { poValues, poStates, poIds, lineCount, cancelledQuoted, cancelledDraft } = purchases;
  const { shipmentIds, partialIds } = await seedReceipts(ctx, companyId, purchases, lap);

  // Verify: every order ended in the state it was meant to reach.
  const finalStates = await readStates(ctx, poIds);
  const byState = { draft: 0, quotation: 0, processing: 0, cancelled: 0, done: 0 } as Record<SeedState, number>;
  const idsByState = { draft: [], quotation: [], processing: [], cancelled: [], done: [] } as Record<SeedState, number[]>;
  poIds.forEach((id, i) => {
    const st = finalStates.get(id) as SeedState;
    if (st !== poStates[i]) throw new Error(`purchase ${id} ended in ${st}, expected ${poStates[i]}`);
    byState[st]++;
    idsByState[st].push(id);
  });

  // Hand-picked orders for tests that need a specific shape.
  const indexWhere = (pred: (v: Record<string, unknown>, i: number) => boolean) => poValues.findIndex(pred);
  const lineCountOf = (v: Record<string, unknown>) => (v.lines as [string, unknown[]][])[0]![1].length;
  const notable: Record<string, number> = {};
  const notableIndexes: Record<string, number> = {
    processingKwd: indexWhere((v, i) => v.currency === currencies.KWD && poStates[i] === 'processing'),
    withTitleAndSubtotal: indexWhere((v) => JSON.stringify(v.lines).includes('"subtotal"')),
    draftWithoutPurchaseDate: indexWhere((v) => v.purchase_date === null),
    withCommentLine: indexWhere((v) => JSON.stringify(v.lines).includes('"comment"')),
    mostLines: poValues.reduce((best, v, i) => (lineCountOf(v) > lineCountOf(poValues[best]!) ? i : best), 0),
  };
  for (const [name, i] of Object.entries(notableIndexes)) if (i >= 0) notable[name] = poIds[i]!;
  notable.firstDone = idsByState.done[0]!;
  notable.firstPartiallyReceived = partialIds[0]!;
  notable.firstCancelledFromQuotation = cancelledQuoted[0]!;
  notable.firstCancelledFromDraft = cancelledDraft[0]!;

  timings.total = Math.round(performance.now() - t0);
  log(
    `seeded ${poIds.length} purchases (${lineCount} lines) in ${(timings.total / 1000).toFixed(1)} s: ` +
      Object.entries(byState)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );

  return {
    baseDate: SEED_BASE_DATE,
    company: { id: companyId, partyId: companyPartyId, name: 'Demo Maintenance Co', currency: 'EUR' },
    currencies,
    paymentTerms,
    employees: { 'Alice Martin': aliceId, 'Bruno Keller': brunoId },
    warehouses: { WH: 5, WH2: wh2 },
    locations,
    suppliers,
    products,
    purchases: {
      total: poIds.length,
      lines: lineCount,
      byState,
      idsByState,
      partiallyReceived: partialIds,
      notable,
    },
    shipments: shipmentIds,
    timings,
  };
}

/** Product codes and supplier names the seed creates, for tests that look records up by name. */
export const SEED_PRODUCT_CODES: readonly string[] = PRODUCTS.map((p) => p.code);
export const SEED_SUPPLIER_NAMES: readonly string[] = SUPPLIERS.map((s) => s.name);
