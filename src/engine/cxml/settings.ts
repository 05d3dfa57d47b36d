/**
 * A connection's cXML intake settings: how the sending system authenticates over HTTP (nothing
 * but the document's SharedSecret, basic, an OAuth2 bearer Manifold issues itself, or an API-key
 * header), which Sender it expects, and whether cXML errors also change the HTTP status. One zod
 * source for the admin API's body, its answer and OpenAPI. Secrets are sealed at rest and only
 * ever answered masked; an omitted secret keeps the stored one, or is generated (and answered
 * once) when there is none.
 */
import { z } from 'zod';
import { newSecretToken } from '../../core/ids.js';

/** What the admin API answers in place of every secret. */
export const MASK = '********';

const secret = (description: string) =>
  z
    .string()
    .min(1)
    .max(512)
    .refine((v) => v !== MASK, 'is the mask the API answers: send the real secret, or leave the field out to keep the stored one')
    .describe(`${description} Write-only: answered as "${MASK}". Omitted: the stored one is kept, or one is generated and answered once.`);

const noColon = (what: string) => z.string().min(1).max(200).regex(/^[^:]+$/, `must not contain ":" (${what})`);

// Headers the intake or HTTP itself owns: an API key there would be read as something else.
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host', 'cookie', 'x-request-id', 'x-connection-id', 'transfer-encoding', 'connection']);

export const authTypes = ['none', 'basic', 'oauth2', 'api_key'] as const;
export type AuthType = (typeof authTypes)[number];

export const AuthenticationInput = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('none').describe('No HTTP authentication: the document\'s SharedSecret is the only check (Coupa, Ariba).') }),
    z.strictObject({
      type: z.literal('basic').describe('HTTP Basic authentication (Proactis: BASIC).'),
      username: noColon('HTTP Basic cannot carry it').describe('The user name the sending system sends.'),
      password: secret('The password the sending system sends.').optional(),
    }),
    z.strictObject({
      type: z.literal('oauth2').describe('An OAuth2 bearer token the sending system gets from this intake\'s token endpoint with the client-credentials grant (Proactis: OAUTH2).'),
      clientId: noColon('HTTP Basic client authentication cannot carry it').describe('The client id the sending system authenticates with at the token endpoint.'),
      clientSecret: secret('The client secret the sending system authenticates with at the token endpoint.').optional(),
      tokenLifetimeSeconds: z.number().int().min(60).max(86_400).default(3600).describe('How long an issued token is valid (60–86400 s, default 3600).'),
    }),
    z.strictObject({
      type: z.literal('api_key').describe('An API key in a request header (Proactis: API_KEY).'),
      headerName: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name')
        .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()), 'is a header HTTP or Manifold uses for something else')
        .default('x-api-key')
        .describe('The header that carries the key (default x-api-key).'),
      apiKey: secret('The key the sending system sends in that header.').optional(),
    }),
  ])
  .describe('How the sending system authenticates its HTTP requests, as set in its outbound communication settings.');
export type AuthenticationInput = z.infer<typeof AuthenticationInput>;

export const SenderInput = z
  .strictObject({
    identity: z.string().min(1).max(200).describe('Header/Sender/Credential/Identity the documents must carry (e.g. the buyer\'s network id).'),
    domain: z.string().min(1).max(100).nullable().default(null).describe('Its Credential@domain (e.g. NetworkId, DUNS); null: any domain. Compared without case.'),
  })
  .describe('The Sender the documents must name.');

export const errorStatusModes = ['matching', 'always_200'] as const;

export const CxmlIntakeInput = z
  .strictObject({
    authentication: AuthenticationInput,
    sender: SenderInput,
    sharedSecret: secret('Header/Sender/Credential/SharedSecret the documents must carry.')
      .nullable()
      .optional()
      .describe('Header/Sender/Credential/SharedSecret the documents must carry; null: not checked (for a sender that authenticates over HTTP and puts no SharedSecret in its documents). Write-only; omitted: the stored one is kept, or one is generated.'),
    errorStatus: z
      .enum(errorStatusModes)
      .default('matching')
      .describe('How cXML errors are answered over HTTP: matching (HTTP 400/401/406/409/500 like the cXML status, the default) or always_200 (HTTP 200, the error only in the cXML Status, as many cXML receivers do).'),
  })
  .refine((v) => v.sharedSecret !== null || v.authentication.type !== 'none', {
    path: ['sharedSecret'],
    message: 'must be set when authentication is none: it is then the only check of who is sending',
  })
  .describe('The cXML intake settings of a connection.');
