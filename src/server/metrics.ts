/**
 * Prometheus metrics. One registry per app (not the global one) so several apps in one process —
 * tests, benchmarks — do not collide.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  outboundCalls: Counter<'system' | 'outcome'>;
  outboundDuration: Histogram<'system'>;
  outboundRetries: Counter<'system'>;
  syncRuns: Counter<'system' | 'entity' | 'result'>;
  /** Seconds since the least recently synced connection of each system last synced (this process). */
  syncLag: Gauge<'system'>;
  /** Open circuits per system, refreshed by beforeScrape. */
  openCircuits: Gauge<'system'>;
  /** Refreshes gauges that are read from elsewhere, just before a scrape. */
  beforeScrape?: () => void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'manifold_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'manifold_http_requests_total',
      help: 'API requests by route and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'manifold_http_request_duration_seconds',
      help: 'API request duration by route.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    outboundCalls: new Counter({ name: 'manifold_outbound_calls_total', help: 'Calls to connected systems by system and outcome (ok, http_error, network_error, timeout).', labelNames: ['system', 'outcome'], registers: [registry] }),
    outboundDuration: new Histogram({ name: 'manifold_outbound_call_duration_seconds', help: 'Duration of calls to connected systems.', labelNames: ['system'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [registry] }),
    outboundRetries: new Counter({ name: 'manifold_outbound_retries_total', help: 'Calls to connected systems that were retried.', labelNames: ['system'], registers: [registry] }),
    syncRuns: new Counter({ name: 'manifold_sync_runs_total', help: 'Sync runs by system, entity and result.', labelNames: ['system', 'entity', 'result'], registers: [registry] }),
    syncLag: new Gauge({ name: 'manifold_sync_lag_seconds', help: 'Seconds since the least recently synced connection of each system last synced successfully.', labelNames: ['system'], registers: [registry] }),
    openCircuits: new Gauge({ name: 'manifold_open_circuits', help: 'Connections whose circuit breaker is open, by system.', labelNames: ['system'], registers: [registry] }),
  };
}

export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids in label values would explode the series count.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
