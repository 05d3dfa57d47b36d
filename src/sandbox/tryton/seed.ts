// Seeds a freshly created Tryton 6.0 database with realistic maintenance purchasing data.
//
// Deterministic on purpose: a fixed PRNG seed and dates relative to SEED_BASE_DATE, so
// record ids and values are the same on every build and tests can compare field by field
// against what the seed intended. Only create/write/update timestamps differ between builds.
// The template cache is keyed by a hash of this file, so editing it rebuilds the template.
//
// Tryton behaviours this file works around (all seen on 6.0.29):
// - A new database has no currency, company, payment term or country data; everything
//   is created here over JSON-RPC.
// - With the default invoice method "order", confirm queues a `process` task that fails
//   without a chart of accounts; the failure is only logged and the PO stays "confirmed".
//   So the configuration default is set to "manual" before any PO is created.
// - Buttons on records in the wrong state are silently ignored, so every transition is
//   read back and checked.
// - purchase.line.delivery_date is a computed field that hides dates before today, so line
//   delivery dates are stored through delivery_date_edit/delivery_date_store.

import { date, dec, type TrytonSession } from './rpc.js';

/** All seeded business dates are offsets from this day, never from "today". */
export const SEED_BASE_DATE = '2025-09-30';

export const SEED_PURCHASE_COUNT = 260;

/** Intended final states; the seed verifies Tryton ended up with exactly these counts. */
export const SEED_STATE_COUNTS = {
  draft: 78,
  quotation: 52,
  processing: 91,
  cancelled: 26,
  done: 13,
} as const;

/** Confirm/receive batch size; see the measurement where confirm is called. */
const CONFIRM_BATCH = 5;

export type SeedState = keyof typeof SEED_STATE_COUNTS;

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

// ---------------------------------------------------------------------------------
// Deterministic helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------
// Master data

const CURRENCIES = [
  // rate = units per 1 EUR (Tryton's rates are relative to a currency with rate 1)
  { code: 'EUR', name: 'Euro', symbol: '€', numeric_code: '978', digits: 2, rounding: '0.01', rate: '1.0' },
  { code: 'USD', name: 'US Dollar', symbol: '$', numeric_code: '840', digits: 2, rounding: '0.01', rate: '1.0825' },
  { code: 'GBP', name: 'Pound Sterling', symbol: '£', numeric_code: '826', digits: 2, rounding: '0.01', rate: '0.8412' },
  // Three decimals: catches connectors that assume every currency has cents.
  { code: 'KWD', name: 'Kuwaiti Dinar', symbol: 'KD', numeric_code: '414', digits: 3, rounding: '0.001', rate: '0.3318' },
] as const;

type CurrencyCode = (typeof CURRENCIES)[number]['code'];

const PAYMENT_TERMS = [
  { name: 'Net 30', description: 'Payment 30 days after invoice date', lines: [{ type: 'remainder', days: 30 }] },
  { name: 'Net 60', description: 'Payment 60 days after invoice date', lines: [{ type: 'remainder', days: 60 }] },
  { name: 'Due on receipt', description: null, lines: [{ type: 'remainder', days: 0 }] },
  {
    name: '30% advance, balance 45 days',
    description: '30% with the order, the remainder 45 days after invoice',
    lines: [
      { type: 'percent', ratio: '0.3', divisor: '3.33333333333333', days: 0 },
      { type: 'remainder', days: 45 },
    ],
  },
] as const;

type PaymentTermName = (typeof PAYMENT_TERMS)[number]['name'];

interface SupplierSpec {
  key: string;
  name: string;
  /** party.code; omitted ones get the next number from Tryton's party sequence */
  code?: string;
  currency: CurrencyCode;
  paymentTerm: PaymentTermName;
  identifier?: { type: string; code: string };
  email: string;
  phone: string;
  website?: string;
  addresses: { name?: string; street: string; city: string; postal_code: string; invoice?: boolean; delivery?: boolean }[];
  weight: number;
}

