/**
 * A system Manifold can write to but never read from (like an import-only gateway): vendors are
 * upserted and echoed back with a status, purchase orders can only be cancelled, and nothing can
 * be listed or read by id. Beside them, a readable entity whose create answers only an id, read
 * back with `get` as before. Built only from kit parts, for the engine and API tests.
 */
import { z } from 'zod';
import { defineConnector, defineResource, type ConnectorDefinition } from '../../src/kit/definition.js';
import { SystemFailure } from '../../src/kit/failure.js';
import { itemsResource } from './items-resource.js';

export interface EchoVendor { code: string; title: string; active: boolean; echoed: 'OK' }

/** The system's own side: what it holds, and every call it received. */
export class EchoSystem {
  vendors = new Map<string, EchoVendor>();
  cancelled: string[] = [];
  items = new Map<string, { sku: string; label: string }>();
  calls: string[] = [];
  /** The next write is refused with this message. */
  refuseNext: string | undefined;
  /** The next vendor echo is broken (does not parse). */
  garbleNext = false;

  refuse(): void {
    const message = this.refuseNext;
    this.refuseNext = undefined;
    if (message) throw new SystemFailure('config', { code: 'rejected_by_system', message: `Echo refused the write: ${message}`, systemMessage: message });
  }
}

const VendorRaw = z.object({ code: z.string(), title: z.string(), active: z.boolean(), echoed: z.literal('OK') });
const ItemRaw = z.object({ sku: z.string(), label: z.string() });

const vendor = (v: Record<string, unknown>) => v as { code?: string; name?: string; status?: string };

export function echoConnector(system: EchoSystem): ConnectorDefinition<EchoSystem> {
  return defineConnector<EchoSystem>({
    id: 'echo', name: 'Echo gateway', vendor: 'Tests', categories: ['s2p'], authMethod: 'basic', authGuide: 'none',
    credentialFields: [], rateBudget: { requestsPerSecond: 100, burst: 10, maxConcurrent: 4 },
    connect: () => system,
    verify: async () => ({ summary: 'ok' }),
    resources: {
      vendors: defineResource<EchoSystem, z.infer<typeof VendorRaw>>({
        entity: 'vendors',
        raw: VendorRaw,
        readNotes: 'the echo gateway only takes imports',
        remoteId: (r) => r.code,
        times: () => ({ createdAt: null, updatedAt: null }),
        toUnified: (r) => ({
          code: r.code, name: r.title, status: r.active ? 'active' : 'inactive', remoteStatus: r.echoed, taxId: null, email: null, phone: null,
          website: null, address: null, currency: null, paymentTerms: null, contacts: [],
        }),
        writes: {
          capabilities: {
            create: { requiredFields: ['code', 'name'], writableFields: ['code', 'name', 'status'] },
            update: { updatableFields: ['name'], transitions: { active: ['inactive'], inactive: ['active'] } },
            delete: { mode: 'hard', description: 'removes the vendor' },
            // Declared, yet there is nothing to re-read: the engine must not try.
            concurrency: 'read_before_write',
          },
          async create(s, input) {
            s.calls.push('create');
            s.refuse();
            const v = vendor(input);
            const stored: EchoVendor = { code: v.code!, title: v.name!, active: v.status !== 'inactive', echoed: 'OK' };
            s.vendors.set(stored.code, stored);
            const echo = s.garbleNext ? { code: stored.code } : { ...stored };
            s.garbleNext = false;
            return { remoteId: stored.code, record: echo };
          },
          async update(s, existing, patch) {
            s.calls.push('update');
            s.refuse();
            const v = vendor(patch);
            const before = s.vendors.get(existing.remoteId)!;
            const stored: EchoVendor = { ...before, ...(v.name !== undefined ? { title: v.name } : {}), ...(v.status !== undefined ? { active: v.status !== 'inactive' } : {}) };
            s.vendors.set(stored.code, stored);
            return { record: { ...stored } };
          },
          async delete(s, existing) {
            s.calls.push('delete');
            s.refuse();
            s.vendors.delete(existing.remoteId);
            return { mode: 'hard' };
          },
        },
      }),
      purchaseOrders: defineResource<EchoSystem, Record<string, unknown>>({
        entity: 'purchaseOrders',
        raw: z.record(z.string(), z.unknown()),
        readNotes: 'orders reach Manifold pushed by the system; there is no order query',
        remoteId: (r) => String(r.id),
        times: () => ({ createdAt: null, updatedAt: null }),
        toUnified: () => ({}),
        writes: {
          capabilities: { delete: { mode: 'cancelled', description: 'cancels the order' }, concurrency: 'none' },
          async delete(s, existing) {
            s.calls.push('cancel');
            s.refuse();
            s.cancelled.push(existing.remoteId);
            return { mode: 'cancelled', changes: { status: 'cancelled' }, remoteChanges: { cancelledBy: 'echo' } };
          },
        },
      }),
      inventoryItems: itemsResource<EchoSystem, z.infer<typeof ItemRaw>>({
        raw: ItemRaw,
        name: (r) => r.label,
        getCall: 'get',
        writes: {
          capabilities: { create: { requiredFields: ['itemCode'], writableFields: ['itemCode', 'name'] }, concurrency: 'none' },
          async create(s, input) {
            s.calls.push('create-item');
            const sku = String(input.itemCode);
            // Stored with the label the system derives, not what was sent: the read back shows it.
            s.items.set(sku, { sku, label: `${String(input.name ?? sku).toUpperCase()}` });
            return sku;
          },
        },
      }),
    },
  });
}
