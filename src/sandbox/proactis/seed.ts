/**
 * Seeded, deterministic data for the Proactis simulator: the same seed and sizes give the same
 * records, byte for byte, and nothing reads the clock (times are spread over 2025 from a fixed
 * start). Variety on purpose: several currencies and countries, multi-line documents, every
 * invoice status and every requisition status, offline suppliers, suppliers without the optional
 * details, order-based and standalone invoices.
 */
import { Random } from '../random.js';
import { invoiceStatuses, money, requisitionStatuses, stamp, type InvoiceRecord, type PartyRef, type ProactisData, type ReceiptRecord, type RequisitionRecord, type SupplierRecord } from './records.js';

export interface SeedOptions {
  seed: number;
  sizes: { suppliers: number; requisitions: number; receipts: number; invoices: number };
  /** The offset instants are rendered with (Proactis shows the organisation's local time). */
  offset: string;
}

const START = Date.parse('2025-01-06T08:00:00Z');
const DAY = 86_400_000;

const PREFIXES = ['Acme', 'Northern', 'Conveyor', 'Precision', 'Atlas', 'Delta', 'Harbour', 'Summit', 'Kestrel', 'Orion', 'Beacon', 'Meridian', 'Ironbridge', 'Vale', 'Redwood'];
const TRADES = ['Industrial Supply', 'Parts Co', 'Bearings', 'Hydraulics', 'Electrical', 'Fasteners', 'Pumps & Valves', 'Safety Equipment', 'Office Supplies', 'Lubricants', 'Tooling', 'Facilities Services'];
const SUFFIXES = ['Ltd', 'BV', 'GmbH', 'Inc', 'plc', 'AB', ''];
const PLACES = [
  { country: 'GB', currency: 'GBP', city: 'Leeds', state: 'West Yorkshire', postalCode: 'LS1 4AP', vat: 'GB' },
  { country: 'GB', currency: 'GBP', city: 'Bristol', state: undefined, postalCode: 'BS1 5TR', vat: 'GB' },
  { country: 'NL', currency: 'EUR', city: 'Utrecht', state: undefined, postalCode: '3511 AB', vat: 'NL' },
  { country: 'DE', currency: 'EUR', city: 'Duisburg', state: 'NRW', postalCode: '47051', vat: 'DE' },
  { country: 'US', currency: 'USD', city: 'Bedford', state: 'MA', postalCode: '01730', vat: 'US' },
  { country: 'SE', currency: 'SEK', city: 'Göteborg', state: undefined, postalCode: '411 04', vat: 'SE' },
] as const;
const TERMS = ['Net 30', 'Net 45', 'Net 60', '30 days end of month'];
const PEOPLE = ['Alice Morgan', 'Bram de Vries', 'Chloé Martin', 'Dev Patel', 'Emma Lindqvist', 'Felix Wagner', 'Grace Okafor', 'Hugo Janssen', 'Isla Reid', 'Jonas Berg'];
const ITEMS = [
  { part: 'BRG-6204', description: 'Deep groove ball bearing 6204', uom: 'EA', cents: 845 },
  { part: 'SEAL-KIT-7', description: 'Pump seal kit', uom: 'EA', cents: 14550 },
  { part: 'HYD-OIL-46', description: 'Hydraulic oil ISO VG 46, 20 l', uom: 'EA', cents: 6890 },
  { part: 'BLT-M12', description: 'Hex bolt M12x50, box of 100', uom: 'BOX', cents: 2400 },
  { part: 'GLV-NIT', description: 'Nitrile gloves, size L', uom: 'BOX', cents: 1175 },
  { part: 'CBL-3G15', description: 'Power cable 3G1.5', uom: 'M', cents: 129 },
  { part: 'SVC-INSP', description: 'Inspection visit', uom: 'HR', cents: 8500 },
  { part: 'PAP-A4', description: 'Copier paper A4, 5 reams', uom: 'BOX', cents: 2199 },
  { part: 'GRS-EP2', description: 'Grease EP2, 400 g cartridge', uom: 'EA', cents: 650 },
  { part: 'FLT-AIR-9', description: 'Air filter element', uom: 'EA', cents: 3320 },
];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function suppliers(rng: Random, n: number, offset: string): SupplierRecord[] {
  const out: SupplierRecord[] = [];
  for (let i = 0; i < n; i += 1) {
    const place = rng.pick(PLACES);
    const suffix = rng.pick(SUFFIXES);
    const name = `${rng.pick(PREFIXES)} ${rng.pick(TRADES)}${suffix ? ` ${suffix}` : ''}`;
    const record: SupplierRecord = {
      id: rng.hex(24),
      number: `SUP${10000 + i}`,
      name,
      online: rng.chance(0.75),
      lastModified: stamp(START + rng.int(0, 300) * DAY + rng.int(0, DAY / 1000 - 1) * 1000, offset),
    };
    // A share of suppliers carry only the documented fields (id, number, name, online, lastModified).
    if (rng.chance(0.85)) {
      const web = `${slug(name)}-${i}.example`;
      Object.assign(record, {
        ...(rng.chance(0.8) ? { vatNumber: `${place.vat}${rng.int(100000000, 999999999)}` } : {}),
        email: `accounts@${web}`,
        phone: `+${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100000, 999999)}`,
        ...(rng.chance(0.6) ? { website: `https://www.${web}` } : {}),
        currency: place.currency,
        paymentTerms: rng.pick(TERMS),
        address: { street: `${rng.int(1, 250)} ${rng.pick(['Station Road', 'Industrieweg', 'Hafenstraße', 'Main Street', 'Kungsgatan'])}`, city: place.city, ...(place.state ? { state: place.state } : {}), postalCode: place.postalCode, country: place.country },
        contacts: Array.from({ length: rng.int(0, 2) }, (_, c) => {
          const person = rng.pick(PEOPLE);
          return { name: person, email: `${slug(person)}@${web}`, ...(rng.chance(0.7) ? { phone: `+${rng.int(10, 99)} ${rng.int(100000000, 999999999)}` } : {}), role: c === 0 ? 'Sales' : 'Accounts receivable' };
        }),
      });
    }
    out.push(record);
  }
  return out;
}

