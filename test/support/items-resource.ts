/**
 * The inventory items of the kit-built test systems (write-only-connector.ts,
 * import-queue-connector.ts): kept by sku in the system's `items` map, listed all at once, read
 * by sku (each read noted in the system's calls), and mapped to an item that has only a code and
 * a name. Each connector adds its own writes.
 */
import type { z } from 'zod';
import { defineResource, type ResourceDefinition } from '../../src/kit/definition.js';

export interface ItemsSystem<Item> {
  items: Map<string, Item>;
  calls: string[];
}

export function itemsResource<S extends ItemsSystem<Item>, Item extends { sku: string }>(opts: {
  raw: z.ZodType<Item>;
  /** The unified name the system shows for an item. */
  name(item: Item): string;
  /** What a read by sku notes in the system's calls. */
  getCall: string;
  writes: ResourceDefinition<S>['writes'];
}) {
  return defineResource<S, Item>({
    entity: 'inventoryItems',
    raw: opts.raw,
    remoteId: (r) => r.sku,
    times: () => ({ createdAt: null, updatedAt: null }),
    list: async function* (s) {
      yield { records: [...s.items.values()] };
    },
    get: async (s, id) => {
      s.calls.push(opts.getCall);
      return s.items.get(id);
    },
    toUnified: (r) => ({
      itemCode: r.sku, name: opts.name(r), description: null, status: 'active', remoteStatus: null, category: null, unitOfMeasure: null, unitCost: null, currency: null,
      preferredVendor: null, vendorItemCode: null, manufacturer: null, manufacturerPartNumber: null, quantityOnHand: null, quantityAvailable: null,
      quantityOnOrder: null, reorderPoint: null, reorderQuantity: null, stock: [],
    }),
    writes: opts.writes,
  });
}
