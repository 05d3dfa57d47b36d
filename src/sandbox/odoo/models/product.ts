/**
 * Products (Odoo 17.0 product/models/product_template.py, product_product.py; stock's and
 * purchase's additions). Every demo product has a single variant: the variant serves the
 * template's fields as Odoo's `_inherits` does, but only `name` lives on product.template here,
 * so renaming a product in its (template) form moves the template's write_date and not the
 * variant's — the case a connector syncing product.product by write_date must handle.
 */
import { F, type Env, type Row } from '../fields.js';
import type { ModelSpec } from '../model.js';
import { round } from '../wire.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const category: ModelSpec = {
  name: 'product.category',
  description: 'Product Category',
  order: 'complete_name',
  fields: {
    name: F.char('Name', { required: true }),
    parent_id: F.many2one('Parent Category', 'product.category'),
    complete_name: F.char('Complete Name', { compute: (row, env) => completeName(row, env) }),
  },
  displayName: (row, env) => completeName(row, env),
};

function completeName(row: Row, env: Env): string {
  const parent = typeof row.parent_id === 'number' ? env.db.get('product.category', row.parent_id) : undefined;
  return parent ? `${completeName(parent, env)} / ${String(row.name)}` : String(row.name);
}

export const template: ModelSpec = {
  name: 'product.template',
  description: 'Product',
  order: 'priority desc, name',
  fields: {
    name: F.char('Name', { required: true }),
    priority: F.selection('Favorite', [['0', 'Normal'], ['1', 'Favorite']], { default: () => '0' }),
    active: F.boolean('Active', { default: () => true }),
    product_variant_ids: F.one2many('Products', 'product.product', 'product_tmpl_id'),
    seller_ids: F.one2many('Vendors', 'product.supplierinfo', 'product_tmpl_id'),
  },
};

/** Stock on hand of a product in internal locations (stock.quant), optionally less reservations. */
function quants(env: Env, productId: number): Row[] {
  return env.db.rows('stock.quant').filter((q) => q.product_id === productId && env.db.get('stock.location', q.location_id as number)?.usage === 'internal');
}

/** What confirmed orders still bring in (purchase_stock's incoming moves, without the moves). */
function incoming(env: Env, productId: number): number {
  return env.db
    .rows('purchase.order.line')
    .filter((l) => l.product_id === productId && env.db.get('purchase.order', l.order_id as number)?.state === 'purchase')
    .reduce((sum, l) => sum + Math.max(0, num(l.product_qty) - num(l.qty_received)), 0);
}

export const product: ModelSpec = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  fields: {
    product_tmpl_id: F.many2one('Product Template', 'product.template', { required: true, ondelete: 'cascade' }),
    name: F.char('Name', { related: ['product_tmpl_id', 'name'] }),
    default_code: F.char('Internal Reference'),
    barcode: F.char('Barcode'),
    type: F.selection('Product Type', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']], { default: () => 'consu' }),
    categ_id: F.many2one('Product Category', 'product.category', { required: true }),
    uom_id: F.many2one('Unit of Measure', 'uom.uom', { required: true }),
    uom_po_id: F.many2one('Purchase Unit of Measure', 'uom.uom', { required: true }),
    standard_price: F.float('Cost', { digits: 2 }),
    list_price: F.float('Sales Price', { digits: 2 }),
    description: F.html('Description'),
    description_purchase: F.text('Purchase Description'),
    active: F.boolean('Active', { default: () => true }),
    purchase_ok: F.boolean('Can be Purchased', { default: () => true }),
    supplier_taxes_id: F.many2many('Vendor Taxes', 'account.tax'),
    seller_ids: F.one2many('Vendors', 'product.supplierinfo', 'product_tmpl_id', {
      compute: (row, env) => env.db.rows('product.supplierinfo').filter((s) => s.product_tmpl_id === row.product_tmpl_id).sort((a, b) => num(a.sequence) - num(b.sequence) || a.id - b.id).map((s) => s.id),
    }),
    stock_quant_ids: F.one2many('Quants', 'stock.quant', 'product_id'),
    qty_available: F.float('Quantity On Hand', { compute: (row, env) => round(quants(env, row.id).reduce((s, q) => s + num(q.quantity), 0), 2) }),
    free_qty: F.float('Free To Use Quantity', { compute: (row, env) => round(quants(env, row.id).reduce((s, q) => s + num(q.quantity) - num(q.reserved_quantity), 0), 2) }),
    incoming_qty: F.float('Incoming', { compute: (row, env) => round(incoming(env, row.id), 2) }),
    outgoing_qty: F.float('Outgoing', { compute: () => 0 }),
    virtual_available: F.float('Forecasted Quantity', { compute: (row, env) => round(quants(env, row.id).reduce((s, q) => s + num(q.quantity), 0) + incoming(env, row.id), 2) }),
    reordering_min_qty: F.float('Min Quantity', { digits: 2 }),
    reordering_max_qty: F.float('Max Quantity', { digits: 2 }),
    cost_currency_id: F.many2one('Cost Currency', 'res.currency', { compute: (_row, env) => env.db.get('res.company', 1)?.currency_id ?? null }),
  },
  // product.product._compute_display_name: "[default_code] name".
  displayName: (row, env) => {
    const name = String(env.db.value(env, 'product.product', row, 'name') ?? '');
    return row.default_code ? `[${String(row.default_code)}] ${name}` : name;
  },
};

export const supplierinfo: ModelSpec = {
  name: 'product.supplierinfo',
  description: 'Supplier Pricelist',
  order: 'sequence, min_qty DESC, price, id',
  fields: {
    partner_id: F.many2one('Vendor', 'res.partner', { required: true, ondelete: 'cascade' }),
    product_name: F.char('Vendor Product Name'),
    product_code: F.char('Vendor Product Code'),
    sequence: F.integer('Sequence', { default: () => 1 }),
    min_qty: F.float('Quantity', { digits: 2 }),
    price: F.float('Price', { digits: 2 }),
    currency_id: F.many2one('Currency', 'res.currency', { required: true }),
    delay: F.integer('Delivery Lead Time', { default: () => 1 }),
    product_tmpl_id: F.many2one('Product Template', 'product.template', { ondelete: 'cascade' }),
    product_id: F.many2one('Product Variant', 'product.product'),
  },
  displayName: (row, env) => env.db.displayName(env, 'res.partner', row.partner_id as number),
};

export const productModels = [category, template, product, supplierinfo];
