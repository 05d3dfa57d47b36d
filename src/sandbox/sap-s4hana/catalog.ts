/**
 * The simulated system's master data: company codes with their plants and purchasing
 * organisations (shaped like SAP's best-practice sample org structure: company code 1710 with
 * plant 1710 and purchasing org 1710, and so on), purchasing groups, payment terms, incoterms,
 * materials, and the suppliers (seeded). Orders and the supplier API draw from here, and the
 * write rules check references against it, as SAP checks its customising and master data.
 */
import { random, STREAM } from './random.js';

export interface CompanyCode {
  code: string;
  name: string;
  country: string;
  currency: string;
  language: string;
  plants: { code: string; storageLocations: string[]; city: string }[];
  purchasingOrganization: string;
}

export const companyCodes: readonly CompanyCode[] = [
  { code: '1010', name: 'Company Code 1010', country: 'DE', currency: 'EUR', language: 'DE', purchasingOrganization: '1010', plants: [{ code: '1010', storageLocations: ['101A', '101B'], city: 'Walldorf' }, { code: '1020', storageLocations: ['102A'], city: 'Hamburg' }] },
  { code: '1710', name: 'Company Code 1710', country: 'US', currency: 'USD', language: 'EN', purchasingOrganization: '1710', plants: [{ code: '1710', storageLocations: ['171A', '171B'], city: 'Palo Alto' }, { code: '1720', storageLocations: ['172A'], city: 'Houston' }] },
  { code: '4010', name: 'Company Code 4010', country: 'GB', currency: 'GBP', language: 'EN', purchasingOrganization: '4010', plants: [{ code: '4010', storageLocations: ['401A'], city: 'London' }] },
  { code: '2910', name: 'Company Code 2910', country: 'JP', currency: 'JPY', language: 'JA', purchasingOrganization: '2910', plants: [{ code: '2910', storageLocations: ['291A'], city: 'Tokyo' }] },
  { code: '5910', name: 'Company Code 5910', country: 'KW', currency: 'KWD', language: 'EN', purchasingOrganization: '5910', plants: [{ code: '5910', storageLocations: ['591A'], city: 'Kuwait City' }] },
  { code: '1110', name: 'Company Code 1110', country: 'CH', currency: 'CHF', language: 'DE', purchasingOrganization: '1110', plants: [{ code: '1110', storageLocations: ['111A'], city: 'Basel' }] },
];

export const purchasingGroups = ['001', '002', '003', '004'] as const;

/** Currencies with their minor units (ISO 4217): SAP keeps amounts per the currency's decimals. */
export const currencyDecimals: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, JPY: 0, KWD: 3, CHF: 2 };

/** Payment terms keys of SAP's standard customising (T052), with their cash-discount rules. */
export const paymentTerms: Record<string, { days1: number; percent1: string; days2: number; percent2: string; net: number }> = {
  '0001': { days1: 0, percent1: '0.000', days2: 0, percent2: '0.000', net: 0 },
  '0002': { days1: 14, percent1: '2.000', days2: 0, percent2: '0.000', net: 30 },
  '0003': { days1: 14, percent1: '3.000', days2: 20, percent2: '2.000', net: 30 },
  '0004': { days1: 0, percent1: '0.000', days2: 0, percent2: '0.000', net: 60 },
};

/** Incoterms 2010/2020 (the version's check table). */
export const incoterms = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'DAT'] as const;

export interface Material {
  code: string;
  text: string;
  unit: string;
  group: string;
  /** Typical price per unit in EUR-like units (scaled per currency when generating). */
  price: number;
  /** Planned delivery time in days (the schedule line's default date on create). */
  leadDays: number;
}

export const materials: readonly Material[] = [
  { code: 'RM-BRG-6204', text: 'Deep groove ball bearing 6204', unit: 'PC', group: 'L001', price: 12.5, leadDays: 7 },
  { code: 'RM-BRG-6305', text: 'Deep groove ball bearing 6305', unit: 'PC', group: 'L001', price: 18.9, leadDays: 7 },
  { code: 'RM-SEAL-40', text: 'Shaft seal 40x62x7', unit: 'PC', group: 'L001', price: 3.75, leadDays: 5 },
  { code: 'RM-BELT-A42', text: 'V-belt A42', unit: 'PC', group: 'L001', price: 9.4, leadDays: 10 },
  { code: 'RM-OIL-HV46', text: 'Hydraulic oil HV46', unit: 'L', group: 'L002', price: 4.2, leadDays: 3 },
  { code: 'RM-GREASE-EP2', text: 'Lithium grease EP2', unit: 'KG', group: 'L002', price: 11.3, leadDays: 3 },
  { code: 'RM-FLT-HYD10', text: 'Hydraulic filter element 10 micron', unit: 'PC', group: 'L001', price: 46.0, leadDays: 12 },
  { code: 'RM-CBL-3G15', text: 'Power cable 3G1.5', unit: 'M', group: 'L003', price: 1.85, leadDays: 4 },
  { code: 'RM-MOT-2K2', text: 'Induction motor 2.2 kW', unit: 'PC', group: 'L004', price: 412.0, leadDays: 30 },
  { code: 'RM-VALVE-DN50', text: 'Gate valve DN50 PN16', unit: 'PC', group: 'L004', price: 138.5, leadDays: 21 },
  { code: 'RM-GLOVE-L', text: 'Nitrile gloves size L (box of 100)', unit: 'BOX', group: 'L005', price: 8.9, leadDays: 2 },
  { code: 'RM-SENS-PT100', text: 'Temperature sensor PT100', unit: 'PC', group: 'L003', price: 57.2, leadDays: 14 },
  { code: 'RM-PUMP-SEAL', text: 'Mechanical seal for pump 35 mm', unit: 'PC', group: 'L001', price: 96.0, leadDays: 18 },
  { code: 'RM-BOLT-M12', text: 'Hex bolt M12x60 8.8', unit: 'PC', group: 'L006', price: 0.42, leadDays: 3 },
  { code: 'RM-PAINT-RAL', text: 'Machine paint RAL 7035', unit: 'L', group: 'L002', price: 16.8, leadDays: 6 },
  { code: 'RM-CHAIN-08B', text: 'Roller chain 08B-1', unit: 'M', group: 'L001', price: 7.3, leadDays: 9 },
];

