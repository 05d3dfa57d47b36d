/**
 * Shared by the purchase-order write tests: the resource's write functions called directly with a
 * real TrytonClient, and plain RPC reads to check what Tryton holds (never through the connector).
 */
import assert from 'node:assert/strict';
import { recordId } from '../../core/ids.js';
import { SystemFailure } from '../../kit/failure.js';
import type { ExistingRecord, ResourceWrites, WriteContext } from '../../kit/writes.js';
import type { TrytonClient } from './client.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import type { TrytonServer } from './real-tryton.test-support.js';

export const writes = purchaseOrders.writes as Required<ResourceWrites<TrytonClient>>;
export const ctx: WriteContext = { connectionId: 'conn_w', refId: (e, r) => recordId('x', 'conn_w', e, r) };

export type Row = { id: number; [field: string]: unknown };

/** The order as Manifold would hold it after a read: native record, unified fields. */
export async function existingOf(client: TrytonClient, id: string | number): Promise<ExistingRecord> {
  const raw = await purchaseOrders.get(client, String(id));
  assert.ok(raw, `purchase ${id} exists`);
  return { remoteId: String(id), remoteData: raw as Record<string, unknown>, data: purchaseOrders.toUnified(raw as never, ctx) };
}

/** The unified order as the connector reads it now. */
export async function unifiedOf(client: TrytonClient, id: string | number): Promise<Record<string, unknown> & { lines: Record<string, unknown>[] }> {
  return (await existingOf(client, id)).data as never;
}

export async function header(s: TrytonServer, id: string | number, fields: string[]): Promise<Row> {
  const [row] = await s.rpc<Row[]>('model.purchase.purchase.read', [[Number(id)], fields]);
  assert.ok(row, `purchase ${id} is in Tryton`);
  return row;
}

export async function lines(s: TrytonServer, id: string | number, fields: string[], types = ['line']): Promise<Row[]> {
  return s.rpc<Row[]>('model.purchase.line.search_read', [[['purchase', '=', Number(id)], ['type', 'in', types]], 0, null, [['sequence', 'ASC'], ['id', 'ASC']], fields]);
}

export async function exists(s: TrytonServer, id: string | number): Promise<boolean> {
  return (await s.rpc<number[]>('model.purchase.purchase.search', [[['id', '=', Number(id)]], 0, null, null])).length === 1;
}

export const productId = (s: TrytonServer, code: string) => {
  const id = s.seed.products[code];
  assert.ok(id, `seeded product ${code}`);
  return id;
};

/** A draft with two lines, written straight into Tryton (not through the code under test). */
export async function seedDraft(s: TrytonServer, extra: Record<string, unknown> = {}): Promise<number> {
  const [id] = await s.rpc<number[]>('model.purchase.purchase.create', [[{
    party: 4, invoice_address: 3, warehouse: 5, reference: 'TEST-DRAFT', description: 'seeded draft',
    lines: [['create', [
      { type: 'line', sequence: 10, product: productId(s, 'BRG-6204'), unit: 1, quantity: 10, unit_price: { __class__: 'Decimal', decimal: '4.80' } },
      { type: 'comment', sequence: 15, description: 'Deliver to gate 2' },
      { type: 'line', sequence: 20, product: productId(s, 'FLT-HY10'), unit: 1, quantity: 2, unit_price: { __class__: 'Decimal', decimal: '38.90' } },
    ]]],
    ...extra,
  }]]);
  return id!;
}

/** A seeded draft moved on with Tryton's own buttons. */
export async function seedInState(s: TrytonServer, state: 'draft' | 'quotation' | 'processing' | 'cancelled'): Promise<number> {
  const id = await seedDraft(s);
  if (state === 'quotation' || state === 'processing') await s.rpc('model.purchase.purchase.quote', [[id]]);
  if (state === 'processing') await s.rpc('model.purchase.purchase.confirm', [[id]]);
  if (state === 'cancelled') await s.rpc('model.purchase.purchase.cancel', [[id]]);
  assert.equal((await header(s, id, ['state'])).state, state);
  return id;
}

/** Asserts a SystemFailure with this code (and whatever `check` adds). */
export function failure(code: string, check: (e: SystemFailure) => void = () => {}) {
  return (e: unknown) => {
    assert.ok(e instanceof SystemFailure, `a SystemFailure, got ${String(e)}`);
    assert.equal(e.code, code, `${e.code}: ${e.message}`);
    check(e);
    return true;
  };
}

/** SQLite's `_timestamp` counts whole seconds: a change must land in a later second to be seen. */
export const nextSecond = () => new Promise((r) => setTimeout(r, 1100));

export const dec = (v: unknown) => (v === null ? null : (v as { decimal: string }).decimal);
export const day = (v: unknown) => {
  if (v === null) return null;
  const d = v as { year: number; month: number; day: number };
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};