// Fictional companies. The tax numbers are random but pass python-stdnum's checksum,
// which Tryton enforces on party.identifier.
const SUPPLIERS: SupplierSpec[] = [
  {
    key: 'acme',
    name: 'ACME Industrial Supplies GmbH',
    code: 'V-1001',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'DE310341316' },
    email: 'orders@acme-industrial.example',
    phone: '+49 231 5550 100',
    website: 'https://acme-industrial.example',
    addresses: [{ street: 'Industriestraße 12', city: 'Dortmund', postal_code: '44147' }],
    weight: 16,
  },
  {
    key: 'nordic',
    name: 'Nordic Bearings AB',
    code: 'V-1002',
    currency: 'EUR',
    paymentTerm: 'Net 60',
    identifier: { type: 'eu_vat', code: 'SE870021765901' },
    email: 'sales@nordicbearings.example',
    phone: '+46 31 555 20 40',
    addresses: [{ street: 'Lagervägen 4', city: 'Göteborg', postal_code: '415 05' }],
    weight: 12,
  },
  {
    key: 'brightline',
    name: 'Brightline Lubricants Ltd',
    code: 'V-1003',
    currency: 'GBP',
    paymentTerm: 'Net 30',
    identifier: { type: 'gb_vat', code: 'GB291212775' },
    email: 'trade@brightline-lubricants.example',
    phone: '+44 121 555 0199',
    addresses: [
      { name: 'Head office', street: 'Unit 7, Canal Way', city: 'Birmingham', postal_code: 'B7 4QH', invoice: true },
      { name: 'Depot', street: '22 Wharf Road', city: 'Stoke-on-Trent', postal_code: 'ST4 2DP', delivery: true },
    ],
    weight: 10,
  },
  {
    key: 'hps',
    name: 'Hydraulic Power Systems Inc.',
    code: 'V-1004',
    currency: 'USD',
    paymentTerm: '30% advance, balance 45 days',
    identifier: { type: 'us_ein', code: '42-0593040' },
    email: 'intl.orders@hps-hydraulics.example',
    phone: '+1 216 555 0147',
    website: 'https://hps-hydraulics.example',
    addresses: [{ street: '4100 Commerce Drive, Suite 200', city: 'Cleveland, OH', postal_code: '44114' }],
    weight: 9,
  },
  {
    key: 'filtration',
    name: 'Société Lyonnaise de Filtration SARL',
    code: 'V-1005',
    currency: 'EUR',
    paymentTerm: 'Net 60',
    identifier: { type: 'eu_vat', code: 'FR30047868633' },
    email: 'commandes@slf-filtration.example',
    phone: '+33 4 78 55 01 23',
    addresses: [{ street: '18 rue des Artisans', city: 'Lyon', postal_code: '69007' }],
    weight: 11,
  },
  {
    key: 'gulf',
    name: 'Gulf Maintenance Trading W.L.L.',
    currency: 'KWD',
    paymentTerm: 'Due on receipt',
    email: 'procurement@gulf-maint.example',
    phone: '+965 2 555 1234',
    addresses: [{ street: 'Block 1, Street 13, Shuwaikh Industrial Area', city: 'Kuwait City', postal_code: '13001' }],
    weight: 6,
  },
  {
    key: 'vandijk',
    name: 'Van Dijk Elektrotechniek B.V.',
    code: 'V-1007',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'NL936385467B01' },
    email: 'verkoop@vandijk-elektro.example',
    phone: '+31 10 555 7788',
    addresses: [{ street: 'Havenweg 22', city: 'Rotterdam', postal_code: '3089 JK' }],
    weight: 9,
  },
  {
    key: 'seals',
    name: 'Precision Seals & Gaskets Ltd',
    currency: 'GBP',
    paymentTerm: 'Net 30',
    identifier: { type: 'gb_vat', code: 'GB578759856' },
    email: 'sales@precision-seals.example',
    phone: '+44 113 555 0420',
    addresses: [{ street: '4 Mill Lane, Hunslet', city: 'Leeds', postal_code: 'LS10 1AB' }],
    weight: 7,
  },
  {
    key: 'midwest',
    name: 'Midwest Fasteners LLC',
    code: 'V-1009',
    currency: 'USD',
    paymentTerm: 'Net 60',
    identifier: { type: 'us_ein', code: '48-0396522' },
    email: 'export@midwestfasteners.example',
    phone: '+1 614 555 0190',
    addresses: [{ street: '880 Industrial Parkway', city: 'Columbus, OH', postal_code: '43215' }],
    weight: 7,
  },
  {
    key: 'werkzeug',
    name: 'Größer Werkzeug & Arbeitsschutz KG',
    currency: 'EUR',
    paymentTerm: 'Net 30',
    identifier: { type: 'eu_vat', code: 'DE834738299' },
    email: 'bestellung@groesser-werkzeug.example',
    phone: '+49 203 555 3300',
    addresses: [
      { name: 'Zentrale', street: 'Am Hüttenwerk 3', city: 'Duisburg', postal_code: '47137', invoice: true },
      { name: 'Lager Nord', street: 'Hafenstraße 81', city: 'Duisburg', postal_code: '47119', delivery: true },
    ],
    weight: 8,
  },
];