export type CxmlIntakeInput = z.infer<typeof CxmlIntakeInput>;

/** What is stored in clear: everything but the secrets. */
export interface IntakeSettings {
  authentication: { type: AuthType; username?: string; clientId?: string; tokenLifetimeSeconds?: number; headerName?: string };
  sender: { identity: string; domain: string | null };
  /** Whether documents must carry the SharedSecret (false: the HTTP authentication alone vouches for the sender). */
  checkSharedSecret: boolean;
  errorStatus: (typeof errorStatusModes)[number];
}

/** What is sealed. */
export interface IntakeSecrets {
  password?: string;
  clientSecret?: string;
  apiKey?: string;
  sharedSecret?: string;
}

/** The secret each authentication type needs, by its field name. */
export const authSecretField = { none: undefined, basic: 'password', oauth2: 'clientSecret', api_key: 'apiKey' } as const satisfies Record<AuthType, keyof IntakeSecrets | undefined>;

export interface MergedSettings {
  settings: IntakeSettings;
  secrets: IntakeSecrets;
  /** Secrets Manifold made up because none was given nor stored: answered once. */
  generated: Partial<IntakeSecrets>;
  /** The HTTP credentials changed: tokens issued under the old ones must stop working. */
  authChanged: boolean;
}

/** New settings from a PUT body over what is stored (if anything). Pure but for generated secrets. */
export function mergeSettings(input: CxmlIntakeInput, stored?: { settings: IntakeSettings; secrets: IntakeSecrets }): MergedSettings {
  const auth = input.authentication;
  const { type } = auth;
  const generated: Partial<IntakeSecrets> = {};
  // null: not checked; omitted: as stored (checked or not), or a new one when nothing is stored.
  const checkSharedSecret = input.sharedSecret === null ? false : input.sharedSecret !== undefined || (stored?.settings.checkSharedSecret ?? true);
  const secrets: IntakeSecrets = {};
  if (checkSharedSecret) secrets.sharedSecret = input.sharedSecret ?? stored?.secrets.sharedSecret ?? (generated.sharedSecret = newSecretToken('cxs'));
  const field = authSecretField[type];
  let secretGiven = false;
  if (field) {
    const given = (auth as Record<string, unknown>)[field] as string | undefined;
    secretGiven = given !== undefined;
    const kept = stored?.settings.authentication.type === type ? stored.secrets[field] : undefined;
    secrets[field] = given ?? kept ?? (generated[field] = newSecretToken('cxa'));
  }
  const settings: IntakeSettings = {
    authentication: {
      type,
      ...(auth.type === 'basic' ? { username: auth.username } : {}),
      ...(auth.type === 'oauth2' ? { clientId: auth.clientId, tokenLifetimeSeconds: auth.tokenLifetimeSeconds } : {}),
      ...(auth.type === 'api_key' ? { headerName: auth.headerName } : {}),
    },
    sender: { identity: input.sender.identity, domain: input.sender.domain },
    checkSharedSecret,
    errorStatus: input.errorStatus,
  };
  const before = stored?.settings.authentication;
  const authChanged =
    !before || before.type !== type || before.username !== settings.authentication.username || before.clientId !== settings.authentication.clientId ||
    before.headerName !== settings.authentication.headerName || (field !== undefined && (secretGiven || field in generated));
  return { settings, secrets, generated, authChanged };
}

/** The settings as the admin API answers them: secrets masked. */
export function maskedAuthentication(settings: IntakeSettings): Record<string, unknown> {
  const a = settings.authentication;
  const field = authSecretField[a.type];
  return { ...a, ...(field ? { [field]: MASK } : {}) };
}
