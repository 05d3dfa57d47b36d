/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk Odoo's arbitrary JSON answers (as test/** may) */
/**
 * The simulator against Odoo's documented exchanges (spec/documented-examples.json, copied from
 * Odoo's documentation and source; see spec/README.md): the same requests get answers of the
 * same envelope, keys and value kinds, and the documented errors come back with the documented
 * names and messages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startOdoo, type OdooSimulator } from './simulator.js';
import { rpc, shape } from './test-support.js';

const doc = JSON.parse(readFileSync(new URL('./spec/documented-examples.json', import.meta.url), 'utf8'));

describe('Odoo simulator: documented examples', () => {
  let odoo: OdooSimulator;
  let uid: number;
  before(async () => {
    odoo = await startOdoo({ purchaseOrders: 60, vendors: 30, products: 40, equipment: 10, maintenanceRequests: 10 });
    uid = odoo.users.buyer.uid;
  });
  after(() => odoo?.stop());

  /** The documented request, with this simulator's database and credentials. */
  const ours = (params: any) => {
    const args = [...params.args];
    if (params.service === 'common') {
      args[0] = odoo.database;
      args[1] = odoo.users.buyer.login;
      args[2] = odoo.users.buyer.apiKey;
    } else {
      args[0] = odoo.database;
      args[1] = uid;
      args[2] = odoo.users.buyer.apiKey;
    }
    return { ...params, args };
  };

  it('common.version answers exactly as documented, and so does /web/webclient/version_info', async () => {
    assert.deepEqual(await rpc(odoo.url, doc.version.request.params, doc.version.request.id), doc.version.response);
    const web = await rpc(odoo.url, {}, 5, '/web/webclient/version_info');
    assert.deepEqual(web.result, doc.version.response.result);
  });

  it('authenticate answers the uid in a JSON-RPC 2.0 envelope (with the password or an API key)', async () => {
    const res = await rpc(odoo.url, ours(doc.authenticate.request.params), 1);
    assert.deepEqual(Object.keys(res).sort(), Object.keys(doc.authenticate.response).sort());
    assert.equal(res.jsonrpc, '2.0');
    assert.equal(res.id, 1);
    assert.ok(Number.isInteger(res.result) && res.result > 0);
    uid = res.result;
    const withPassword = await rpc(odoo.url, { service: 'common', method: 'authenticate', args: [odoo.database, odoo.users.buyer.login, odoo.users.buyer.password, {}] });
    assert.equal(withPassword.result, uid);
  });

  it('a wrong password at authenticate is exactly {"result": false}, no error', async () => {
    const res = await rpc(odoo.url, { service: 'common', method: 'authenticate', args: [odoo.database, odoo.users.buyer.login, 'not-the-password', {}] }, 1);
    assert.deepEqual(res, doc.authenticateWrongPassword.response);
    const unknownLogin = await rpc(odoo.url, { service: 'common', method: 'authenticate', args: [odoo.database, 'nobody@acme.example', 'x', {}] }, 1);
    assert.deepEqual(unknownLogin, doc.authenticateWrongPassword.response);
  });

  it('search_read with the documented domain, fields, offset, limit and order: same keys and value kinds', async () => {
    const req = doc.searchRead.request;
    const res = await rpc(odoo.url, ours(req.params), req.id);
    assert.deepEqual(Object.keys(res).sort(), Object.keys(doc.searchRead.response).sort());
    assert.equal(res.result.length, 1);
    const expected = doc.searchRead.response.result[0];
    assert.deepEqual(Object.keys(res.result[0]).sort(), Object.keys(expected).sort());
    // Over many records: each field has the documented kind, or false where Odoo leaves it empty.
    const many = await rpc(odoo.url, ours({ ...req.params, args: [...req.params.args.slice(0, 6), { ...req.params.args[6], limit: 50 }] }));
    for (const key of Object.keys(expected)) {
      const kinds = new Set(many.result.map((r: any) => shape(r[key])));
      assert.ok(kinds.has(shape(expected[key])), `${key}: documented as ${shape(expected[key])}, seen ${[...kinds]}`);
      for (const k of kinds) assert.ok(k === shape(expected[key]) || k === 'false', `${key}: ${k} is not ${shape(expected[key])}`);
    }
    const writeDates = many.result.map((r: any) => r.write_date);
    assert.deepEqual(writeDates, [...writeDates].sort(), 'ordered by write_date asc');
    assert.ok(writeDates.every((d: string) => d >= '2024-05-01 00:00:00'));
  });

  it('read of order lines: same keys and value kinds as documented', async () => {
    const [order] = odoo.searchRead<any>('purchase.order', [['order_line', '!=', false]], ['order_line'], { limit: 1 });
    const req = doc.readLines.request;
    const params = ours(req.params);
    params.args[5] = [order.order_line];
    const res = await rpc(odoo.url, params, req.id);
    const expected = doc.readLines.response.result[0];
    for (const line of res.result) {
      assert.deepEqual(Object.keys(line).sort(), Object.keys(expected).sort());
      if (line.product_id === false) continue; // a section or note line
      for (const key of Object.keys(expected)) assert.equal(shape(line[key]), shape(expected[key]), key);
    }
  });

  it('deleting an order that is not cancelled answers the documented UserError envelope', async () => {
    const [draft] = odoo.searchRead<any>('purchase.order', [['state', '=', 'draft']], ['id'], { limit: 1 });
    const res = await rpc(odoo.url, { service: 'object', method: 'execute_kw', args: [odoo.database, uid, odoo.users.buyer.apiKey, 'purchase.order', 'unlink', [[draft.id]]] }, 3);
    const expected = doc.unlinkNotCancelled.response;
    assert.deepEqual(Object.keys(res).sort(), Object.keys(expected).sort());
    assert.deepEqual(Object.keys(res.error).sort(), Object.keys(expected.error).sort());
    assert.deepEqual(Object.keys(res.error.data).sort(), Object.keys(expected.error.data).sort());
    const { debug, ...data } = res.error.data;
    const { debug: _d, ...expectedData } = expected.error.data;
    assert.deepEqual({ ...res.error, data }, { ...expected.error, data: expectedData });
    assert.match(debug, /^Traceback \(most recent call last\):\n/);
    assert.equal(odoo.searchRead('purchase.order', [['id', '=', draft.id]], ['id']).length, 1, 'nothing was deleted');
  });

  it('the documented error names: AccessDenied, AccessError, ValueError for a bad domain field, psycopg2 for an unknown database', async () => {
    const call = (args: unknown[]) => rpc(odoo.url, { service: 'object', method: 'execute_kw', args });
    const denied = await call([odoo.database, uid, 'wrong-key', 'purchase.order', 'search_count', [[]]]);
    assert.equal(denied.error.data.name, doc.errorNames.wrongPasswordOnExecuteKw);
    const clerk = odoo.users.clerk;
    const forbidden = await call([odoo.database, clerk.uid, clerk.password, 'purchase.order', 'search_read', [[]], { fields: ['name'], limit: 1 }]);
    assert.equal(forbidden.error.data.name, doc.errorNames.missingAccessRight);
    const message: string = forbidden.error.data.message;
    const [head, groups, resolution] = message.split('\n\n');
    assert.equal(head, doc.accessErrorMessage.head);
    assert.ok(groups!.startsWith(doc.accessErrorMessage.groupsIntro));
    assert.ok(groups!.split('\n').slice(1).every((l) => l.startsWith(doc.accessErrorMessage.groupLinePrefix)));
    assert.ok(groups!.includes('\t- Purchase/User'));
    assert.equal(resolution, doc.accessErrorMessage.resolution);
    const badField = await call([odoo.database, uid, odoo.users.buyer.apiKey, 'purchase.order', 'search_read', [[['foo', '=', 1]]], { fields: ['name'] }]);
    assert.equal(badField.error.data.name, doc.errorNames.invalidDomainField);
    assert.equal(badField.error.data.message, doc.errorNames.invalidDomainFieldMessage);
    const noDb = await rpc(odoo.url, { service: 'common', method: 'authenticate', args: ['acme-prod', odoo.users.buyer.login, odoo.users.buyer.apiKey, {}] });
    assert.equal(noDb.error.data.name, doc.errorNames.unknownDatabase);
    assert.match(noDb.error.data.message, /database "acme-prod" does not exist/);
    const noDbObject = await call(['acme-prod', uid, odoo.users.buyer.apiKey, 'purchase.order', 'search_count', [[]]]);
    assert.equal(noDbObject.error.data.name, doc.errorNames.unknownDatabase);
  });

  it('the seeded data has every documented state, false for empty values, and datetimes in UTC without "T"', () => {
    const orders = odoo.searchRead<any>('purchase.order', [], ['state', 'origin', 'incoterm_id', 'date_approve', 'create_date', 'write_date']);
    assert.deepEqual([...new Set(orders.map((o) => o.state))].sort(), [...doc.states].sort());
    assert.ok(orders.some((o) => o.origin === false) && orders.some((o) => typeof o.origin === 'string'));
    assert.ok(orders.some((o) => o.incoterm_id === false));
    assert.ok(orders.every((o) => !('origin' in o) || o.origin !== null), 'never null');
    const datetime = new RegExp(doc.formats.datetime);
    for (const o of orders) for (const k of ['create_date', 'write_date']) assert.match(o[k], datetime);
    assert.ok(orders.filter((o) => o.date_approve !== false).every((o) => datetime.test(o.date_approve)));
  });
});