type UomName = 'unit' | 'kg' | 'liter' | 'meter' | 'hour';
const UOM_SYMBOL: Record<UomName, string> = { unit: 'u', kg: 'kg', liter: 'l', meter: 'm', hour: 'h' };

interface ProductSpec {
  code: string;
  name: string;
  uom: UomName;
  /** EUR, kept as a string so 2 and 4 decimal prices survive unchanged */
  cost: string;
  type?: 'goods' | 'service';
  consumable?: boolean;
  description?: string;
  /** preferred suppliers (keys of SUPPLIERS) */
  suppliers: string[];
}

const PRODUCTS: ProductSpec[] = [
  { code: 'BRG-6204', name: 'Deep groove ball bearing 6204-2RS', uom: 'unit', cost: '4.85', suppliers: ['nordic', 'acme'] },
  { code: 'BRG-6306', name: 'Deep groove ball bearing 6306-ZZ', uom: 'unit', cost: '12.4750', suppliers: ['nordic', 'acme'] },
  { code: 'BRG-22210', name: 'Spherical roller bearing 22210 E', uom: 'unit', cost: '86.20', suppliers: ['nordic'] },
  { code: 'OIL-HV46', name: 'Hydraulic oil HV 46', uom: 'liter', cost: '3.1250', suppliers: ['brightline', 'gulf'] },
  { code: 'OIL-GR220', name: 'Gear oil ISO VG 220', uom: 'liter', cost: '4.95', suppliers: ['brightline', 'gulf'] },
  { code: 'GRS-EP2', name: 'Lithium grease EP2', uom: 'kg', cost: '7.3480', suppliers: ['brightline', 'acme'] },
  { code: 'FLT-HY10', name: 'Hydraulic filter element 10 µm', uom: 'unit', cost: '38.90', suppliers: ['filtration', 'hps'] },
  { code: 'FLT-AIR-F7', name: 'Air filter panel F7 592×592', uom: 'unit', cost: '24.5625', suppliers: ['filtration'] },
  { code: 'FLT-OIL-W712', name: 'Oil filter W712/75', uom: 'unit', cost: '6.80', suppliers: ['filtration', 'acme'] },
  { code: 'BLT-SPA1250', name: 'V-belt SPA 1250', uom: 'unit', cost: '9.15', suppliers: ['acme', 'werkzeug'] },
  { code: 'CHN-08B1', name: 'Roller chain 08B-1', uom: 'meter', cost: '14.3275', suppliers: ['acme'] },
  { code: 'CBL-NYY3X2.5', name: 'Power cable NYY-J 3×2.5 mm²', uom: 'meter', cost: '1.8940', suppliers: ['vandijk'] },
  { code: 'HOS-HYD-12', name: 'Hydraulic hose 1/2" 2SN', uom: 'meter', cost: '11.25', suppliers: ['hps', 'gulf'] },
  { code: 'SEA-OR-NBR70', name: 'O-ring kit NBR 70 (382 pcs)', uom: 'unit', cost: '32.00', suppliers: ['seals'] },
  { code: 'SEA-MS-45', name: 'Mechanical seal 45 mm, SiC/SiC', uom: 'unit', cost: '214.3300', suppliers: ['seals'] },
  { code: 'FAS-M12X50', name: 'Hex bolt M12×50 8.8 zinc plated (bulk)', uom: 'kg', cost: '5.6125', suppliers: ['midwest', 'werkzeug'] },
  { code: 'WLD-ER70S6', name: 'Welding wire ER70S-6 Ø1.0 mm', uom: 'kg', cost: '3.78', suppliers: ['werkzeug', 'midwest'] },
  { code: 'PNT-RAL5010', name: 'Machine enamel RAL 5010 gentian blue', uom: 'liter', cost: '18.6450', suppliers: ['werkzeug'] },
  { code: 'GLV-NIT-L', name: 'Nitrile gloves size L, box of 100', uom: 'unit', cost: '8.40', consumable: true, suppliers: ['werkzeug', 'gulf'] },
  { code: 'CLN-IPA99', name: 'Isopropyl alcohol 99.9 %', uom: 'liter', cost: '6.1175', consumable: true, suppliers: ['brightline', 'werkzeug'] },
  { code: 'SNS-PT100', name: 'Temperature sensor PT100, 4-wire', uom: 'unit', cost: '47.50', suppliers: ['vandijk'] },
  { code: 'MTR-IE3-4K', name: 'Electric motor IE3 4 kW 1500 rpm', uom: 'unit', cost: '389.00', suppliers: ['vandijk', 'hps'] },
  {
    code: 'SRV-CAL',
    name: 'On-site calibration service',
    uom: 'hour',
    cost: '95.00',
    type: 'service',
    description: 'Calibration of pressure and temperature instruments, certificate included.',
    suppliers: ['vandijk'],
  },
  { code: 'SRV-VIB', name: 'Vibration analysis, route-based', uom: 'hour', cost: '120.5000', type: 'service', suppliers: ['nordic'] },
];

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

