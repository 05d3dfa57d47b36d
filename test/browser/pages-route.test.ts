/**
 * registerPages without a browser: the page and its client routes answer index.html with the
 * security headers, assets are cached for a year and never escape their folder, a server
 * without a build says how to make one, and every route is in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerOpenApi } from '../../src/server/openapi.js';
import { registerErrorHandling } from '../../src/server/plugins/errors.js';
import { genRequestId, registerRequestId } from '../../src/server/plugins/request-id.js';
import { registerPages } from '../../src/server/routes/pages.js';

async function appWithPages(distDir: string): Promise<FastifyInstance> {
  const app = Fastify({ genReqId: genRequestId }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerRequestId(app);
  registerErrorHandling(app, 1_048_576);
  await registerOpenApi(app, 'test');
  registerPages(app, { distDir });
  await app.ready();
  return app;
}

describe('page routes', () => {
  let dir: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'manifold-pages-'));
    await mkdir(path.join(dir, 'dist', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/index-AbC123.js"></script>');
    await writeFile(path.join(dir, 'dist', 'assets', 'index-AbC123.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the web');
    app = await appWithPages(path.join(dir, 'dist'));
    bare = await appWithPages(path.join(dir, 'missing'));
  });
  after(async () => {
    await app?.close();
    await bare?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the page and its client routes with index.html, uncached, with a strict policy', async () => {
    for (const url of ['/connect', '/connect?link=abc', '/connect/tryton', '/connect/a/b']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /^<!doctype html>/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'.*connect-src 'self'.*frame-ancestors 'none'/);
      assert.ok(res.headers['x-request-id']);
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'console.log(1)');
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('never serves anything outside the assets folder', async () => {
    for (const url of ['/assets/missing-1.js', '/assets/../secret.txt', '/assets/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/sub/x.js', '/assets/.hidden', '/assets/']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.ok(!res.body.includes('not for the web'), url);
      assert.equal(res.json().error.code, 'not_found', url);
    }
  });

  it('tells the operator to build the pages when web/dist is missing', async () => {
    for (const url of ['/connect', '/connect/x', '/assets/index-AbC123.js']) {
      const res = await bare.inject({ url });
      assert.equal(res.statusCode, 503, url);
      const { error } = res.json();
      assert.equal(error.code, 'service_unavailable');
      assert.match(error.message, /npm run build:web/);
      assert.equal(error.requestId, res.headers['x-request-id']);
    }
  });

  it('documents every page route in OpenAPI under Pages, with a summary and description', async () => {
    const doc = app.swagger() as any;
    await SwaggerParser.validate(structuredClone(doc));
    const ops = Object.entries(doc.paths as Record<string, any>).flatMap(([p, item]) => Object.entries(item).map(([m, op]: [string, any]) => ({ route: `${m.toUpperCase()} ${p}`, op })));
    const routes = ops.map((o) => o.route);
    for (const r of ['GET /connect', 'GET /connect/{*}', 'GET /assets/{*}']) assert.ok(routes.includes(r), `${r} in ${routes.join(', ')}`);
    for (const { route, op } of ops) {
      assert.deepEqual(op.tags, ['Pages'], route);
      assert.ok(op.summary && op.description, route);
    }
  });
});
