/**
 * Creates a system only queues, through the API: 202 Accepted with the system's reference and a
 * body that says what happened (documented in OpenAPI), nothing stored and nothing read back; a
 * retried Idempotency-Key replays the 202 and the system receives one import; the record appears
 * once the system has processed it and a sync has run. Capabilities and the catalogue say create
 * is asynchronous. Writes declared without the function that does them are 405 before any call,
 * and no body — empty, null, an array, not JSON — gives a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createConnection } from '../../src/engine/connections.js';
import type { ConnectorMap } from '../../src/engine/runtime.js';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { ADMIN_KEY, admin, bearer, testSecretBox } from '../support/app.js';
import { QueueSystem, queueConnector } from '../support/import-queue-connector.js';
import { createTestStore } from '../support/stores.js';

type Json = Record<string, any>;

describe('asynchronous creates', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let system: QueueSystem;
  let connectionId: string;
  let token: string;

  before(async () => {
    ({ store, dispose } = await createTestStore('sqlite'));
    system = new QueueSystem();
    app = await buildApp({ store, adminKey: ADMIN_KEY, logger: pino({ level: 'silent' }), secretBox: testSecretBox, connectors: { queue: queueConnector(system) } as unknown as ConnectorMap });
    ({ connection: { id: connectionId }, token } = await createConnection(store, { system: 'queue', name: 'Queue', credentials: null }));
  });
  after(async () => {
    await app?.close();
    await dispose?.();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as Json }) });
  const sync = async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: {} });
    assert.equal(res.statusCode, 200, res.body);
  };

  it('answers 202 with the reference and what happened; stores nothing, reads nothing back', async () => {
    system.calls = [];
    const res = await call('POST', '/v1/vendors', { code: 'ACME01', name: 'Acme Industrial Supply' }, { 'idempotency-key': 'vendor-acme-1' });
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['appearsIn', 'data', 'identifiedBy', 'message', 'reference', 'status']);
    assert.equal(body.data, null);
    assert.equal(body.status, 'accepted');
    assert.equal(body.reference, 'imp-1', "the system's own reference");
    assert.equal(body.appearsIn, '/v1/vendors');
    assert.deepEqual(body.identifiedBy, { code: 'ACME01' });
    assert.match(body.message, /Queue ERP accepted the vendor for processing \(reference imp-1\); it is not visible yet\. It appears in GET \/v1\/vendors \(code ACME01\) once Queue ERP has processed it and a sync has run\. A failed import shows in the system, not here\./);
    assert.equal(res.headers.etag, undefined, 'no record, no version');
    assert.deepEqual(system.calls, ['submit']);
    // The engine's reference went to the system, as for any create.
    assert.match(system.imports[0]!.reference ?? '', /^mf-[0-9a-f]{24}$/);
    assert.equal(await store.records.count({ connectionId, entity: 'vendors' }), 0);
    assert.deepEqual((await call('GET', '/v1/vendors')).json().data, [], 'not visible yet');
  });

  it('replays the 202 for a retried Idempotency-Key: the system receives one import', async () => {
    const again = await call('POST', '/v1/vendors', { code: 'ACME01', name: 'Acme Industrial Supply' }, { 'idempotency-key': 'vendor-acme-1' });
    assert.equal(again.statusCode, 202, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().reference, 'imp-1');
    assert.equal(again.json().status, 'accepted');
    assert.equal(system.imports.length, 1, 'one import only');

    const reused = await call('POST', '/v1/vendors', { code: 'OTHER', name: 'Other' }, { 'idempotency-key': 'vendor-acme-1' });
    assert.equal(reused.statusCode, 409, reused.body);
    assert.equal(reused.json().error.code, 'idempotency_key_reused');
    assert.equal(system.imports.length, 1);
  });

  it('the record appears once the system has processed it and a sync has run', async () => {
    await sync();
    assert.deepEqual((await call('GET', '/v1/vendors')).json().data, [], 'queued: still not visible after a sync');
    assert.equal(system.process(), 1);
    await sync();
    const [vendor, ...more] = (await call('GET', '/v1/vendors')).json().data;
    assert.equal(more.length, 0);
    assert.deepEqual([vendor.remoteId, vendor.code, vendor.name], ['v1', 'ACME01', 'Acme Industrial Supply']);
  });

  it('a business error is the system\'s to report: accepted, then never visible', async () => {
    const res = await call('POST', '/v1/vendors', { code: 'ACME01', name: 'Duplicate' });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().reference, 'imp-2', 'a new import without an Idempotency-Key');
    system.process();
    await sync();
    assert.deepEqual(system.failed, [{ importId: 'imp-2', message: 'Vendor ACME01 already exists' }]);
    assert.deepEqual((await call('GET', '/v1/vendors')).json().data.map((v: Json) => v.name), ['Acme Industrial Supply']);
  });

  it('still checks the body before any call: missing and unknown fields', async () => {
    system.calls = [];
    const missing = await call('POST', '/v1/vendors', { code: 'X1' });
    assert.equal(missing.statusCode, 400, missing.body);
    assert.deepEqual(missing.json().error.details.issues.map((i: Json) => i.path), ['name']);
    const refused = await call('POST', '/v1/vendors', { code: 'X1', name: 'X', email: 'x@example.com' });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.code, 'field_not_updatable');
    assert.deepEqual(system.calls, []);
  });

  it('capabilities, the catalogue and OpenAPI say create is asynchronous', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data.entities;
    assert.equal(caps.vendors.create.supported, true);
    assert.equal(caps.vendors.create.asynchronous, true);
    assert.match(caps.vendors.create.notes, /processes the import later/);
    const system = (await app.inject({ url: '/v1/systems/queue', headers: admin })).json().data;
    assert.deepEqual(system.entities.vendors, { list: true, get: true, create: true, asynchronousCreate: true, update: false, delete: 'none' });

    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const accepted = doc.paths['/v1/vendors'].post.responses['202'];
    assert.ok(accepted, 'POST documents 202');
    const schema = JSON.stringify(accepted);
    assert.ok(schema.includes('AcceptedWrite'), schema);
    assert.deepEqual(Object.keys(doc.components.schemas.AcceptedWrite.properties).sort(), ['appearsIn', 'data', 'identifiedBy', 'message', 'reference', 'status']);
    assert.ok(doc.components.schemas.AcceptedWrite.properties.reference.description);
  });

  it('writes declared without the function that does them are not offered, and refused before any call', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data.entities.inventoryItems;
    assert.deepEqual([caps.create.supported, caps.update.supported, caps.delete.supported, caps.delete.deleteMode], [false, false, false, 'none']);
    const catalogue = (await app.inject({ url: '/v1/systems/queue', headers: admin })).json().data.entities.inventoryItems;
    assert.deepEqual(catalogue, { list: true, get: true, create: false, update: false, delete: 'none' });

    system.items.set('BRG-6204', { sku: 'BRG-6204' });
    await sync();
    const [item] = (await call('GET', '/v1/inventory-items')).json().data;
    system.calls = [];
    const attempts = [
      await call('POST', '/v1/inventory-items', {}),
      await call('POST', '/v1/inventory-items', { itemCode: 'X' }),
      await call('PATCH', `/v1/inventory-items/${item.id}`, {}),
      await call('PATCH', `/v1/inventory-items/${item.id}`, { name: 'x' }),
      await call('DELETE', `/v1/inventory-items/${item.id}`),
    ];
    for (const res of attempts) {
      assert.equal(res.statusCode, 405, res.body);
      assert.equal(res.json().error.code, 'operation_not_supported');
    }
    assert.deepEqual(system.calls, [], 'no call, not even the re-read of read_before_write');
  });

  it('no body gives a 500: empty, null, an array, a string, not JSON, another content type', async () => {
    const [vendor] = (await call('GET', '/v1/vendors')).json().data;
    const raw = (method: 'POST' | 'PATCH', url: string, payload: string | undefined, type = 'application/json') =>
      app.inject({ method, url, headers: { ...bearer(token), ...(payload === undefined ? {} : { 'content-type': type }) }, ...(payload === undefined ? {} : { payload }) });
    const bodies: [string | undefined, string?][] = [[undefined], [''], ['null'], ['[]'], ['"text"'], ['42'], ['{'], ['{}'], ['code=A', 'application/x-www-form-urlencoded'], ['<x/>', 'application/xml']];
    for (const url of ['/v1/vendors', '/v1/inventory-items']) {
      for (const [payload, type] of bodies) {
        const res = await raw('POST', url, payload, type);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `POST ${url} ${String(payload)} → ${res.statusCode} ${res.body}`);
        assert.ok(res.json().error.code, res.body);
      }
    }
    for (const [payload, type] of bodies) {
      const res = await raw('PATCH', `/v1/vendors/${vendor.id}`, payload, type);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `PATCH ${String(payload)} → ${res.statusCode} ${res.body}`);
    }
  });
});
