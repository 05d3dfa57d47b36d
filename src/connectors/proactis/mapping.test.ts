/**
 * The Proactis field mappings as data: every unified field and line field has exactly one entry;
 * every native path it names exists in the simulator's records; every `none` field is null; the
 * published invoice status set maps value by value; requisition statuses likewise.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordId } from '../../core/ids.js';
import type { MapContext, ResourceDefinition } from '../../kit/definition.js';
import { EntityMapping, pathsOf } from '../../kit/mapping.js';
import { entityByKey } from '../../models/registry.js';
import { GoodsReceiptLine } from '../../models/goods-receipt.js';
import { InvoiceLine } from '../../models/invoice.js';
import { PurchaseRequisitionLine } from '../../models/purchase-requisition.js';
import { seedData } from '../../sandbox/proactis/seed.js';
import { invoiceStatuses } from '../../sandbox/proactis/records.js';
import type { ProactisClient } from './client.js';
import { proactis } from './connector.js';
import { invoiceStatus } from './resources/invoice-status.js';
import { requisitionStatusMap } from './resources/requisition-mapping.js';

type Resource = ResourceDefinition<ProactisClient, never>;
const ctx: MapContext = { connectionId: 'conn_t', refId: (entity, remoteId) => recordId(entityByKey(entity)!.idPrefix, 'conn_t', entity, remoteId) };
const data = seedData({ seed: 5, offset: '+01:00', sizes: { suppliers: 150, requisitions: 80, receipts: 80, invoices: 80 } });
const nativeOf: Record<string, unknown[]> = { vendors: data.suppliers, purchaseRequisitions: data.requisitions, goodsReceipts: data.receipts, invoices: data.invoices };
const lineModels: Record<string, string[]> = {
  purchaseRequisitions: Object.keys(PurchaseRequisitionLine.shape),
  goodsReceipts: Object.keys(GoodsReceiptLine.shape),
  invoices: Object.keys(InvoiceLine.shape),
};
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Whether a dot path (with `x[]` for every element) reaches a value in any of the records. */
function reaches(records: unknown[], path: string): boolean {
  const walk = (value: unknown, steps: string[]): boolean => {
    if (steps.length === 0) return value !== undefined;
    const [step, ...rest] = steps;
    const array = step!.endsWith('[]');
    const next = value && typeof value === 'object' ? (value as Record<string, unknown>)[array ? step!.slice(0, -2) : step!] : undefined;
    if (array) return Array.isArray(next) && next.some((v) => walk(v, rest));
    return walk(next, rest);
  };
  return records.some((r) => walk(r, path.split('.')));
}

for (const [key, res] of Object.entries(proactis.resources) as [string, Resource][]) {
  test(`${key}: the mapping covers the model and every path exists in the records`, () => {
    const mapping = res.mapping;
    assert.ok(mapping && EntityMapping.safeParse(mapping).success, 'a valid mapping');
    assert.deepEqual(sorted(Object.keys(mapping.fields)), sorted(Object.keys(entityByKey(key)!.fields)));
    if (lineModels[key]) assert.deepEqual(sorted(Object.keys(mapping.lines ?? {})), sorted(lineModels[key]!.filter((f) => f !== 'customFields')));
    const records = nativeOf[key]!;
    for (const path of pathsOf(mapping)) assert.ok(reaches(records, path), `${key}: ${path} reads a native field`);
    const unified = records.map((r) => res.toUnified(res.raw.parse(r) as never, ctx));
    for (const [field, src] of Object.entries(mapping.fields)) {
      if ('none' in src) assert.ok(unified.every((u) => u[field] === null), `${field} is null, as the mapping says`);
    }
  });
}

test('every published invoice status has its unified status', () => {
  const expected = { CONCEPT: 'draft', FORVALIDATION: 'submitted', FOREVALUATION: 'submitted', FORAPPROVAL: 'submitted', EXCEPTION: 'disputed', ONHOLD: 'disputed', PROCESSED: 'approved', SENT: 'approved', CLEARED: 'paid', REJECTED: 'cancelled', DELETED: 'cancelled', ARCHIVED: 'unknown' };
  assert.deepEqual(sorted(Object.keys(expected)), sorted(invoiceStatuses));
  for (const [remote, unified] of Object.entries(expected)) assert.equal(invoiceStatus(remote), unified, remote);
  assert.equal(invoiceStatus('PAID'), 'unknown', 'an unpublished value is unknown, never a guess');
  assert.equal(invoiceStatus('constructor'), 'unknown');
  assert.deepEqual(requisitionStatusMap, { DRAFT: 'draft', FORAPPROVAL: 'pending_approval', APPROVED: 'approved', REJECTED: 'rejected', ORDERED: 'ordered', CANCELLED: 'cancelled' });
});
