/**
 * Setting an intake up and what the intake refuses before it reads an order: connections that do
 * not exist, are not set up, or whose system does not push cXML (error envelope); bodies that are
 * not a cXML OrderRequest (cXML 400/406). Secrets are masked, generated when omitted, and go with
 * the connection when it is deleted.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { recordId } from '../../src/core/ids.js';
import { admin, appFor, bearer } from '../support/app.js';
import { describeEachStore } from '../support/stores.js';
import { Random } from '../../src/sandbox/random.js';
import { BUYER_ID, SHARED_SECRET, generateOrder, renderOrder } from './generator.js';
import { basicAuth, connect, footprint, post, setIntake, silentConnector, statusOf, testConnectors } from './support.js';

describeEachStore('cXML intake setup and refusals', ({ store }) => {
  let app: FastifyInstance;
  let conn: { id: string; token: string };
  let password: string;
  const rand = new Random(99);
  let seq = 0;
  const order = (n: number) => renderOrder(generateOrder(rand, n, () => ++seq));
  const auth = () => basicAuth('buyer', password);

  before(async () => {
    app = await appFor(store(), { connectors: testConnectors });
    conn = await connect(app);
  });
  after(async () => app?.close());

  it('refuses unknown connections (404), systems that do not push cXML (405) and intakes not set up (404) in the error envelope', async () => {
    const quiet = await connect(app, silentConnector.id);
    const cases: [string, number, string][] = [
      ['conn_does_not_exist', 404, 'not_found'],
      [quiet.id, 405, 'operation_not_supported'],
      [conn.id, 404, 'not_found'],
    ];
    for (const [id, status, code] of cases) {
      const res = await post(app, id, order(1));
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code);
      const token = await app.inject({ method: 'POST', url: `/v1/connections/${id}/cxml/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials' });
      assert.equal(token.statusCode, status, token.body);
    }
    assert.match((await post(app, conn.id, order(1))).json().error.message, /PUT \/v1\/connections\/.*\/cxml-intake/);
    const put = await app.inject({ method: 'PUT', url: `/v1/connections/${quiet.id}/cxml-intake`, headers: admin, payload: { authentication: { type: 'none' }, sender: { identity: 'x' } } });
    assert.equal(put.statusCode, 405);
  });

  it('generates omitted secrets once, masks every secret, and refuses the mask as a value', async () => {
    const asToken = await app.inject({ method: 'PUT', url: `/v1/connections/${conn.id}/cxml-intake`, headers: bearer(conn.token), payload: { authentication: { type: 'none' }, sender: { identity: BUYER_ID } } });
    assert.equal(asToken.statusCode, 403);

    const set = await setIntake(app, conn.id, { authentication: { type: 'basic', username: 'buyer' }, sender: { identity: BUYER_ID, domain: 'NetworkId' }, sharedSecret: SHARED_SECRET });
    password = set.generated.password;
    assert.ok(password.length >= 32);
    assert.equal(set.generated.sharedSecret, undefined, 'a given secret is not generated');
    assert.equal(set.data.authentication.password, '********');
    assert.equal(set.data.sharedSecret, '********');
    assert.match(set.data.url, new RegExp(`^http://[^/]+/v1/connections/${conn.id}/cxml$`));
    assert.equal(set.data.tokenUrl, null);
    assert.deepEqual(set.data.senders, ['Test S2P']);

    const read = await app.inject({ url: `/v1/connections/${conn.id}/cxml-intake`, headers: admin });
    assert.equal(read.statusCode, 200);
    assert.ok(!read.body.includes(password) && !read.body.includes(SHARED_SECRET));
    assert.equal(read.json().data.authentication.username, 'buyer');

    // Secrets left out are kept: the sender goes on working.
    const again = await setIntake(app, conn.id, { authentication: { type: 'basic', username: 'buyer' }, sender: { identity: BUYER_ID, domain: 'NetworkId' } });
    assert.equal(again.generated, undefined);
    assert.equal(statusOf((await post(app, conn.id, order(2), auth())).body).code, 200);

    const mask = await app.inject({ method: 'PUT', url: `/v1/connections/${conn.id}/cxml-intake`, headers: admin, payload: { authentication: { type: 'basic', username: 'buyer', password: '********' }, sender: { identity: BUYER_ID } } });
    assert.equal(mask.statusCode, 400);
    assert.equal(mask.json().error.details.issues[0].path, 'body.authentication.password');
    const bad = await app.inject({ method: 'PUT', url: `/v1/connections/${conn.id}/cxml-intake`, headers: admin, payload: { authentication: { type: 'api_key', headerName: 'Authorization' }, sender: { identity: BUYER_ID } } });
    assert.equal(bad.statusCode, 400);
  });

  it('answers bodies that are not a cXML OrderRequest with cXML 400 or 406, storing nothing', async () => {
    const before = await footprint(store(), conn.id);
    const valid = order(3);
    const cases: { body: string; type?: string; code: number; message: RegExp }[] = [
      { body: '{"order":1}', type: 'application/json', code: 400, message: /Content-Type text\/xml/ },
      { body: '<cXML', code: 400, message: /not well-formed/ },
      { body: valid.replace('<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">', '<!DOCTYPE cXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('For WO', '&x; For WO'), code: 400, message: /entities/ },
      { body: valid.replace(/<UnitPrice>.*?<\/UnitPrice>/, '<UnitPrice></UnitPrice>'), code: 400, message: /OrderRequest\/ItemOut\[1\]\/ItemDetail\/UnitPrice\/Money is missing/ },
      { body: valid.replace(/<OrderRequest>[\s\S]*<\/OrderRequest>/, '<ConfirmationRequest/>'), code: 406, message: /Request\/ConfirmationRequest is not accepted here/ },
      { body: `${valid}${' '.repeat(4 * 1024 * 1024)}`, code: 400, message: /larger than/ },
    ];
    for (const c of cases) {
      const res = await post(app, conn.id, c.body, { ...auth(), ...(c.type ? { 'content-type': c.type } : {}) });
      const status = statusOf(res.body);
      assert.equal(res.statusCode, c.code, res.body.slice(0, 300));
      assert.equal(status.code, c.code);
      assert.match(status.message, c.message);
    }
    assert.deepEqual(await footprint(store(), conn.id), before);
    assert.equal(statusOf((await post(app, conn.id, valid, { ...auth(), 'content-type': 'application/xml' })).body).code, 200);
  });

  it('does not take Manifold keys as intake credentials', async () => {
    for (const headers of [admin, bearer(conn.token)]) {
      const res = await post(app, conn.id, order(4), headers);
      assert.equal(res.statusCode, 401);
    }
  });

  it('resolves the To identity to a vendor the connection holds', async () => {
    const order = generateOrder(rand, 6, () => ++seq);
    const vendorId = recordId('ven', conn.id, 'vendors', order.supplier);
    const now = new Date().toISOString();
    await store().records.upsert({
      id: vendorId, connectionId: conn.id, entity: 'vendors', remoteId: order.supplier, status: 'active', createdAt: null, updatedAt: now, syncedAt: now, remoteData: {},
      data: { code: 'ACME', name: 'Acme Supply', status: 'active', remoteStatus: null, taxId: null, email: null, phone: null, website: null, address: null, currency: null, paymentTerms: null, contacts: [] },
    });
    assert.equal(statusOf((await post(app, conn.id, renderOrder(order), auth())).body).code, 200);
    const res = await app.inject({ url: '/v1/purchase-orders?limit=200', headers: bearer(conn.token) });
    const stored = res.json().data.find((r: Record<string, any>) => r.number === order.orderID);
    assert.deepEqual(stored.vendor, { id: vendorId, remoteId: order.supplier, name: 'Acme Supply', code: 'ACME' });
  });

  it('removes the intake with DELETE, and everything of it with its connection', async () => {
    const other = await connect(app, undefined, 'To delete');
    await setIntake(app, other.id, { authentication: { type: 'oauth2', clientId: 'c' }, sender: { identity: BUYER_ID } });
    const del = await app.inject({ method: 'DELETE', url: `/v1/connections/${conn.id}/cxml-intake`, headers: admin });
    assert.equal(del.statusCode, 200);
    assert.equal((await post(app, conn.id, order(5), auth())).statusCode, 404);
    assert.ok((await store().cxmlIntake.getOrder(conn.id, 'PO004002')), 'orders received stay');

    const gone = await app.inject({ method: 'DELETE', url: `/v1/connections/${conn.id}`, headers: admin });
    assert.equal(gone.statusCode, 200, gone.body);
    assert.equal(await store().cxmlIntake.getOrder(conn.id, 'PO004002'), undefined);
    assert.equal(await store().cxmlIntake.getDocument(conn.id, 'x'), undefined);
    assert.equal((await app.inject({ method: 'DELETE', url: `/v1/connections/${other.id}`, headers: admin })).statusCode, 200);
    assert.equal(await store().cxmlIntake.getSettings(other.id), undefined);
  });
});
