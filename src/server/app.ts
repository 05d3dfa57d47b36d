/**
 * The Fastify app: plugins (request id, auth, errors, metrics), OpenAPI, and every route. Built
 * from explicit dependencies so tests and benchmarks can make as many apps as they need.
 */
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

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
}

export interface AppDeps {
  store: Store;
  adminKey: string;
  logger: Logger;
  bodyLimit?: number;
  metrics?: Metrics;
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
  registerErrorHandling(app, bodyLimit);
  registerAuth(app, { store: deps.store, adminKey: deps.adminKey });
  registerHttpMetrics(app, metrics);
  await registerOpenApi(app, VERSION);

  registerMachineRoutes(app, { store: deps.store, metrics, version: VERSION });
  registerDocsRoutes(app);
  registerConnectionRoutes(app, { store: deps.store });
  registerDataRoutes(app, { store: deps.store });
  await app.ready();
  return app;
}
