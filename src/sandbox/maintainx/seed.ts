/**
 * The simulator's seeded data: organizations, each with locations, vendors, parts, assets, work
 * orders and purchase orders — deterministic for a seed, of the sizes asked for, with every
 * status and priority, multi-item purchase orders and the organizations' different currencies.
 * Ids are global across organizations, as MaintainX's are ("Global ID").
 */
import { Random } from '../random.js';
import { seedAssets, seedParts } from './seed-equipment.js';
import { seedPurchaseOrders, seedWorkOrders } from './seed-work.js';
import type { LocationRec, OrgData, Organization, VendorRec } from './types.js';

export interface SeedSizes {
  workOrders: number;
  assets: number;
  parts: number;
  purchaseOrders: number;
  vendors: number;
  locations: number;
}

export const defaultSizes: SeedSizes = { workOrders: 300, assets: 200, parts: 200, purchaseOrders: 200, vendors: 150, locations: 120 };

/** Seeded times fall in 2024–2025, well before any test's "now". */
const BASE = Date.UTC(2024, 0, 8, 7, 30);
const SPAN_MS = 600 * 86_400_000;

/** Next global id per kind, shared by every organization (and by records created later). */
export class Ids {
  private readonly next: Record<string, number> = {
    workOrder: 4401, asset: 960, part: 14600, location: 190, vendor: 7100, purchaseOrder: 130, poItem: 20, cost: 120, fulfillment: 20, contact: 50, assetStatus: 5000,
  };

  take(kind: string): number {
    const id = this.next[kind];
    if (id === undefined) throw new Error(`no id sequence ${kind}`);
    this.next[kind] = id + 1;
    return id;
  }
}

export interface SeedContext {
  rnd: Random;
  ids: Ids;
  org: Organization;
  /** A deterministic instant in the seeded span, as MaintainX writes it (ISO with milliseconds, Z). */
  at(fraction?: number): string;
  /** An instant some ms after another. */
  after(iso: string, minMs: number, maxMs: number): string;
  /** Up to `n` distinct items, in their original order. */
  some<T>(items: readonly T[], n: number): T[];
}

