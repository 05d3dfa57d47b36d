/**
 * The unified data routes, generated from the entity registry: for each entity a list route
 * (`GET /v1/<path>`) and a get route (`GET /v1/<path>/{id}`), served from the store for the
 * connection the caller acts for.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { entities } from '../../models/registry.js';
import type { EntityDefinition } from '../../models/entity.js';
import type { Store } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { formatRecord, recordJson } from '../format-record.js';
import { booleanQuery, commonErrors } from '../schemas.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import { readThrough } from '../../engine/records/read-through.js';
import type { MappingService } from '../../engine/mapping/service.js';
import type { EntityKey } from '../../models/registry.js';
import type { ConnectionRow, RecordRow } from '../../store/index.js';

export const MAX_PAGE = 200;

function listQuery(entity: EntityDefinition) {
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe(`Records per page, 1–${MAX_PAGE}.`),
    cursor: z.string().min(1).max(1024).optional().describe('nextCursor of the previous page; opaque.'),
    modifiedAfter: z.iso.datetime({ offset: true }).optional().describe('Only records whose updatedAt is after this instant (ISO 8601); with includeDeleted=true, also those deleted after it.'),
    ...(entity.statuses
      ? { status: z.enum(entity.statuses as [string, ...string[]]).optional().describe('Only records with this normalised status.') }
      : {}),
    includeDeleted: booleanQuery('Also return records deleted in the system (with deletedAt set).'),
    include: z.enum(['remoteData']).optional().describe('remoteData: add the native record as the system gave it.'),
  });
}

const getQuery = z.strictObject({
  include: z.enum(['remoteData']).optional().describe('remoteData: add the native record as the system gave it.'),
  fresh: booleanQuery('Read the record from the system now instead of from the local copy (and update the copy). Where the system cannot read this entity (capabilities: get not supported) this is 405 operation_not_supported.'),
});

const idParams = z.object({ id: z.string().min(1).max(200).describe("The record's Manifold id.") });

/**
 * Sends an already-serialised JSON body. Stored records were validated when written, so the
 * read path skips re-validating each one against the response schema (which OpenAPI still shows).
 */
function sendJson(reply: FastifyReply, value: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

export function registerDataRoutes(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; mappings: MappingService }): void {
  const mapped = (connection: ConnectionRow, entity: EntityDefinition, rows: RecordRow[]) => deps.mappings.apply(connection, entity.key as EntityKey, rows);

  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const entity of entities) {
    const tag = entity.group === 'core' ? 'Unified data' : 'Source-to-pay';
    const query = listQuery(entity);

    r.get(`/v1/${entity.path}`, {
      config: { auth: 'connection' },
      schema: {
        tags: [tag],
        summary: `List ${entity.plural.toLowerCase()}`,
        description: `${entity.description} Pages are ordered by id; the cursor stays valid while records change.`,
        querystring: query,
        response: {
          200: z.object({
            data: z.array(entity.model).describe(`A page of ${entity.plural.toLowerCase()}.`),
            nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
          }).describe(`A page of ${entity.plural.toLowerCase()}.`),
          ...commonErrors,
        },
      },
      handler: async (request, reply) => {
        const q = request.query as z.infer<ReturnType<typeof listQuery>> & { status?: string };
        const connection = request.connection!;
        const filters = { modifiedAfter: q.modifiedAfter ?? null, status: q.status ?? null, includeDeleted: q.includeDeleted };
        const afterId = q.cursor ? decodeCursor(q.cursor, filters) : undefined;
        const listOptions = {
          connectionId: connection.id,
          entity: entity.key,
          limit: q.limit + 1,
          afterId,
          modifiedAfter: q.modifiedAfter ? new Date(q.modifiedAfter).toISOString() : undefined,
          status: q.status,
          includeDeleted: q.includeDeleted,
        };
        const remoteData = q.include === 'remoteData';
        const send = (records: string[], lastId: string | undefined, more: boolean) => {
          const nextCursor = more && lastId ? encodeCursor(lastId, filters) : null;
          return (reply as unknown as FastifyReply).type('application/json; charset=utf-8').send(`{"data":[${records.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
        };
        // Field-mapping overrides are applied to decoded records (they read the native record);
        // without any, the page is written from the stored JSON text as it is.
        if (await deps.mappings.hasOverrides(connection.id, entity.key)) {
          const rows = await deps.store.records.list(listOptions);
          const page = await mapped(connection, entity, rows.slice(0, q.limit));
          return send(page.map((row) => JSON.stringify(formatRecord(row, { remoteData }))), page.at(-1)?.id, rows.length > q.limit);
        }
        const rows = await deps.store.records.listJson({ ...listOptions, remoteData });
        const page = rows.slice(0, q.limit);
        return send(page.map((row) => recordJson(row, { remoteData })), page.at(-1)?.id, rows.length > q.limit);
      },
    });

    r.get(`/v1/${entity.path}/:id`, {
      config: { auth: 'connection' },
      schema: {
        tags: [tag],
        summary: `Get a ${entity.name.toLowerCase()}`,
        description: entity.description,
        params: idParams,
        querystring: getQuery,
        response: {
          200: z.object({ data: entity.model }).describe(`The ${entity.name.toLowerCase()}.`),
          ...commonErrors,
          404: commonErrors[400].describe('No such record for this connection.'),
        },
      },
      handler: async (request, reply) => {
        const connection = request.connection!;
        const stored = await deps.store.records.get(connection.id, entity.key, request.params.id);
        const fresh = stored && request.query.fresh ? await readThrough(deps, connection, entity.key, stored) : stored;
        const row = fresh ? (await mapped(connection, entity, [fresh]))[0] : undefined;
        if (!row) {
          throw new ApiError('not_found', { message: `No ${entity.name.toLowerCase()} ${request.params.id} in this connection.`, connectionId: connection.id });
        }
        reply.header('ETag', `"${row.version}"`);
        return sendJson(reply as unknown as FastifyReply, { data: formatRecord(row, { remoteData: request.query.include === 'remoteData' }) });
      },
    });
  }
}
