/**
 * Bad input, route by route (walked from the OpenAPI document, so a new route is covered the day
 * it lands): wrong types, unknown enum values, out-of-range limits, malformed cursors, unknown
 * parameters, invalid JSON and oversized bodies all give 400 in the error envelope, never 500.
 */
import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor, newConnection } from '../support/app.js';

type Json = Record<string, any>;

function assertEnvelope400(res: { statusCode: number; json(): Json; headers: Json; body: string }, what: string) {
  assert.equal(res.statusCode, 400, `${what}: ${res.statusCode} ${res.body}`);
  const { error } = res.json();
  assert.equal(error.code, 'invalid_request', what);
  assert.equal(error.type, 'invalid_request_error', what);
  assert.equal(error.source, 'manifold');
  assert.equal(error.retryable, false);
  assert.equal(error.requestId, res.headers['x-request-id']);
  assert.ok(Array.isArray(error.details?.issues) && error.details.issues.length > 0, `${what}: issues listed`);
  for (const issue of error.details.issues) assert.equal(typeof issue.message, 'string');
}

/** A value of the wrong kind for a parameter's schema. */
function badValue(schema: Json): string | undefined {
  if (schema.type === 'integer' || schema.type === 'number') return 'abc';
  if (schema.enum) return 'not_a_value';
  if (schema.format === 'date-time') return 'yesterday';
  if (schema.type === 'string' && schema.maxLength) return 'x'.repeat(schema.maxLength + 1);
  return undefined;
}

describeEachStore('bad input', ({ store }) => {
  let app: FastifyInstance;
  let small: FastifyInstance;
  let headers: Json;
  let doc: Json;

  before(async () => {
    app = await appFor(store());
    small = await appFor(store(), { bodyLimit: 2048 });
    const conn = await newConnection(store());
    headers = { ...admin, 'x-connection-id': conn.id };
    doc = (await app.inject({ url: '/openapi.json' })).json();
  });
  after(async () => {
    await app.close();
    await small.close();
  });

  // Path parameters get a valid value where the schema has a fixed set (entities), so the query is
  // what gets checked; free ids get a placeholder.
  const urlOf = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      for (const item of Object.values(doc.paths[path] as Json)) {
        const p = ((item as Json).parameters ?? []).find((x: Json) => x.in === 'path' && x.name === name);
        if (p?.schema?.enum) return p.schema.enum[0];
      }
      return 'conn_placeholder';
    });

  it('every query parameter of every route rejects a value of the wrong kind', async () => {
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        for (const p of ((op as Json).parameters ?? []) as Json[]) {
          if (p.in !== 'query') continue;
          const bad = badValue(p.schema ?? {});
          if (bad === undefined) continue;
          const res = await app.inject({ method: method.toUpperCase() as 'GET', url: `${urlOf(path)}?${p.name}=${encodeURIComponent(bad)}`, headers });
          assertEnvelope400(res, `${method} ${path} ?${p.name}=${bad.slice(0, 20)}`);
          assert.ok(res.json().error.details.issues.some((i: Json) => String(i.path).includes(p.name)), `${path}: names ${p.name}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked >= 40, `checked ${checked} parameters`);
  });

  it('every route with a query schema rejects unknown parameters', async () => {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if (!((op as Json).parameters ?? []).some((p: Json) => p.in === 'query')) continue;
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url: `${urlOf(path)}?limitt=5`, headers });
        assertEnvelope400(res, `${method} ${path} unknown parameter`);
      }
    }
  });

  it('limit 0, limit 10000, negative and fractional limits are refused', async () => {
    for (const limit of ['0', '10000', '-1', '2.5', '', '1e3']) {
      assertEnvelope400(await app.inject({ url: `/v1/purchase-orders?limit=${limit}`, headers }), `limit=${limit}`);
    }
    assert.equal((await app.inject({ url: '/v1/purchase-orders?limit=200', headers })).statusCode, 200);
  });

  it('malformed and foreign cursors are refused', async () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, after: 'po_x', f: '0000000000000000' })).toString('base64url');
    for (const cursor of ['abc', '!!!', Buffer.from('{"v":2}').toString('base64url'), forged]) {
      const res = await app.inject({ url: `/v1/purchase-orders?cursor=${encodeURIComponent(cursor)}`, headers });
      assertEnvelope400(res, `cursor=${cursor}`);
      assert.equal(res.json().error.details.issues[0].path, 'query.cursor');
    }
  });

  it('repeated parameters, bad booleans and bad dates are refused', async () => {
    for (const q of ['status=draft&status=approved', 'includeDeleted=yes', 'modifiedAfter=2026-13-01T00:00:00Z', 'include=everything']) {
      assertEnvelope400(await app.inject({ url: `/v1/purchase-orders?${q}`, headers }), q);
    }
  });

  it('invalid JSON, oversized and mistyped bodies are refused on every route that takes a body', async () => {
    const bodyRoutes = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.keys(item as Json)
        .filter((m) => ['post', 'put', 'patch'].includes(m))
        // Only JSON bodies: a route that takes another format (the cXML intake) answers in that format.
        .filter((m) => (item as Json)[m].requestBody?.content?.['application/json'] !== undefined || !(item as Json)[m].requestBody)
        .map((m) => [m, path] as const),
    );
    assert.ok(bodyRoutes.length >= 1);
    for (const [method, path] of bodyRoutes) {
      const m = method.toUpperCase() as 'POST';
      const url = urlOf(path);
      const invalid = await app.inject({ method: m, url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"a":' });
      assertEnvelope400(invalid, `${method} ${path} invalid JSON`);
      const big = await small.inject({ method: m, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'y'.repeat(5000) }) });
      assertEnvelope400(big, `${method} ${path} oversized`);
      assert.match(big.json().error.details.issues[0].message, /larger than the limit of 2048 bytes/);
    }
  });

  it('over-long ids in paths are refused, not looked up', async () => {
    const res = await app.inject({ url: `/v1/purchase-orders/${'a'.repeat(300)}`, headers });
    assertEnvelope400(res, 'long id');
  });
});
