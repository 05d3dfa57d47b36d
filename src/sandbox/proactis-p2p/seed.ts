/**
 * The simulator's data, generated from a seed (same seed → same data): the fixed databases and
 * example records of ./seed-setup.ts, plus — in the sandbox database — a few hundred suppliers
 * (branches, contacts, settings in one or both companies, some inactive) and purchase orders in
 * every state, in several currencies, with one to six items, received and invoiced to match.
 */
import type { BranchRec, CompanyRec, DatabaseRec, OrderItem, OrderRec, OrderState, P2pData, SupplierRec } from './data.js';
import { refreshState, round } from './orders.js';
import { Random } from '../random.js';
import { SANDBOX, database, demoDatabase, users } from './seed-setup.js';

export interface SeedOptions {
  seed?: number;
  /** Generated suppliers in the sandbox database (default 300). */
  suppliers?: number;
  /** Generated purchase orders in its MAIN company (default 300). */
  orders?: number;
}

const FIRST = ['Acme', 'Brightline', 'Northgate', 'Kestrel', 'Harbour', 'Summit', 'Riverside', 'Pennine', 'Atlas', 'Beacon', 'Crown', 'Delta', 'Evergreen', 'Fulcrum', 'Granite', 'Ironbridge'];
const SECOND = ['Industrial', 'Engineering', 'Facilities', 'Laboratory', 'Office', 'Electrical', 'Safety', 'Fluid Power', 'Packaging', 'Catering', 'Hydraulics', 'Fasteners'];
const SUFFIX = ['Ltd', 'Supply Co', 'plc', 'Services', 'GmbH', 'BV', 'Inc'];
const TOWNS: [string, string, string][] = [['LEEDS', 'West Yorkshire', 'UK'], ['HULL', 'East Yorkshire', 'UK'], ['YORK', 'North Yorkshire', 'UK'], ['DUBLIN', 'Leinster', 'IE'], ['ROTTERDAM', 'Zuid-Holland', 'NL'], ['LYON', 'Rhône', 'FR'], ['HAMBURG', 'Hamburg', 'DE'], ['CHICAGO', 'Illinois', 'US']];
const PEOPLE = ['Alice Moreau', 'Bob Higgins', 'Chen Wei', 'Dana Kowalski', 'Emeka Obi', 'Fatima Khan', 'Gustav Berg', 'Hannah Lee'];
const CATALOGUE: [string, string, string, 'goods' | 'service', number][] = [
  ['BRG-6204', 'Deep groove ball bearing 6204', 'each', 'goods', 4.85],
  ['OIL-HV46', 'Hydraulic oil HV 46, 208 l drum', 'drum', 'goods', 412.5],
  ['GRS-EP2', 'EP2 grease, 12.5 kg pail', 'pail', 'goods', 91.88],
  ['GLV-NIT', 'Nitrile gloves, box of 100', 'box', 'goods', 7.2],
  ['FLT-AIR', 'Air filter element', 'each', 'goods', 36],
  ['BLT-V13', 'V-belt SPA 1250', 'each', 'goods', 12.4],
  ['PAPER-A4', 'A4 paper, box of 5 reams', 'box', 'goods', 18.5],
  ['LAB-PIP', 'Pipette tips, rack of 96', 'rack', 'goods', 9.75],
  ['SERV-CAL', 'Calibration visit', 'each', 'service', 480],
  ['SERV-CLEAN', 'Site cleaning, monthly', 'each', 'service', 1250],
];
const CURRENCY_BY_COUNTRY: Record<string, string> = { UK: 'GBP', IE: 'EUR', NL: 'EUR', FR: 'EUR', DE: 'EUR', US: 'USD' };
/** A GUID as .NET prints it (lower-case, hyphenated, version 4 and variant bits set). */
function guid(rng: Random): string {
  const hex = rng.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** How often each state is seeded: every state appears, open orders most. */
const STATE_WEIGHTS: [OrderState, number][] = [['Draft', 1], ['Awaiting Authorisation', 1], ['Authorised', 2], ['Sent', 5], ['Part Received', 3], ['Fully Received', 2], ['Part Invoiced', 2], ['Fully Invoiced', 2], ['Cancelled', 1], ['Closed', 1]];

function supplier(rng: Random, n: number, withNorth: boolean): SupplierRec {
  const code = `S${String(n).padStart(5, '0')}`;
  const [town, county, country] = rng.pick(TOWNS);
  const title = `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(SUFFIX)}`.slice(0, 50);
  const branchCount = rng.int(1, 3);
  const branches = new Map<string, BranchRec>();
  for (let b = 0; b < branchCount; b += 1) {
    const tag = b === 0 ? 'default' : `branch${b + 1}`;
    const contacts = new Map(Array.from({ length: rng.int(0, 2) }, (_, c) => {
      const name = rng.pick(PEOPLE);
      const contactTag = `contact${c + 1}`;
      return [contactTag, { tag: contactTag, attrs: { Tag: contactTag, Name: name, Email: `${name.split(' ')[0]!.toLowerCase()}@${code.toLowerCase()}.example`, Phone: `0${rng.int(1000000000, 1999999999)}` } }] as const;
    }));
    branches.set(tag, {
      tag,
      attrs: { Tag: tag, Title: b === 0 ? 'Head office' : `Depot ${b + 1}`, Active: 'YES', AddressLine1: `${rng.int(1, 240)} ${rng.pick(['Mill Lane', 'Station Road', 'Dock Street', 'Industriestraße', 'Main Street'])}`, PostTown: town, County: county, Country: country, PostCode: `${rng.pick(['LS', 'HU', 'YO', 'D0', '30', '69'])}${rng.int(1, 20)} ${rng.int(1, 9)}AB`, Email: `orders@${code.toLowerCase()}.example`, Phone: `0${rng.int(1000000000, 1999999999)}`, InvoiceAddress: b === 0 ? 'YES' : 'NO', OrderAddress: 'YES', OutputType: rng.pick(['Email', 'Print', 'None']) },
      contacts,
    });
  }
  const companySettings = (currency: string) => ({
    attrs: { SupplierGrade: rng.pick(['Standard', 'Preferred', 'Approved', 'Probation']), CurrencyCode: currency, DefaultInvoiceBranchTag: 'default', DefaultOrderBranchTag: 'default', Active: rng.chance(0.9) ? 'YES' : 'NO', Band1DefaultTaxCode: rng.pick(['STD', 'Z', 'RED']) },
    groups: new Set([rng.pick(['Facilities', 'IT', 'Maintenance', 'Laboratory', 'Catering'])]),
  });
  const companies = new Map([['MAIN', companySettings(CURRENCY_BY_COUNTRY[country] ?? 'GBP')]]);
  if (withNorth) companies.set('NORTH', companySettings('EUR'));
  return {
    code,
    attrs: { Code: code, Title: title, SalesTaxCountry: country, SalesTaxRegistered: 'YES', SalesTaxNumber: `${country}${rng.int(100000000, 999999999)}`, External: 'YES', OneOffSupplier: 'NO' },
    branches,
    companies,
  };
}

function weightedState(rng: Random): OrderState {
  const total = STATE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [state, w] of STATE_WEIGHTS) if ((r -= w) < 0) return state;
  return 'Sent';
}

