/**
 * Warehouses, locations and quants (Odoo 17.0 stock/models/stock_warehouse.py, stock_location.py,
 * stock_quant.py). A location's complete_name is its parent's plus its own name, except for
 * views, which show their own name only (stock.location._compute_complete_name).
 */
import { F, type Env, type Row } from '../fields.js';
import type { ModelSpec } from '../model.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const warehouse: ModelSpec = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  order: 'sequence, id',
  fields: {
    name: F.char('Warehouse', { required: true }),
    code: F.char('Short Name', { required: true }),
    sequence: F.integer('Sequence', { default: () => 10 }),
    partner_id: F.many2one('Address', 'res.partner'),
    view_location_id: F.many2one('View Location', 'stock.location', { required: true }),
    lot_stock_id: F.many2one('Location Stock', 'stock.location', { required: true }),
    company_id: F.many2one('Company', 'res.company', { required: true }),
    active: F.boolean('Active', { default: () => true }),
  },
};

function completeName(row: Row, env: Env): string {
  const parent = typeof row.location_id === 'number' ? env.db.get('stock.location', row.location_id) : undefined;
  return parent && row.usage !== 'view' ? `${completeName(parent, env)}/${String(row.name)}` : String(row.name);
}

export const location: ModelSpec = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  fields: {
    name: F.char('Location Name', { required: true }),
    complete_name: F.char('Full Location Name', { compute: completeName }),
    location_id: F.many2one('Parent Location', 'stock.location', { ondelete: 'cascade' }),
    child_ids: F.one2many('Contains', 'stock.location', 'location_id'),
    usage: F.selection('Location Type', [['supplier', 'Vendor Location'], ['view', 'View'], ['internal', 'Internal Location'], ['customer', 'Customer Location'], ['inventory', 'Inventory Loss'], ['production', 'Production'], ['transit', 'Transit Location']], { required: true, default: () => 'internal' }),
    barcode: F.char('Barcode'),
    active: F.boolean('Active', { default: () => true }),
    warehouse_id: F.many2one('Warehouse', 'stock.warehouse'),
    company_id: F.many2one('Company', 'res.company'),
  },
  displayName: completeName,
};

export const quant: ModelSpec = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'id',
  fields: {
    product_id: F.many2one('Product', 'product.product', { required: true, ondelete: 'restrict' }),
    location_id: F.many2one('Location', 'stock.location', { required: true, ondelete: 'restrict' }),
    quantity: F.float('Quantity', { digits: 2 }),
    reserved_quantity: F.float('Reserved Quantity', { digits: 2 }),
    available_quantity: F.float('Available Quantity', { compute: (row) => num(row.quantity) - num(row.reserved_quantity) }),
    inventory_quantity: F.float('Counted Quantity', { digits: 2 }),
    in_date: F.datetime('Incoming Date'),
    company_id: F.many2one('Company', 'res.company'),
  },
  displayName: (row, env) => env.db.displayName(env, 'stock.location', row.location_id as number),
};

export const stockModels = [warehouse, location, quant];