const ref = (s: SupplierRecord): PartyRef => ({ id: s.id, number: s.number, name: s.name });

function requisitions(rng: Random, n: number, parties: SupplierRecord[], offset: string): RequisitionRecord[] {
  return Array.from({ length: n }, (_, i) => {
    // Every status early on, then mostly the common ones.
    const status = i < requisitionStatuses.length ? requisitionStatuses[i]! : rng.pick(['DRAFT', 'FORAPPROVAL', 'APPROVED', 'APPROVED', 'ORDERED', 'ORDERED', 'ORDERED', 'REJECTED', 'CANCELLED'] as const);
    const currency = rng.pick(['GBP', 'GBP', 'EUR', 'USD']);
    const created = START + rng.int(0, 280) * DAY + rng.int(0, 36_000) * 1000;
    const lines = Array.from({ length: rng.int(1, 5) }, (_, l) => {
      const item = rng.pick(ITEMS);
      const supplier = parties.length && rng.chance(0.9) ? ref(rng.pick(parties)) : undefined;
      return {
        lineNumber: l + 1,
        supplierPartID: item.part,
        description: item.description,
        quantity: rng.int(1, 40),
        unitOfMeasure: item.uom,
        unitPrice: money(item.cents),
        ...(supplier ? { supplier } : {}),
        ...(status === 'ORDERED' ? { orderID: `000${70000 + i}` } : {}),
      };
    });
    const person = rng.pick(PEOPLE);
    return {
      id: rng.hex(24),
      requisitionNumber: `REQ${200000 + i}`,
      status,
      title: `${rng.pick(['Spares for', 'Consumables for', 'Service for', 'Restock of'])} ${rng.pick(['line 1', 'line 2', 'the workshop', 'plant 4', 'the office', 'stores'])}`,
      requester: { id: `USR${100 + PEOPLE.indexOf(person)}`, name: person, ...(rng.chance(0.8) ? { email: `${slug(person)}@buyer.example` } : {}) },
      ...(rng.chance(0.85) ? { requiredDate: new Date(created + rng.int(5, 40) * DAY).toISOString().slice(0, 10) } : {}),
      currency,
      totalAmount: money(lines.reduce((s, l) => s + Math.round(l.unitPrice * 100) * l.quantity, 0)),
      createdDate: stamp(created, offset),
      lastModified: stamp(created + rng.int(0, 20) * DAY + rng.int(0, 3600) * 1000, offset),
      lines,
    };
  });
}