function order(rng: Random, n: number, supplierRec: SupplierRec, company: CompanyRec): OrderRec {
  const state = weightedState(rng);
  const items: OrderItem[] = Array.from({ length: rng.int(1, 6) }, (_, i) => {
    const [code, description, unitOfMeasure, kind, price] = rng.pick(CATALOGUE);
    const quantity = kind === 'service' ? 1 : rng.int(1, 40);
    return { position: i + 1, guid: guid(rng), code, description, kind, quantity, unitPrice: price, unitOfMeasure, nominals: [{ coding: `${rng.int(1000, 1999)}.0990.${rng.int(600, 699)}.ACT`, commitmentDate: `2024-${String(rng.int(1, 12)).padStart(2, '0')}-01`, quantity }], received: 0, invoiced: 0 };
  });
  // Received and invoiced quantities that agree with the state: "part" is the first item in full
  // (or half of it when it is the only one), "fully" every item.
  const full = (i: OrderItem) => (i.kind === 'service' ? i.unitPrice : i.quantity);
  const part = (i: OrderItem, k: number) => (k > 0 ? 0 : items.length > 1 ? full(i) : round(full(i) / 2));
  const receivedAll = ['Fully Received', 'Part Invoiced', 'Fully Invoiced', 'Closed'].includes(state);
  for (const [k, item] of items.entries()) {
    item.received = receivedAll ? full(item) : state === 'Part Received' ? part(item, k) : 0;
    item.invoiced = state === 'Fully Invoiced' || state === 'Closed' ? full(item) : state === 'Part Invoiced' ? part(item, k) : 0;
  }
  const currency = supplierRec.companies.get(company.code)?.attrs.CurrencyCode ?? company.homeCurrency;
  const rec: OrderRec = {
    guid: guid(rng), template: 'PORD', orderNumber: n, displayNumber: `PORD${n}`, supplierCode: supplierRec.code, currency,
    orderDate: `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, state, items,
  };
  if (state === 'Cancelled') rec.cancellation = { reason: 'No longer required', comments: '', by: 'IMPORT' };
  refreshState(rec);
  return rec;
}

function generate(db: DatabaseRec, rng: Random, suppliers: number, orders: number): void {
  const main = db.companies.get('MAIN')!;
  const generated: SupplierRec[] = [];
  for (let n = 1; n <= suppliers; n += 1) {
    const s = supplier(rng, n, rng.chance(0.3));
    db.suppliers.set(s.code, s);
    generated.push(s);
  }
  if (generated.length === 0) return;
  for (let k = 0, n = 10001; k < orders; n += 1) {
    // PORD10034 is the documentation's order (seed-setup.ts).
    if (main.orders.has(`PORD${n}`)) continue;
    const o = order(rng, n, rng.pick(generated), main);
    main.orders.set(o.displayNumber, o);
    k += 1;
  }
}

export function seedData(opts: SeedOptions = {}): P2pData {
  const rng = new Random(opts.seed ?? 20181204);
  const live = database(SANDBOX.database, users());
  generate(live, rng, opts.suppliers ?? 300, opts.orders ?? 300);
  const docs = database('PROACTIS', users());
  return { databases: new Map([[live.title, live], [docs.title, docs], ['DEMO', demoDatabase()]]) };
}

