/**
 * GET /v1/requests/{requestId} (admin key): what happened to one request — route, connection,
 * status, duration, and each call made to the connected system.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { Store } from '../../store/index.js';
import type { PendingLogWrites } from '../plugins/request-log.js';
import { commonErrors } from '../schemas.js';

const RequestLogEntry = z
  .object({
    requestId: z.string().describe('The request id (X-Request-Id).'),
    method: z.string().describe('HTTP method.'),
    route: z.string().describe('The route pattern.'),
    url: z.string().describe('The path, without the query string.'),
    connectionId: z.string().nullable().describe('The connection it acted for.'),
    status: z.number().int().describe('The HTTP status answered.'),
    durationMs: z.number().describe('Time to answer, in ms.'),
    createdAt: z.string().describe('When it was answered.'),
    errorCode: z.string().nullable().describe('The error code answered, if any.'),
    calls: z.array(z.unknown()).describe('Each call to the system: method, url (query values hidden), status, durationMs, attempt, outcome, retryReason.'),
  })
  .describe('What happened to one request.')
  .meta({ id: 'RequestLogEntry' });

export function registerRequestRoutes(app: FastifyInstance, deps: { store: Store; pending: PendingLogWrites }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/requests/:requestId', {
    config: { auth: 'admin' },
    schema: {
      tags: ['Operations'],
      summary: 'Look up a request',
      description: 'By its request id: the route, connection, status, duration and every call made to the connected system. Kept for MANIFOLD_REQUEST_LOG_DAYS days.',
      params: z.object({ requestId: z.string().min(1).max(200).describe('The X-Request-Id of the request.') }),
      response: { 200: z.object({ data: RequestLogEntry }).describe('The request.'), ...commonErrors, 404: commonErrors[400].describe('No such request (or it was pruned).') },
    },
    handler: async (request) => {
      await deps.pending.get(request.params.requestId);
      const row = await deps.store.requestLog.get(request.params.requestId);
      if (!row) throw new ApiError('not_found', { message: `No request ${request.params.requestId} in the log (it may be older than the retention).` });
      return { data: row };
    },
  });
}
