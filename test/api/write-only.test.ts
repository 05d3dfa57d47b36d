/**
 * Write-only resources through the API: a system that takes writes but has no list or read API.
 * A create, update and delete store what the system acknowledged (never a read back, never a
 * re-read before writing); a cancel acknowledged without a record changes only what it says; a
 * refusal or an answer that does not map stores nothing; `fresh=true` is refused with 405; sync
 * skips such entities and says why without sweeping what was written; capabilities and the
 * catalogue say list and get are not supported. A readable resource still reads its write back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createConnection } from '../../src/engine/connections.js';
import type { ConnectorMap } from '../../src/engine/runtime.js';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { ADMIN_KEY, admin, bearer, putPurchaseOrder, testSecretBox } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import { EchoSystem, echoConnector } from '../support/write-only-connector.js';

type Json = Record<string, any>;

describe('write-only resources', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let system: EchoSystem;
  let connectionId: string;
  let token: string;

  before(async () => {
    ({ store, dispose } = await createTestStore('sqlite'));
    system = new EchoSystem();
    app = await buildApp({ store, adminKey: ADMIN_KEY, logger: pino({ level: 'silent' }), secretBox: testSecretBox, connectors: { echo: echoConnector(system) } as unknown as ConnectorMap });
    ({ connection: { id: connectionId }, token } = await createConnection(store, { system: 'echo', name: 'Echo', credentials: null }));
  });
  after(async () => {
    await app?.close();
    await dispose?.();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as Json }) });

  it('creates and stores the record as the system echoed it, with no read back', async () => {
    system.calls = [];
    const res = await call('POST', '/v1/vendors', { code: 'ACME01', name: 'Acme Industrial Supply' });
    assert.equal(res.statusCode, 201, res.body);
    const data = res.json().data;
    assert.equal(data.remoteId, 'ACME01');
    assert.equal(data.name, 'Acme Industrial Supply');
    // remoteStatus comes only from the echo, never from what was sent.
    assert.equal(data.remoteStatus, 'OK');
    assert.equal(data.version, 1);
    assert.deepEqual(system.calls, ['create']);
    const stored = await store.records.get(connectionId, 'vendors', data.id);
    assert.deepEqual(stored?.remoteData, { code: 'ACME01', title: 'Acme Industrial Supply', active: true, echoed: 'OK' });
    assert.equal((await call('GET', `/v1/vendors/${data.id}`)).json().data.name, 'Acme Industrial Supply');
  });

  it('updates from the stored record (no re-read despite read_before_write), checks If-Match, stores the echo', async () => {
    const [row] = await store.records.list({ connectionId, entity: 'vendors', limit: 1 });
    system.calls = [];
    const stale = await call('PATCH', `/v1/vendors/${row!.id}`, { name: 'Stale' }, { 'if-match': '"7"' });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().error.code, 'version_conflict');
    assert.deepEqual(system.calls, [], 'refused before any call');

    const res = await call('PATCH', `/v1/vendors/${row!.id}`, { status: 'inactive' }, { 'if-match': `"${row!.version}"` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().data.status, 'inactive');
    assert.equal(res.json().data.name, 'Acme Industrial Supply');
    assert.equal(res.json().data.version, 2);
    assert.deepEqual(system.calls, ['update']);
  });

  it('a refusal stores nothing and an echo that does not map is a 502 that stores nothing', async () => {
    system.refuseNext = 'Supplier grade "Gold" does not exist';
    const refused = await call('POST', '/v1/vendors', { code: 'BOB001', name: "Bob's Cleaning Company" });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.code, 'rejected_by_system');
    assert.match(refused.json().error.message, /Supplier grade "Gold" does not exist/);

    system.garbleNext = true;
    const garbled = await call('POST', '/v1/vendors', { code: 'BOB001', name: "Bob's Cleaning Company" });
    assert.equal(garbled.statusCode, 502, garbled.body);
    assert.equal(garbled.json().error.code, 'system_error');
    assert.equal(await store.records.count({ connectionId, entity: 'vendors' }), 1);
  });

  it('fresh=true is 405 operation_not_supported with the reason; the stored copy is served without it', async () => {
    const [row] = await store.records.list({ connectionId, entity: 'vendors', limit: 1 });
    const res = await call('GET', `/v1/vendors/${row!.id}?fresh=true`);
    assert.equal(res.statusCode, 405, res.body);
    assert.equal(res.json().error.code, 'operation_not_supported');
    assert.match(res.json().error.message, /only takes imports.*without fresh=true/);
    assert.equal((await call('GET', `/v1/vendors/${row!.id}`)).statusCode, 200);
  });

  it('sync skips what cannot be listed, says why, and sweeps nothing; the readable entity syncs', async () => {
    system.items.set('BRG-6204', { sku: 'BRG-6204', label: 'Bearing' });
    const res = await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: { full: true } });
    assert.equal(res.statusCode, 200, res.body);
    const byEntity = Object.fromEntries(res.json().data.entities.map((e: Json) => [e.entity, e]));
    assert.equal(byEntity.vendors.status, 'skipped');
    assert.match(byEntity.vendors.note, /Echo gateway has no way to list these records: the echo gateway only takes imports/);
    assert.equal(byEntity.purchaseOrders.status, 'skipped');
    assert.equal(byEntity.inventoryItems.status, 'succeeded');
    assert.equal(byEntity.inventoryItems.note, null);
    assert.equal(await store.records.count({ connectionId, entity: 'vendors' }), 1, 'the written vendor is not swept');
    assert.equal(await store.records.count({ connectionId, entity: 'inventoryItems' }), 1);
    assert.equal((await store.connections.get(connectionId))?.status, 'active');
  });

  it('a readable resource still reads its write back', async () => {
    system.calls = [];
    const res = await call('POST', '/v1/inventory-items', { itemCode: 'GRS-EP2', name: 'grease' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().data.name, 'GREASE', 'what the system holds, read back');
    assert.deepEqual(system.calls, ['create-item', 'get']);
  });

  it('a cancel acknowledged without a record changes only the status and records the acknowledgement', async () => {
    const { record: po } = await putPurchaseOrder(store, connectionId, 3, { remoteData: { orderID: 'PORD10034' } });
    const res = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'cancelled');
    const data = res.json().data;
    assert.equal(data.status, 'cancelled');
    assert.equal(data.version, po.version + 1);
    assert.deepEqual({ ...data, status: po.data.status, version: po.version, updatedAt: null }, { ...(await call('GET', `/v1/purchase-orders/${po.id}`)).json().data, status: po.data.status, version: po.version, updatedAt: null });
    const stored = await store.records.get(connectionId, 'purchaseOrders', po.id);
    assert.deepEqual(stored?.remoteData, { orderID: 'PORD10034', cancelledBy: 'echo' });
    assert.deepEqual(stored?.data.lines, po.data.lines, 'lines are kept as they were');
    assert.deepEqual(system.cancelled, ['3']);
  });

  it('a hard delete marks the record deleted without reading anything', async () => {
    const [row] = await store.records.list({ connectionId, entity: 'vendors', limit: 1 });
    system.calls = [];
    const res = await call('DELETE', `/v1/vendors/${row!.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'hard');
    assert.ok(res.json().data.deletedAt);
    assert.deepEqual(system.calls, ['delete']);
    assert.equal(system.vendors.has('ACME01'), false);
  });

  it('capabilities and the catalogue say list and get are not supported, with the reason', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data.entities;
    assert.deepEqual(caps.vendors.list, { supported: false, notes: 'the echo gateway only takes imports' });
    assert.deepEqual(caps.vendors.get, { supported: false, notes: 'the echo gateway only takes imports' });
    assert.equal(caps.vendors.create.supported, true);
    assert.equal(caps.purchaseOrders.delete.deleteMode, 'cancelled');
    assert.deepEqual(caps.inventoryItems.list, { supported: true, notes: null });
    const system = (await app.inject({ url: '/v1/systems/echo', headers: admin })).json().data;
    assert.deepEqual(system.entities.vendors, { list: false, get: false, create: true, update: true, delete: 'hard' });
    assert.deepEqual(system.entities.purchaseOrders, { list: false, get: false, create: false, update: false, delete: 'cancelled' });
    assert.equal(system.entities.inventoryItems.list, true);
  });
});
