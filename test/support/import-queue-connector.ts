/**
 * A system that creates records only through an import queue (like Proactis' transactional
 * imports): a POST is accepted with the import's id and processed later, on `process()`, when the
 * record appears in the listing — or, for a business error, in `failed` and nowhere else. Beside
 * it, an entity whose capabilities declare every write without any function to do it (the
 * hazard the write checks must refuse before any call). Built only from kit parts.
 */
import { z } from 'zod';
import { defineConnector, defineResource, type ConnectorDefinition } from '../../src/kit/definition.js';
import { itemsResource } from './items-resource.js';

interface QueuedVendor { code: string; name: string; reference: string | undefined }
export interface QueueRow { id: string; code: string; name: string; changed: string }

/** The system's own side: its records, its queue, and every call it received. */
export class QueueSystem {
  rows = new Map<string, QueueRow>();
  items = new Map<string, { sku: string }>();
  queue: { importId: string; vendor: QueuedVendor }[] = [];
  /** Imports the system accepted and then could not process (what its own screens would show). */
  failed: { importId: string; message: string }[] = [];
  /** Every import received, in order. */
  imports: QueuedVendor[] = [];
  calls: string[] = [];
  private next = 0;

  /** Processes every queued import: a new code becomes a record, a code in use fails. */
  process(): number {
    const done = this.queue.splice(0);
    for (const { importId, vendor } of done) {
      if ([...this.rows.values()].some((r) => r.code === vendor.code)) {
        this.failed.push({ importId, message: `Vendor ${vendor.code} already exists` });
        continue;
      }
      const id = `v${(this.next += 1)}`;
      this.rows.set(id, { id, code: vendor.code, name: vendor.name, changed: new Date().toISOString() });
    }
    return done.length;
  }

  accept(vendor: QueuedVendor): string {
    this.imports.push(vendor);
    const importId = `imp-${this.imports.length}`;
    this.queue.push({ importId, vendor });
    return importId;
  }
}

const VendorRaw = z.object({ id: z.string(), code: z.string(), name: z.string(), changed: z.string() });
const ItemRaw = z.object({ sku: z.string() });

export function queueConnector(system: QueueSystem): ConnectorDefinition<QueueSystem> {
  return defineConnector<QueueSystem>({
    id: 'queue', name: 'Queue ERP', vendor: 'Tests', categories: ['erp'], authMethod: 'basic', authGuide: 'none',
    credentialFields: [], rateBudget: { requestsPerSecond: 100, burst: 10, maxConcurrent: 4 },
    connect: () => system,
    verify: async () => ({ summary: 'ok' }),
    resources: {
      vendors: defineResource<QueueSystem, z.infer<typeof VendorRaw>>({
        entity: 'vendors',
        raw: VendorRaw,
        remoteId: (r) => r.id,
        times: (r) => ({ createdAt: null, updatedAt: r.changed }),
        list: async function* (s, opts) {
          s.calls.push('list');
          yield { records: [...s.rows.values()].filter((r) => !opts.since || r.changed >= opts.since) };
        },
        get: async (s, id) => {
          s.calls.push('get');
          return s.rows.get(id);
        },
        toUnified: (r) => ({
          code: r.code, name: r.name, status: 'active', remoteStatus: null, taxId: null, email: null, phone: null,
          website: null, address: null, currency: null, paymentTerms: null, contacts: [],
        }),
        writes: {
          capabilities: {
            create: {
              requiredFields: ['code', 'name'],
              writableFields: ['code', 'name'],
              asynchronous: true,
              notes: 'Imported: the system processes the import later and shows a failed one in its own screens.',
            },
            concurrency: 'none',
          },
          async submit(s, input, ctx) {
            s.calls.push('submit');
            const code = String(input.code);
            const importId = s.accept({ code, name: String(input.name), reference: ctx.reference });
            return { accepted: true, reference: importId, identifiedBy: { code }, note: 'A failed import shows in the system, not here.' };
          },
        },
      }),
      inventoryItems: itemsResource<QueueSystem, z.infer<typeof ItemRaw>>({
        raw: ItemRaw,
        name: (r) => r.sku,
        getCall: 'get-item',
        // Declared, with no function to do any of it: nothing may be offered, nothing called.
        writes: {
          capabilities: {
            create: { requiredFields: [], writableFields: ['itemCode', 'name'] },
            update: { updatableFields: ['name'] },
            delete: { mode: 'hard', description: 'removes the item' },
            concurrency: 'read_before_write',
          },
        },
      }),
    },
  });
}
