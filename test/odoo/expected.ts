/**
 * The unified records Manifold should hold for the Odoo simulator's data, derived here on their
 * own from the simulator's data (read as Odoo answers it) and the mapping the connector
 * documents — not through the connector's code — so the sync test compares two independent
 * derivations field by field.
 */
import { recordId } from '../../src/core/ids.js';
import { entityByKey } from '../../src/models/registry.js';
import { floatToDecimal } from '../../src/kit/numbers.js';
import type { OdooSimulator } from '../../src/sandbox/odoo/simulator.js';

type Json = Record<string, any>;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null);
const iso = (v: unknown) => (typeof v === 'string' ? `${v.replace(' ', 'T')}.000Z` : null);
const html = (v: unknown) => {
  if (typeof v !== 'string') return null;
  const t = v.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n').replace(/<[^>]*>/g, '').replace(/\n+/g, '\n').trim();
  return t || null;
};

export function expectations(sim: OdooSimulator, connectionId: string) {
  const rid = (entity: string, remoteId: unknown) => recordId(entityByKey(entity as never)!.idPrefix, connectionId, entity as never, String(remoteId));
  const read = (model: string, fields: string[], domain: unknown[] = []) => sim.searchRead<Json>(model, domain, fields);
  const byId = (rows: Json[]) => new Map(rows.map((r) => [r.id, r]));
  const countries = byId(read('res.country', ['code']));
  const states = byId(read('res.country.state', ['name']));
  const ADDRESS = ['name', 'street', 'street2', 'city', 'zip', 'state_id', 'country_id', 'contact_address'];
  const partners = byId(read('res.partner', [...ADDRESS, 'ref']));
  const address = (p: Json | undefined) => {
    if (!p) return null;
    const a = {
      name: blank(p.name), line1: blank(p.street), line2: blank(p.street2), line3: null, city: blank(p.city),
      region: p.state_id ? blank(states.get(p.state_id[0])?.name) : null, postalCode: blank(p.zip),
      country: p.country_id ? blank(countries.get(p.country_id[0])?.code) : null, raw: blank(p.contact_address),
    };
    return [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].some((v) => v !== null) ? a : null;
  };
  const pair = (v: unknown, entity: string | null, code: string | null = null) =>
    Array.isArray(v) ? { id: entity ? rid(entity, v[0]) : null, remoteId: String(v[0]), name: v[1], code } : null;

  function purchaseOrders(): Map<string, Json> {
    const currencies = byId(read('res.currency', ['decimal_places']));
    const products = byId(read('product.product', ['default_code', 'type']));
    const companies = byId(read('res.company', ['partner_id']));
    const lines = read('purchase.order.line', ['order_id', 'sequence', 'display_type', 'name', 'product_id', 'product_qty', 'product_uom', 'price_unit', 'discount', 'price_subtotal', 'price_tax', 'date_planned', 'qty_received', 'qty_invoiced']);
    const out = new Map<string, Json>();
    for (const o of read('purchase.order', ['name', 'state', 'receipt_status', 'partner_id', 'user_id', 'company_id', 'date_order', 'date_planned', 'currency_id', 'payment_term_id', 'incoterm_id', 'dest_address_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'notes', 'date_approve'])) {
      const dp = currencies.get(o.currency_id[0])?.decimal_places as number;
      const money = (n: number) => floatToDecimal(n, dp);
      const status = { draft: 'draft', sent: 'draft', 'to approve': 'pending_approval', done: 'closed', cancel: 'cancelled' }[o.state as string] ??
        (o.state === 'purchase' ? (o.receipt_status === 'full' ? 'received' : o.receipt_status === 'partial' ? 'partially_received' : 'ordered') : 'unknown');
      const own = lines.filter((l) => l.order_id[0] === o.id && !l.display_type).sort((a, b) => a.sequence - b.sequence || a.id - b.id);
      const company = companies.get(o.company_id[0]);
      out.set(String(o.id), {
        number: o.name, status, remoteStatus: o.state,
        vendor: pair(o.partner_id, 'vendors', blank(partners.get(o.partner_id[0])?.ref)),
        buyer: pair(o.user_id, null), site: pair(o.company_id, null),
        orderDate: day(o.date_order), requiredDate: null, deliveryDate: day(o.date_planned),
        currency: o.currency_id[1], paymentTerms: o.payment_term_id ? o.payment_term_id[1] : null, shippingMethod: o.incoterm_id ? o.incoterm_id[1] : null,
        shipTo: o.dest_address_id ? address(partners.get(o.dest_address_id[0])) : null,
        billTo: address(partners.get(company?.partner_id[0])),
        subtotal: money(o.amount_untaxed), taxTotal: money(o.amount_tax), total: money(o.amount_total),
        description: null, notes: html(o.notes), approvedAt: iso(o.date_approve),
        lines: own.map((l, i) => {
          const product = l.product_id ? products.get(l.product_id[0]) : undefined;
          const code = product ? blank(product.default_code) : null;
          const lineStatus = ['draft', 'sent', 'to approve'].includes(o.state) ? 'open' : o.state === 'done' ? 'closed' : o.state === 'cancel' ? 'cancelled' : o.state === 'purchase'
            ? (l.product_qty > 0 && l.qty_received >= l.product_qty ? 'received' : l.qty_received > 0 ? 'partially_received' : 'open') : 'unknown';
          return {
            id: `${rid('purchaseOrders', o.id)}:${l.id}`, remoteId: String(l.id), lineNumber: i + 1,
            item: pair(l.product_id, product?.type === 'service' ? null : 'inventoryItems', code), itemCode: code, vendorItemCode: null,
            description: blank(l.name), quantity: floatToDecimal(l.product_qty), unitOfMeasure: l.product_uom ? l.product_uom[1] : null,
            unitPrice: floatToDecimal(l.price_unit), discount: money((l.product_qty * l.price_unit * l.discount) / 100),
            taxAmount: money(l.price_tax), lineTotal: money(l.price_subtotal), requiredDate: null, deliveryDate: day(l.date_planned),
            quantityReceived: floatToDecimal(l.qty_received), quantityInvoiced: floatToDecimal(l.qty_invoiced), status: lineStatus,
            account: null, asset: null, workOrder: null, customFields: {},
          };
        }),
      });
    }
    return out;
  }

  function vendors(): Map<string, Json> {
    const contacts = read('res.partner', ['parent_id', 'name', 'email', 'phone', 'mobile', 'function', 'type', 'is_company', 'active']);
    const out = new Map<string, Json>();
    for (const p of read('res.partner', ['ref', 'name', 'purchase_warn', 'active', 'vat', 'email', 'phone', 'mobile', 'website', 'property_purchase_currency_id', 'property_supplier_payment_term_id', ...ADDRESS], [['supplier_rank', '>', 0]])) {
      const vendorId = rid('vendors', p.id);
      out.set(String(p.id), {
        code: blank(p.ref), name: blank(p.name), status: p.purchase_warn === 'block' ? 'blocked' : p.active ? 'active' : 'inactive', remoteStatus: null,
        taxId: blank(p.vat), email: blank(p.email), phone: blank(p.phone) ?? blank(p.mobile), website: blank(p.website), address: address(p),
        currency: p.property_purchase_currency_id ? p.property_purchase_currency_id[1] : null,
        paymentTerms: p.property_supplier_payment_term_id ? p.property_supplier_payment_term_id[1] : null,
        contacts: contacts
          .filter((c) => c.parent_id && c.parent_id[0] === p.id && c.type === 'contact' && !c.is_company && c.active)
          .sort((a, b) => a.id - b.id)
          .map((c) => ({ id: `${vendorId}:${c.id}`, remoteId: String(c.id), name: blank(c.name), email: blank(c.email), phone: blank(c.phone) ?? blank(c.mobile), role: blank(c.function) })),
      });
    }
    return out;
  }

  function inventoryItems(): Map<string, Json> {
    const sellers = read('product.supplierinfo', ['partner_id', 'product_code', 'sequence', 'min_qty', 'product_tmpl_id']);
    const locations = byId(read('stock.location', ['usage', 'barcode']));
    const quants = read('stock.quant', ['product_id', 'location_id', 'quantity', 'reserved_quantity']);
    const out = new Map<string, Json>();
    for (const p of read('product.product', ['default_code', 'name', 'description', 'active', 'categ_id', 'uom_id', 'standard_price', 'cost_currency_id', 'qty_available', 'free_qty', 'incoming_qty', 'reordering_min_qty', 'reordering_max_qty', 'product_tmpl_id'], [['type', '!=', 'service']])) {
      const preferred = sellers.filter((s) => s.product_tmpl_id[0] === p.product_tmpl_id[0]).sort((a, b) => a.sequence - b.sequence || b.min_qty - a.min_qty || a.id - b.id)[0];
      const perLocation = new Map<number, { loc: Json; onHand: number; available: number }>();
      for (const q of quants.filter((q) => q.product_id[0] === p.id && locations.get(q.location_id[0])?.usage === 'internal').sort((a, b) => a.location_id[0] - b.location_id[0] || a.id - b.id)) {
        const row = perLocation.get(q.location_id[0]) ?? { loc: q.location_id, onHand: 0, available: 0 };
        row.onHand += q.quantity;
        row.available += q.quantity - q.reserved_quantity;
        perLocation.set(q.location_id[0], row);
      }
      out.set(String(p.id), {
        itemCode: blank(p.default_code), name: blank(p.name), description: html(p.description), status: p.active ? 'active' : 'inactive', remoteStatus: null,
        category: p.categ_id[1], unitOfMeasure: p.uom_id[1], unitCost: floatToDecimal(p.standard_price), currency: p.cost_currency_id ? p.cost_currency_id[1] : null,
        preferredVendor: preferred ? pair(preferred.partner_id, 'vendors', blank(partners.get(preferred.partner_id[0])?.ref)) : null,
        vendorItemCode: preferred ? blank(preferred.product_code) : null, manufacturer: null, manufacturerPartNumber: null,
        quantityOnHand: floatToDecimal(p.qty_available), quantityAvailable: floatToDecimal(p.free_qty), quantityOnOrder: floatToDecimal(p.incoming_qty),
        reorderPoint: p.reordering_min_qty > 0 || p.reordering_max_qty > 0 ? floatToDecimal(p.reordering_min_qty) : null, reorderQuantity: null,
        stock: [...perLocation.values()].map((r) => ({
          location: pair(r.loc, 'locations', blank(locations.get(r.loc[0])?.barcode)),
          quantityOnHand: floatToDecimal(Math.round(r.onHand * 100) / 100), quantityAvailable: floatToDecimal(Math.round(r.available * 100) / 100), bin: null,
        })),
      });
    }
    return out;
  }

  function locations(): Map<string, Json> {
    const all = read('stock.location', ['complete_name', 'location_id', 'usage', 'barcode', 'active', 'warehouse_id']);
    const byLoc = byId(all);
    const warehouses = byId(read('stock.warehouse', ['code', 'view_location_id', 'partner_id']));
    const out = new Map<string, Json>();
    for (const l of all) {
      const wh = l.warehouse_id ? warehouses.get(l.warehouse_id[0]) : undefined;
      const isWarehouse = wh && wh.view_location_id[0] === l.id;
      const parent = l.location_id ? byLoc.get(l.location_id[0]) : undefined;
      out.set(String(l.id), {
        code: blank(l.barcode) ?? (isWarehouse ? blank(wh.code) : null), name: blank(l.complete_name),
        type: l.usage === 'view' && isWarehouse ? 'warehouse' : l.usage === 'internal' ? (parent?.usage === 'internal' ? 'bin' : 'storeroom') : 'other',
        parent: pair(l.location_id, 'locations', parent ? blank(parent.barcode) : null),
        address: isWarehouse ? address(partners.get(wh.partner_id?.[0])) : null,
        status: l.active ? 'active' : 'inactive', remoteStatus: null,
      });
    }
    return out;
  }

  function workOrders(): Map<string, Json> {
    const stages = read('maintenance.stage', ['name', 'sequence', 'done']).sort((a, b) => a.sequence - b.sequence || a.id - b.id);
    const out = new Map<string, Json>();
    for (const r of read('maintenance.request', ['name', 'description', 'stage_id', 'kanban_state', 'archive', 'priority', 'maintenance_type', 'equipment_id', 'company_id', 'user_id', 'maintenance_team_id', 'owner_user_id', 'schedule_date', 'close_date', 'duration'])) {
      const stage = stages.find((s) => r.stage_id && s.id === r.stage_id[0]);
      const status = r.archive ? 'closed' : !stage ? 'unknown' : stage.done ? 'completed' : r.kanban_state === 'blocked' ? 'on_hold' : stage === stages[0] ? 'requested' : 'in_progress';
      out.set(String(r.id), {
        number: null, title: blank(r.name), description: html(r.description), status, remoteStatus: stage ? stage.name : null,
        priority: r.priority ? ({ '0': 'low', '1': 'low', '2': 'medium', '3': 'high' } as Json)[r.priority] : null, remotePriority: r.priority || null,
        type: r.maintenance_type || null, asset: pair(r.equipment_id, 'assets'), location: null, site: pair(r.company_id, null),
        assignees: [pair(r.user_id, null), pair(r.maintenance_team_id, null)].filter(Boolean), requestedBy: pair(r.owner_user_id, null),
        dueDate: null, scheduledStart: iso(r.schedule_date), scheduledEnd: null, startedAt: null, completedAt: r.close_date ? `${r.close_date}T00:00:00.000Z` : null,
        estimatedHours: r.duration > 0 ? floatToDecimal(r.duration) : null, actualHours: null, failureCode: null, completionNotes: null, parts: [],
      });
    }
    return out;
  }

  function assets(): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const e of read('maintenance.equipment', ['name', 'note', 'scrap_date', 'active', 'category_id', 'location', 'company_id', 'model', 'serial_no', 'effective_date'])) {
      out.set(String(e.id), {
        code: null, name: blank(e.name), description: html(e.note), status: e.scrap_date || !e.active ? 'retired' : 'operating', remoteStatus: null,
        category: e.category_id ? e.category_id[1] : null, location: e.location ? { id: null, remoteId: null, name: e.location, code: null } : null,
        site: pair(e.company_id, null), parent: null, manufacturer: null, model: blank(e.model), serialNumber: blank(e.serial_no), installedAt: day(e.effective_date), criticality: null,
      });
    }
    return out;
  }

  return { purchaseOrders, vendors, inventoryItems, locations, workOrders, assets };
}
