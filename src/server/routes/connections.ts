/**
 * Connections (admin key) and a connection's view of itself (its token). Credentials are never
 * part of any answer.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { RateBudgetOverride } from '../../kit/definition.js';
import { issueConnectionToken } from '../../engine/connections.js';
import type { Store } from '../../store/index.js';
import type { ConnectionRow } from '../../store/repos/connections.js';
import { commonErrors, booleanQuery } from '../schemas.js';

export const OutboundPolicy = z
  .strictObject({
    timeoutMs: z.number().int().min(100).max(600_000).optional().describe('Time to wait for one answer.'),
    maxAttempts: z.number().int().min(1).max(10).optional().describe('Attempts of a safe (idempotent) call, the first included.'),
    deadlineMs: z.number().int().min(100).max(3_600_000).optional().describe('Total time for one call, every attempt and wait included.'),
    rateBudget: RateBudgetOverride.optional(),
  })
  .describe('Overrides of the outbound HTTP policy.');

export const Connection = z
  .object({
    id: z.string().describe('The connection id.'),
    system: z.string().describe('The connected system (catalogue id).'),
    name: z.string().describe('A name given by whoever connected it.'),
    status: z.enum(['active', 'syncing', 'needs_attention', 'disabled']).describe('needs_attention: the system refused the credentials or a permission; see lastError.'),
    createdAt: z.string().describe('When the connection was made.'),
    lastSyncAt: z.string().nullable().describe('When the last sync finished.'),
    lastError: z.string().nullable().describe('The last failure, in words, if any.'),
    metadata: z.record(z.string(), z.unknown()).describe('Your own key/values, e.g. your customer id.'),
    syncIntervalMinutes: z.number().nullable().describe("Minutes between scheduled syncs; null: the server's default (MANIFOLD_SYNC_INTERVAL_MINUTES)."),
    outboundPolicy: OutboundPolicy.nullable().describe("This connection's own limits for calls to its system, over the connector's defaults; null: the defaults."),
  })
  .describe('A connection to one system instance. Never includes credentials.')
  .meta({ id: 'Connection' });

export const TokenInfo = z
  .object({
    id: z.string().describe('Token id (for revoking).'),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart.'),
    createdAt: z.string().describe('When it was issued.'),
    lastUsedAt: z.string().nullable().describe('When it was last used, if tracked.'),
  })
  .describe('A token of a connection; the token itself is shown only once, when issued.')
  .meta({ id: 'TokenInfo' });

export function formatConnection(row: ConnectionRow): z.infer<typeof Connection> {
  return {
    id: row.id,
    system: row.system,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt,
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    metadata: row.metadata,
    syncIntervalMinutes: row.syncIntervalSeconds === null ? null : row.syncIntervalSeconds / 60,
    outboundPolicy: row.outboundPolicy as z.infer<typeof OutboundPolicy> | null,
  };
}

const idParams = z.object({ id: z.string().min(1).max(200).describe('Connection id.') });
const notFound = { 404: commonErrors[400].describe('No such connection.') };

export function registerConnectionRoutes(app: FastifyInstance, deps: { store: Store; onDelete?: (connectionId: string) => void }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Connections'];

  async function mustGet(id: string): Promise<ConnectionRow> {
    const row = await deps.store.connections.get(id);
    if (!row) throw new ApiError('not_found', { message: `No connection ${id}.` });
    return row;
  }

  r.get('/v1/connections', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'List connections', description: 'All connections, ordered by id.',
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(200).default(50).describe('Connections per page, 1–200.'),
        cursor: z.string().min(1).max(200).optional().describe('nextCursor of the previous page.'),
      }),
      response: { 200: z.object({ data: z.array(Connection).describe('Connections.'), nextCursor: z.string().nullable().describe('Next page, or null.') }).describe('A page of connections.'), ...commonErrors },
    },
    handler: async (request) => {
      const { limit, cursor } = request.query;
      const rows = await deps.store.connections.list({ limit: limit + 1, afterId: cursor });
      const page = rows.slice(0, limit);
      return { data: page.map(formatConnection), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
    },
  });

  r.get('/v1/connections/:id', {
    config: { auth: 'admin' },
    schema: { tags, summary: 'Get a connection', description: 'One connection.', params: idParams, response: { 200: z.object({ data: Connection }).describe('The connection.'), ...commonErrors, ...notFound } },
    handler: async (request) => ({ data: formatConnection(await mustGet(request.params.id)) }),
  });

  r.delete('/v1/connections/:id', {
    config: { auth: 'admin' },
    schema: { tags, summary: 'Delete a connection', description: 'Revokes its tokens and drops its cached data. The system itself is not touched.', params: idParams, response: { 200: z.object({ data: Connection, deleted: z.literal(true).describe('Always true.') }).describe('What was deleted.'), ...commonErrors, ...notFound } },
    handler: async (request) => {
      const row = await mustGet(request.params.id);
      await deps.store.connections.delete(row.id);
      deps.onDelete?.(row.id);
      return { data: formatConnection(row), deleted: true as const };
    },
  });

  r.get('/v1/connections/:id/tokens', {
    config: { auth: 'admin' },
    schema: { tags, summary: 'List tokens', description: 'Active tokens of a connection: prefix and dates only.', params: idParams, response: { 200: z.object({ data: z.array(TokenInfo).describe('Tokens.') }).describe('Tokens.'), ...commonErrors, ...notFound } },
    handler: async (request) => {
      const row = await mustGet(request.params.id);
      const tokens = await deps.store.tokens.listForConnection(row.id);
      return { data: tokens.filter((t) => !t.revokedAt).map((t) => ({ id: t.id, prefix: t.prefix, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt })) };
    },
  });

  r.post('/v1/connections/:id/tokens', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Issue a token', description: 'Issues a new token for the connection; the token is in this answer only. revokeOthers=true rotates: every other token stops working.',
      params: idParams,
      querystring: z.strictObject({ revokeOthers: booleanQuery('Revoke every other token of the connection.') }),
      response: { 201: z.object({ data: TokenInfo, token: z.string().describe('The token; shown once.') }).describe('The new token.'), ...commonErrors, ...notFound },
    },
    handler: async (request, reply) => {
      const row = await mustGet(request.params.id);
      const issued = await issueConnectionToken(deps.store, row.id, { revokeOthers: request.query.revokeOthers });
      reply.code(201);
      return { data: { id: issued.id, prefix: issued.prefix, createdAt: issued.createdAt, lastUsedAt: null }, token: issued.token };
    },
  });

  r.delete('/v1/connections/:id/tokens/:tokenId', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Revoke a token', description: 'The token stops working at once.',
      params: idParams.extend({ tokenId: z.string().min(1).max(200).describe('Token id.') }),
      response: { 200: z.object({ revoked: z.literal(true).describe('Always true.') }).describe('Revoked.'), ...commonErrors, ...notFound },
    },
    handler: async (request) => {
      const row = await mustGet(request.params.id);
      const tokens = await deps.store.tokens.listForConnection(row.id);
      const token = tokens.find((t) => t.id === request.params.tokenId && !t.revokedAt);
      if (!token) throw new ApiError('not_found', { message: `No active token ${request.params.tokenId} on this connection.` });
      await deps.store.tokens.revoke(token.id);
      return { revoked: true as const };
    },
  });

  r.get('/v1/connection', {
    config: { auth: 'connection' },
    schema: { tags, summary: 'The current connection', description: 'With a connection token: its own connection.', response: { 200: z.object({ data: Connection }).describe('The connection.'), ...commonErrors } },
    handler: async (request) => ({ data: formatConnection(request.connection!) }),
  });
}
