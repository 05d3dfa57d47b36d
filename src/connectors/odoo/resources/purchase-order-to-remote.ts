/**
 * Unified purchase order fields → Odoo values: the header fields, the product lines as
 * one2many commands ([0, 0, vals] create, [1, id, vals] update, [2, id, 0] delete) and the
 * lookups they need (products by code, units by name).
 */
import type { OdooClient } from '../client.js';
import { toId } from '../values.js';
import { findOne, noonUtc, refused, resolveRef, toFloat, type RefInput } from './resolve.js';

export interface LineInput {
  id?: string | null;
  remoteId?: string | null;
  item?: RefInput | null;
  itemCode?: string | null;
  description?: string | null;
  quantity?: string | null;
  unitOfMeasure?: string | null;
  unitPrice?: string | null;
  deliveryDate?: string | null;
}

/** The Odoo values of a line's given fields (a product by remoteId or code, a unit by name). */
export async function lineValues(client: OdooClient, line: LineInput, index: number, orderDelivery?: string | null): Promise<Record<string, unknown>> {
  const at = (f: string) => `lines[${index}].${f}`;
  const vals: Record<string, unknown> = {};
  if (line.item?.remoteId || line.item?.code) vals.product_id = await resolveRef(client, line.item, 'product.product', 'default_code', at('item'), 'product');
  else if (line.itemCode) vals.product_id = await findOne(client, 'product.product', [['default_code', '=', line.itemCode]], at('itemCode'), `active product with Internal Reference "${line.itemCode}"`);
  else if (line.item === null || line.itemCode === null) throw refused('invalid_request', `${at('item')}: Odoo needs a product on every line.`, at('item'));
  if (line.quantity !== undefined) {
    if (line.quantity === null) throw refused('invalid_request', `${at('quantity')} cannot be empty.`, at('quantity'));
    vals.product_qty = toFloat(line.quantity, at('quantity'));
  }
  if (line.unitPrice !== undefined && line.unitPrice !== null) vals.price_unit = toFloat(line.unitPrice, at('unitPrice'));
  if (line.description !== undefined && line.description !== null) vals.name = line.description;
  if (line.unitOfMeasure) vals.product_uom = await findOne(client, 'uom.uom', [['name', '=', line.unitOfMeasure]], at('unitOfMeasure'), `unit of measure named "${line.unitOfMeasure}"`);
  const delivery = line.deliveryDate ?? orderDelivery;
  if (delivery) vals.date_planned = noonUtc(delivery);
  return vals;
}

/** The remote id of the order line an input line names, if it names one. */
export function existingLineId(line: LineInput, orderRefId: string): number | undefined {
  if (line.remoteId) return toId(line.remoteId);
  if (line.id?.startsWith(`${orderRefId}:`)) return toId(line.id.slice(orderRefId.length + 1));
  return undefined;
}

/**
 * The commands turning the order's product lines into `lines` (the full list wanted). Lines
 * given with their id change only the fields given; new lines are created; product lines left
 * out are deleted. Section and note lines are not touched.
 */
export async function lineCommands(client: OdooClient, current: readonly number[], lines: readonly LineInput[], orderRefId: string, orderDelivery: string | null | undefined): Promise<unknown[]> {
  const commands: unknown[] = [];
  const kept = new Set<number>();
  for (const [i, line] of lines.entries()) {
    const id = existingLineId(line, orderRefId);
    if (line.remoteId || line.id) {
      if (id === undefined || !current.includes(id)) throw refused('invalid_request', `lines[${i}] names line ${line.remoteId ?? line.id}, which is not a product line of this order.`, `lines[${i}].remoteId`);
      kept.add(id);
      const vals = await lineValues(client, line, i, line.deliveryDate === undefined ? orderDelivery : undefined);
      if (Object.keys(vals).length) commands.push([1, id, vals]);
    } else {
      if (!line.quantity) throw refused('invalid_request', `lines[${i}].quantity is required on a new line.`, `lines[${i}].quantity`);
      if (!line.item && !line.itemCode) throw refused('invalid_request', `lines[${i}]: Odoo needs a product on every line (item or itemCode).`, `lines[${i}].item`);
      commands.push([0, 0, await lineValues(client, line, i, orderDelivery)]);
    }
  }
  for (const id of current) if (!kept.has(id)) commands.push([2, id, 0]);
  return commands;
}

/** The order's given header fields as Odoo values. */
export async function headerValues(input: Record<string, unknown>, resolveTerm: (name: string) => Promise<number>): Promise<Record<string, unknown>> {
  const vals: Record<string, unknown> = {};
  if (input.paymentTerms !== undefined) vals.payment_term_id = input.paymentTerms === null ? false : await resolveTerm(String(input.paymentTerms));
  if (input.orderDate === null) throw refused('invalid_request', 'Odoo needs an order date (date_order is mandatory).', 'orderDate');
  if (input.orderDate !== undefined) vals.date_order = noonUtc(String(input.orderDate));
  if (input.deliveryDate !== undefined && input.deliveryDate !== null) vals.date_planned = noonUtc(String(input.deliveryDate));
  if (input.notes !== undefined) vals.notes = input.notes === null ? false : String(input.notes);
  return vals;
}
