/**
 * /status without a browser: served like /connect (index.html, uncached, strict policy, no key
 * needed), documented in OpenAPI under Pages, and — having no client routes — nothing under it.
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

describe('status page route', () => {
  let dir: string;
  let app: FastifyInstance;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'manifold-status-route-'));
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    app = Fastify({ genReqId: genRequestId }) as unknown as FastifyInstance;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerRequestId(app);
    registerErrorHandling(app, 1_048_576);
    await registerOpenApi(app, 'test');
    registerPages(app, { distDir: dir });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers /status with the page, uncached, under the same strict policy as /connect', async () => {
    for (const url of ['/status', '/status?x=1']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'.*connect-src 'self'/);
    }
    assert.equal((await app.inject({ url: '/status/anything' })).statusCode, 404, 'no client routes under /status');
    assert.equal((await app.inject({ url: '/connect/tryton' })).statusCode, 200, '/connect keeps its client routes');
  });

  it('documents /status in OpenAPI under Pages', async () => {
    const doc = app.swagger() as any;
    await SwaggerParser.validate(structuredClone(doc));
    const op = doc.paths['/status']?.get;
    assert.ok(op, Object.keys(doc.paths).join(', '));
    assert.deepEqual(op.tags, ['Pages']);
    assert.equal(op.summary, 'Status page');
    assert.match(op.description, /GET \/v1\/status every 15 seconds and needs no key/);
    assert.equal(doc.paths['/status/{*}'], undefined);
    assert.ok(doc.paths['/connect/{*}']?.get);
  });
});
