/**
 * Writes of SAP purchase orders: create with its items in one deep insert, find a create again
 * by Manifold's reference, update (header PATCH, item PATCHes, schedule-line dates, items
 * added, items left out flagged for deletion), delete (the deletion indicator). What is allowed,
 * and why, is in purchase-order-capabilities.ts; the calls carry SAP's CSRF token (client.ts).
 */
import { z } from 'zod';
import { SystemFailure } from '../../../kit/failure.js';
import { entityPath, literal, plainEntity } from '../../../kit/transports/odata-v2-values.js';
import type { ExistingRecord, ResourceWrites, WriteContext } from '../../../kit/writes.js';
import type { SapClient } from '../client.js';
import { SupplierRaw } from '../raw.js';
import { purchaseOrderCapabilities } from './purchase-order-capabilities.js';
import { headerToRemote, keyOf, lineToRemote, newItemToRemote, refused, unifiedField, type LineInput, type OrderInput } from './purchase-order-to-remote.js';
import { encodeDateTime } from '../../../kit/transports/odata-v2-values.js';

/** SAP keeps 12 characters of "Our reference" (CorrespncInternalReference): Manifold's reference, shortened. */
export const referenceOf = (reference: string) => reference.slice(0, 12);

/** Runs a call; SAP's refusal names its property, which becomes the unified field (line index when one line is concerned). */
async function naming<T>(call: Promise<T>, lineIndex?: number): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (!(err instanceof SystemFailure) || err.code !== 'rejected_by_system') throw err;
    const field = unifiedField(err.field);
    if (!field) throw err;
    throw new SystemFailure(err.failureClass, {
      code: err.code,
      message: err.message,
      status: err.status,
      systemMessage: err.systemMessage,
      field: lineIndex !== undefined ? field.replace('lines[]', `lines[${lineIndex}]`) : field,
      source: err.source,
      cause: err,
    });
  }
}

/** The supplier's purchasing data a new order takes its organisation from, as SAP's own order entry proposes it. */
async function purchasingData(client: SapClient, supplier: string) {
  const raw = await client.bp.get(entityPath('A_Supplier', supplier), { $expand: 'to_SupplierPurchasingOrg,to_SupplierCompany' });
  if (!raw) throw refused(`SAP has no supplier ${supplier}.`, 'vendor');
  const s = SupplierRaw.parse(plainEntity(raw));
  if (s.DeletionIndicator || s.PurchasingIsBlocked) throw refused(`Supplier ${supplier} is ${s.DeletionIndicator ? 'flagged for deletion' : 'blocked for purchasing'} in SAP.`, 'vendor');
  const org = s.to_SupplierPurchasingOrg.find((o) => !o.DeletionIndicator && !o.PurchasingIsBlockedForSupplier);
  const company = s.to_SupplierCompany.find((c) => !c.DeletionIndicator);
  if (!org || !company) throw refused(`Supplier ${supplier} has no ${!org ? 'purchasing organization' : 'company code'} data in SAP, so no purchase order can be placed with it.`, 'vendor');
  if (!org.PurchasingGroup) throw refused(`Supplier ${supplier} has no purchasing group in its purchasing data (${org.PurchasingOrganization}).`, 'vendor');
  return { PurchasingOrganization: org.PurchasingOrganization, PurchasingGroup: org.PurchasingGroup, CompanyCode: company.CompanyCode };
}

async function create(client: SapClient, input: Record<string, unknown>, ctx: WriteContext): Promise<string> {
  const order = input as OrderInput;
  const supplier = keyOf(order.vendor);
  if (!supplier) throw refused('A purchase order needs a vendor: give vendor.remoteId (the SAP supplier number) or vendor.code.', 'vendor', 'invalid_request');
  const plant = keyOf(order.site);
  if (!plant) throw refused('SAP needs a plant on every item: give site.remoteId or site.code (the plant, e.g. 1710).', 'site', 'invalid_request');
  const lines = order.lines ?? [];
  const items = lines.map((line, i) => newItemToRemote(line, i, String((i + 1) * 10), plant));
  const org = await purchasingData(client, supplier);
  const body = {
    PurchaseOrderType: 'NB',
    Supplier: supplier,
    ...org,
    ...headerToRemote(order),
    ...(ctx.reference !== undefined ? { CorrespncInternalReference: referenceOf(ctx.reference) } : {}),
    to_PurchaseOrderItem: { results: items },
  };
  const created = await naming(client.po.create('A_PurchaseOrder', body));
  const number = created.PurchaseOrder;
  if (typeof number !== 'string' || number === '') throw new SystemFailure('system', { code: 'system_error', message: 'SAP answered the create without a purchase order number.' });
  return number;
}

