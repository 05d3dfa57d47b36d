/**
 * The write routes, generated from the entity registry: POST (create), PATCH (update, status
 * changes included) and DELETE per entity. What a connector cannot do is refused before any call
 * (405, 422, 409, 400); `Idempotency-Key` makes retries safe; `If-Match` makes updates
 * conditional. The answer is the record as the system holds it after the write — or, where the
 * system only queues a create (capabilities: `create.asynchronous`), 202 Accepted saying so, with
 * the system's reference; that 202 is kept and replayed for a retried Idempotency-Key like any answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { randomId, sha256Hex } from '../../core/ids.js';
import { createRecord, deleteRecord, updateRecord, type CreateOutcome, type WriteDeps } from '../../engine/writes/execute.js';
import { deepPartial } from '../../engine/writes/check.js';
import { requestHash, withIdempotency } from '../../engine/writes/idempotency.js';
import { entities, type EntityKey } from '../../models/registry.js';
import type { EntityDefinition } from '../../models/entity.js';
import type { RecordRow } from '../../store/index.js';
import { formatRecord } from '../format-record.js';
import { commonErrors } from '../schemas.js';

const writeHeaders = z.object({
  'idempotency-key': z.string().optional().describe('Makes a retry safe: the first result is replayed for 24 h (1–255 visible ASCII characters).'),
  'if-match': z.string().optional().describe('The version you read (or its ETag); the write is refused with 409 version_conflict if the record changed since.'),
});

const idParams = z.object({ id: z.string().min(1).max(200).describe("The record's Manifold id.") });

const writeErrors = {
  ...commonErrors,
  404: commonErrors[400].describe('No such record in this connection.'),
  405: commonErrors[400].describe('The system does not support this operation (operation_not_supported).'),
  409: commonErrors[400].describe('record_locked, version_conflict or idempotency_key_reused.'),
  422: commonErrors[400].describe('field_not_updatable, or rejected_by_system with the system\'s own message.'),
  502: commonErrors[400].describe('The system failed or could not be reached.'),
};

/** The body of 202 Accepted: what the system did with the create, and how to find the record later. */
export const AcceptedWrite = z
  .object({
    data: z.null().describe('No record yet: the system has accepted the create but not processed it.'),
    status: z.literal('accepted').describe('The system accepted the create for processing later; the record is not visible yet.'),
    reference: z.string().describe("The system's reference for what it accepted (e.g. the import's id): the one to quote in the system's own screens or to its support."),
    message: z.string().describe('What happened and how to find the record, in words a person can act on.'),
    appearsIn: z.string().describe('Where the record appears once the system has processed it and a sync has run (e.g. /v1/goods-receipts).'),
    identifiedBy: z.record(z.string(), z.unknown()).describe('Fields the record will carry there, to recognise it (e.g. its number); empty when the system assigns them all.'),
  })
  .describe('Accepted, not yet visible: the system processes the create later (GET /v1/capabilities: create.asynchronous).')
  .meta({ id: 'AcceptedWrite' });

function acceptedBody(entity: EntityDefinition, outcome: Extract<CreateOutcome, { status: 'accepted' }>): z.infer<typeof AcceptedWrite> {
  const { accepted, system, what } = outcome;
  const identifiedBy = accepted.identifiedBy ?? {};
  const fields = Object.entries(identifiedBy).map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const message = [
    `${system} accepted the ${what} for processing (reference ${accepted.reference}); it is not visible yet.`,
    `It appears in GET /v1/${entity.path}${fields.length ? ` (${fields.join(', ')})` : ''} once ${system} has processed it and a sync has run.`,
    accepted.note,
  ].filter(Boolean).join(' ');
  return { data: null, status: 'accepted', reference: accepted.reference, message, appearsIn: `/v1/${entity.path}`, identifiedBy };
}