// ---------------------------------------------------------------------------------

interface Ctx {
  call<T = unknown>(method: string, params: unknown[]): Promise<T>;
}

async function create(ctx: Ctx, model: string, values: Record<string, unknown>[]): Promise<number[]> {
  const ids = await ctx.call<number[]>(`model.${model}.create`, [values]);
  if (ids.length !== values.length) throw new Error(`${model}.create returned ${ids.length} ids for ${values.length} values`);
  return ids;
}

async function write(ctx: Ctx, model: string, ids: number[], values: Record<string, unknown>): Promise<void> {
  await ctx.call(`model.${model}.write`, [ids, values]);
}

async function button(ctx: Ctx, model: string, name: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await ctx.call(`model.${model}.${name}`, [ids]);
}

async function readStates(ctx: Ctx, ids: number[]): Promise<Map<number, string>> {
  const rows = await ctx.call<{ id: number; state: string }[]>('model.purchase.purchase.read', [ids, ['state']]);
  return new Map(rows.map((r) => [r.id, r.state]));
}

/** A silently ignored button would otherwise go unnoticed until much later. */
async function expectStates(ctx: Ctx, ids: number[], expected: string, step: string): Promise<void> {
  const states = await readStates(ctx, ids);
  const wrong = ids.filter((id) => states.get(id) !== expected);
  if (wrong.length > 0) {
    const sample = wrong.slice(0, 5).map((id) => `${id}=${states.get(id)}`);
    throw new Error(`${step}: ${wrong.length} purchase(s) not in state ${expected}: ${sample.join(', ')}`);
  }
}