function receipts(rng: Random, n: number, parties: SupplierRecord[], offset: string): ReceiptRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const at = START + rng.int(0, 290) * DAY + rng.int(0, 36_000) * 1000;
    const currency = rng.pick(['GBP', 'EUR', 'USD']);
    const items = Array.from({ length: rng.int(1, 4) }, (_, l) => {
      const item = rng.pick(ITEMS);
      return {
        receiptLineNumber: l + 1,
        lineNumber: l + 1 + rng.int(0, 2),
        quantity: rng.int(1, 25),
        unitOfMeasure: item.uom,
        supplierPartID: item.part,
        ...(rng.chance(0.7) ? { description: item.description } : {}),
        unitRate: { amount: money(item.cents), currency },
        completedIndicator: rng.chance(0.6),
        ...(rng.chance(0.3) ? { classification: rng.pick(['Good', 'Damaged', 'Incomplete']) } : {}),
      };
    });
    const person = rng.pick(PEOPLE);
    return {
      id: rng.hex(24),
      receiptID: `2025${String(i + 1).padStart(7, '0')}`,
      receiptDate: stamp(at, offset),
      orderReference: { orderID: `000${70000 + rng.int(0, 999)}` },
      supplier: ref(rng.pick(parties)),
      ...(rng.chance(0.85) ? { receivedBy: { id: `USR${100 + PEOPLE.indexOf(person)}`, name: person } } : {}),
      ...(items.every((it) => it.completedIndicator) ? { closeForReceiving: true } : {}),
      ...(rng.chance(0.25) ? { comments: rng.pick(['Left at gate 2', 'Partial delivery, rest next week', 'Boxes damaged, contents fine']) } : {}),
      lastModified: stamp(at + rng.int(0, 5) * DAY, offset),
      items,
    };
  });
}

const TAX_RATES: Record<string, number> = { GBP: 20, EUR: 21, USD: 0, SEK: 25 };

function invoices(rng: Random, n: number, parties: SupplierRecord[], offset: string): InvoiceRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const status = i < invoiceStatuses.length ? invoiceStatuses[i]! : rng.pick(invoiceStatuses);
    const supplier = rng.pick(parties);
    const currency = supplier.currency ?? rng.pick(['GBP', 'EUR', 'USD']);
    const rate = TAX_RATES[currency] ?? 0;
    const orderBased = rng.chance(0.8);
    const lines = Array.from({ length: rng.int(1, 5) }, (_, l) => {
      const item = rng.pick(ITEMS);
      const quantity = rng.int(1, 30);
      const net = item.cents * quantity;
      return {
        lineNumber: l + 1,
        ...(rng.chance(0.9) ? { supplierPartID: item.part } : {}),
        description: item.description,
        quantity,
        unitOfMeasure: item.uom,
        unitPrice: money(item.cents),
        netAmount: money(net),
        taxAmount: money(Math.round((net * rate) / 100)),
        ...(orderBased ? { orderLineNumber: l + 1 } : {}),
      };
    });
    const netCents = lines.reduce((s, l) => s + Math.round(l.netAmount * 100), 0);
    const taxCents = lines.reduce((s, l) => s + Math.round(l.taxAmount * 100), 0);
    const day = START + rng.int(0, 280) * DAY;
    const paid = status === 'CLEARED' || status === 'SENT' || status === 'ARCHIVED';
    return {
      id: rng.hex(24),
      invoiceNumber: `INV-${rng.int(1000, 9999)}-${i + 1}`,
      status,
      supplier: ref(supplier),
      ...(orderBased ? { orderReference: { orderID: `000${70000 + rng.int(0, 999)}` } } : {}),
      invoiceDate: new Date(day).toISOString().slice(0, 10),
      ...(rng.chance(0.9) ? { dueDate: new Date(day + rng.pick([30, 45, 60]) * DAY).toISOString().slice(0, 10) } : {}),
      currency,
      netAmount: money(netCents),
      taxAmount: money(taxCents),
      grossAmount: money(netCents + taxCents),
      ...(paid ? { entryNumber: `JE${rng.int(100000, 999999)}` } : {}),
      ...(status === 'CLEARED' || status === 'ARCHIVED' ? { paymentDate: stamp(day + 35 * DAY, offset) } : {}),
      createdDate: stamp(day + 3600_000, offset),
      lastModified: stamp(day + rng.int(1, 30) * DAY, offset),
      lines,
    };
  });
}

export function seedData(opts: SeedOptions): ProactisData {
  const rng = new Random(opts.seed);
  const s = suppliers(rng, opts.sizes.suppliers, opts.offset);
  const parties = s.length ? s : suppliers(rng, 1, opts.offset);
  return {
    suppliers: s,
    requisitions: requisitions(rng, opts.sizes.requisitions, s, opts.offset),
    receipts: receipts(rng, opts.sizes.receipts, parties, opts.offset),
    invoices: invoices(rng, opts.sizes.invoices, parties, opts.offset),
  };
}