async function findByReference(client: SapClient, reference: string): Promise<string | undefined> {
  const page = await client.po.collection('A_PurchaseOrder', { $filter: `CorrespncInternalReference eq ${literal.string(referenceOf(reference))}`, $select: 'PurchaseOrder', $top: 2 });
  const [first, second] = page.results as { PurchaseOrder?: string }[];
  return first && !second ? first.PurchaseOrder : undefined;
}

/** What an update needs of the order as last read. */
const Stored = z.looseObject({
  PurchaseOrder: z.string(),
  to_PurchaseOrderItem: z.array(
    z.looseObject({
      PurchaseOrderItem: z.string(),
      Plant: z.string(),
      PurchasingDocumentDeletionCode: z.string(),
      to_ScheduleLine: z.array(z.looseObject({ ScheduleLine: z.string() })),
    }),
  ),
});

function stored(existing: ExistingRecord) {
  const parsed = Stored.safeParse(existing.remoteData);
  if (!parsed.success) throw new SystemFailure('system', { code: 'system_error', message: `Manifold's copy of purchase order ${existing.remoteId} is not one it can write from; sync the connection again.` });
  return parsed.data;
}

/** The item number a line names: its remoteId, or the part of its Manifold id after ":". */
function itemNumberOf(line: LineInput): string | undefined {
  if (line.remoteId) return line.remoteId;
  if (line.id) return line.id.split(':').at(-1);
  return undefined;
}

async function update(client: SapClient, existing: ExistingRecord, patch: Record<string, unknown>): Promise<void> {
  const order = stored(existing);
  const input = patch as OrderInput;
  const number = order.PurchaseOrder;
  const header = { ...headerToRemote(input), ...(input.nativeFields ?? {}) };
  if (Object.keys(header).length) await naming(client.po.update(entityPath('A_PurchaseOrder', number), header));
  if (!input.lines) return;
  const items = order.to_PurchaseOrderItem;
  const named = new Set<string>();
  const added: [LineInput, number][] = [];
  for (const [i, line] of input.lines.entries()) {
    const no = itemNumberOf(line);
    if (no === undefined) {
      added.push([line, i]);
      continue;
    }
    const item = items.find((it) => it.PurchaseOrderItem === no);
    if (!item) throw refused(`Purchase order ${number} has no item ${no}.`, `lines[${i}].remoteId`, 'invalid_request');
    named.add(no);
    const changes = lineToRemote(line, i);
    if (Object.keys(changes).length) await naming(client.po.update(entityPath('A_PurchaseOrderItem', { PurchaseOrder: number, PurchaseOrderItem: no }), changes), i);
    if (line.deliveryDate) {
      if (item.to_ScheduleLine.length !== 1) throw refused(`Item ${no} has ${item.to_ScheduleLine.length} schedule lines; Manifold changes the delivery date of an item with exactly one.`, `lines[${i}].deliveryDate`, 'field_not_updatable');
      const key = { PurchasingDocument: number, PurchasingDocumentItem: no, ScheduleLine: item.to_ScheduleLine[0]!.ScheduleLine };
      await naming(client.po.update(entityPath('A_PurchaseOrderScheduleLine', key), { ScheduleLineDeliveryDate: encodeDateTime(line.deliveryDate) }), i);
    }
  }
  const plant = items.find((it) => it.PurchasingDocumentDeletionCode !== 'L')?.Plant ?? items[0]?.Plant;
  let next = Math.max(0, ...items.map((it) => Number(it.PurchaseOrderItem) || 0));
  for (const [line, i] of added) {
    if (!keyOf(line.item) && !line.itemCode) throw refused('A new line needs item or itemCode (the SAP material).', `lines[${i}].itemCode`, 'invalid_request');
    if (!line.quantity || !line.unitPrice) throw refused('A new line needs quantity and unitPrice.', `lines[${i}].${line.quantity ? 'unitPrice' : 'quantity'}`, 'invalid_request');
    next += 10;
    await naming(client.po.create(`${entityPath('A_PurchaseOrder', number)}/to_PurchaseOrderItem`, newItemToRemote(line, i, String(next), plant ?? '')), i);
  }
  // Items left out of the full list are flagged for deletion; items already deleted stay as they are.
  for (const it of items) {
    if (named.has(it.PurchaseOrderItem) || it.PurchasingDocumentDeletionCode === 'L') continue;
    await naming(client.po.remove(entityPath('A_PurchaseOrderItem', { PurchaseOrder: number, PurchaseOrderItem: it.PurchaseOrderItem })));
  }
}

async function remove(client: SapClient, existing: ExistingRecord): Promise<'cancelled'> {
  await naming(client.po.remove(entityPath('A_PurchaseOrder', stored(existing).PurchaseOrder)));
  return 'cancelled';
}

export const purchaseOrderWrites: ResourceWrites<SapClient> = {
  capabilities: purchaseOrderCapabilities,
  create,
  findByReference,
  update: (client, existing, patch) => update(client, existing, patch),
  delete: (client, existing) => remove(client, existing),
};
