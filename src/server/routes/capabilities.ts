/**
 * GET /v1/capabilities: for the caller's connection, per entity and operation, what the system
 * supports — generated from the connector's declarations, the same ones the write routes enforce.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { ConnectorDefinition } from '../../kit/definition.js';
import { offeredWrites } from '../../kit/writes.js';
import { entities } from '../../models/registry.js';
import { commonErrors } from '../schemas.js';

const LockInfo = z.object({
  statuses: z.array(z.string()).describe('Statuses in which the operation is refused.'),
  reason: z.string().describe('Why.'),
  enforcedBy: z.enum(['system', 'manifold']).describe('Who enforces it: the system, or Manifold on its behalf.'),
}).nullable().describe('When the record is locked for this operation.');

const Op = z.object({ supported: z.boolean().describe('Whether the system allows it.') });
const ReadOp = Op.extend({ notes: z.string().nullable().describe('Why not, when the system cannot (e.g. it has no list API: Manifold holds what is written through it).') });

const EntityCapabilities = z.object({
  list: ReadOp.describe('Listing (and syncing).'),
  get: ReadOp.describe('Reading one record from the system (fresh=true).'),
  create: Op.extend({
    requiredFields: z.array(z.string()).describe('Fields that must be given (lines[].x for each line; a|b: either).'),
    writableFields: z.array(z.string()).describe('Every field a create may set.'),
    asynchronous: z
      .boolean()
      .describe('The system only accepts a create and processes it later: POST answers 202 Accepted with its reference, and the record appears once processed and synced (notes say how errors are reported).'),
    notes: z.string().nullable().describe('What is derived or ignored.'),
  }).describe('Creating.'),
  update: Op.extend({
    updatableFields: z.array(z.string()).describe('Fields a PATCH may change.'),
    lockedWhen: LockInfo,
    transitions: z.record(z.string(), z.array(z.string())).describe('status values a PATCH may set, each with the statuses it may come from.'),
    customFieldTargets: z.array(z.string()).describe('Native fields a custom field mapped to them may write back (customFields in a PATCH).'),
    notes: z.string().nullable().describe('More about updates.'),
  }).describe('Updating.'),
  delete: Op.extend({
    deleteMode: z.enum(['hard', 'cancelled', 'soft', 'none']).describe('What a delete does in the system.'),
    description: z.string().nullable().describe('What happens, spelled out.'),
    lockedWhen: LockInfo,
  }).describe('Deleting.'),
  concurrency: z.enum(['system_token', 'read_before_write', 'none']).describe("How a conditional write is protected: the system's own token, a read just before writing, or not at all."),
  concurrencyNotes: z.string().nullable().describe('More about concurrency.'),
}).describe("One entity's capabilities.");

export const Capabilities = z.object({
  system: z.string().describe('The connected system.'),
  entities: z.record(z.string(), EntityCapabilities).describe('Per entity key; entities the system does not have are absent.'),
}).describe('What this connection can do.').meta({ id: 'Capabilities' });

export function capabilitiesOf(connector: ConnectorDefinition<unknown>): z.infer<typeof Capabilities> {
  const out: z.infer<typeof Capabilities> = { system: connector.id, entities: {} };
  for (const entity of entities) {
    const resource = connector.resources[entity.key];
    if (!resource) continue;
    // Offered: declared and backed by the function that does it — what the write routes enforce.
    const caps = offeredWrites(resource.writes);
    const create = caps?.create;
    const update = caps?.update;
    const del = caps?.delete;
    out.entities[entity.key] = {
      list: { supported: Boolean(resource.list), notes: resource.list ? null : (resource.readNotes ?? null) },
      get: { supported: Boolean(resource.get), notes: resource.get ? null : (resource.readNotes ?? null) },
      create: { supported: Boolean(create), requiredFields: create?.requiredFields ?? [], writableFields: create?.writableFields ?? [], asynchronous: create?.asynchronous ?? false, notes: create?.notes ?? null },
      update: { supported: Boolean(update), updatableFields: update?.updatableFields ?? [], lockedWhen: update?.lockedWhen ?? null, transitions: update?.transitions ?? {}, customFieldTargets: update?.customFieldTargets ?? [], notes: update?.notes ?? null },
      delete: { supported: Boolean(del), deleteMode: del?.mode ?? 'none', description: del?.description ?? null, lockedWhen: del?.lockedWhen ?? null },
      concurrency: caps?.concurrency ?? 'none',
      concurrencyNotes: caps?.concurrencyNotes ?? null,
    };
  }
  return out;
}

export function registerCapabilitiesRoute(app: FastifyInstance, deps: { runtime: ConnectorRuntime }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/capabilities', {
    config: { auth: 'connection' },
    schema: {
      tags: ['Unified data'],
      summary: 'What this connection can do',
      description: 'Per entity and operation: supported or not, required and updatable fields, whether a create is asynchronous (202 Accepted), the states that lock a record, what a delete does, how concurrency is handled. The write routes enforce exactly this.',
      response: { 200: z.object({ data: Capabilities }).describe('Capabilities.'), ...commonErrors },
    },
    handler: async (request) => ({ data: capabilitiesOf(deps.runtime.connector(request.connection!.system)) }),
  });
}