export const materialByCode = new Map(materials.map((m) => [m.code, m]));

/** Price factor per currency, so a JPY order is not priced like a EUR one. */
export const priceFactor: Record<string, number> = { EUR: 1, USD: 1.1, GBP: 0.86, JPY: 160, KWD: 0.33, CHF: 0.95 };

export interface SupplierRecord {
  supplier: string;
  name: string;
  companyCode: string;
  purchasingOrganization: string;
  purchasingGroup: string;
  currency: string;
  paymentTerms: string;
  incoterms: string;
  incotermsLocation: string;
  vat: string;
  salesPerson: string;
  phone: string;
  purchasingBlocked: boolean;
  deletionIndicator: boolean;
  /** Milliseconds (midnight UTC) of the creation date. */
  createdOn: number;
}

const NAMES = ['Rhein', 'Nord', 'Alpen', 'Pacific', 'Atlas', 'Orion', 'Summit', 'Delta', 'Kanto', 'Gulf', 'Meridian', 'Vector', 'Harbor', 'Falcon', 'Granite', 'Linden'];
const TRADES = ['Bearings', 'Industrial Supply', 'Hydraulics', 'Electric', 'Fasteners', 'Lubricants', 'Automation', 'Valves & Pumps', 'Safety Products', 'Components'];
const FORMS: Record<string, string> = { DE: 'GmbH', US: 'Inc.', GB: 'Ltd', JP: 'K.K.', KW: 'W.L.L.', CH: 'AG' };

/** Supplier numbers in SAP's best-practice ranges: 10300001 (DE), 17300001 (US), … */
function supplierNumber(companyCode: string, n: number): string {
  return `${companyCode.slice(0, 2)}3${String(n).padStart(5, '0')}`;
}

export function generateSuppliers(seed: number, count: number): SupplierRecord[] {
  const out: SupplierRecord[] = [];
  const perCompany = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const r = random(seed, STREAM.supplier, i);
    // Most suppliers are domestic to the big two company codes; every company code has some.
    const cc = i < companyCodes.length ? companyCodes[i]! : r.chance(0.6) ? companyCodes[r.int(0, 1)]! : r.pick(companyCodes);
    const n = (perCompany.get(cc.code) ?? 0) + 1;
    perCompany.set(cc.code, n);
    const name = `${r.pick(NAMES)} ${r.pick(TRADES)} ${FORMS[cc.country]}`;
    // Some buy in a foreign currency (a US supplier paid in EUR, say).
    const currency = r.chance(0.15) ? r.pick(Object.keys(currencyDecimals)) : cc.currency;
    out.push({
      supplier: supplierNumber(cc.code, n),
      name,
      companyCode: cc.code,
      purchasingOrganization: cc.purchasingOrganization,
      purchasingGroup: r.pick(purchasingGroups),
      currency,
      paymentTerms: r.pick(Object.keys(paymentTerms)),
      incoterms: r.pick(['EXW', 'FCA', 'DAP', 'DDP', 'CIF', 'FOB']),
      incotermsLocation: cc.plants[0]!.city,
      vat: `${cc.country}${String(r.int(100000000, 999999999))}`,
      salesPerson: `${r.pick(['A.', 'J.', 'M.', 'K.', 'S.'])} ${r.pick(['Meyer', 'Smith', 'Tanaka', 'Brown', 'Keller', 'Haddad', 'Rossi'])}`,
      phone: `+${r.int(1, 99)} ${r.int(100, 999)} ${r.int(100000, 999999)}`,
      purchasingBlocked: i % 17 === 16,
      deletionIndicator: i % 29 === 28,
      createdOn: Date.UTC(2019, 0, 1) + r.int(0, 1400) * 86_400_000,
    });
  }
  return out;
}
