/**
 * The Fastify app: plugins (request id, auth, errors, metrics), OpenAPI, and every route. Built
 * from explicit dependencies so tests and benchmarks can make as many apps as they need.
 */
import { DEFAULT_FULL_SYNC_HOURS } from '../core/config.js';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Store } from '../store/index.js';
import { createMetrics, registerHttpMetrics, type Metrics } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { genRequestId, registerRequestId } from './plugins/request-id.js';
import { registerConnectionRoutes } from './routes/connections.js';
import { registerDataRoutes } from './routes/data.js';
import { registerDocsRoutes } from './routes/docs.js';
import { registerMachineRoutes } from './routes/machine.js';
import { VERSION } from '../core/version.js';
import type { SecretBox } from '../core/secret-box.js';
import { connectors as builtInConnectors } from '../connectors/index.js';
import { ConnectorRuntime, type ConnectorMap } from '../engine/runtime.js';
import { createSyncJobs, type SyncJobs } from '../engine/sync/jobs.js';
import { registerConnectionCreateRoute } from './routes/connection-create.js';
import { registerConnectionUpdateRoute } from './routes/connection-update.js';
import type { AddressPolicy } from '../kit/address-policy.js';
import { registerSyncRoutes } from './routes/sync.js';
import { registerRequestRoutes } from './routes/requests.js';
import { registerWriteRoutes } from './routes/writes.js';
import { registerCapabilitiesRoute } from './routes/capabilities.js';
import { registerStatusRoute } from './routes/status.js';
import { registerFieldMappingRoutes } from './routes/field-mapping.js';
import { registerPassthroughRoute } from './routes/passthrough.js';
import { MappingService } from '../engine/mapping/service.js';
import { CallStats } from '../engine/call-stats.js';
import type { BreakerOptions } from '../kit/connection-guard.js';
import { SystemFailure } from '../kit/failure.js';
import { registerRequestLog } from './plugins/request-log.js';
import { registerSystemRoutes, type SandboxEntry } from './routes/systems.js';
import { registerConnectLinkRoutes } from './routes/connect-links.js';
import { registerConnectSessionRoutes } from './routes/connect-session.js';
import { registerPages, WEB_DIST_DIR } from './routes/pages.js';
import { registerCxmlIntakeRoutes } from './routes/cxml-intake.js';
import { registerCxmlIntakeSettingsRoutes } from './routes/cxml-intake-settings.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    jobs: SyncJobs;
  }
}

