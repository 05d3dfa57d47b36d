/**
 * The cXML purchase-order intake of a connection: `POST /v1/connections/{id}/cxml` takes an
 * OrderRequest (text/xml or application/xml) from the customer's S2P system and answers a cXML
 * Response; `POST /v1/connections/{id}/cxml/token` issues the bearer tokens of an intake set up
 * for OAuth2 (RFC 6749 client credentials). Both authenticate as the intake's settings say, not
 * with Manifold's keys. A connection that is unknown, not set up, or whose system does not push
 * cXML is refused in the error envelope; everything after that is answered in cXML.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, type ErrorCode } from '../../core/errors.js';
import { sha256Hex } from '../../core/ids.js';
import type { SecretBox } from '../../core/secret-box.js';
import { checkHttpAuth, checkSender } from '../../engine/cxml/http-auth.js';
import { loadIntake, type Intake } from '../../engine/cxml/intake.js';
import { receiveOrder, type ReceiveOutcome } from '../../engine/cxml/receive-order.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import { DEFAULT_MAX_BYTES, buildResponse, readDocument, type CxmlStatusCode } from '../../kit/cxml/index.js';
import type { Store } from '../../store/index.js';
import { sendError } from '../plugins/errors.js';
import { ErrorEnvelope } from '../schemas.js';
import { registerCxmlTokenRoute } from './cxml-token.js';

/** The largest document taken (also the parser's own limit). */
export const CXML_BODY_LIMIT = DEFAULT_MAX_BYTES;

/** A cXML answer other than 200, raised anywhere in the route's lifecycle. */
class CxmlRefusal extends Error {
  constructor(
    readonly status: Exclude<CxmlStatusCode, 200>,
    message: string,
    readonly opts: { dtdVersion?: string | null; httpStatus?: number; challenge?: string } = {},
  ) {
    super(message);
  }
}

/** The catalogue code a cXML status is logged under in the request log. */
const logCodes: Partial<Record<CxmlStatusCode, ErrorCode>> = { 400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 406: 'invalid_request', 409: 'conflict', 500: 'internal_error' };

const CONTENT_TYPE_MESSAGE = 'Send the cXML document as the request body with Content-Type text/xml or application/xml (attachments sent as multipart are not accepted).';

const cxmlBody = (description: string) => ({ description, content: { 'text/xml': { schema: z.string().describe('A cXML Response document.') } } });

