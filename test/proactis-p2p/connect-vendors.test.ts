/**
 * PROACTIS P2P (on-premises) end to end through the public API, against the XML gateway
 * simulator: connecting (a wrong password and a user outside the DataImport role are 422
 * invalid_credentials with the gateway's words, nothing stored), suppliers created, changed and
 * removed through the gateway and seen in the simulator's own data, a refused supplier stored
 * nowhere, and capabilities, catalogue, sync state and fresh reads that say the gateway cannot read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin } from '../support/app.js';
import { p2pApp, type Json, type P2pApp } from './support.js';

describe('PROACTIS P2P: connect and suppliers', () => {
  let t: P2pApp;
  let token: string;
  let connectionId: string;

  before(async () => {
    t = await p2pApp();
  });
  after(() => t?.close());

  it('refuses a wrong password and a user without the DataImport role with 422 invalid_credentials, storing nothing', async () => {
    const wrong = await t.connect({ ...t.sim.credentials, password: 'not-the-password' });
    assert.equal(wrong.res.statusCode, 422, wrong.res.body);
    const error = wrong.res.json().error;
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.source, 'system');
    assert.match(error.message, /PROACTIS P2P refused the login: Logon failed\. The user name or password is incorrect\./);
    assert.ok(!wrong.res.body.includes('not-the-password'));
    const clerk = await t.connect({ ...t.sim.credentials, ...t.sim.noImportRole });
    assert.equal(clerk.res.statusCode, 422, clerk.res.body);
    assert.match(clerk.res.json().error.message, /not a member of the DataImport role/);
    assert.equal((await t.store.connections.list({ limit: 10 })).length, 0);
    // Support sees the gateway call from the request id alone, without the password.
    const log = await t.app.inject({ url: `/v1/requests/${wrong.res.headers['x-request-id']}`, headers: admin });
    assert.ok(log.json().data.calls.some((c: Json) => c.method === 'POST' && c.status === 200 && c.url === t.sim.url), log.body);
    assert.ok(!log.body.includes('not-the-password'));
  });

  it('connects with the sandbox credentials (the site address is enough) and says who it logged in as', async () => {
    const site = t.sim.url.replace('XMLGateway.asmx', '');
    const ok = await t.connect({ ...t.sim.credentials, gatewayUrl: site });
    assert.equal(ok.res.statusCode, 201, ok.res.body);
    connectionId = ok.id!;
    token = ok.token!;
    const row = await t.store.connections.get(connectionId);
    assert.ok(row?.credentials && !row.credentials.includes(t.sim.credentials.password));
    // The login check imported nothing.
    assert.equal(t.sim.database.suppliers.size, 21);
  });

  let vendorId: string;

  it('creates a supplier (POST /v1/vendors) that the simulator now holds, answered as the gateway echoed it', async () => {
    const res = await t.call(token, 'POST', '/v1/vendors', {
      code: 'MFV001', name: 'Manifold Test Supplies Ltd', currency: 'GBP', taxId: 'GB123456789', email: 'orders@mfv.example', phone: '0113 496 0000',
      address: { name: 'Head office', line1: '1 Dock Street', line2: null, line3: null, city: 'LEEDS', region: 'West Yorkshire', postalCode: 'LS1 4AP', country: 'GB', raw: null },
      contacts: [{ id: null, remoteId: null, name: 'Ann Smith', email: 'ann@mfv.example', phone: null }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const v = res.json().data;
    vendorId = v.id;
    assert.deepEqual([v.remoteId, v.code, v.name, v.status, v.currency, v.taxId, v.email, v.phone], ['MFV001', 'MFV001', 'Manifold Test Supplies Ltd', 'active', 'GBP', 'GB123456789', 'orders@mfv.example', '0113 496 0000']);
    assert.deepEqual(v.address, { name: 'Head office', line1: '1 Dock Street', line2: null, line3: null, city: 'LEEDS', region: 'West Yorkshire', postalCode: 'LS1 4AP', country: 'GB', raw: '1 Dock Street, LEEDS, West Yorkshire, LS1 4AP, UK' });
    assert.deepEqual(v.contacts, [{ id: null, remoteId: 'default/ann-smith', name: 'Ann Smith', email: 'ann@mfv.example', phone: null, role: null }]);
    const s = t.sim.database.suppliers.get('MFV001')!;
    assert.deepEqual([s.attrs.Title, s.attrs.SalesTaxCountry, s.attrs.SalesTaxNumber], ['Manifold Test Supplies Ltd', 'UK', 'GB123456789']);
    assert.deepEqual(s.branches.get('default')?.attrs.PostCode, 'LS1 4AP');
    assert.deepEqual(s.branches.get('default')?.contacts.get('ann-smith')?.attrs.Email, 'ann@mfv.example');
    const company = s.companies.get('MAIN')!;
    assert.deepEqual([company.attrs.SupplierGrade, company.attrs.CurrencyCode, company.attrs.Active], ['Standard', 'GBP', 'YES']);
    // The stored native record is the echoed supplier: no control block, no password.
    const stored = await t.store.records.get(connectionId, 'vendors', vendorId);
    assert.equal((stored?.remoteData as Json).Status, 'OK');
    assert.ok(!JSON.stringify(stored?.remoteData).includes(t.sim.credentials.password));
  });

  it('updates it (PATCH): the whole supplier is sent again with the change, contacts replaced, status set', async () => {
    const res = await t.call(token, 'PATCH', `/v1/vendors/${vendorId}`, { name: 'Manifold Supplies Ltd', status: 'inactive', contacts: [{ name: 'Bo Jones', email: 'bo@mfv.example' }] }, { 'if-match': '"1"' });
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json().data;
    assert.deepEqual([v.name, v.status, v.remoteStatus, v.version, v.address.postalCode], ['Manifold Supplies Ltd', 'inactive', 'NO', 2, 'LS1 4AP']);
    assert.deepEqual(v.contacts.map((c: Json) => c.name), ['Bo Jones']);
    const s = t.sim.database.suppliers.get('MFV001')!;
    assert.equal(s.attrs.Title, 'Manifold Supplies Ltd');
    assert.equal(s.companies.get('MAIN')?.attrs.Active, 'NO');
    assert.deepEqual([...s.branches.get('default')!.contacts.keys()], ['bo-jones'], 'the old contact was removed in P2P');
    const stale = await t.call(token, 'PATCH', `/v1/vendors/${vendorId}`, { name: 'Stale' }, { 'if-match': '"1"' });
    assert.equal(stale.statusCode, 409, stale.body);
  });

  it('a supplier P2P refuses is 422 rejected_by_system with the gateway\'s message, and nothing is stored', async () => {
    const res = await t.call(token, 'POST', '/v1/vendors', { code: 'MFV002', name: 'Yen Trading', currency: 'JPY', address: { name: null, line1: null, line2: null, line3: null, city: 'Osaka', region: null, postalCode: null, country: 'FR', raw: null } });
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, 'rejected_by_system');
    assert.match(error.message, /PROACTIS P2P refused the supplier MFV002: The currency 'JPY' does not exist in company 'MAIN'\./);
    assert.equal(error.details.systemMessage, "The currency 'JPY' does not exist in company 'MAIN'.");
    assert.equal(t.sim.database.suppliers.has('MFV002'), false);
    assert.equal(await t.store.records.count({ connectionId, entity: 'vendors' }), 1);
    const noCountry = await t.call(token, 'POST', '/v1/vendors', { code: 'MFV003', name: 'Nowhere Ltd', currency: 'GBP', address: { name: null, line1: 'x', line2: null, line3: null, city: null, region: null, postalCode: null, country: null, raw: null } });
    assert.equal(noCountry.statusCode, 400, noCountry.body);
    assert.equal(noCountry.json().error.code, 'invalid_request');
  });

  it('fresh=true is 405 (the gateway cannot read); the stored copy is served without it', async () => {
    const fresh = await t.call(token, 'GET', `/v1/vendors/${vendorId}?fresh=true`);
    assert.equal(fresh.statusCode, 405, fresh.body);
    assert.equal(fresh.json().error.code, 'operation_not_supported');
    assert.equal((await t.call(token, 'GET', `/v1/vendors/${vendorId}`)).json().data.name, 'Manifold Supplies Ltd');
  });

  it('deletes it (DELETE): the supplier leaves the company in P2P and is marked deleted', async () => {
    const res = await t.call(token, 'DELETE', `/v1/vendors/${vendorId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'hard');
    assert.ok(res.json().data.deletedAt);
    const s = t.sim.database.suppliers.get('MFV001')!;
    assert.equal(s.companies.has('MAIN'), false);
    assert.equal(s.branches.size, 1, 'the supplier itself stays in P2P');
    assert.equal((await t.call(token, 'GET', '/v1/vendors')).json().data.length, 0);
  });

  it('sync skips every entity and says why; capabilities and the catalogue say what the gateway does', async () => {
    const sync = await t.app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: {} });
    assert.equal(sync.statusCode, 200, sync.body);
    const entities = Object.fromEntries(sync.json().data.entities.map((e: Json) => [e.entity, e]));
    for (const key of ['vendors', 'goodsReceipts', 'invoices', 'purchaseOrders']) {
      assert.equal(entities[key]?.status, 'skipped', key);
      assert.match(entities[key].note, /no list or read method/);
    }
    const caps = (await t.call(token, 'GET', '/v1/capabilities')).json().data;
    assert.equal(caps.system, 'proactis-p2p');
    const ops = Object.fromEntries(Object.entries(caps.entities as Json).map(([k, c]) => [k, [c.list.supported, c.get.supported, c.create.supported, c.update.supported, c.delete.deleteMode]]));
    assert.deepEqual(ops, {
      purchaseOrders: [false, false, false, false, 'cancelled'],
      vendors: [false, false, true, true, 'hard'],
      invoices: [false, false, true, false, 'none'],
      goodsReceipts: [false, false, true, false, 'none'],
    });
    assert.match(caps.entities.purchaseOrders.list.notes, /cXML/);
    assert.deepEqual(caps.entities.vendors.update.transitions, { inactive: ['active'], active: ['inactive'] });
    const system = (await t.app.inject({ url: '/v1/systems/proactis-p2p', headers: admin })).json().data;
    assert.equal(system.name, 'PROACTIS P2P (on-premises)');
    assert.deepEqual(system.categories, ['s2p']);
    assert.deepEqual(system.credentialFields.map((f: Json) => f.name), ['gatewayUrl', 'database', 'company', 'username', 'password', 'department', 'supplierGrade', 'invoiceTaxCode', 'cancellationReason']);
    assert.deepEqual(system.entities.purchaseOrders, { list: false, get: false, create: false, update: false, delete: 'cancelled' });
    assert.match(system.authGuide, /DataImport/);
    const create = await t.call(token, 'POST', '/v1/purchase-orders', { number: 'X' });
    assert.equal(create.statusCode, 405, create.body);
  });
});
