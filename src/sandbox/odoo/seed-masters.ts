/**
 * Demo master data: the company, currencies (2, 0 and 3 decimals), countries, payment terms,
 * taxes, incoterms, units, users (an admin, the buyer Manifold connects as, a clerk without
 * purchase rights, technicians) and partners — vendors with contacts, and customers that are
 * not vendors (supplier_rank 0).
 */
import type { Database } from './orm.js';
import type { Random } from '../random.js';
import { addSeconds, type OdooDatetime } from './wire.js';

export interface Clock {
  /** A deterministic instant for the n-th seeded record (no wall clock involved). */
  at(n: number, spreadDays?: number): OdooDatetime;
}

export const SEED_START: OdooDatetime = '2024-01-02 08:00:00';

export interface DemoUser {
  id: number;
  login: string;
  password: string;
  apiKey: string;
  name: string;
  groups: string[];
}

/** Who can log in to every demo database. */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 2, login: 'admin', password: 'odoo-admin', apiKey: 'odoo-sandbox-admin-api-key', name: 'Mitchell Admin', groups: ['purchase.group_purchase_manager', 'stock.group_stock_manager', 'maintenance.group_equipment_manager', 'base.group_partner_manager', 'account.group_account_invoice'] },
  { id: 6, login: 'buyer@acme.example', password: 'buyer-password', apiKey: '0ef5c0f1-odoo-sandbox-buyer-key', name: 'Beth Buyer', groups: ['purchase.group_purchase_user', 'stock.group_stock_user', 'base.group_partner_manager'] },
  { id: 7, login: 'clerk@acme.example', password: 'clerk-password', apiKey: 'odoo-sandbox-clerk-api-key', name: 'Carl Clerk', groups: ['base.group_user'] },
  { id: 8, login: 'tina@acme.example', password: 'tina-password', apiKey: 'odoo-sandbox-tina-api-key', name: 'Tina Technician', groups: ['base.group_user'] },
  { id: 9, login: 'marc@acme.example', password: 'marc-password', apiKey: 'odoo-sandbox-marc-api-key', name: 'Marc Mechanic', groups: ['base.group_user'] },
];

export const CURRENCIES = [
  // [code, symbol, rounding, units per USD]
  ['USD', '$', 0.01, 1],
  ['EUR', '€', 0.01, 0.92],
  ['GBP', '£', 0.01, 0.79],
  ['CHF', 'CHF', 0.01, 0.88],
  ['JPY', '¥', 1, 149.5],
  ['KWD', 'KD', 0.001, 0.307],
] as const;

const COUNTRIES = [
  ['United States', 'US', [['California', 'CA'], ['Texas', 'TX'], ['Ohio', 'OH']]],
  ['Germany', 'DE', [['Bayern (Bavaria)', 'BY'], ['Nordrhein-Westfalen', 'NW']]],
  ['France', 'FR', []],
  ['United Kingdom', 'GB', []],
  ['Switzerland', 'CH', []],
  ['Japan', 'JP', [['Tokyo', '13']]],
  ['Kuwait', 'KW', []],
  ['Belgium', 'BE', []],
] as const;

const CITIES: Record<string, string[]> = {
  US: ['Columbus', 'Austin', 'San Jose', 'Dayton'], DE: ['Munich', 'Cologne', 'Augsburg'], FR: ['Lyon', 'Lille'], GB: ['Leeds', 'Bristol'],
  CH: ['Basel', 'Zurich'], JP: ['Tokyo'], KW: ['Kuwait City'], BE: ['Ghent', 'Antwerp'],
};

const FIRST = ['Atlas', 'Northwind', 'Keystone', 'Summit', 'Redwood', 'Ironbridge', 'Bluewater', 'Granite', 'Pioneer', 'Harbor', 'Vertex', 'Cobalt', 'Meridian', 'Falcon', 'Evergreen', 'Sterling', 'Orion', 'Beacon', 'Crescent', 'Delta'];
const SECOND = ['Bearings', 'Hydraulics', 'Industrial Supply', 'Fasteners', 'Electric', 'Pumps & Valves', 'Lubricants', 'Tooling', 'Automation', 'Filtration'];
const SUFFIX = ['Inc.', 'GmbH', 'Ltd', 'SA', 'AG', 'KK'];
const PEOPLE = ['Anna Berg', 'Luis Ortega', 'Mei Tanaka', 'Tom Baker', 'Sofia Rossi', 'Jan de Vries', 'Amira Haddad', 'Paul Martin', 'Eva Novak', 'Omar Farouk'];
const ROLES = ['Sales', 'Accounts receivable', 'Key account manager', 'Logistics', false] as const;

