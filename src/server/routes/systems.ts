/**
 * The catalogue: every system Manifold can connect, generated from the connector definitions —
 * credential fields (the connect form is rendered from them), the auth guide, and which entities
 * and operations each covers. Nothing here is written by hand per system.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import { CredentialField, RateBudget, authMethods, systemCategories, type ConnectorDefinition } from '../../kit/definition.js';
import { offeredWrites } from '../../kit/writes.js';
import { entities } from '../../models/registry.js';
import { commonErrors } from '../schemas.js';

const EntityCoverage = z
  .object({
    list: z.boolean().describe('Records can be listed (and synced).'),
    get: z.boolean().describe('A record can be read by id.'),
    create: z.boolean().describe('Records can be created in the system.'),
    asynchronousCreate: z
      .literal(true)
      .optional()
      .describe('Present when a create is only accepted (202): the record appears once the system has processed it and a sync has run (GET /v1/capabilities: create.asynchronous).'),
    update: z.boolean().describe('Records can be changed in the system.'),
    delete: z.enum(['hard', 'cancelled', 'soft', 'none']).describe('What a delete does in the system, or none.'),
  })
  .describe('What Manifold can do with one entity of this system.');

export const System = z
  .object({
    id: z.string().describe('Catalogue id, used as `system` when connecting.'),
    name: z.string().describe('Product name.'),
    vendor: z.string().describe('Who makes it.'),
    categories: z.array(z.enum(systemCategories)).describe('erp, cmms (maintenance) and/or s2p (source-to-pay).'),
    authMethod: z.enum(authMethods).describe('How Manifold logs in.'),
    credentialFields: z.array(CredentialField.describe('One field of the connect form.')).describe('The values a customer enters to connect.'),
    authGuide: z.string().describe('Markdown: where a non-technical admin finds each value, and any extra step.'),
    rateBudget: RateBudget.describe(
      "The calls Manifold allows itself per connection (or per organisation, where the system limits a whole organisation): a connection can set its own with outboundPolicy.rateBudget.",
    ),
    entities: z.record(z.string(), EntityCoverage).describe('Per entity key (camelCase): the operations this system supports.'),
    orderIntake: z
      .object({
        cxml: z
          .object({
            senders: z.array(z.string()).describe('The products that send the orders.'),
            notes: z.string().nullable().describe('Markdown: where the customer admin sets the intake URL and credentials up in that product.'),
          })
          .describe('Purchase orders arrive as cXML OrderRequests at POST /v1/connections/{id}/cxml (set it up with PUT /v1/connections/{id}/cxml-intake).'),
      })
      .nullable()
      .describe('How the system pushes documents to Manifold instead of being read, or null when it does not.'),
    sandbox: z
      .object({
        instanceUrl: z.string().describe('Where the sandbox answers.'),
        credentials: z.record(z.string(), z.string()).describe('Demo credentials for the sandbox.'),
      })
      .nullable()
      .describe('A sandbox instance to try, when the sandbox is on.'),
  })
  .describe('A system Manifold can connect.')
  .meta({ id: 'System' });

export interface SandboxEntry {
  instanceUrl: string;
  credentials: Record<string, string>;
}

export function describeSystem(c: ConnectorDefinition<unknown>, sandbox: SandboxEntry | undefined): z.infer<typeof System> {
  const coverage: Record<string, z.infer<typeof EntityCoverage>> = {};
  for (const entity of entities) {
    const resource = c.resources[entity.key];
    if (!resource) continue;
    // Offered: declared and backed by the function that does it (the write checks use the same).
    const caps = offeredWrites(resource.writes);
    coverage[entity.key] = {
      list: Boolean(resource.list),
      get: Boolean(resource.get),
      create: Boolean(caps?.create),
      ...(caps?.create?.asynchronous ? { asynchronousCreate: true as const } : {}),
      update: Boolean(caps?.update),
      delete: caps?.delete?.mode ?? 'none',
    };
  }
  return {
    id: c.id,
    name: c.name,
    vendor: c.vendor,
    categories: [...c.categories],
    authMethod: c.authMethod,
    credentialFields: c.credentialFields.map((f) => ({ ...f })),
    authGuide: c.authGuide,
    rateBudget: structuredClone(c.rateBudget),
    entities: coverage,
    orderIntake: c.orderIntake ? { cxml: { senders: [...c.orderIntake.cxml.senders], notes: c.orderIntake.cxml.notes ?? null } } : null,
    sandbox: sandbox ?? null,
  };
}

export function registerSystemRoutes(app: FastifyInstance, deps: { runtime: ConnectorRuntime; sandbox: () => Record<string, SandboxEntry> }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Catalogue'];
  r.get('/v1/systems', {
    config: { auth: 'any' },
    schema: { tags, summary: 'List systems', description: 'Every system Manifold can connect, with its credential fields, auth guide and coverage.', response: { 200: z.object({ data: z.array(System).describe('Systems.') }).describe('The catalogue.'), ...commonErrors } },
    handler: async () => ({ data: Object.values(deps.runtime.connectors).map((c) => describeSystem(c, deps.sandbox()[c.id])) }),
  });
  r.get('/v1/systems/:systemId', {
    config: { auth: 'any' },
    schema: {
      tags, summary: 'Get a system', description: 'One system of the catalogue.',
      params: z.object({ systemId: z.string().min(1).max(100).describe('Catalogue id, e.g. tryton.') }),
      response: { 200: z.object({ data: System }).describe('The system.'), ...commonErrors, 404: commonErrors[400].describe('No such system.') },
    },
    handler: async (request) => {
      const c = deps.runtime.find(request.params.systemId);
      if (!c) throw new ApiError('not_found', { message: `No system "${request.params.systemId}" in the catalogue; GET /v1/systems lists them.` });
      return { data: describeSystem(c, deps.sandbox()[c.id]) };
    },
  });
}
