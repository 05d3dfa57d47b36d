/**
 * Connect links (admin key): a single-use invitation to connect a system, to send to a customer.
 * Opening `/connect?link=<token>` shows the connect page pre-filled and locked to what the link
 * names; the connection it makes carries the link's metadata.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { newSecretToken, randomId } from '../../core/ids.js';
import type { ConnectorRuntime } from '../../engine/runtime.js';
import { linkStatus, type ConnectLinkRow, type Store } from '../../store/index.js';
import { hashSecret } from '../auth/credentials.js';
import { commonErrors } from '../schemas.js';

export const LINK_PREFIX = 'mfl';
const DAY = 24 * 3600;

export const ConnectLink = z
  .object({
    id: z.string().describe('Link id.'),
    status: z.enum(['pending', 'used', 'expired', 'revoked']).describe('pending until used (once), expired or revoked.'),
    system: z.string().nullable().describe('The system the link is locked to, if any.'),
    name: z.string().nullable().describe('The connection name the link sets, if any.'),
    metadata: z.record(z.string(), z.unknown()).describe('Copied onto the connection it makes.'),
    redirectUrl: z.string().nullable().describe('Where the page sends the customer afterwards, with ?connectionId=…'),
    createdAt: z.string().describe('When the link was made.'),
    expiresAt: z.string().describe('When it stops working.'),
    usedAt: z.string().nullable().describe('When it was used.'),
    connectionId: z.string().nullable().describe('The connection it made.'),
  })
  .describe('A single-use link to the connect page.')
  .meta({ id: 'ConnectLink' });

export function formatLink(row: ConnectLinkRow, now = new Date().toISOString()): z.infer<typeof ConnectLink> {
  return {
    id: row.id,
    status: linkStatus(row, now),
    system: row.system,
    name: row.name,
    metadata: row.metadata,
    redirectUrl: row.redirectUrl,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
    connectionId: row.connectionId,
  };
}

const Body = z.strictObject({
  system: z.string().min(1).max(100).optional().describe('Lock the page to this system.'),
  name: z.string().min(1).max(200).optional().describe('The name of the connection it will make.'),
  metadata: z.record(z.string(), z.unknown()).optional().describe('Your own key/values, copied onto the connection.'),
  expiresIn: z.number().int().min(60).max(30 * DAY).default(7 * DAY).describe('Seconds until the link expires (default 7 days, at most 30).'),
  redirectUrl: z.url({ protocol: /^https?$/ }).optional().describe('Where to send the customer afterwards; receives ?connectionId=… (never the token).'),
});

export function registerConnectLinkRoutes(app: FastifyInstance, deps: { store: Store; runtime: ConnectorRuntime }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Connections'];

  r.post('/v1/connect-links', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Create a connect link',
      description: 'A single-use link to the connect page, to send to a customer. The link URL is in this answer only.',
      body: Body,
      response: { 201: z.object({ data: ConnectLink, url: z.string().describe('The link to send (contains its secret; shown once).') }).describe('Created.'), ...commonErrors },
    },
    handler: async (request, reply) => {
      const b = request.body;
      if (b.system && !deps.runtime.find(b.system)) throw ApiError.invalid([{ path: 'body.system', message: `is not a system Manifold knows (${Object.keys(deps.runtime.connectors).join(', ')})` }]);
      const token = newSecretToken(LINK_PREFIX);
      const row = await deps.store.connectLinks.create({
        id: randomId('lnk'),
        hash: hashSecret(token).toString('hex'),
        prefix: token.slice(0, 12),
        system: b.system ?? null,
        name: b.name ?? null,
        metadata: b.metadata ?? {},
        redirectUrl: b.redirectUrl ?? null,
        expiresAt: new Date(Date.now() + b.expiresIn * 1000).toISOString(),
      });
      const origin = `${request.protocol}://${request.host}`;
      reply.code(201);
      return { data: formatLink(row), url: `${origin}/connect?link=${encodeURIComponent(token)}` };
    },
  });

  r.get('/v1/connect-links', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'List connect links', description: 'The newest links first; pending ones are waiting for a customer.',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many, 1–200.') }),
      response: { 200: z.object({ data: z.array(ConnectLink).describe('Links.') }).describe('Links.'), ...commonErrors },
    },
    handler: async (request) => ({ data: (await deps.store.connectLinks.list({ limit: request.query.limit })).map((l) => formatLink(l)) }),
  });

  r.delete('/v1/connect-links/:id', {
    config: { auth: 'admin' },
    schema: {
      tags, summary: 'Revoke a connect link', description: 'A pending link stops working at once.',
      params: z.object({ id: z.string().min(1).max(200).describe('Link id.') }),
      response: { 200: z.object({ data: ConnectLink }).describe('The revoked link.'), ...commonErrors, 404: commonErrors[400].describe('No such pending link.') },
    },
    handler: async (request) => {
      const ok = await deps.store.connectLinks.revoke(request.params.id, new Date().toISOString());
      const row = await deps.store.connectLinks.get(request.params.id);
      if (!row) throw new ApiError('not_found', { message: `No connect link ${request.params.id}.` });
      if (!ok) throw new ApiError('conflict', { message: `The link is ${formatLink(row).status}; only a pending link can be revoked.` });
      return { data: formatLink(row) };
    },
  });
}