function send(request: FastifyRequest, reply: FastifyReply, result: { status: number; body: unknown; replayed: boolean }): FastifyReply {
  if (result.replayed) reply.header('Idempotent-Replayed', 'true');
  let body = result.body as Record<string, unknown>;
  if (result.status >= 400 && body && typeof body === 'object' && 'error' in body) {
    body = { error: { ...(body.error as object), requestId: request.id } };
  }
  const data = (body as { data?: { version?: number } }).data;
  if (result.status < 300 && data?.version !== undefined) reply.header('ETag', `"${data.version}"`);
  return reply.code(result.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

async function mustGet(deps: WriteDeps, connectionId: string, entity: EntityDefinition, id: string): Promise<RecordRow> {
  const row = await deps.store.records.get(connectionId, entity.key, id);
  if (!row || row.deletedAt) throw new ApiError('not_found', { message: `No ${entity.name.toLowerCase()} ${id} in this connection.`, connectionId });
  return row;
}

export function registerWriteRoutes(app: FastifyInstance, deps: WriteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const entity of entities) {
    const tag = entity.group === 'core' ? 'Unified data' : 'Source-to-pay';
    const input = deepPartial(z.strictObject(entity.fields)).describe(`The ${entity.name.toLowerCase()} fields to set; GET /v1/capabilities says which this system accepts.`);
    const patchInput = (input as z.ZodObject)
      .extend({ customFields: z.record(z.string(), z.unknown()).optional().describe("Custom fields to write back, where the connection's mapping sends them to a native field the system lets them write (capabilities: customFieldTargets).") })
      .describe(`The ${entity.name.toLowerCase()} fields to change; GET /v1/capabilities says which this system accepts.`);
    const name = entity.name.toLowerCase();
    const one = z.object({ data: entity.model }).describe(`The ${name} as the system now has it.`);

    r.post(`/v1/${entity.path}`, {
      config: { auth: 'connection' },
      schema: {
        tags: [tag], summary: `Create a ${name}`,
        description:
          `Creates the ${name} in the connected system, reads it back and answers it (201). Where the system only queues it (GET /v1/capabilities: create.asynchronous), ` +
          'answers 202 with the system\'s reference instead: the record appears once the system has processed it and a sync has run. Send an Idempotency-Key to make retries safe (a 202 is replayed too).',
        headers: writeHeaders, body: input, response: { 201: one, 202: AcceptedWrite, ...writeErrors },
      },
      handler: async (request, reply) => {
        const connection = request.connection!;
        const key = request.headers['idempotency-key'];
        const body = request.body as Record<string, unknown>;
        // Set on the record so a create whose answer was lost can be found instead of repeated.
        const reference = key ? `mf-${sha256Hex(`${connection.id}\u0000${key}`).slice(0, 24)}` : `mf-${randomId('w').slice(2, 26)}`;
        const result = await withIdempotency(deps.store, { connectionId: connection.id, system: connection.system, key, hash: requestHash('POST', `/v1/${entity.path}`, body) }, async () => {
          const outcome = await createRecord(deps, connection, entity.key, body ?? {}, reference);
          if (outcome.status === 'accepted') return { status: 202, body: acceptedBody(entity, outcome) };
          const [row] = await deps.mappings.apply(connection, entity.key as EntityKey, [outcome.record]);
          return { status: 201, body: { data: formatRecord(row!, { remoteData: false }) } };
        });
        return send(request, reply as unknown as FastifyReply, result);
      },
    });

    r.patch(`/v1/${entity.path}/:id`, {
      config: { auth: 'connection' },
      schema: {
        tags: [tag], summary: `Update a ${name}`,
        description: `Changes the given fields in the connected system (and \`status\`, through the system's own workflow, where it allows). Lines, when sent, are the full new list: lines with a remoteId are changed, lines without one are added, lines left out are removed.`,
        headers: writeHeaders, params: idParams, body: patchInput, response: { 200: one, ...writeErrors },
      },
      handler: async (request, reply) => {
        const connection = request.connection!;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const result = await withIdempotency(
          deps.store,
          { connectionId: connection.id, system: connection.system, key: request.headers['idempotency-key'], hash: requestHash('PATCH', `/v1/${entity.path}/${request.params.id}`, body) },
          async () => {
            const row = await mustGet(deps, connection.id, entity, request.params.id);
            const [updated] = await deps.mappings.apply(connection, entity.key as EntityKey, [await updateRecord(deps, connection, entity.key, row, body, request.headers['if-match'])]);
            return { status: 200, body: { data: formatRecord(updated!, { remoteData: false }) } };
          },
        );
        return send(request, reply as unknown as FastifyReply, result);
      },
    });

    r.delete(`/v1/${entity.path}/:id`, {
      config: { auth: 'connection' },
      schema: {
        tags: [tag], summary: `Delete a ${name}`,
        description: 'Deletes the record in the connected system — or cancels or archives it where the system has no real delete; `deletion` says which happened.',
        headers: writeHeaders, params: idParams,
        response: {
          200: z.object({ data: entity.model, deletion: z.enum(['hard', 'cancelled', 'soft']).describe('What the system did: deleted it, cancelled it, or marked it inactive.') }).describe('What the delete did.'),
          ...writeErrors,
        },
      },
      handler: async (request, reply) => {
        const connection = request.connection!;
        const result = await withIdempotency(
          deps.store,
          { connectionId: connection.id, system: connection.system, key: request.headers['idempotency-key'], hash: requestHash('DELETE', `/v1/${entity.path}/${request.params.id}`, null) },
          async () => {
            const row = await mustGet(deps, connection.id, entity, request.params.id);
            const { record, deletion } = await deleteRecord(deps, connection, entity.key, row, request.headers['if-match']);
            const [mapped] = await deps.mappings.apply(connection, entity.key as EntityKey, [record]);
            return { status: 200, body: { data: formatRecord(mapped!, { remoteData: false }), deletion } };
          },
        );
        return send(request, reply as unknown as FastifyReply, result);
      },
    });
  }
}
