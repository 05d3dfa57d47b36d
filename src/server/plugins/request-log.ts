/**
 * The request log: every API request under /v1 with its id, route, connection, status, duration
 * and each call made to the connected system (method, URL without secrets, status, duration,
 * attempt, retry reason) — what support needs from a request id. Bodies are never stored.
 */
import type { FastifyInstance } from 'fastify';
import { runWithCalls, type CallContext } from '../../core/call-context.js';
import type { Store } from '../../store/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    callContext: CallContext | undefined;
    errorCode: string | undefined;
  }
}

/** Log writes not finished yet, by request id: a lookup right after the response waits for its own. */
export type PendingLogWrites = Map<string, Promise<unknown>>;

export function registerRequestLog(app: FastifyInstance, deps: { store: Store }): PendingLogWrites {
  const pending: PendingLogWrites = new Map();
  app.decorateRequest('callContext', undefined);
  app.decorateRequest('errorCode', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/v1/')) return done();
    request.callContext = { calls: [] };
    // The rest of this request's lifecycle runs inside this context; outbound calls land in it.
    runWithCalls(request.callContext, done);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!request.callContext) return;
    const connectionId = request.connection?.id ?? (request.principal?.kind === 'connection' ? request.principal.connectionId : null);
    const write = deps.store.requestLog.insert({
      requestId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      url: request.url.split('?')[0]!,
      connectionId,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      createdAt: new Date().toISOString(),
      calls: request.callContext.calls,
      errorCode: request.errorCode ?? null,
    })
      .catch((err) => request.log.warn({ err }, 'could not write the request log'))
      .finally(() => pending.delete(request.id));
    pending.set(request.id, write);
    await write;
  });
  return pending;
}
