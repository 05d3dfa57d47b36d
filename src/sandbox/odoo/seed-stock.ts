/**
 * Demo warehouses and locations, laid out as Odoo creates them (a view location per warehouse
 * with its Stock location, shelves under Stock; the Partners and Virtual Locations views), and
 * quants of the storable products in the internal locations.
 */
import type { Database } from './orm.js';
import type { Random } from '../random.js';
import type { Clock, Masters } from './seed-masters.js';
import type { Products } from './seed-products.js';

export interface Stock {
  internal: number[];
  warehouses: { id: number; stock: number }[];
}

export function seedStock(db: Database, rnd: Random, clock: Clock, masters: Masters, products: Products, shelvesPerWarehouse: number): Stock {
  let n = 0;
  const loc = (name: string, usage: string, parent: number | null, extra: Record<string, unknown> = {}) =>
    db.insert('stock.location', { name, usage, location_id: parent, active: true, company_id: usage === 'internal' || usage === 'view' ? 1 : null, warehouse_id: null, barcode: null, create_date: clock.at(n, 5), write_date: clock.at(n++, 5), create_uid: 1, write_uid: 1, ...extra });
  const physical = loc('Physical Locations', 'view', null, { company_id: null });
  const partners = loc('Partners', 'view', null, { company_id: null });
  loc('Vendors', 'supplier', partners);
  loc('Customers', 'customer', partners);
  const virtual = loc('Virtual Locations', 'view', null, { company_id: null });
  loc('Inventory adjustment', 'inventory', virtual);
  loc('Production', 'production', virtual);
  loc('Scrap', 'inventory', virtual, { active: false });
  loc('Inter-company transit', 'transit', physical);

  const internal: number[] = [];
  const warehouses: Stock['warehouses'] = [];
  for (const [name, code] of [['Main Warehouse', 'WH'], ['Plant 2 Stores', 'P2'], ['Spare Parts Depot', 'SPD']] as const) {
    const view = loc(code, 'view', physical);
    const stock = loc('Stock', 'internal', view, { barcode: `${code}-STOCK` });
    internal.push(stock);
    for (let s = 1; s <= shelvesPerWarehouse; s += 1) internal.push(loc(`Shelf ${s}`, 'internal', stock, { barcode: `${code}-S${String(s).padStart(2, '0')}`, active: !rnd.chance(0.05) }));
    const id = db.insert('stock.warehouse', { name, code, sequence: 10, partner_id: masters.companyPartner, view_location_id: view, lot_stock_id: stock, company_id: 1, active: true, create_date: clock.at(0), write_date: clock.at(0), create_uid: 1, write_uid: 1 });
    for (const l of db.rows('stock.location')) if (l.id === view || l.id === stock || l.location_id === stock) l.warehouse_id = id;
    warehouses.push({ id, stock });
  }

  for (const p of products.all) {
    if (p.type !== 'product') continue;
    const places = new Set<number>();
    for (let q = rnd.int(0, 3); q > 0; q -= 1) places.add(rnd.pick(internal));
    for (const place of places) {
      const quantity = rnd.int(0, 400) / (rnd.chance(0.2) ? 4 : 1);
      const at = clock.at(p.id, 500);
      db.insert('stock.quant', { product_id: p.id, location_id: place, quantity, reserved_quantity: rnd.chance(0.3) ? Math.min(quantity, rnd.int(1, 20)) : 0, inventory_quantity: 0, in_date: at, company_id: 1, create_date: at, write_date: at, create_uid: 2, write_uid: 2 });
    }
  }
  return { internal, warehouses };
}
