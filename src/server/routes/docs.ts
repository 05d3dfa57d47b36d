/**
 * `/openapi.json` and `/docs`, a reference page rendered on the server from the same document:
 * no script, no CDN, so it works offline on an air-gapped plant network.
 */
import type { FastifyInstance } from 'fastify';
import { renderReference } from '../docs-page.js';

export function registerDocsRoutes(app: FastifyInstance): void {
  let page: string | undefined;
  app.get('/openapi.json', {
    config: { auth: 'public' },
    schema: { tags: ['Operations'], summary: 'OpenAPI document', description: 'This API described in OpenAPI 3.1, generated from its schemas.' },
  }, async () => app.swagger());

  app.get('/docs', {
    config: { auth: 'public' },
    schema: { tags: ['Operations'], summary: 'API reference page', description: 'A readable reference of every route and model (HTML).' },
  }, async (_request, reply) => {
    page ??= renderReference(app.swagger() as unknown as Record<string, unknown>);
    reply.type('text/html; charset=utf-8');
    return page;
  });
}