function context(rnd: Random, ids: Ids, org: Organization): SeedContext {
  return {
    rnd,
    ids,
    org,
    at: (fraction) => new Date(BASE + Math.floor((fraction ?? rnd.next()) * SPAN_MS / 1000) * 1000).toISOString(),
    after: (iso, minMs, maxMs) => new Date(Date.parse(iso) + rnd.int(minMs, maxMs)).toISOString(),
    some: (items, n) => {
      const chosen = new Set<number>();
      const want = Math.min(n, items.length);
      while (chosen.size < want) chosen.add(Math.floor(rnd.next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
    },
  };
}

export const organizations: readonly Organization[] = [
  { id: 9, name: 'Northwind Plant Maintenance', timeZone: 'America/Chicago', imageUrl: null, currency: 'USD', dateFormatLocale: 'en-US' },
  { id: 12, name: 'Usine de Lyon', timeZone: 'Europe/Paris', imageUrl: null, currency: 'EUR', dateFormatLocale: 'fr-FR' },
];

const SITE_NAMES = ['North Plant', 'South Plant', 'Distribution Center', 'Head Office', 'Water Treatment', 'Cold Store'];
const CHILD_KINDS = ['Building', 'Line', 'Area', 'Storeroom', 'Workshop', 'Bay', 'Room'];
const STREETS = ['1909 Avenue des Canadiens-de-Montréal, Montreal, QC H4B 5G0', '400 Industrial Pkwy, Dayton, OH 45404', '12 Rue de la Gare, 69002 Lyon', '77 Harbour Rd, Halifax, NS B3H 1A1', '5 Mill Lane, Leeds LS1 4AP'];

function seedLocations(c: SeedContext, count: number): Map<number, LocationRec> {
  const out = new Map<number, LocationRec>();
  const all: LocationRec[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('location');
    const top = i < Math.max(1, Math.ceil(count / 10));
    const parent = top ? null : c.rnd.pick(all.slice(0, Math.max(1, Math.ceil(all.length * 0.6))));
    const name = top ? `${SITE_NAMES[i % SITE_NAMES.length]}${i >= SITE_NAMES.length ? ` ${Math.floor(i / SITE_NAMES.length) + 1}` : ''}` : `${c.rnd.pick(CHILD_KINDS)} ${String.fromCharCode(65 + (i % 26))}${i}`;
    const createdAt = c.at(i / (count * 4));
    const rec: LocationRec = {
      id,
      organizationId: c.org.id,
      name,
      description: c.rnd.chance(0.6) ? `${name} of ${c.org.name}` : null,
      address: top ? STREETS[i % STREETS.length]! : c.rnd.chance(0.15) ? c.rnd.pick(STREETS) : null,
      parentId: parent?.id ?? null,
      barcode: `LOC-${String(id).padStart(6, '0')}`,
      extraFields: c.rnd.chance(0.3) ? { 'Cost Center': `CC-${c.rnd.int(100, 999)}` } : {},
      createdAt,
      updatedAt: c.rnd.chance(0.5) ? c.after(createdAt, 3_600_000, 90 * 86_400_000) : createdAt,
    };
    all.push(rec);
    out.set(id, rec);
  }
  return out;
}

const VENDOR_WORDS = ['Acme', 'Apex', 'Delta', 'Summit', 'Granite', 'Pioneer', 'Atlas', 'Beacon', 'Keystone', 'Meridian', 'Vanguard', 'Harbor'];
const VENDOR_TRADES = ['Bearings', 'Hydraulics', 'Electric Supply', 'Industrial Parts', 'Pumps & Valves', 'Fasteners', 'Filtration', 'Motors', 'Safety Products', 'Lubricants'];
const VENDOR_SUFFIXES = ['Inc.', 'LLC', 'Ltd.', 'SAS', 'GmbH', 'Co.'];

function seedVendors(c: SeedContext, count: number): Map<number, VendorRec> {
  const out = new Map<number, VendorRec>();
  for (let i = 0; i < count; i += 1) {
    const id = c.ids.take('vendor');
    const name = `${VENDOR_WORDS[i % VENDOR_WORDS.length]} ${VENDOR_TRADES[Math.floor(i / VENDOR_WORDS.length) % VENDOR_TRADES.length]} ${c.rnd.pick(VENDOR_SUFFIXES)}${i >= VENDOR_WORDS.length * VENDOR_TRADES.length ? ` ${i}` : ''}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    out.set(id, {
      id,
      organizationId: c.org.id,
      name,
      description: c.rnd.chance(0.5) ? `Supplier of ${VENDOR_TRADES[i % VENDOR_TRADES.length]!.toLowerCase()}` : null,
      emails: c.rnd.chance(0.85) ? [`orders@${slug}.example.com`] : [],
      phoneNumbers: c.rnd.chance(0.7) ? [`+1 555 ${String(c.rnd.int(100, 999))} ${String(c.rnd.int(1000, 9999))}`] : [],
      contactIds: Array.from({ length: c.rnd.int(0, 2) }, () => c.ids.take('contact')),
      extraFields: c.rnd.chance(0.4) ? { 'Vendor Number': `V${String(id).padStart(5, '0')}` } : {},
    });
  }
  return out;
}

export interface SeedOptions extends SeedSizes {
  seed: number;
}

/** Every organization's data; the first organization is the one demo credentials reach. */
export function seedAll(opts: SeedOptions, ids: Ids): Map<number, OrgData> {
  const out = new Map<number, OrgData>();
  organizations.forEach((org, n) => {
    const c = context(new Random(opts.seed * 31 + n * 7919 + 1), ids, org);
    const userIds = Array.from({ length: 24 }, (_, i) => 300 + n * 100 + i);
    const teamIds = Array.from({ length: 6 }, (_, i) => 40 + n * 10 + i);
    const locations = seedLocations(c, opts.locations);
    const vendors = seedVendors(c, opts.vendors);
    const parts = seedParts(c, opts.parts, [...locations.values()], [...vendors.values()]);
    const assets = seedAssets(c, opts.assets, [...locations.values()], [...vendors.values()], userIds, teamIds);
    const data: OrgData = { organization: org, locations, vendors, parts, assets, workOrders: new Map(), purchaseOrders: new Map(), userIds, teamIds };
    data.workOrders = seedWorkOrders(c, opts.workOrders, data);
    data.purchaseOrders = seedPurchaseOrders(c, opts.purchaseOrders, data);
    out.set(org.id, data);
  });
  return out;
}
