/**
 * MaintainX end to end through the public API, against the simulator: connect (a wrong key, or a
 * multi-organization key without its organization, stores nothing), a full sync of all six
 * entities compared field by field with the simulator's own data, then changes made in
 * MaintainX and an incremental sync that picks up exactly those.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, bearer } from '../support/app.js';
import { expectedAsset, expectedInventoryItem, expectedLocation, expectedPurchaseOrder, expectedVendor, expectedWorkOrder, type IdOf } from './expected.js';
import { maintainxApp, type Json, type MaintainxApp } from './support.js';

const ENVELOPE = ['id', 'remoteId', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'customFields', 'remoteData'];
const body = (record: Json) => Object.fromEntries(Object.entries(record).filter(([k]) => !ENVELOPE.includes(k)));

describe('MaintainX end to end: connect, sync, compare, incremental', () => {
  let env: MaintainxApp;
  const idsByEntity = new Map<string, Map<string, string>>();
  const idOf: IdOf = (entity, remoteId) => {
    const id = idsByEntity.get(entity)?.get(String(remoteId));
    assert.ok(id, `a synced ${entity} record ${remoteId}`);
    return id;
  };

  before(async () => {
    env = await maintainxApp({ seed: 5, workOrders: 150, assets: 40, parts: 40, purchaseOrders: 30, vendors: 20, locations: 30, rateLimit: false }, { connect: false });
  });
  after(() => env?.close());

  const connect = (credentials: Json) => env.app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'maintainx', name: 'Plant maintenance', sync: false, credentials } });

  it('refuses a wrong API key with 422 invalid_credentials, and stores nothing', async () => {
    const res = await connect({ instanceUrl: env.sim.url, apiKey: 'not-the-key-0123' });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'invalid_credentials');
    assert.ok(!res.body.includes('not-the-key-0123'), 'the key is not echoed');
    assert.equal((await env.store.connections.list({ limit: 10 })).length, 0);
    assert.equal(env.sim.requests.at(-1)?.status, 401, 'MaintainX itself refused the key');
  });

  it('refuses a multi-organization key without the organization, then connects with it', async () => {
    const refused = await connect({ instanceUrl: env.sim.url, apiKey: env.sim.multiOrgApiKey });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.code, 'invalid_credentials');
    assert.match(refused.json().error.message, /Organization ID/);
    assert.equal((await env.store.connections.list({ limit: 10 })).length, 0);

    const other = env.sim.organizations[1]!;
    const ok = await connect({ instanceUrl: env.sim.url, apiKey: env.sim.multiOrgApiKey, organizationId: String(other.id) });
    assert.equal(ok.statusCode, 201, ok.body);
    const orders = await env.app.inject({ method: 'POST', url: `/v1/connections/${ok.json().data.id}/sync?wait=true`, headers: admin, payload: {} });
    assert.equal(orders.statusCode, 200, orders.body);
    const token = ok.json().token;
    const pos = await env.app.inject({ url: '/v1/purchase-orders?limit=5', headers: bearer(token) });
    assert.ok(pos.json().data.length > 0);
    assert.ok(pos.json().data.every((p: Json) => p.currency === other.currency), 'the second organization is in EUR');
    assert.ok(env.sim.requests.filter((r) => r.status < 300).every((r) => r.organizationId === null || r.organizationId === other.id || r.organizationId === env.sim.organizations[0]!.id));
    await env.app.inject({ method: 'DELETE', url: `/v1/connections/${ok.json().data.id}`, headers: admin });
  });

  it('connects with the sandbox key and stores it encrypted', async () => {
    const res = await connect({ instanceUrl: env.sim.url, apiKey: env.sim.apiKey });
    assert.equal(res.statusCode, 201, res.body);
    env.connectionId = res.json().data.id;
    env.token = res.json().token;
    const row = await env.store.connections.get(env.connectionId);
    assert.ok(row?.credentials && !row.credentials.includes(env.sim.apiKey));
  });

  const entities = [
    ['workOrders', 'work-orders', 'workOrders'],
    ['assets', 'assets', 'assets'],
    ['inventoryItems', 'inventory-items', 'parts'],
    ['locations', 'locations', 'locations'],
    ['vendors', 'vendors', 'vendors'],
    ['purchaseOrders', 'purchase-orders', 'purchaseOrders'],
  ] as const;

  it('a full sync brings every record of every entity, each field equal to the simulator\'s own data', async () => {
    const state = await env.sync();
    const data = env.sim.data();
    const synced: Record<string, Json[]> = {};
    for (const [key, path, native] of entities) {
      assert.equal(state[key]?.status, 'succeeded', JSON.stringify(state[key]));
      assert.equal(state[key].counts.failed, 0);
      synced[key] = await env.listAll(path);
      assert.equal(synced[key].length, data[native].size, `${key}: every record`);
      assert.equal(state[key].counts.created, data[native].size);
      idsByEntity.set(key, new Map(synced[key].map((r) => [r.remoteId, r.id])));
    }
    const compare = (key: string, expected: (remoteId: number) => Json) => {
      for (const rec of synced[key]!) assert.deepEqual(body(rec), expected(Number(rec.remoteId)), `${key} ${rec.remoteId}`);
    };
    compare('workOrders', (id) => expectedWorkOrder(data.workOrders.get(id)!, data, idOf));
    compare('assets', (id) => expectedAsset(data.assets.get(id)!, idOf));
    compare('inventoryItems', (id) => expectedInventoryItem(data.parts.get(id)!, data, idOf));
    compare('locations', (id) => expectedLocation(data.locations.get(id)!, idOf));
    compare('vendors', (id) => expectedVendor(data.vendors.get(id)!));
    compare('purchaseOrders', (id) => expectedPurchaseOrder(data.purchaseOrders.get(id)!, data, idOf));
    // And the envelope's own times come from MaintainX.
    for (const w of synced.workOrders!) assert.equal(w.updatedAt, data.workOrders.get(Number(w.remoteId))!.updatedAt);
    // Realistic variety reached the unified side.
    assert.ok(synced.purchaseOrders!.some((p) => p.lines.length > 1), 'multi-line orders');
    assert.equal(new Set(synced.purchaseOrders!.map((p) => p.remoteStatus)).size, 7, 'every purchase order status');
    assert.equal(new Set(synced.workOrders!.map((w) => w.remoteStatus)).size, 6, 'every work order status');
    assert.ok(synced.purchaseOrders!.some((p) => p.lines.some((l: Json) => /\.\d{3,}$/.test(l.unitPrice))), 'a unit price in fractions of a cent, kept exact');
  });

  it('an incremental sync picks up exactly the records changed in MaintainX', async () => {
    const before = Object.fromEntries(await Promise.all(entities.map(async ([key, path]) => [key, new Map((await env.listAll(path)).map((r) => [r.remoteId, r]))])));
    const data = env.sim.data();
    const [wo1, wo2] = [...data.workOrders.keys()].slice(3, 5) as [number, number];
    const [asset] = [...data.assets.keys()].slice(2, 3) as [number];
    const [part] = [...data.parts.keys()].slice(4, 5) as [number];
    const [location] = [...data.locations.keys()].slice(6, 7) as [number];
    const [po] = [...data.purchaseOrders.values()].filter((p) => p.status === 'PENDING').slice(0, 1);
    // A technician edits a work order and closes another; someone renames an asset, counts a
    // part's stock, renames a location, approves a purchase order; a new work order comes in.
    env.sim.change('workOrders', wo1, (w) => (w.title = 'Replace pump seal (leaking again)'));
    env.sim.change('workOrders', wo2, (w) => {
      w.status = 'DONE';
      w.completedAt = new Date().toISOString();
    });
    env.sim.change('assets', asset, (a) => (a.name = 'Boiler B-2 (rebuilt)'));
    env.sim.change('parts', part, (p) => (p.locations[0]!.availableQuantity += 5));
    env.sim.change('locations', location, (l) => (l.name = 'Storeroom North'));
    const approve = await fetch(`${env.sim.url}/v1/purchaseorders/${po!.id}/status`, { method: 'PATCH', headers: { authorization: `Bearer ${env.sim.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'APPROVED' }) });
    assert.equal(approve.status, 200);
    const created = await fetch(`${env.sim.url}/v1/workorders`, { method: 'POST', headers: { authorization: `Bearer ${env.sim.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Inspect fire doors', priority: 'LOW' }) });
    const newId = String(((await created.json()) as Json).id);

    const state = await env.sync();
    const counts = (key: string) => state[key]!.counts as Json;
    // Filtered by updatedAt[gte]: only the changed records come back at all.
    assert.deepEqual({ fetched: counts('workOrders').fetched, created: counts('workOrders').created, updated: counts('workOrders').updated }, { fetched: 3, created: 1, updated: 2 });
    assert.deepEqual([counts('assets').fetched, counts('assets').updated], [1, 1]);
    assert.deepEqual([counts('inventoryItems').fetched, counts('inventoryItems').updated], [1, 1]);
    assert.deepEqual([counts('purchaseOrders').fetched, counts('purchaseOrders').updated], [1, 1]);
    // Locations have no change filter: all are read, only the renamed one is rewritten.
    assert.deepEqual([counts('locations').fetched, counts('locations').updated, counts('locations').unchanged], [data.locations.size, 1, data.locations.size - 1]);

    const touched: Record<string, Set<string>> = {
      workOrders: new Set([String(wo1), String(wo2), newId]),
      assets: new Set([String(asset)]),
      inventoryItems: new Set([String(part)]),
      locations: new Set([String(location)]),
      purchaseOrders: new Set([String(po!.id)]),
      // MaintainX keeps no change time on vendors: unchanged ones must still keep their version.
      vendors: new Set(),
    };
    for (const [key, path] of entities) {
      const afterSync = new Map((await env.listAll(path)).map((r) => [r.remoteId, r]));
      for (const [remoteId, rec] of before[key] as Map<string, Json>) {
        const now = afterSync.get(remoteId)!;
        if (touched[key]!.has(remoteId)) assert.ok(now.version > rec.version, `${key} ${remoteId} changed`);
        else assert.equal(now.version, rec.version, `${key} ${remoteId} unchanged keeps its version`);
      }
    }
    const wos = new Map((await env.listAll('work-orders')).map((r) => [r.remoteId, r]));
    assert.equal(wos.get(String(wo1))!.title, 'Replace pump seal (leaking again)');
    assert.equal(wos.get(String(wo2))!.status, 'completed');
    assert.equal(wos.get(newId)!.title, 'Inspect fire doors');
    assert.equal(wos.get(newId)!.priority, 'low');
    const pos = await env.listAll('purchase-orders');
    assert.equal(pos.find((p) => p.remoteId === String(po!.id))!.status, 'approved');
    // Each changed record equals the simulator's data again, field by field.
    assert.deepEqual(body(wos.get(String(wo2))!), expectedWorkOrder(data.workOrders.get(wo2)!, data, idOf));
  });

  it('serves the field mapping as data: every unified field with its MaintainX source or why there is none', async () => {
    const res = await env.app.inject({ url: '/v1/field-mapping', headers: bearer(env.token) });
    assert.equal(res.statusCode, 200, res.body);
    const byEntity = new Map<string, Json>(res.json().data.entities.map((e: Json) => [e.entity, e]));
    const field = (entity: string, name: string) => byEntity.get(entity)!.fields.find((f: Json) => f.field === name)?.native;
    assert.equal(field('workOrders', 'number').path, 'sequentialId');
    assert.equal(field('purchaseOrders', 'currency').path, 'organization.currency');
    assert.match(field('vendors', 'email').none, /one call per vendor/);
    assert.ok(byEntity.get('purchaseOrders')!.lines.some((l: Json) => l.field === 'lines[].unitPrice'));
    // A custom field read from MaintainX's own custom fields (extraFields, keyed by label), no restart needed.
    const put = await env.app.inject({ method: 'PUT', url: '/v1/field-mapping/purchase-orders', headers: bearer(env.token), payload: { customFields: { department: { source: 'extraFields.Department', type: 'string' }, costCenter: { source: 'extraFields.Cost Center', type: 'string' } } } });
    assert.equal(put.statusCode, 200, put.body);
    const withDept = [...env.sim.data().purchaseOrders.values()].find((p) => p.extraFields.Department)!;
    const po = (await env.listAll('purchase-orders')).find((p) => p.remoteId === String(withDept.id))!;
    assert.equal(po.customFields.department, withDept.extraFields.Department);
    assert.equal(po.customFields.costCenter, withDept.extraFields['Cost Center'], 'a label with a space is a path segment');
  });

  it('passthrough reaches MaintainX with the connection\'s key', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/v1/passthrough', headers: bearer(env.token), payload: { method: 'GET', path: '/v1/organizations' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 200);
    assert.equal(res.json().body.organizations[0].currency, 'USD');
    assert.equal(res.json().headers['x-rate-limit-limit'], String(Number.MAX_SAFE_INTEGER), 'MaintainX\'s own headers come back');
    assert.ok(!res.body.includes(env.sim.apiKey), 'the key is not echoed');
  });

  it('a record deleted in MaintainX is marked deleted by the next full sync', async () => {
    const [id] = [...env.sim.data().workOrders.keys()].slice(10, 11) as [number];
    env.sim.remove('workOrders', id);
    const state = await env.sync(true);
    assert.equal(state.workOrders!.counts.deleted, 1);
    const gone = (await env.listAll('work-orders', '&includeDeleted=true')).find((w) => w.remoteId === String(id));
    assert.ok(gone?.deletedAt);
  });
});
