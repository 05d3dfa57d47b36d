/**
 * Authentication and the 401/403 rules of api.md. Each route says in its config who may call it:
 * `public` (no key), `any` (admin key or connection token), `admin`, or `connection` (a data
 * route: a connection token, or the admin key naming a connection with X-Connection-Id), or
 * `optional` (public, with more detail for a valid key).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../core/errors.js';
import type { Store } from '../../store/index.js';
import type { ConnectionRow } from '../../store/repos/connections.js';
import { TOKEN_PREFIX, hashSecret, parseBearer } from '../auth/credentials.js';

export type RouteAuth = 'public' | 'optional' | 'any' | 'admin' | 'connection';

export type Principal = { kind: 'admin' } | { kind: 'connection'; connectionId: string; tokenId: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** The connection a `connection` route acts for. */
    connection: ConnectionRow | undefined;
  }
}

export function registerAuth(app: FastifyInstance, deps: { store: Store; adminKey: string }): void {
  const adminHash = hashSecret(deps.adminKey);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('connection', undefined);

  async function authenticate(request: FastifyRequest): Promise<Principal> {
    const secret = parseBearer(request.headers.authorization);
    if (!secret) throw new ApiError('unauthorized', { message: 'Send your admin key or connection token as "Authorization: Bearer <key>".' });
    if (timingSafeEqual(hashSecret(secret), adminHash)) return { kind: 'admin' };
    if (secret.startsWith(`${TOKEN_PREFIX}_`)) {
      const hash = hashSecret(secret);
      const token = await deps.store.tokens.findActiveByHash(hash.toString('hex'));
      // The lookup is by hash; compare once more in constant time so no branch depends on a prefix match.
      if (token && timingSafeEqual(Buffer.from(token.hash, 'hex'), hash)) {
        return { kind: 'connection', connectionId: token.connectionId, tokenId: token.id };
      }
    }
    throw new ApiError('unauthorized', { message: 'This key is not valid (unknown, revoked, or mistyped).' });
  }

  async function resolveConnection(request: FastifyRequest, principal: Principal): Promise<ConnectionRow> {
    let connectionId: string;
    if (principal.kind === 'connection') {
      connectionId = principal.connectionId;
    } else {
      const header = request.headers['x-connection-id'];
      if (typeof header !== 'string' || header.length === 0) {
        throw ApiError.invalid(
          [{ path: 'headers.x-connection-id', message: 'is required with the admin key on data routes' }],
          'With the admin key, name the connection in the X-Connection-Id header.',
        );
      }
      connectionId = header;
    }
    const connection = await deps.store.connections.get(connectionId);
    if (!connection) throw new ApiError('not_found', { message: `No connection ${connectionId}.`, connectionId });
    return connection;
  }

  app.addHook('onRequest', async (request) => {
    const mode = request.routeOptions.config.auth ?? 'admin';
    if (mode === 'public' || !request.routeOptions.url) return;
    if (mode === 'optional' && !request.headers.authorization) return;
    const principal = await authenticate(request);
    request.principal = principal;
    if (mode === 'admin' && principal.kind !== 'admin') {
      throw new ApiError('forbidden', { message: 'This route needs the admin key; a connection token cannot use it.' });
    }
    if (mode === 'connection') request.connection = await resolveConnection(request, principal);
  });
}
