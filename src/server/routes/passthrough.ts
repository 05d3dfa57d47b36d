/**
 * POST /v1/passthrough: a raw request to the connected system with the connection's own
 * authentication, outbound policy, rate budget and request log — for what the unified model
 * does not cover. Confined to the connection's instance.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import { PassthroughRequest, confinedUrl, safeHeaders } from '../../kit/passthrough.js';
import { commonErrors } from '../schemas.js';

const DROPPED = new Set(['set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'www-authenticate']);

export function registerPassthroughRoute(app: FastifyInstance, deps: { runtime: ConnectorRuntime }): void {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/passthrough', {
    config: { auth: 'connection' },
    schema: {
      tags: ['Unified data'],
      summary: 'Passthrough to the system',
      description: "Sends a request to the connected system with the connection's own authentication (and its outbound policy, rate budget and request log). The path must stay under the connection's instance URL.",
      body: PassthroughRequest,
      response: {
        200: z.object({
          status: z.number().int().describe("The system's HTTP status."),
          headers: z.record(z.string(), z.string()).describe("The system's response headers (cookies removed)."),
          body: z.unknown().describe("The system's body: parsed JSON, or text."),
        }).describe("The system's raw answer."),
        ...commonErrors,
        405: commonErrors[400].describe('The connector offers no passthrough.'),
      },
    },
    handler: async (request) => {
      const connection = request.connection!;
      const live = deps.runtime.forConnection(connection);
      if (!live.connector.passthrough) throw new ApiError('operation_not_supported', { message: `${live.connector.name} offers no passthrough.` });
      const instance = deps.runtime.instanceUrlOf(connection);
      if (!instance) throw new ApiError('operation_not_supported', { message: 'This connection has no instance URL to pass requests to.' });
      const { method, path, query, headers, body } = request.body;
      const url = confinedUrl(instance, path, query);
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const res = await live.connector.passthrough(live.client, {
        method,
        url,
        headers: { ...(text !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...safeHeaders(headers) },
        body: text,
      });
      let parsed: unknown = res.text;
      try {
        parsed = res.text ? JSON.parse(res.text) : null;
      } catch {
        // not JSON: passed on as text
      }
      return { status: res.status, headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => !DROPPED.has(k))), body: parsed };
    },
  });
}
