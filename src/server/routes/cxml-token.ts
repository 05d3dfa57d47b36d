/**
 * `POST /v1/connections/{id}/cxml/token`: the OAuth2 token endpoint of an intake set up for
 * OAuth2 (RFC 6749 §4.4, client credentials). The sending system authenticates with the client id
 * and secret of the intake's settings, by HTTP Basic (§2.3.1) or in the form body, and gets a
 * bearer token for the intake. Answers and errors are in RFC 6749's own format (§5.1, §5.2),
 * which OAuth clients read; tokens are stored as hashes only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newSecretToken } from '../../core/ids.js';
import type { SecretBox } from '../../core/secret-box.js';
import { parseBasic, secretEquals, tokenHash } from '../../engine/cxml/http-auth.js';
import { loadIntake } from '../../engine/cxml/intake.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { Store } from '../../store/index.js';
import { ErrorEnvelope } from '../schemas.js';

const TokenRequest = z
  .looseObject({
    grant_type: z.string().optional().describe('Must be client_credentials.'),
    client_id: z.string().optional().describe('The client id, when not sent by HTTP Basic.'),
    client_secret: z.string().optional().describe('The client secret, when not sent by HTTP Basic.'),
    scope: z.string().optional().describe('Ignored: a token reaches this intake only.'),
  })
  .optional()
  .describe('The token request (application/x-www-form-urlencoded, or JSON).');

const TokenAnswer = z
  .object({
    access_token: z.string().describe('The bearer token for POST /v1/connections/{id}/cxml.'),
    token_type: z.literal('Bearer').describe('Always Bearer.'),
    expires_in: z.number().int().describe('Seconds the token stays valid.'),
  })
  .describe('A bearer token (RFC 6749 §5.1).');

const OAuthError = z
  .object({
    error: z.string().describe('invalid_request, invalid_client, unauthorized_client or unsupported_grant_type.'),
    error_description: z.string().describe('What is wrong, for a person.'),
  })
  .describe('An OAuth2 error (RFC 6749 §5.2).');

function oauthError(reply: FastifyReply, status: 400 | 401, error: string, description: string): FastifyReply {
  if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="Manifold cXML intake", charset="UTF-8"');
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify({ error, error_description: description }));
}

/** RFC 6749 §2.3.1: the client id and secret are form-encoded before they go into HTTP Basic. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export function registerCxmlTokenRoute(scope: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox }): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  scope.withTypeProvider<ZodTypeProvider>().post('/v1/connections/:id/cxml/token', {
    config: { auth: 'public' },
    schema: {
      tags: ['Order intake'],
      summary: 'Get a token for the cXML intake',
      description:
        'The OAuth2 token endpoint (client-credentials grant) of a cXML intake set up with authentication oauth2: the sending system ' +
        'authenticates with the intake\'s client id and secret (HTTP Basic or form fields) and gets a bearer token for POST …/cxml. ' +
        'Answers in RFC 6749 format.',
      params: z.object({ id: z.string().min(1).max(200).describe('Connection id.') }),
      body: TokenRequest,
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
      // No Manifold key: the intake's own authentication applies (see the description).
      security: [],
      response: {
        200: TokenAnswer,
        400: OAuthError,
        401: OAuthError,
        404: ErrorEnvelope.describe('No such connection, or its intake is not set up.'),
        405: ErrorEnvelope.describe("The connection's system does not push cXML purchase orders."),
      },
    },
    handler: async (request, reply) => {
      const intake = await loadIntake(deps.store, deps.runtime, deps.box, request.params.id);
      request.connection = intake.connection;
      const auth = intake.settings.authentication;
      if (auth.type !== 'oauth2') return oauthError(reply, 400, 'unauthorized_client', 'This cXML intake is not set up for OAuth2; it takes no tokens.');
      const body = request.body ?? {};
      if (body.grant_type === undefined) return oauthError(reply, 400, 'invalid_request', 'grant_type is missing; send grant_type=client_credentials.');
      if (body.grant_type !== 'client_credentials') return oauthError(reply, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
      const basic = parseBasic(request.headers.authorization);
      const clientId = basic ? formDecode(basic.user) : body.client_id;
      const clientSecret = basic ? formDecode(basic.password) : body.client_secret;
      const ok = clientId !== undefined && clientSecret !== undefined && secretEquals(clientId, auth.clientId ?? '') && secretEquals(clientSecret, intake.secrets.clientSecret ?? '');
      if (!ok) return oauthError(reply, 401, 'invalid_client', 'The client id or secret is wrong or missing.');

      const now = Date.now();
      const lifetime = auth.tokenLifetimeSeconds ?? 3600;
      const token = newSecretToken('mfx');
      await deps.store.cxmlIntake.createToken({ hash: tokenHash(token), connectionId: intake.connection.id, expiresAt: new Date(now + lifetime * 1000).toISOString() });
      await deps.store.cxmlIntake.pruneTokens(new Date(now).toISOString());
      // RFC 6749 §5.1: a token answer must not be cached.
      reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
      return { access_token: token, token_type: 'Bearer' as const, expires_in: lifetime };
    },
  });
}
