/**
 * A small in-memory "system" for engine tests: rows paged by id, a listing that can be told to
 * fail on a given page, and a connector definition over it built only from kit parts.
 */
import { z } from 'zod';
import { defineConnector, defineResource, type ConnectorDefinition } from '../../src/kit/definition.js';
import { cursorPages } from '../../src/kit/pagination/cursor.js';

export interface Row { id: number; name: string; status: string; changed: string }

/** A system that holds rows in memory and pages them by id. */
export class MemorySystem {
  rows = new Map<number, Row | { id: number; broken: true }>();
  failOnPage: number | undefined;
  pagesServed = 0;

  constructor(n: number) {
    for (let i = 1; i <= n; i += 1) this.rows.set(i, { id: i, name: `Vendor ${i}`, status: 'active', changed: '2026-01-01T00:00:00.000Z' });
  }
}

const Raw = z.object({ id: z.number(), name: z.string(), status: z.string(), changed: z.string() });

/** The same system as one that cannot list its ids: deletions show only in a full listing. */
export function withoutIdListing(system: MemorySystem): ConnectorDefinition<MemorySystem> {
  const connector = connectorFor(system);
  const { listIds: _listIds, ...vendors } = connector.resources.vendors!;
  return { ...connector, resources: { vendors } };
}

export function connectorFor(system: MemorySystem): ConnectorDefinition<MemorySystem> {
  return defineConnector<MemorySystem>({
    id: 'memory', name: 'Memory', vendor: 'Tests', categories: ['erp'], authMethod: 'basic', authGuide: 'none',
    credentialFields: [], rateBudget: { requestsPerSecond: 100, burst: 10, maxConcurrent: 4 },
    connect: () => system,
    verify: async () => ({ summary: 'ok' }),
    resources: {
      vendors: defineResource<MemorySystem, z.infer<typeof Raw>>({
        entity: 'vendors',
        raw: Raw,
        pageSize: 10,
        remoteId: (r) => String(r.id),
        times: (r) => ({ createdAt: null, updatedAt: r.changed }),
        list: (s, opts) => cursorPages({
          resumeAfter: opts.resumeAfter,
          fetch: async (cursor) => {
            s.pagesServed += 1;
            if (s.failOnPage !== undefined && s.pagesServed === s.failOnPage) throw new Error('connection reset by peer');
            const after = cursor ? Number(cursor) : 0;
            const rows = [...s.rows.values()]
              .filter((r) => r.id > after && (!opts.since || 'broken' in r || r.changed >= opts.since))
              .sort((a, b) => a.id - b.id)
              .slice(0, opts.pageSize);
            return { records: rows, nextCursor: rows.length === opts.pageSize ? String(rows.at(-1)!.id) : null };
          },
        }),
        listIds: async (s) => [...s.rows.keys()].map(String),
        get: async (s, id) => s.rows.get(Number(id)),
        toUnified: (r) => ({
          code: `V${r.id}`, name: r.name, status: r.status === 'active' ? 'active' : 'unknown', remoteStatus: r.status, taxId: null, email: null, phone: null,
          website: null, address: null, currency: null, paymentTerms: null, contacts: [],
        }),
      }),
    },
  });
}

