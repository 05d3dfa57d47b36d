/**
 * Request ids: a caller's `X-Request-Id` is kept when it is short and plain (so ids chain across
 * services), anything else is replaced; every response carries the id in `X-Request-Id`.
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { isSaneRequestId, newRequestId } from '../../core/ids.js';

export function genRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return isSaneRequestId(given) ? given : newRequestId();
}

export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