function firstId(ids: number[]): number {
  const id = ids[0];
  if (id === undefined) throw new Error('expected one id');
  return id;
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

  // --- currencies ------------------------------------------------------------------
  const currencyIds = await create(
    ctx,
    'currency.currency',
    CURRENCIES.map((c) => ({
      name: c.name,
      code: c.code,
      symbol: c.symbol,
      numeric_code: c.numeric_code,
      digits: c.digits,
      rounding: dec(c.rounding),
      rates: [['create', [{ date: date(addDays(SEED_BASE_DATE, -365)), rate: dec(c.rate) }]]],
    })),
  );
  const currencies = Object.fromEntries(CURRENCIES.map((c, i) => [c.code, currencyIds[i]!])) as Record<CurrencyCode, number>;

  // --- company, employees, user ---------------------------------------------------
  const [companyPartyId, alicePartyId, brunoPartyId] = await create(ctx, 'party.party', [
    {
      name: 'Demo Maintenance Co',
      code: 'DMC',
      addresses: [
        [
          'create',
          [
            { name: 'Plant 1', street: 'Werkstraße 5', city: 'Duisburg', postal_code: '47119' },
            { name: 'Plant 2', street: 'Hafenstraße 40', city: 'Duisburg', postal_code: '47119' },
          ],
        ],
      ],
      identifiers: [['create', [{ type: 'eu_vat', code: 'DE342366712' }]]],
    },
    { name: 'Alice Martin' },
    { name: 'Bruno Keller' },
  ]) as [number, number, number];
  const companyId = firstId(await create(ctx, 'company.company', [{ party: companyPartyId, currency: currencies.EUR }]));
  const [aliceId, brunoId] = (await create(ctx, 'company.employee', [
    { party: alicePartyId, company: companyId, start_date: date('2019-04-01') },
    { party: brunoPartyId, company: companyId, start_date: date('2021-09-15') },
  ])) as [number, number];
  // Without company in the context every create hits the "User in companies" rule; with an
  // employee, quote/confirm fill quoted_by/confirmed_by like a real buyer would.
  await write(ctx, 'res.user', [session.userId], {
    companies: [['add', [companyId]]],
    company: companyId,
    employees: [['add', [aliceId, brunoId]]],
    employee: aliceId,
  });
  await session.refreshContext();
  const companyAddresses = await ctx.call<{ id: number; name: string }[]>('model.party.address.search_read', [
    [['party', '=', companyPartyId]],
    0,
    null,
    [['id', 'ASC']],
    ['name'],
  ]);

  // --- configuration ---------------------------------------------------------------
  await write(ctx, 'purchase.configuration', [1], { purchase_invoice_method: 'manual' });
  lap('company');

  // --- payment terms ---------------------------------------------------------------
  const termIds = await create(
    ctx,
    'account.invoice.payment_term',
    PAYMENT_TERMS.map((t) => ({
      name: t.name,
      description: t.description,
      lines: [
        [
          'create',
          t.lines.map((l, i) => ({
            sequence: i + 1,
            type: l.type,
            ...('ratio' in l ? { ratio: dec(l.ratio), divisor: dec(l.divisor) } : {}),
            relativedeltas: [['create', [{ days: l.days, weeks: 0, months: 0 }]]],
          })),
        ],
      ],
    })),
  );
  const paymentTerms = Object.fromEntries(PAYMENT_TERMS.map((t, i) => [t.name, termIds[i]!])) as Record<PaymentTermName, number>;

  // --- stock locations -------------------------------------------------------------
  // The default DB has warehouse WH (5) with zones IN (1), OUT (2), STO (3) and the supplier
  // location SUP (6).
  const [binSpc, binLub, binHaz] = (await create(ctx, 'stock.location', [
    { name: 'Spare Parts Cage', code: 'STO-SPC', type: 'storage', parent: 3 },
    { name: 'Lubricant Store', code: 'STO-LUB', type: 'storage', parent: 3 },
    { name: 'Hazardous Materials Cabinet', code: 'STO-HAZ', type: 'storage', parent: 3 },
  ])) as [number, number, number];
  // A warehouse needs its zones at creation and the zones belong under it, hence two steps.
  const [p2In, p2Out, p2Sto] = (await create(ctx, 'stock.location', [
    { name: 'Plant 2 Input', code: 'P2-IN', type: 'storage' },
    { name: 'Plant 2 Output', code: 'P2-OUT', type: 'storage' },
    { name: 'Plant 2 Storage', code: 'P2-STO', type: 'storage' },
  ])) as [number, number, number];
  const wh2 = firstId(
    await create(ctx, 'stock.location', [
      {
        name: 'Plant 2 Warehouse',
        code: 'WH2',
        type: 'warehouse',
        input_location: p2In,
        output_location: p2Out,
        storage_location: p2Sto,
        address: companyAddresses[1]?.id ?? null,
      },
    ]),
  );
  await write(ctx, 'stock.location', [p2In, p2Out, p2Sto], { parent: wh2 });
  await write(ctx, 'stock.location', [5], { address: companyAddresses[0]?.id ?? null });
  lap('terms+locations');

  // --- suppliers ---------------------------------------------------------------------
  const supplierIds = await create(
    ctx,
    'party.party',
    SUPPLIERS.map((sp) => ({
      name: sp.name,
      ...(sp.code ? { code: sp.code } : {}),
      supplier_payment_term: paymentTerms[sp.paymentTerm],
      addresses: [
        [
          'create',
          sp.addresses.map((a, i) => ({
            sequence: i + 1,
            name: a.name ?? null,
            street: a.street,
            city: a.city,
            postal_code: a.postal_code,
            invoice: a.invoice ?? sp.addresses.length === 1,
            delivery: a.delivery ?? sp.addresses.length === 1,
          })),
        ],
      ],
      contact_mechanisms: [
        [
          'create',
          [
            { type: 'email', value: sp.email, sequence: 1 },
            { type: 'phone', value: sp.phone, sequence: 2 },
            ...(sp.website ? [{ type: 'website', value: sp.website, sequence: 3 }] : []),
          ],
        ],
      ],
      ...(sp.identifier ? { identifiers: [['create', [sp.identifier]]] } : {}),
    })),
  );
  const supplierAddresses = await ctx.call<{ id: number; party: number; invoice: unknown }[]>(
    'model.party.address.search_read',
    [[['party', 'in', supplierIds]], 0, null, [['id', 'ASC']], ['party', 'invoice']],
  );
  const suppliers: SeedSummary['suppliers'] = {};
  const supplierByKey = new Map<string, { spec: SupplierSpec; id: number; invoiceAddress: number }>();
  SUPPLIERS.forEach((spec, i) => {
    const id = supplierIds[i]!;
    const addrs = supplierAddresses.filter((a) => a.party === id);
    // SQLite returns booleans as 0/1.
    const invoice = addrs.find((a) => Boolean(a.invoice)) ?? addrs[0];
    if (!invoice) throw new Error(`supplier ${spec.name} has no address`);
    suppliers[spec.key] = { partyId: id, name: spec.name, addressIds: addrs.map((a) => a.id) };
    supplierByKey.set(spec.key, { spec, id, invoiceAddress: invoice.id });
  });
  lap('suppliers');

  // --- products ----------------------------------------------------------------------
  const uoms = await ctx.call<{ id: number; symbol: string }[]>('model.product.uom.search_read', [
    [['symbol', 'in', Object.values(UOM_SYMBOL)]],
    0,
    null,
    [['id', 'ASC']],
    ['symbol'],
  ]);
  const uomId = (u: UomName): number => {
    const found = uoms.find((x) => x.symbol === UOM_SYMBOL[u]);
    if (!found) throw new Error(`UoM ${u} missing`);
    return found.id;
  };
  const templateIds = await create(
    ctx,
    'product.template',
    PRODUCTS.map((p) => ({
      name: p.name,
      code: p.code,
      type: p.type ?? 'goods',
      consumable: p.consumable ?? false,
      purchasable: true,
      default_uom: uomId(p.uom),
      purchase_uom: uomId(p.uom),
      list_price: dec((Number(p.cost) * 1.6).toFixed(2)),
      cost_price_method: 'fixed',
      products: [['create', [{ cost_price: dec(p.cost), ...(p.description ? { description: p.description } : {}) }]]],
    })),
  );
  const productRows = await ctx.call<{ id: number; code: string; template: number }[]>(
    'model.product.product.search_read',
    [[['template', 'in', templateIds]], 0, null, [['id', 'ASC']], ['code', 'template']],
  );
  const products: Record<string, number> = Object.fromEntries(productRows.map((p) => [p.code, p.id]));

  // Supplier catalogue entries: supplier part numbers, lead times and price breaks.
  const productSupplierValues: Record<string, unknown>[] = [];
  PRODUCTS.forEach((p, i) => {
    p.suppliers.forEach((key, rank) => {
      const sup = supplierByKey.get(key)!;
      const rate = Number(CURRENCIES.find((c) => c.code === sup.spec.currency)!.rate);
      const digits = sup.spec.currency === 'KWD' ? 3 : 4;
      const base = Number(p.cost) * rate;
      productSupplierValues.push({
        template: templateIds[i],
        product: products[p.code],
        party: sup.id,
        company: companyId,
        currency: currencies[sup.spec.currency],
        sequence: rank + 1,
        code: `${key.slice(0, 3).toUpperCase()}-${p.code.replace(/[^A-Z0-9]/g, '')}`,
        name: p.name,
        lead_time: { __class__: 'timedelta', seconds: (7 + rank * 7 + (i % 4) * 3) * 86400 },
        prices: [
          [
            'create',
            [
              { sequence: 1, quantity: 0, unit_price: dec(base.toFixed(digits)) },
              { sequence: 2, quantity: p.uom === 'unit' ? 50 : 200, unit_price: dec((base * 0.93).toFixed(digits)) },
            ],
          ],
        ],
      });
    });
  });
  await create(ctx, 'purchase.product_supplier', productSupplierValues);
  lap('products');

  // --- purchase orders -------------------------------------------------------------
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
      const price = (Number(p.cost) * rate * (0.92 + rng.float() * 0.2)).toFixed(digits);
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
    // Bruno confirms the first half, Alice the rest (and receives the goods below).
    if (i === Math.ceil(batches.length / 2)) {
      await write(ctx, 'res.user', [session.userId], { employee: aliceId });
      await session.refreshContext();
    }
    await button(ctx, 'purchase.purchase', 'confirm', batch);
  }
  await expectStates(ctx, toConfirm, 'processing', 'confirm');
  lap('purchases.confirm');

  // --- receipts: full for "done" orders, partial for a few processing ones ----------
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

  // --- verify ------------------------------------------------------------------------
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
    locations: {
      'IN': 1,
      'OUT': 2,
      'STO': 3,
      'SUP': 6,
      'STO-SPC': binSpc,
      'STO-LUB': binLub,
      'STO-HAZ': binHaz,
      'P2-IN': p2In,
      'P2-OUT': p2Out,
      'P2-STO': p2Sto,
    },
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
