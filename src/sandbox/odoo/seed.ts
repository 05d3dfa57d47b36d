/**
 * A seeded demo database: same seed and sizes, same data, on every machine (no wall clock, no
 * Math.random). Sizes default to a few hundred records per entity.
 */
import { Database } from './orm.js';
import { baseModels } from './models/base.js';
import { productModels } from './models/product.js';
import { stockModels } from './models/stock.js';
import { orderLine } from './models/purchase-line.js';
import { purchaseOrder } from './models/purchase-order.js';
import { maintenanceModels } from './models/maintenance.js';
import { Random } from '../random.js';
import { SEED_START, seedMasters, type Clock } from './seed-masters.js';
import { seedProducts } from './seed-products.js';
import { seedStock } from './seed-stock.js';
import { seedPurchases } from './seed-purchases.js';
import { seedMaintenance } from './seed-maintenance.js';
import { addSeconds } from './wire.js';
import type { Env } from './fields.js';

export interface SeedOptions {
  seed?: number;
  purchaseOrders?: number;
  vendors?: number;
  products?: number;
  equipment?: number;
  maintenanceRequests?: number;
  /** Shelves under each warehouse's Stock location. */
  shelves?: number;
}

export const DEFAULT_SIZES = { purchaseOrders: 300, vendors: 200, products: 250, equipment: 200, maintenanceRequests: 250, shelves: 25 } as const;

export const allModels = [...baseModels, ...productModels, ...stockModels, purchaseOrder, orderLine, ...maintenanceModels];

export function seedDatabase(name: string, opts: SeedOptions = {}): Database {
  const db = new Database(name, allModels);
  const rnd = new Random(opts.seed ?? 17);
  // Records spread over the time before the seed's end, by their position: deterministic.
  const clock: Clock = { at: (n, spreadDays = 1) => addSeconds(SEED_START, Math.floor(((n * 7919) % 1000) / 1000 * spreadDays * 86_400) + n * 60) };
  const env: Env = { db, uid: 1, now: SEED_START, context: {} };
  const size = { ...DEFAULT_SIZES, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) };
  const masters = seedMasters(db, rnd, clock, { vendors: size.vendors, customers: Math.ceil(size.vendors / 5) });
  const products = seedProducts(db, rnd, clock, masters, size.products);
  seedStock(db, rnd, clock, masters, products, size.shelves);
  seedPurchases(db, rnd, clock, masters, products, size.purchaseOrders, env);
  seedMaintenance(db, rnd, clock, masters, { equipment: size.equipment, requests: size.maintenanceRequests });
  return db;
}
