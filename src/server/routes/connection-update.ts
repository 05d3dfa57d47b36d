/**
 * PATCH /v1/connections/{id}: rename, change metadata, or replace the credentials — new
 * credentials are checked live first and replace the old ones only when the system accepts them
 * (a connection that needed attention becomes active again).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { Store } from '../../store/index.js';
import { commonErrors } from '../schemas.js';
import { checkCredentials } from './connection-create.js';
import { Connection, OutboundPolicy, formatConnection } from './connections.js';

export function registerConnectionUpdateRoute(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox }): void {
  app.withTypeProvider<ZodTypeProvider>().patch('/v1/connections/:id', {
    config: { auth: 'admin' },
    schema: {
      tags: ['Connections'],
      summary: 'Update a connection',
      description:
        'Changes the name or metadata, or replaces the credentials. New credentials are checked live and stored only if the system accepts them; ' +
        'partial credentials are merged with the stored ones (e.g. send only a new password).',
      params: z.object({ id: z.string().min(1).max(200).describe('Connection id.') }),
      body: z.strictObject({
        name: z.string().min(1).max(200).optional().describe('A new name.'),
        metadata: z.record(z.string(), z.unknown()).optional().describe('Replaces the metadata.'),
        credentials: z.record(z.string(), z.unknown()).optional().describe('New credential values; merged with the stored ones, then checked live.'),
        status: z.enum(['active', 'disabled']).optional().describe('disabled stops syncs and live calls; active resumes them.'),
        syncIntervalMinutes: z.number().min(1).max(7 * 24 * 60).nullable().optional().describe("Minutes between scheduled syncs (1 to 10080); null: the server's default."),
        outboundPolicy: OutboundPolicy.nullable().optional().describe("Limits for calls to the system, over the connector's defaults; null resets them."),
      }),
      response: { 200: z.object({ data: Connection }).describe('The updated connection.'), ...commonErrors, 404: commonErrors[400].describe('No such connection.') },
    },
    handler: async (request) => {
      const row = await deps.store.connections.get(request.params.id);
      if (!row) throw new ApiError('not_found', { message: `No connection ${request.params.id}.` });
      const { name, metadata, credentials, status, syncIntervalMinutes, outboundPolicy } = request.body;
      let sealed: string | undefined;
      if (credentials) {
        const stored = row.credentials ? deps.box.openJson(row.credentials) : {};
        const checked = await checkCredentials(deps.runtime, row.system, { ...stored, ...credentials });
        sealed = deps.box.sealJson(checked);
      }
      const updated = await deps.store.connections.update(row.id, {
        ...(name !== undefined ? { name } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
        ...(outboundPolicy !== undefined ? { outboundPolicy } : {}),
        ...(syncIntervalMinutes !== undefined ? { syncIntervalSeconds: syncIntervalMinutes === null ? null : Math.round(syncIntervalMinutes * 60) } : {}),
        ...(sealed !== undefined ? { credentials: sealed, lastError: null } : {}),
        // Accepted credentials clear a needs_attention state; an explicit status wins.
        ...(status !== undefined ? { status } : sealed !== undefined && row.status === 'needs_attention' ? { status: 'active' as const } : {}),
      });
      if (sealed !== undefined || outboundPolicy !== undefined) deps.runtime.forget(row.id);
      return { data: formatConnection(updated!) };
    },
  });
}
