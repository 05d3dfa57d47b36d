/**
 * POST /v1/connections: the credentials are validated against the connector's fields, checked
 * live against the system, and only then stored (encrypted) with a first token. A failed check
 * stores nothing and says why in words a person can act on.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import { createConnection } from '../../engine/connections.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { SyncJobs } from '../../engine/sync/jobs.js';
import { credentialsSchema } from '../../kit/definition.js';
import { SystemFailure } from '../../kit/failure.js';
import type { Store } from '../../store/index.js';
import { commonErrors } from '../schemas.js';
import { Connection, formatConnection } from './connections.js';

const Body = z.strictObject({
  system: z.string().min(1).max(100).describe('The system to connect, as listed in the catalogue (e.g. "tryton").'),
  name: z.string().min(1).max(200).describe('A name for this connection, e.g. the customer and plant.'),
  credentials: z.record(z.string(), z.unknown()).describe("The system's credential fields (see GET /v1/systems/{id})."),
  metadata: z.record(z.string(), z.unknown()).optional().describe('Your own key/values, e.g. your customer id.'),
  sync: z.boolean().default(true).describe('Start the first sync at once (default true).'),
});

export async function checkCredentials(runtime: ConnectorRuntime, system: string, given: Record<string, unknown>): Promise<Record<string, unknown>> {
  const connector = runtime.find(system);
  if (!connector) {
    throw ApiError.invalid([{ path: 'system', message: `is not a system Manifold knows; the catalogue lists them: ${Object.keys(runtime.connectors).join(', ')}` }]);
  }
  const parsed = credentialsSchema(connector.credentialFields).safeParse(given);
  if (!parsed.success) {
    throw ApiError.invalid(parsed.error.issues.map((i) => ({ path: ['credentials', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const probe = runtime.probe(system, parsed.data);
  try {
    await connector.verify(probe.client);
  } catch (err) {
    if (err instanceof SystemFailure) throw err.toApiError({ system });
    throw err;
  }
  return parsed.data;
}

export function registerConnectionCreateRoute(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox; jobs: SyncJobs }): void {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/connections', {
    config: { auth: 'admin' },
    schema: {
      tags: ['Connections'],
      summary: 'Connect a system',
      description:
        'Checks the credentials live against the system, then stores them encrypted and issues the first token (shown only in this answer). ' +
        'A rejected login is 422 invalid_credentials, an unreachable instance 502 system_unreachable; nothing is stored then.',
      body: Body,
      response: {
        201: z.object({ data: Connection, token: z.string().describe('The connection token; shown once.') }).describe('Connected.'),
        ...commonErrors,
        422: commonErrors[400].describe('The system refused the credentials (invalid_credentials) or the address is not allowed.'),
        502: commonErrors[400].describe('The system could not be reached or failed.'),
      },
    },
    handler: async (request, reply) => {
      const { system, name, credentials, metadata, sync } = request.body;
      const checked = await checkCredentials(deps.runtime, system, credentials);
      const { connection, token } = await createConnection(deps.store, { system, name, credentials: deps.box.sealJson(checked), metadata });
      if (sync) deps.jobs.run(connection.id).catch((err) => request.log.warn({ err, connectionId: connection.id }, 'first sync failed'));
      reply.code(201);
      return { data: formatConnection(connection), token };
    },
  });
}
