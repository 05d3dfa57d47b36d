/**
 * GET /v1/status: whether a failure is systemic or one connection's own. Public: platform health
 * and per system the failed-call share, p95 latency and open circuits over the last hour, and
 * the current incidents. With the admin key: per connection too, with names.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CallStats } from '../../engine/call-stats.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { SyncJobs } from '../../engine/sync/jobs.js';
import type { Store } from '../../store/index.js';

const Summary = {
  calls: z.number().int().describe('Calls to the system over the last hour.'),
  failedShare: z.number().describe('Share of those calls that failed (no answer, 5xx or 429), 0–1.'),
  p95Ms: z.number().nullable().describe('95th percentile call latency over the last hour, in ms.'),
};

export const Status = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']).describe('down: Manifold itself is failing; degraded: some system or connection is.'),
    checkedAt: z.string().describe('When this was computed.'),
    platform: z.object({
      store: z.object({ status: z.enum(['ok', 'down']).describe('Whether the store answers.'), dialect: z.enum(['sqlite', 'postgres']).describe('Which store.') }).describe('The store.'),
      jobs: z.object({ running: z.number().int().describe('Syncs running now in this process.') }).describe('The job runner.'),
    }).describe("Manifold's own health."),
    systems: z.array(z.object({
      system: z.string().describe('System id.'),
      connections: z.number().int().describe('Connections that made calls in the last hour.'),
      openCircuits: z.number().int().describe('Connections whose circuit is open now.'),
      ...Summary,
    }).describe('One system.')).describe('Per system.'),
    connections: z.array(z.object({
      id: z.string().describe('Connection id.'),
      name: z.string().describe('Connection name.'),
      system: z.string().describe('System id.'),
      status: z.string().describe('Connection status.'),
      circuit: z.enum(['closed', 'open', 'half_open']).describe('Circuit state now.'),
      ...Summary,
    }).describe('One connection.')).nullable().describe('Per connection; only with the admin key.'),
    incidents: z.array(z.object({
      kind: z.enum(['systemic', 'connection']).describe('systemic: a system failing on several connections; connection: one connection failing.'),
      system: z.string().describe('System id.'),
      connections: z.number().int().describe('How many connections are failing.'),
      connectionIds: z.array(z.string()).nullable().describe('Which (admin key only).'),
      failedShare: z.number().describe('Their failed share over the last five minutes.'),
      since: z.string().describe('Start of the window it was seen in.'),
    }).describe('One incident.')).describe('Current incidents.'),
  })
  .describe('Platform and systems health.')
  .meta({ id: 'Status' });

export function registerStatusRoute(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; stats: CallStats; jobs: SyncJobs }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/status', {
    config: { auth: 'optional' },
    schema: {
      tags: ['Operations'],
      summary: 'Status',
      description: 'Platform health, and per system the failed-call share, p95 latency and open circuits over the last hour, with current incidents. No secrets; connection names only with the admin key.',
      response: { 200: Status },
    },
    handler: async (request) => {
      const isAdmin = request.principal?.kind === 'admin';
      let storeOk = true;
      try {
        await deps.store.ping();
      } catch {
        storeOk = false;
      }
      const circuits = deps.runtime.circuits();
      const open = circuits.filter((c) => c.circuit === 'open');
      const systems = deps.stats.bySystem().map((s) => ({
        system: s.system,
        connections: s.connections,
        openCircuits: open.filter((c) => c.system === s.system).length,
        calls: s.summary.calls,
        failedShare: s.summary.failedShare,
        p95Ms: s.summary.p95Ms,
      }));
      const incidents = deps.stats.incidents(open).map((i) => ({
        kind: i.kind,
        system: i.system,
        connections: i.connectionIds.length,
        connectionIds: isAdmin ? i.connectionIds : null,
        failedShare: i.failedShare,
        since: i.since,
      }));
      let connections = null;
      if (isAdmin) {
        const byId = new Map(deps.stats.byConnection().map((c) => [c.connectionId, c.summary]));
        const circuitOf = new Map(circuits.map((c) => [c.connectionId, c.circuit]));
        connections = [];
        for (const id of new Set([...byId.keys(), ...circuitOf.keys()])) {
          const row = await deps.store.connections.get(id);
          if (!row) continue;
          const s = byId.get(id) ?? { calls: 0, failedShare: 0, p95Ms: null };
          connections.push({ id, name: row.name, system: row.system, status: row.status, circuit: circuitOf.get(id) ?? 'closed', calls: s.calls, failedShare: s.failedShare, p95Ms: s.p95Ms });
        }
      }
      return {
        status: !storeOk ? ('down' as const) : incidents.length || open.length ? ('degraded' as const) : ('ok' as const),
        checkedAt: new Date().toISOString(),
        platform: { store: { status: storeOk ? ('ok' as const) : ('down' as const), dialect: deps.store.dialect }, jobs: { running: deps.jobs.runningCount() } },
        systems,
        connections,
        incidents,
      };
    },
  });
}
