/**
 * Demo products: spare parts and consumables (storable and consumable), a few services, some
 * archived, with categories, units, costs, vendor taxes, reordering rules and vendor pricelist
 * entries (product.supplierinfo) in the vendors' currencies.
 */
import type { Database } from './orm.js';
import type { Random } from '../random.js';
import type { Clock, Masters } from './seed-masters.js';
import { addSeconds } from './wire.js';

type UomKey = keyof Masters['uom'];

const CATALOG: readonly { code: string; name: string; category: string; uom: UomKey; cost: [number, number]; type: 'product' | 'consu' | 'service' }[] = [
  { code: 'BRG', name: 'Deep groove ball bearing', category: 'Bearings', uom: 'unit', cost: [4, 60], type: 'product' },
  { code: 'TRB', name: 'Tapered roller bearing', category: 'Bearings', uom: 'unit', cost: [12, 140], type: 'product' },
  { code: 'BLT', name: 'V-belt', category: 'Power transmission', uom: 'unit', cost: [6, 45], type: 'product' },
  { code: 'SEAL', name: 'Shaft seal', category: 'Seals', uom: 'unit', cost: [2, 25], type: 'product' },
  { code: 'FLT', name: 'Hydraulic filter element', category: 'Filters', uom: 'unit', cost: [15, 90], type: 'product' },
  { code: 'OIL', name: 'Hydraulic oil HV46', category: 'Lubricants', uom: 'liter', cost: [3, 9], type: 'consu' },
  { code: 'GRS', name: 'Lithium grease', category: 'Lubricants', uom: 'kg', cost: [8, 30], type: 'consu' },
  { code: 'MOT', name: 'Three-phase motor', category: 'Electrical', uom: 'unit', cost: [180, 2400], type: 'product' },
  { code: 'SNS', name: 'Inductive proximity sensor', category: 'Electrical', uom: 'unit', cost: [25, 160], type: 'product' },
  { code: 'CBL', name: 'Control cable 4x1.5', category: 'Electrical', uom: 'meter', cost: [1, 6], type: 'consu' },
  { code: 'VLV', name: 'Stainless ball valve', category: 'Valves', uom: 'unit', cost: [20, 310], type: 'product' },
  { code: 'IMP', name: 'Pump impeller', category: 'Pumps', uom: 'unit', cost: [90, 900], type: 'product' },
  { code: 'SRV', name: 'Calibration service', category: 'Services', uom: 'hour', cost: [60, 140], type: 'service' },
  { code: 'LAB', name: 'Contractor labour', category: 'Services', uom: 'hour', cost: [45, 110], type: 'service' },
];

export interface Products {
  /** Every product id, with what the purchase seed needs of it. */
  all: { id: number; type: string; cost: number; uom: number }[];
}

export function seedProducts(db: Database, rnd: Random, clock: Clock, masters: Masters, count: number): Products {
  const stamp0 = { create_date: clock.at(0), write_date: clock.at(0), create_uid: 1, write_uid: 1 };
  const root = db.insert('product.category', { name: 'All', parent_id: null, ...stamp0 });
  const parts = db.insert('product.category', { name: 'Spare Parts', parent_id: root, ...stamp0 });
  const categories = new Map<string, number>();
  for (const c of new Set(CATALOG.map((x) => x.category))) categories.set(c, db.insert('product.category', { name: c, parent_id: c === 'Services' ? root : parts, ...stamp0 }));

  const all: Products['all'] = [];
  const vendors = masters.vendorIds;
  for (let i = 0; i < count; i += 1) {
    const base = CATALOG[i % CATALOG.length]!;
    const variant = Math.floor(i / CATALOG.length) + 1;
    const created = clock.at(i + 1, 300);
    const written = addSeconds(created, rnd.int(0, 120) * 86_400);
    const cost = Math.round(rnd.int(base.cost[0] * 100, base.cost[1] * 100)) / 100;
    const name = `${base.name} ${base.code === 'BRG' ? `62${String(variant).padStart(2, '0')}` : `type ${variant}`}`;
    const active = !rnd.chance(0.04);
    const tmpl = db.insert('product.template', { name, priority: '0', active, create_date: created, write_date: written, create_uid: 2, write_uid: 2 });
    const uom = masters.uom[base.uom];
    const id = db.insert('product.product', {
      product_tmpl_id: tmpl,
      default_code: rnd.chance(0.95) ? `${base.code}-${String(1000 + i)}` : null,
      barcode: rnd.chance(0.4) ? String(4006381000000 + i) : null,
      type: base.type,
      categ_id: categories.get(base.category)!,
      uom_id: uom,
      uom_po_id: uom,
      standard_price: cost,
      list_price: Math.round(cost * 160) / 100,
      description: rnd.chance(0.5) ? `<p>${name}: stocked for the ${rnd.pick(['press line', 'packaging line', 'boiler house', 'paint shop'])}.</p>` : null,
      description_purchase: rnd.chance(0.2) ? 'Deliver with certificate of conformity' : null,
      active,
      purchase_ok: true,
      supplier_taxes_id: [rnd.chance(0.8) ? masters.taxIds.standard : rnd.chance(0.5) ? masters.taxIds.reduced : masters.taxIds.zero],
      reordering_min_qty: base.type === 'product' && rnd.chance(0.5) ? rnd.int(2, 20) : 0,
      reordering_max_qty: 0,
      create_date: created,
      write_date: written,
      create_uid: 2,
      write_uid: 2,
    });
    const row = db.get('product.product', id)!;
    if (typeof row.reordering_min_qty === 'number' && row.reordering_min_qty > 0) row.reordering_max_qty = row.reordering_min_qty * rnd.int(2, 5);
    all.push({ id, type: base.type, cost, uom });
    const sellers = base.type === 'service' ? rnd.int(0, 1) : rnd.int(0, 3);
    const chosen = new Set<number>();
    for (let s = 0; s < sellers; s += 1) {
      const partner = rnd.pick(vendors);
      if (chosen.has(partner)) continue;
      chosen.add(partner);
      const pCurrency = db.get('res.partner', partner)?.property_purchase_currency_id;
      const currency = typeof pCurrency === 'number' ? pCurrency : masters.currencyIds.get('USD')!;
      const rate = Number(db.get('res.currency', currency)?.rate ?? 1);
      db.insert('product.supplierinfo', {
        partner_id: partner,
        product_name: rnd.chance(0.3) ? `${name} (vendor)` : null,
        product_code: rnd.chance(0.7) ? `${base.code}${rnd.int(100, 999)}-${String.fromCharCode(65 + s)}` : null,
        sequence: s + 1,
        min_qty: rnd.chance(0.2) ? rnd.int(5, 50) : 0,
        price: Number((cost * rate * (0.85 + rnd.next() * 0.3)).toFixed(currency === masters.currencyIds.get('JPY') ? 0 : 2)),
        currency_id: currency,
        delay: rnd.int(1, 30),
        product_tmpl_id: tmpl,
        product_id: null,
        create_date: created,
        write_date: written,
        create_uid: 2,
        write_uid: 2,
      });
    }
  }
  return { all };
}
