/**
 * Admin routes of a connection's cXML intake: set it up (PUT), read it (GET, secrets masked),
 * remove it (DELETE). Only for connections whose system pushes cXML purchase orders.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import { intakeConnection, loadIntake, type Intake } from '../../engine/cxml/intake.js';
import { CxmlIntakeInput, MASK, authTypes, errorStatusModes, maskedAuthentication, mergeSettings, type IntakeSecrets, type IntakeSettings } from '../../engine/cxml/settings.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { Store } from '../../store/index.js';
import { commonErrors } from '../schemas.js';

const masked = z.literal(MASK);

export const CxmlIntakeView = z
  .object({
    connectionId: z.string().describe('The connection.'),
    senders: z.array(z.string()).describe('The products known to push cXML orders for this system (e.g. Proactis).'),
    url: z.string().describe('The intake URL to enter in the sending system: it POSTs its cXML documents here.'),
    tokenUrl: z.string().nullable().describe('The OAuth2 token URL (client-credentials grant) to enter in the sending system, with authentication oauth2; else null.'),
    authentication: z
      .object({
        type: z.enum(authTypes).describe('none, basic, oauth2 or api_key.'),
        username: z.string().optional().describe('basic: the user name.'),
        password: masked.optional().describe('basic: the password, masked.'),
        clientId: z.string().optional().describe('oauth2: the client id.'),
        clientSecret: masked.optional().describe('oauth2: the client secret, masked.'),
        tokenLifetimeSeconds: z.number().int().optional().describe('oauth2: how long an issued token is valid.'),
        headerName: z.string().optional().describe('api_key: the header that carries the key.'),
        apiKey: masked.optional().describe('api_key: the key, masked.'),
      })
      .describe('How the sending system authenticates its HTTP requests (secrets masked).'),
    sender: z.object({ identity: z.string().describe('Expected Sender identity.'), domain: z.string().nullable().describe('Expected Sender domain; null: any.') }).describe('The Sender the documents must name.'),
    sharedSecret: masked.nullable().describe('The expected SharedSecret, masked; null: documents are not checked for one.'),
    errorStatus: z.enum(errorStatusModes).describe('matching: cXML errors also set the HTTP status; always_200: HTTP 200 with the error in the cXML Status.'),
    createdAt: z.string().describe('When the intake was first set up.'),
    updatedAt: z.string().describe('When its settings last changed.'),
  })
  .describe("A connection's cXML purchase-order intake; secrets are never answered.")
  .meta({ id: 'CxmlIntake' });

const Generated = z
  .object({
    password: z.string().optional().describe('The generated password.'),
    clientSecret: z.string().optional().describe('The generated client secret.'),
    apiKey: z.string().optional().describe('The generated API key.'),
    sharedSecret: z.string().optional().describe('The generated SharedSecret.'),
  })
  .describe('Secrets Manifold generated because none was given nor stored: shown in this answer only; enter them in the sending system.');

const idParams = z.object({ id: z.string().min(1).max(200).describe('Connection id.') });
const refusals = {
  404: commonErrors[400].describe('No such connection, or (GET, DELETE) no intake set up.'),
  405: commonErrors[400].describe("The connection's system does not push cXML purchase orders."),
};

/** The public base URL the request came in on (behind a proxy: the address the proxy was asked for). */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function intakeUrls(request: FastifyRequest, connectionId: string, settings: IntakeSettings): { url: string; tokenUrl: string | null } {
  const url = `${baseUrl(request)}/v1/connections/${encodeURIComponent(connectionId)}/cxml`;
  return { url, tokenUrl: settings.authentication.type === 'oauth2' ? `${url}/token` : null };
}

function view(request: FastifyRequest, intake: Pick<Intake, 'connection' | 'declaration' | 'settings' | 'row'>): z.infer<typeof CxmlIntakeView> {
  const { settings } = intake;
  return {
    connectionId: intake.connection.id,
    senders: [...intake.declaration.senders],
    ...intakeUrls(request, intake.connection.id, settings),
    authentication: maskedAuthentication(settings) as z.infer<typeof CxmlIntakeView>['authentication'],
    sender: settings.sender,
    sharedSecret: settings.checkSharedSecret ? MASK : null,
    errorStatus: settings.errorStatus,
    createdAt: intake.row.createdAt,
    updatedAt: intake.row.updatedAt,
  };
}

export function registerCxmlIntakeSettingsRoutes(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Connections'];

  r.put('/v1/connections/:id/cxml-intake', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Set up the cXML intake',
      description:
        'Sets how the sending system (Proactis, Coupa, Ariba, Jaggaer…) authenticates when it pushes cXML purchase orders to this connection, ' +
        'which Sender and SharedSecret its documents must carry, and how errors are answered. Secrets are stored encrypted and never answered; ' +
        'an omitted secret keeps the stored one, or is generated and shown once in `generated`. Changing the HTTP credentials revokes issued tokens.',
      params: idParams,
      body: CxmlIntakeInput,
      response: { 200: z.object({ data: CxmlIntakeView, generated: Generated.optional() }).describe('The intake as now set up.'), ...commonErrors, ...refusals },
    },
    handler: async (request) => {
      const found = await intakeConnection(deps.store, deps.runtime, request.params.id);
      const before = await deps.store.cxmlIntake.getSettings(found.connection.id);
      const stored = before ? { settings: before.settings as unknown as IntakeSettings, secrets: deps.box.openJson(before.secrets) as unknown as IntakeSecrets } : undefined;
      const merged = mergeSettings(request.body, stored);
      const row = await deps.store.cxmlIntake.putSettings({
        connectionId: found.connection.id,
        settings: merged.settings as unknown as Record<string, unknown>,
        secrets: deps.box.sealJson(merged.secrets as unknown as Record<string, unknown>),
      });
      if (merged.authChanged) await deps.store.cxmlIntake.revokeTokens(found.connection.id);
      const data = view(request, { ...found, settings: merged.settings, row });
      return Object.keys(merged.generated).length > 0 ? { data, generated: merged.generated } : { data };
    },
  });

  r.get('/v1/connections/:id/cxml-intake', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Get the cXML intake', description: 'The intake URL, token URL and settings of the connection, secrets masked.',
      params: idParams,
      response: { 200: z.object({ data: CxmlIntakeView }).describe('The intake.'), ...commonErrors, ...refusals },
    },
    handler: async (request) => ({ data: view(request, await loadIntake(deps.store, deps.runtime, deps.box, request.params.id)) }),
  });

  r.delete('/v1/connections/:id/cxml-intake', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Remove the cXML intake',
      description: 'The intake stops accepting documents and its tokens stop working. Orders already received stay.',
      params: idParams,
      response: { 200: z.object({ deleted: z.literal(true).describe('Always true.') }).describe('Removed.'), ...commonErrors, ...refusals },
    },
    handler: async (request) => {
      const found = await intakeConnection(deps.store, deps.runtime, request.params.id);
      if (!(await deps.store.cxmlIntake.deleteSettings(found.connection.id))) {
        throw new ApiError('not_found', { message: `Connection ${found.connection.id} has no cXML intake set up.` });
      }
      return { deleted: true as const };
    },
  });
}
