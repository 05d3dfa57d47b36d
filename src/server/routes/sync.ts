/**
 * Sync of a connection: start one now, see where each entity stands.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { SyncJobs } from '../../engine/sync/jobs.js';
import type { Store } from '../../store/index.js';
import { booleanQuery, commonErrors } from '../schemas.js';
import { readCursor } from '../../engine/sync/checkpoint.js';

const Counts = z.object({
  fetched: z.number().int().describe('Native records read from the system.'),
  created: z.number().int().describe('Records new to Manifold.'),
  updated: z.number().int().describe('Records that changed (their version went up).'),
  unchanged: z.number().int().describe('Records read again without a change (not rewritten).'),
  deleted: z.number().int().describe('Records the system no longer has (marked deletedAt).'),
  failed: z.number().int().describe('Records that could not be read or mapped (logged with their remote id).'),
}).partial().describe('Counts of the last run.');

const EntitySync = z.object({
  entity: z.string().describe('Entity key.'),
  status: z.string().describe('running, succeeded, failed, or skipped (the system cannot list this entity; see note).'),
  lastRunStartedAt: z.string().nullable().describe('When the last run started.'),
  lastSuccessAt: z.string().nullable().describe('When a run last succeeded.'),
  lastError: z.string().nullable().describe('Why the last run failed, if it did.'),
  lastFullSyncAt: z
    .string()
    .nullable()
    .describe('When the last full run that succeeded started: it also marks deleted the records the system no longer has. Where the system cannot report deletions to an incremental run, the schedule runs one every MANIFOLD_FULL_SYNC_HOURS.'),
  counts: Counts,
  note: z.string().nullable().describe('Why the entity is skipped (e.g. the system has no list API for it): its records are those written through Manifold.'),
}).describe('Sync state of one entity.');

const SyncState = z.object({
  connectionId: z.string().describe('The connection.'),
  running: z.boolean().describe('Whether a sync is running now.'),
  entities: z.array(EntitySync).describe('Per entity.'),
}).describe('Sync state of a connection.').meta({ id: 'SyncState' });

const idParams = z.object({ id: z.string().min(1).max(200).describe('Connection id.') });

export function registerSyncRoutes(app: FastifyInstance, deps: { store: Store; jobs: SyncJobs }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function state(connectionId: string): Promise<z.infer<typeof SyncState>> {
    const rows = await deps.store.checkpoints.listForConnection(connectionId);
    return {
      connectionId,
      running: deps.jobs.isRunning(connectionId),
      entities: rows.map((c) => ({ entity: c.entity, status: c.status, lastRunStartedAt: c.lastRunStartedAt, lastSuccessAt: c.lastSuccessAt, lastError: c.lastError, lastFullSyncAt: readCursor(c.cursor).lastFullAt ?? null, counts: c.counts as z.infer<typeof Counts>, note: c.status === 'skipped' ? (readCursor(c.cursor).skipped ?? null) : null })),
    };
  }

  async function mustExist(id: string): Promise<void> {
    if (!(await deps.store.connections.get(id))) throw new ApiError('not_found', { message: `No connection ${id}.` });
  }

  r.get('/v1/connections/:id/sync', {
    config: { auth: 'admin' },
    schema: { tags: ['Connections'], summary: 'Sync state', description: 'Per entity: status, last success, last error, counts.', params: idParams, response: { 200: z.object({ data: SyncState }).describe('Sync state.'), ...commonErrors } },
    handler: async (request) => {
      await mustExist(request.params.id);
      return { data: await state(request.params.id) };
    },
  });

  r.post('/v1/connections/:id/sync', {
    config: { auth: 'admin' },
    schema: {
      tags: ['Connections'],
      summary: 'Sync now',
      description: 'Starts a sync (or joins the running one). `full: true` re-reads everything and sweeps deletions. With wait=true the answer comes when it has finished; for a first sync of a large system poll GET /v1/connections/{id}/sync instead, as HTTP clients and proxies give up on a request held that long.',
      params: idParams,
      querystring: z.strictObject({ wait: booleanQuery('Answer only when the sync has finished.') }),
      body: z.strictObject({ full: z.boolean().default(false).describe('Re-read everything instead of what changed.') }).nullish(),
      response: { 202: z.object({ data: SyncState }).describe('Started.'), 200: z.object({ data: SyncState }).describe('Finished (wait=true).'), ...commonErrors },
    },
    handler: async (request, reply) => {
      await mustExist(request.params.id);
      const job = deps.jobs.run(request.params.id, { full: request.body?.full ?? false });
      if (request.query.wait) {
        await job.catch(() => undefined);
        return { data: await state(request.params.id) };
      }
      job.catch((err) => request.log.warn({ err }, 'sync failed'));
      reply.code(202);
      return { data: await state(request.params.id) };
    },
  });
}
