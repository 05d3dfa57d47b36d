/**
 * What the connect page does when opened from a connect link: the link token (not the admin key)
 * authorises reading the catalogue it is limited to and making one connection. The link is
 * claimed atomically, so two tabs racing on one link make one connection.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import { createConnection } from '../../engine/connections.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import type { SyncJobs } from '../../engine/sync/jobs.js';
import { linkStatus, type ConnectLinkRow, type Store } from '../../store/index.js';
import { hashSecret, parseBearer } from '../auth/credentials.js';
import { commonErrors } from '../schemas.js';
import { checkCredentials } from './connection-create.js';
import { Connection, formatConnection } from './connections.js';
import { LINK_PREFIX } from './connect-links.js';
import { System, describeSystem, type SandboxEntry } from './systems.js';

const reasons = {
  used: 'This connect link was already used. Ask whoever sent it for a new one.',
  expired: 'This connect link has expired. Ask whoever sent it for a new one.',
  revoked: 'This connect link was withdrawn. Ask whoever sent it for a new one.',
  unknown: 'This connect link is not valid. Check that you opened the whole link.',
} as const;

export function registerConnectSessionRoutes(
  app: FastifyInstance,
  deps: { store: Store; runtime: ConnectorRuntime; box: SecretBox; jobs: SyncJobs; sandbox: () => Record<string, SandboxEntry> },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Connect page'];

  async function pendingLink(request: FastifyRequest): Promise<ConnectLinkRow> {
    const token = parseBearer(request.headers.authorization);
    const row = token?.startsWith(`${LINK_PREFIX}_`) ? await deps.store.connectLinks.findByHash(hashSecret(token).toString('hex')) : undefined;
    const status = row ? linkStatus(row, new Date().toISOString()) : 'unknown';
    if (!row || status !== 'pending') {
      const reason = status === 'pending' ? 'unknown' : status;
      throw new ApiError('unauthorized', { message: reasons[reason], details: { reason } });
    }
    return row;
  }

  const systemsFor = (link: ConnectLinkRow) =>
    Object.values(deps.runtime.connectors)
      .filter((c) => !link.system || c.id === link.system)
      .map((c) => describeSystem(c, deps.sandbox()[c.id]));

  r.get('/v1/connect/session', {
    config: { auth: 'public' },
    schema: {
      tags, summary: 'Open a connect link',
      description: 'With the link token as Bearer: what the link presets and the systems it may connect. 401 with details.reason used|expired|revoked|unknown otherwise.',
      response: {
        200: z.object({
          data: z.object({
            link: z.object({
              id: z.string().describe('Link id.'),
              system: z.string().nullable().describe('The system the page is locked to.'),
              name: z.string().nullable().describe('The connection name the link sets.'),
              expiresAt: z.string().describe('When the link expires.'),
              redirectUrl: z.string().nullable().describe('Where the page goes afterwards.'),
            }).describe('The link.'),
            systems: z.array(System).describe('The systems this link may connect.'),
          }).describe('The session.'),
        }).describe('The link is pending.'),
        ...commonErrors,
      },
    },
    handler: async (request) => {
      const link = await pendingLink(request);
      return { data: { link: { id: link.id, system: link.system, name: link.name, expiresAt: link.expiresAt, redirectUrl: link.redirectUrl }, systems: systemsFor(link) } };
    },
  });

  r.post('/v1/connect/session/connections', {
    config: { auth: 'public' },
    schema: {
      tags, summary: 'Connect through a link',
      description: 'With the link token as Bearer: checks the credentials live, makes the connection (with the link\'s metadata) and uses up the link.',
      body: z.strictObject({
        system: z.string().min(1).max(100).describe('The system; must be the link\'s when it names one.'),
        name: z.string().min(1).max(200).optional().describe('A name, when the link sets none.'),
        credentials: z.record(z.string(), z.unknown()).describe('The system\'s credential fields.'),
      }),
      response: {
        201: z.object({
          data: Connection,
          token: z.string().describe('The connection token; shown once.'),
          redirectUrl: z.string().nullable().describe("The link's redirect URL with ?connectionId=…, or null."),
        }).describe('Connected.'),
        ...commonErrors,
      },
    },
    handler: async (request, reply) => {
      const link = await pendingLink(request);
      const { system, credentials } = request.body;
      if (link.system && system !== link.system) throw ApiError.invalid([{ path: 'body.system', message: `must be ${link.system}: this link is for that system` }]);
      const checked = await checkCredentials(deps.runtime, system, credentials);
      const name = link.name ?? request.body.name ?? deps.runtime.connector(system).name;
      const { connection, token } = await createConnection(deps.store, { system, name, credentials: deps.box.sealJson(checked), metadata: link.metadata });
      if (!(await deps.store.connectLinks.claim(link.id, connection.id, new Date().toISOString()))) {
        await deps.store.connections.delete(connection.id);
        throw new ApiError('unauthorized', { message: reasons.used, details: { reason: 'used' } });
      }
      deps.jobs.run(connection.id).catch((err) => request.log.warn({ err, connectionId: connection.id }, 'first sync failed'));
      let redirectUrl: string | null = null;
      if (link.redirectUrl) {
        const u = new URL(link.redirectUrl);
        u.searchParams.set('connectionId', connection.id);
        redirectUrl = u.toString();
      }
      reply.code(201);
      return { data: formatConnection(connection), token, redirectUrl };
    },
  });
}