export interface Masters {
  currencyIds: Map<string, number>;
  countryIds: Map<string, number>;
  termIds: number[];
  taxIds: { standard: number; reduced: number; zero: number };
  incotermIds: number[];
  uom: { unit: number; kg: number; liter: number; meter: number; hour: number };
  vendorIds: number[];
  companyPartner: number;
}

export function seedMasters(db: Database, rnd: Random, clock: Clock, opts: { vendors: number; customers: number }): Masters {
  const stamp = (n: number) => ({ create_date: clock.at(n), write_date: clock.at(n), create_uid: 1, write_uid: 1 });
  const currencyIds = new Map<string, number>();
  for (const [code, symbol, rounding, rate] of CURRENCIES) currencyIds.set(code, db.insert('res.currency', { name: code, symbol, rounding, rate, active: true, ...stamp(0) }));
  const countryIds = new Map<string, number>();
  const stateIds = new Map<string, number[]>();
  for (const [name, code, states] of COUNTRIES) {
    const id = db.insert('res.country', { name, code, ...stamp(0) });
    countryIds.set(code, id);
    stateIds.set(code, states.map(([sName, sCode]) => db.insert('res.country.state', { name: sName, code: sCode, country_id: id, ...stamp(0) })));
  }
  const termIds = ['Immediate Payment', '15 Days', '30 Days', '45 Days', 'End of Following Month'].map((name, i) => db.insert('account.payment.term', { name, sequence: i, active: true, ...stamp(0) }));
  const tax = (name: string, amount: number) => db.insert('account.tax', { name, amount, amount_type: 'percent', type_tax_use: 'purchase', active: true, sequence: 1, ...stamp(0) });
  const taxIds = { standard: tax('15%', 15), reduced: tax('5%', 5), zero: tax('0% EXEMPT', 0) };
  const incotermIds = [['EX WORKS', 'EXW'], ['FREE CARRIER', 'FCA'], ['DELIVERED AT PLACE', 'DAP'], ['DELIVERED DUTY PAID', 'DDP']].map(([name, code]) => db.insert('account.incoterms', { name, code, active: true, ...stamp(0) }));
  const u = (name: string, factor: number, rounding: number) => db.insert('uom.uom', { name, factor, rounding, active: true, ...stamp(0) });
  const uom = { unit: u('Units', 1, 0.01), kg: u('kg', 1, 0.01), liter: u('L', 1, 0.01), meter: u('m', 1, 0.01), hour: u('Hours', 1, 0.01) };

  const address = (code: string) => ({
    street: `${rnd.int(1, 250)} ${rnd.pick(['Industrial Way', 'Harbour Road', 'Hauptstrasse', 'Rue de la Gare', 'Mill Lane', 'Station Street'])}`,
    street2: rnd.chance(0.3) ? `Unit ${rnd.int(1, 40)}` : null,
    city: rnd.pick(CITIES[code] ?? ['Springfield']),
    zip: String(rnd.int(10000, 99999)),
    country_id: countryIds.get(code)!,
    state_id: stateIds.get(code)?.length && rnd.chance(0.8) ? rnd.pick(stateIds.get(code)!) : null,
  });
  const companyPartner = db.insert('res.partner', { name: 'Acme Industries', is_company: true, type: 'contact', active: true, supplier_rank: 0, customer_rank: 0, company_id: 1, email: 'info@acme.example', phone: '+1 614 555 0100', website: 'https://acme.example', ...address('US'), ...stamp(0) });
  db.insert('res.company', { id: 1, name: 'Acme Industries', currency_id: currencyIds.get('USD')!, partner_id: companyPartner, po_double_validation: 'two_step', po_double_validation_amount: 25000, po_lock: 'edit', ...stamp(0) });
  db.insert('res.users', { id: 1, name: 'OdooBot', login: '__system__', active: false, company_id: 1, ...stamp(0) });
  for (const user of DEMO_USERS) {
    const partnerId = db.insert('res.partner', { name: user.name, email: user.login.includes('@') ? user.login : 'admin@acme.example', type: 'contact', active: true, supplier_rank: 0, customer_rank: 0, parent_id: companyPartner, ...stamp(0) });
    db.insert('res.users', { id: user.id, name: user.name, login: user.login, partner_id: partnerId, company_id: 1, active: true, ...stamp(0) });
    db.users.set(user.id, { id: user.id, login: user.login, password: user.password, apiKeys: [user.apiKey], groups: [...user.groups, 'base.group_user'] });
  }

  const vendorIds: number[] = [];
  const codes = ['US', 'US', 'US', 'DE', 'DE', 'FR', 'GB', 'CH', 'JP', 'KW', 'BE'];
  const currencyOf: Record<string, string> = { US: 'USD', DE: 'EUR', FR: 'EUR', BE: 'EUR', GB: 'GBP', CH: 'CHF', JP: 'JPY', KW: 'KWD' };
  for (let i = 0; i < opts.vendors; i += 1) {
    const n = i + 1;
    const code = rnd.pick(codes);
    const name = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]} ${SUFFIX[Math.floor(i / (FIRST.length * SECOND.length)) % SUFFIX.length]}${i >= FIRST.length * SECOND.length * SUFFIX.length ? ` ${n}` : ''}`;
    const created = clock.at(n, 400);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const id = db.insert('res.partner', {
      name,
      is_company: true,
      type: 'contact',
      ref: rnd.chance(0.85) ? `V${String(n).padStart(4, '0')}` : null,
      vat: rnd.chance(0.7) ? `${code}${rnd.int(100000000, 999999999)}` : null,
      email: rnd.chance(0.9) ? `orders@${slug}.example` : null,
      phone: rnd.chance(0.8) ? `+${rnd.int(1, 99)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}` : null,
      website: rnd.chance(0.6) ? `https://${slug}.example` : null,
      ...address(code),
      active: !rnd.chance(0.05),
      supplier_rank: rnd.int(1, 25),
      customer_rank: rnd.chance(0.1) ? 1 : 0,
      company_id: null,
      property_purchase_currency_id: code === 'US' || rnd.chance(0.2) ? null : currencyIds.get(currencyOf[code]!)!,
      property_supplier_payment_term_id: rnd.chance(0.8) ? rnd.pick(termIds) : null,
      purchase_warn: rnd.chance(0.04) ? 'block' : rnd.chance(0.05) ? 'warning' : 'no-message',
      purchase_warn_msg: null,
      create_date: created,
      write_date: addSeconds(created, rnd.int(0, 90) * 86_400),
      create_uid: 2,
      write_uid: 2,
    });
    vendorIds.push(id);
    for (let c = rnd.int(0, 3); c > 0; c -= 1) {
      const person = rnd.pick(PEOPLE);
      const role = rnd.pick(ROLES);
      db.insert('res.partner', {
        name: person, parent_id: id, is_company: false, type: 'contact', function: role || null, active: true, supplier_rank: 0, customer_rank: 0,
        email: rnd.chance(0.8) ? `${person.split(' ')[0]!.toLowerCase()}@${slug}.example` : null,
        phone: rnd.chance(0.6) ? `+${rnd.int(1, 99)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}` : null,
        create_date: created, write_date: created, create_uid: 2, write_uid: 2,
      });
    }
  }
  for (let i = 0; i < opts.customers; i += 1) {
    db.insert('res.partner', { name: `Customer ${rnd.pick(FIRST)} ${i + 1}`, is_company: true, type: 'contact', active: true, supplier_rank: 0, customer_rank: rnd.int(1, 9), ...address(rnd.pick(codes)), ...stamp(i) });
  }
  return { currencyIds, countryIds, termIds, taxIds, incotermIds, uom, vendorIds, companyPartner };
}
