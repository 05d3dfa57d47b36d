/**
 * Access rights as Odoo 17 keeps them: groups (with the groups they imply) and, per model, which
 * groups may read, write, create and unlink (each addon's security/ir.model.access.csv). A user
 * without the right gets Odoo's AccessError, which lists the groups that have it
 * (odoo/addons/base/models/ir_model.py `IrModelAccess.check` and `group_names_with_access`):
 *
 *   You are not allowed to access 'Purchase Order' (purchase.order) records.
 *
 *   This operation is allowed for the following groups:
 *   \t- Purchase/User
 *
 *   Contact your administrator to request access if necessary.
 */
import { accessError } from './errors.js';
import type { ModelSpec } from './model.js';

export type Operation = 'read' | 'write' | 'create' | 'unlink';

interface Group {
  category: string | null;
  name: string;
  implies?: string[];
}

export const groups: Record<string, Group> = {
  'base.group_user': { category: 'User types', name: 'Internal User' },
  'base.group_portal': { category: 'User types', name: 'Portal' },
  'base.group_partner_manager': { category: 'Extra Rights', name: 'Contact Creation', implies: ['base.group_user'] },
  'purchase.group_purchase_user': { category: 'Purchase', name: 'User', implies: ['base.group_user'] },
  'purchase.group_purchase_manager': { category: 'Purchase', name: 'Administrator', implies: ['purchase.group_purchase_user'] },
  'stock.group_stock_user': { category: 'Inventory', name: 'User', implies: ['base.group_user'] },
  'stock.group_stock_manager': { category: 'Inventory', name: 'Administrator', implies: ['stock.group_stock_user'] },
  'account.group_account_invoice': { category: 'Invoicing', name: 'Billing', implies: ['base.group_user'] },
  'maintenance.group_equipment_manager': { category: 'Maintenance', name: 'Equipment Manager', implies: ['base.group_user'] },
};

/** [group, read, write, create, unlink] rows, as in the addons' ir.model.access.csv. */
type Rule = [string, 0 | 1, 0 | 1, 0 | 1, 0 | 1];

const everyone: Rule = ['base.group_user', 1, 0, 0, 0];

export const modelAccess: Record<string, Rule[]> = {
  // purchase/security/ir.model.access.csv
  'purchase.order': [['purchase.group_purchase_user', 1, 1, 1, 1], ['account.group_account_invoice', 1, 1, 0, 0], ['base.group_portal', 1, 0, 0, 0]],
  'purchase.order.line': [['purchase.group_purchase_user', 1, 1, 1, 1], ['account.group_account_invoice', 1, 1, 0, 0], ['base.group_portal', 1, 0, 0, 0]],
  // base: every employee reads partners; creating and editing them is Contact Creation's.
  'res.partner': [everyone, ['base.group_partner_manager', 1, 1, 1, 1], ['purchase.group_purchase_manager', 1, 1, 1, 0], ['stock.group_stock_manager', 1, 1, 1, 0]],
  'res.users': [everyone],
  'res.company': [everyone],
  'res.currency': [everyone],
  'res.country': [everyone],
  'res.country.state': [everyone],
  'account.payment.term': [everyone],
  'account.tax': [everyone, ['account.group_account_invoice', 1, 1, 1, 1]],
  'account.incoterms': [everyone],
  'uom.uom': [everyone, ['purchase.group_purchase_manager', 1, 1, 1, 1]],
  // product/, purchase/ and stock/ ir.model.access.csv
  'product.category': [everyone, ['purchase.group_purchase_manager', 1, 1, 1, 1], ['stock.group_stock_manager', 1, 1, 1, 1]],
  'product.template': [everyone, ['stock.group_stock_user', 1, 0, 0, 0], ['purchase.group_purchase_manager', 1, 1, 1, 1], ['stock.group_stock_manager', 1, 1, 1, 1]],
  'product.product': [everyone, ['stock.group_stock_user', 1, 0, 0, 0], ['purchase.group_purchase_manager', 1, 1, 1, 1], ['stock.group_stock_manager', 1, 1, 1, 1]],
  'product.supplierinfo': [everyone, ['purchase.group_purchase_manager', 1, 1, 1, 1], ['stock.group_stock_manager', 1, 1, 1, 1]],
  'stock.warehouse': [everyone, ['stock.group_stock_manager', 1, 1, 1, 1]],
  'stock.location': [everyone, ['base.group_partner_manager', 1, 0, 0, 0], ['stock.group_stock_manager', 1, 1, 1, 1]],
  'stock.quant': [everyone, ['stock.group_stock_user', 1, 1, 1, 0]],
  // maintenance/security/ir.model.access.csv: every employee may file and work on requests.
  'maintenance.request': [['base.group_user', 1, 1, 1, 1]],
  'maintenance.equipment': [everyone, ['maintenance.group_equipment_manager', 1, 1, 1, 1]],
  'maintenance.equipment.category': [everyone, ['maintenance.group_equipment_manager', 1, 1, 1, 1]],
  'maintenance.stage': [everyone, ['maintenance.group_equipment_manager', 1, 1, 1, 1]],
  'maintenance.team': [everyone, ['maintenance.group_equipment_manager', 1, 1, 1, 1]],
};

const COLUMN: Record<Operation, 1 | 2 | 3 | 4> = { read: 1, write: 2, create: 3, unlink: 4 };

/** The user's groups with every group they imply. */
export function withImplied(given: readonly string[]): Set<string> {
  const out = new Set<string>();
  const add = (g: string) => {
    if (out.has(g)) return;
    out.add(g);
    for (const i of groups[g]?.implies ?? []) add(i);
  };
  for (const g of given) add(g);
  return out;
}

export function allowed(userGroups: readonly string[], model: string, op: Operation): boolean {
  const have = withImplied(userGroups);
  return (modelAccess[model] ?? []).some((rule) => rule[COLUMN[op]] === 1 && have.has(rule[0]));
}

const HEADS: Record<Operation, string> = {
  read: "You are not allowed to access '%s' (%s) records.",
  write: "You are not allowed to modify '%s' (%s) records.",
  create: "You are not allowed to create '%s' (%s) records.",
  unlink: "You are not allowed to delete '%s' (%s) records.",
};

/** The groups with the right, as "Category/Name", ordered by category then name (NULLS LAST). */
export function groupNamesWithAccess(model: string, op: Operation): string[] {
  const rows = (modelAccess[model] ?? []).filter((rule) => rule[COLUMN[op]] === 1).map((rule) => groups[rule[0]]!);
  rows.sort((a, b) => (a.category ?? '\uffff').localeCompare(b.category ?? '\uffff') || a.name.localeCompare(b.name));
  return rows.map((g) => (g.category ? `${g.category}/${g.name}` : g.name));
}

export function accessErrorFor(spec: ModelSpec, op: Operation): Error {
  const names = groupNamesWithAccess(spec.name, op);
  const head = HEADS[op].replace('%s', spec.description).replace('%s', spec.name);
  const info = names.length
    ? `This operation is allowed for the following groups:\n${names.map((n) => `\t- ${n}`).join('\n')}`
    : 'No group currently allows this operation.';
  return accessError(`${head}\n\n${info}\n\nContact your administrator to request access if necessary.`);
}
