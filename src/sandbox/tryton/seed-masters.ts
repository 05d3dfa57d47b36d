// The seed's master data, created in dependency order: currencies, the company with its
// two buyers (employees) and the admin user's context, the purchase configuration,
// payment terms, stock locations, suppliers and products with their supplier catalogue.

import { date, dec, type TrytonSession } from './rpc.js';
import type { SeedSummary } from './seed.js';
import { create, firstId, write, type Ctx, type Lap } from './seed-calls.js';
import {
  CURRENCIES,
  PAYMENT_TERMS,
  PRODUCTS,
  SUPPLIERS,
  UOM_SYMBOL,
  type CurrencyCode,
  type PaymentTermName,
  type SupplierSpec,
  type UomName,
} from './seed-catalog.js';
import { SEED_BASE_DATE } from './seed-constants.js';
import { addDays } from './seed-random.js';

export interface SeededSupplier {
  spec: SupplierSpec;
  id: number;
  invoiceAddress: number;
}

/** What the purchase orders and the summary need from the master data. */
export interface Masters {
  currencies: Record<CurrencyCode, number>;
  companyId: number;
  companyPartyId: number;
  aliceId: number;
  brunoId: number;
  paymentTerms: Record<PaymentTermName, number>;
  /** the second warehouse (the default one, WH, is 5) */
  wh2: number;
  /** summary's `locations` */
  locations: Record<string, number>;
  suppliers: SeedSummary['suppliers'];
  supplierByKey: Map<string, SeededSupplier>;
  /** product.product id by product code */
  products: Record<string, number>;
  uomId: (u: UomName) => number;
}

export async function seedMasters(ctx: Ctx, session: TrytonSession, lap: Lap): Promise<Masters> {
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
  const supplierByKey = new Map<string, SeededSupplier>();
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

  return {
    currencies,
    companyId,
    companyPartyId,
    aliceId,
    brunoId,
    paymentTerms,
    wh2,
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
    supplierByKey,
    products,
    uomId,
  };
}
