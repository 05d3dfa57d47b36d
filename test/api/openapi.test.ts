/**
 * /openapi.json is a valid OpenAPI 3.1 document in which every route and every model appears,
 * described; /docs renders it.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import SwaggerParser from '@apidevtools/swagger-parser';
import { entities } from '../../src/models/registry.js';
import { appFor } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import type { Store } from '../../src/store/index.js';

type Json = Record<string, any>;

describe('OpenAPI and /docs', () => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let doc: Json;

  before(async () => {
    ({ store, dispose } = await createTestStore('sqlite'));
    app = await appFor(store);
    doc = (await app.inject({ url: '/openapi.json' })).json();
  });
  after(async () => {
    await app.close();
    await dispose();
  });

  it('validates as OpenAPI 3.1', async () => {
    assert.equal(doc.openapi, '3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('lists every route the server has, each with a summary and description', () => {
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1').replace('{*}', '*')}`);
        assert.ok(op.summary, `${method} ${path} has a summary`);
        assert.ok(op.description, `${method} ${path} has a description`);
      }
    }
    for (const entity of entities) {
      assert.ok(documented.has(`GET /v1/${entity.path}`), entity.path);
      assert.ok(documented.has(`GET /v1/${entity.path}/:id`), entity.path);
    }
    for (const r of ['GET /health', 'GET /ready', 'GET /metrics', 'GET /openapi.json', 'GET /docs', 'GET /v1/connections', 'GET /v1/connection']) {
      assert.ok(documented.has(r), r);
    }
    // Every route Fastify serves (HEAD aside) is in the document.
    assert.ok(app.routeTable.length >= documented.size);
    for (const route of app.routeTable) {
      if (route.method !== 'HEAD') assert.ok(documented.has(`${route.method} ${route.url}`), `${route.method} ${route.url} is documented`);
    }
  });

  it('has every model as a component, every property described', () => {
    const schemas = doc.components.schemas as Record<string, Json>;
    for (const entity of entities) {
      const name = entity.model.meta()?.id as string;
      assert.ok(schemas[name], `component ${name}`);
    }
    for (const name of ['PurchaseOrderLine', 'Reference', 'Address', 'Error', 'Connection']) assert.ok(schemas[name], name);
    const undescribed: string[] = [];
    const walk = (s: Json | undefined, where: string) => {
      if (!s || typeof s !== 'object') return;
      if (s.properties) {
        for (const [k, p] of Object.entries(s.properties as Record<string, Json>)) {
          const d = p.description ?? (p.anyOf as Json[] | undefined)?.find((b) => b.description)?.description;
          if (!d && !p.$ref) undescribed.push(`${where}.${k}`);
          walk(p, `${where}.${k}`);
        }
      }
      for (const key of ['items', 'additionalProperties']) if (typeof s[key] === 'object') walk(s[key], where);
      for (const b of (s.anyOf ?? []) as Json[]) walk(b, where);
    };
    for (const [name, s] of Object.entries(schemas)) walk(s, name);
    assert.deepEqual(undescribed, []);
  });

  it('renders /docs with every path and model', async () => {
    const res = await app.inject({ url: '/docs' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    for (const path of Object.keys(doc.paths)) assert.ok(res.body.includes(`<code>${path}</code>`), path);
    for (const entity of entities) assert.ok(res.body.includes(`id="model-${String(entity.model.meta()?.id).toLowerCase()}"`), entity.key);
  });
});
