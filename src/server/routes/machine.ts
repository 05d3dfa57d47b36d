/**
 * Machine endpoints: liveness, readiness, Prometheus metrics.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { Store } from '../../store/index.js';
import type { Metrics } from '../metrics.js';

export function registerMachineRoutes(app: FastifyInstance, deps: { store: Store; metrics: Metrics; version: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/health', {
    config: { auth: 'public' },
    schema: {
      tags: ['Operations'],
      summary: 'Liveness',
      description: 'Answers while the process runs; no dependency is checked.',
      response: { 200: z.object({ status: z.literal('ok').describe('Always ok.'), version: z.string().describe('Manifold version.') }).describe('Alive.') },
    },
    handler: async () => ({ status: 'ok' as const, version: deps.version }),
  });

  r.get('/ready', {
    config: { auth: 'public' },
    schema: {
      tags: ['Operations'],
      summary: 'Readiness',
      description: 'Answers 200 when the store is reachable, 503 otherwise.',
      response: { 200: z.object({ status: z.literal('ready').describe('Ready.'), store: z.enum(['sqlite', 'postgres']).describe('Store in use.') }).describe('Ready to serve.') },
    },
    handler: async (request) => {
      try {
        await deps.store.ping();
      } catch (err) {
        request.log.warn({ err }, 'store unreachable');
        throw new ApiError('service_unavailable', { retryAfter: 5 });
      }
      return { status: 'ready' as const, store: deps.store.dialect };
    },
  });

  app.get('/metrics', {
    config: { auth: 'public' },
    schema: { tags: ['Operations'], summary: 'Prometheus metrics', description: 'Metrics in the Prometheus text format: API requests by route and status, process figures.' },
  }, async (_request, reply) => {
    deps.metrics.beforeScrape?.();
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