export function registerCxmlIntakeRoutes(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox }): void {
  const intakes = new WeakMap<FastifyRequest, Intake>();

  function sendCxml(request: FastifyRequest, reply: FastifyReply, code: CxmlStatusCode, message: string, opts: CxmlRefusal['opts'] = {}): FastifyReply {
    const mode = intakes.get(request)?.settings.errorStatus ?? 'matching';
    const status = opts.httpStatus ?? (code === 200 || mode === 'always_200' ? 200 : code);
    request.errorCode = logCodes[code];
    if (opts.challenge) reply.header('WWW-Authenticate', opts.challenge);
    return reply
      .code(status)
      .type('text/xml; charset=utf-8')
      .send(buildResponse({ code, message, dtdVersion: opts.dtdVersion ?? null, host: request.hostname.replace(/:\d+$/, '') || 'manifold' }));
  }

  app.register(async (scope) => {
    // Scoped to these two routes: nowhere else does Manifold take XML or forms.
    scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: CXML_BODY_LIMIT }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/v1/connections/:id/cxml', {
      config: { auth: 'public' },
      bodyLimit: CXML_BODY_LIMIT,
      schema: {
        tags: ['Order intake'],
        summary: 'Receive a cXML purchase order',
        description:
          'Where the customer\'s source-to-pay system (Proactis, Coupa, Ariba, Jaggaer…) posts cXML OrderRequest documents: new orders, ' +
          'changes (type="update" with a higher orderVersion) and cancellations (type="delete"). HTTP authentication is the one set with ' +
          'PUT /v1/connections/{id}/cxml-intake (none, basic, an OAuth2 bearer from …/cxml/token, or an API-key header), not a Manifold key; ' +
          'the document\'s Sender and SharedSecret must match too. The order is stored as a purchase order of the connection ' +
          '(GET /v1/purchase-orders) and the answer is a cXML Response: Status 200, or 400 invalid, 401 wrong credentials, 406 not an order ' +
          'this intake can take, 409 out-of-sequence orderVersion or reused payloadID, 500 Manifold failed — nothing is stored then. ' +
          'A resent payloadID is answered 200 as a duplicate and stored once.',
        params: z.object({ id: z.string().min(1).max(200).describe('Connection id.') }),
        body: z.string().describe('A cXML OrderRequest document.'),
        consumes: ['text/xml', 'application/xml'],
        // No Manifold key: the intake's own authentication applies (see the description).
        security: [],
        response: {
          200: cxmlBody('A cXML Response; Status 200 when stored (or a duplicate), else the cXML error status when errorStatus is always_200.'),
          400: cxmlBody('cXML Status 400: not well-formed, not cXML, or a required element or attribute missing (named in the Status text).'),
          401: cxmlBody('cXML Status 401: wrong or missing HTTP credentials, Sender or SharedSecret.'),
          404: ErrorEnvelope.describe('No such connection, or its intake is not set up.'),
          405: ErrorEnvelope.describe("The connection's system does not push cXML purchase orders."),
          406: cxmlBody('cXML Status 406: a valid cXML document this intake does not take (another request type, amounts in a second currency).'),
          409: cxmlBody('cXML Status 409: an orderVersion not newer than the stored one, a change to a cancelled order, or a reused payloadID.'),
          500: cxmlBody('cXML Status 500: Manifold could not store the document; nothing was stored.'),
        },
      },
      onRequest: async (request) => {
        const intake = await loadIntake(deps.store, deps.runtime, deps.box, (request.params as { id: string }).id);
        request.connection = intake.connection;
        intakes.set(request, intake);
        const auth = await checkHttpAuth(intake.settings, intake.secrets, request.headers, async (hash) => {
          const token = await deps.store.cxmlIntake.findToken(hash, new Date().toISOString());
          return token?.connectionId === intake.connection.id;
        });
        // HTTP authentication failed: HTTP 401 whatever errorStatus says, before the body is read.
        if (!auth.ok) throw new CxmlRefusal(401, auth.message, { httpStatus: 401, challenge: auth.challenge });
      },
      errorHandler: (error: unknown, request, reply) => {
        if (error instanceof CxmlRefusal) return sendCxml(request, reply, error.status, error.message, error.opts);
        if (error instanceof ApiError && error.status < 500) return sendError(reply, request, error);
        const fe = error as Partial<FastifyError>;
        if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendCxml(request, reply, 400, `The document is larger than the limit of ${CXML_BODY_LIMIT} bytes.`);
        if (fe.validation || (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)) return sendCxml(request, reply, 400, CONTENT_TYPE_MESSAGE);
        request.log.error({ err: error }, 'cXML intake failed');
        return sendCxml(request, reply, 500, `Manifold could not store this document; nothing was stored. Send it again later (request ${request.id}).`);
      },
      handler: async (request, reply) => {
        const intake = intakes.get(request)!;
        const text = request.body;
        const read = readDocument(text, { maxBytes: CXML_BODY_LIMIT });
        // Who sent it is checked before what is wrong with it is told, wherever the Sender could be read.
        const credentials = read.ok ? read.request.sender : read.sender;
        const sender = read.ok || credentials.length > 0 ? checkSender(credentials, intake.settings, intake.secrets) : undefined;
        if (sender && !sender.ok) throw new CxmlRefusal(401, sender.message, { dtdVersion: read.dtdVersion });
        if (!read.ok) throw new CxmlRefusal(read.status, read.message, { dtdVersion: read.dtdVersion });
        const result = await receiveOrder(deps.store, { connection: intake.connection, request: read.request, remoteData: read.remoteData, contentHash: sha256Hex(text) });
        const orderID = read.request.header.orderID;
        if (result.kind === 'conflict') throw new CxmlRefusal(409, result.message, { dtdVersion: read.dtdVersion });
        request.log.info({ orderID, payloadID: read.request.payloadID, result: result.kind === 'stored' ? result.outcome : result.kind }, 'cXML order received');
        return sendCxml(request, reply, 200, acceptedMessage(orderID, result), { dtdVersion: read.dtdVersion });
      },
    });

    registerCxmlTokenRoute(scope, deps);
  });
}

function acceptedMessage(orderID: string, result: Exclude<ReceiveOutcome, { kind: 'conflict' }>): string {
  if (result.kind === 'duplicate') return `Duplicate: this payloadID was already received; order ${orderID} is unchanged.`;
  if (result.outcome === 'unchanged') return `Order ${orderID} is already stored as sent; nothing changed.`;
  return `Order ${orderID} ${result.outcome}.`;
}