export interface AppDeps {
  store: Store;
  adminKey: string;
  logger: Logger;
  /** Encrypts credentials at rest. */
  secretBox: SecretBox;
  bodyLimit?: number;
  metrics?: Metrics;
  /** Defaults to the built-in connectors. */
  connectors?: ConnectorMap;
  /** How often each connection is synced by the schedule (default 5 minutes). */
  syncIntervalMs?: number;
  /** How long after its last full sync an entity without incremental deletions is read in full again (default 24 h; undefined in config: never). */
  fullSyncEveryMs?: number | undefined;
  /** Overrides every connector's page size when syncing. */
  syncPageSize?: number;
  /** Which addresses connections may reach (default: public only). */
  addressPolicy?: AddressPolicy;
  /** The sandbox instances to list in the catalogue, by system id. */
  sandbox?: () => Record<string, SandboxEntry>;
  /** Days the request log is kept (pruned hourly while the schedule runs). */
  requestLogDays?: number;
  /** Circuit breaker settings for every connection (default: 10 failures in a row or 70 % of 20+ calls in 10 s; open 10 s). */
  breaker?: BreakerOptions;
  /** Where the built pages are (default web/dist). */
  webDistDir?: string;
  /** Run the sync schedule (the server does; tests usually sync on demand). */
  schedule?: boolean;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const bodyLimit = deps.bodyLimit ?? 1_048_576;
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: genRequestId,
    // Health probes every few seconds would drown the log.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: (req) => req.url === '/health' || req.url === '/ready' }),
    bodyLimit,
    routerOptions: { maxParamLength: 500 },
  }) as unknown as FastifyInstance;
  // Every route, as registered: tests check each one is in the OpenAPI document.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const metrics = deps.metrics ?? createMetrics();
  registerRequestId(app);
  // Before the request log: its onResponse hook waits for a database write.
  registerHttpMetrics(app, metrics);
  const pendingLogWrites = registerRequestLog(app, { store: deps.store });
  registerErrorHandling(app, bodyLimit);
  registerAuth(app, { store: deps.store, adminKey: deps.adminKey });
  await registerOpenApi(app, VERSION);

  registerMachineRoutes(app, { store: deps.store, metrics, version: VERSION });
  registerDocsRoutes(app);
  const stats = new CallStats();
  // When each connection last synced successfully in this process, for the sync-lag gauge.
  const lastSynced = new Map<string, { system: string; at: number }>();
  const runtime = new ConnectorRuntime(
    deps.connectors ?? (builtInConnectors as unknown as ConnectorMap),
    deps.secretBox,
    deps.addressPolicy ?? { allowPrivateNetworks: false, allowedOrigins: new Set() },
    (connectionId, system, call) => {
      stats.record(connectionId, system, call);
      metrics.outboundCalls.inc({ system, outcome: call.outcome });
      metrics.outboundDuration.observe({ system }, call.durationMs / 1000);
      if (call.retryReason) metrics.outboundRetries.inc({ system });
    },
    deps.breaker,
  );
  const jobs: SyncJobs = createSyncJobs({
    store: deps.store,
    runtime,
    logger: deps.logger,
    intervalMs: deps.syncIntervalMs ?? 5 * 60_000,
    fullEveryMs: 'fullSyncEveryMs' in deps ? deps.fullSyncEveryMs : DEFAULT_FULL_SYNC_HOURS * 3_600_000,
    pageSize: deps.syncPageSize,
    onEntitySynced: (system, entity, result, connectionId) => {
      metrics.syncRuns.inc({ system, entity, result });
      if (result === 'succeeded') lastSynced.set(connectionId, { system, at: Date.now() });
    },
  });
  metrics.beforeScrape = () => {
    metrics.openCircuits.reset();
    for (const c of runtime.circuits()) if (c.circuit === 'open') metrics.openCircuits.inc({ system: c.system });
    metrics.syncLag.reset();
    const worst = new Map<string, number>();
    for (const { system, at } of lastSynced.values()) worst.set(system, Math.max(worst.get(system) ?? 0, (Date.now() - at) / 1000));
    for (const [system, lag] of worst) metrics.syncLag.set({ system }, lag);
  };
  // A live call the system refused for the credentials: the user must act, whatever the route.
  app.addHook('onError', async (request, _reply, error) => {
    if (request.connection && error instanceof SystemFailure && error.failureClass === 'config' && error.code === 'invalid_credentials') {
      await deps.store.connections.update(request.connection.id, { status: 'needs_attention', lastError: error.message });
    }
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.stop());
  registerConnectionRoutes(app, { store: deps.store, onDelete: (id) => runtime.drop(id) });
  registerConnectionCreateRoute(app, { store: deps.store, runtime, box: deps.secretBox, jobs });
  registerConnectionUpdateRoute(app, { store: deps.store, runtime, box: deps.secretBox });
  registerSyncRoutes(app, { store: deps.store, jobs });
  registerRequestRoutes(app, { store: deps.store, pending: pendingLogWrites });
  const mappings = new MappingService(deps.store, runtime);
  registerDataRoutes(app, { store: deps.store, runtime, mappings });
  registerFieldMappingRoutes(app, { store: deps.store, mappings });
  registerPassthroughRoute(app, { runtime });
  registerWriteRoutes(app, { store: deps.store, runtime, logger: deps.logger, mappings });
  registerCapabilitiesRoute(app, { runtime });
  registerStatusRoute(app, { store: deps.store, runtime, stats, jobs });
  const sandbox = deps.sandbox ?? (() => ({}));
  registerSystemRoutes(app, { runtime, sandbox });
  registerConnectLinkRoutes(app, { store: deps.store, runtime });
  registerConnectSessionRoutes(app, { store: deps.store, runtime, box: deps.secretBox, jobs, sandbox });
  registerCxmlIntakeSettingsRoutes(app, { store: deps.store, runtime, box: deps.secretBox });
  registerCxmlIntakeRoutes(app, { store: deps.store, runtime, box: deps.secretBox });
  registerPages(app, { distDir: deps.webDistDir ?? WEB_DIST_DIR });
  let pruneTimer: NodeJS.Timeout | undefined;
  app.addHook('onClose', async () => clearInterval(pruneTimer));
  await app.ready();
  if (deps.schedule) {
    jobs.startSchedule();
    const days = deps.requestLogDays ?? 7;
    const prune = () =>
      deps.store.requestLog
        .pruneOlderThan(new Date(Date.now() - days * 86_400_000).toISOString())
        .catch((err) => deps.logger.warn({ err }, 'request log pruning failed'));
    void prune();
    pruneTimer = setInterval(prune, 3_600_000);
    pruneTimer.unref();
  }
  return app;
}
