/**
 * Each way a sending system can authenticate to the intake — basic, an OAuth2 bearer from the
 * intake's own token endpoint, an API-key header, or the SharedSecret alone — accepted when right
 * and refused when wrong (HTTP 401 with a cXML Status 401), storing nothing when refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, appFor } from '../support/app.js';
import { describeEachStore } from '../support/stores.js';
import { Random } from '../../src/sandbox/random.js';
import { BUYER_ID, SHARED_SECRET, generateOrder, renderOrder } from './generator.js';
import { basicAuth, connect, footprint, post, setIntake, statusOf, testConnectors } from './support.js';

describeEachStore('cXML intake authentication', ({ store }) => {
  let app: FastifyInstance;
  const rand = new Random(7);
  let seq = 0;
  const order = (n: number) => renderOrder(generateOrder(rand, n, () => ++seq));
  const sender = { identity: BUYER_ID, domain: 'networkid' };

  before(async () => {
    app = await appFor(store(), { connectors: testConnectors });
  });
  after(async () => app?.close());

  async function refused(connectionId: string, xml: string, headers: Record<string, string>, challenge?: RegExp): Promise<void> {
    const before = await footprint(store(), connectionId);
    const res = await post(app, connectionId, xml, headers);
    assert.equal(res.statusCode, 401, res.body);
    assert.equal(statusOf(res.body).code, 401);
    if (challenge) assert.match(String(res.headers['www-authenticate']), challenge);
    assert.deepEqual(await footprint(store(), connectionId), before);
  }

  describe('basic', () => {
    it('accepts the right user and password and refuses wrong or missing ones', async () => {
      const { id } = await connect(app);
      await setIntake(app, id, { authentication: { type: 'basic', username: 'proactis', password: 'pa55word' }, sender, sharedSecret: SHARED_SECRET });
      const xml = order(1);
      await refused(id, xml, basicAuth('proactis', 'wrong'), /^Basic /);
      await refused(id, xml, basicAuth('someone', 'pa55word'));
      await refused(id, xml, {});
      const ok = await post(app, id, xml, basicAuth('proactis', 'pa55word'));
      assert.equal(statusOf(ok.body).code, 200, ok.body);
      assert.equal((await footprint(store(), id)).records, 1);
    });
  });

  describe('OAuth2 bearer from the intake\'s token endpoint', () => {
    it('issues a token for the right client (Basic or form) and accepts it; refuses wrong clients and unknown tokens', async () => {
      const { id } = await connect(app);
      const other = await connect(app, undefined, 'Another buyer');
      const setup = await setIntake(app, id, { authentication: { type: 'oauth2', clientId: 'proactis-client', clientSecret: 'client-s3cret', tokenLifetimeSeconds: 600 }, sender, sharedSecret: SHARED_SECRET });
      assert.match(setup.data.tokenUrl, new RegExp(`/v1/connections/${id}/cxml/token$`));
      await setIntake(app, other.id, { authentication: { type: 'oauth2', clientId: 'proactis-client', clientSecret: 'client-s3cret' }, sender, sharedSecret: SHARED_SECRET });
      const tokenUrl = `/v1/connections/${id}/cxml/token`;
      const form = { 'content-type': 'application/x-www-form-urlencoded' };

      const wrong = await app.inject({ method: 'POST', url: tokenUrl, headers: { ...form, ...basicAuth('proactis-client', 'nope') }, payload: 'grant_type=client_credentials' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error, 'invalid_client');
      const grant = await app.inject({ method: 'POST', url: tokenUrl, headers: { ...form, ...basicAuth('proactis-client', 'client-s3cret') }, payload: 'grant_type=password' });
      assert.equal(grant.statusCode, 400);
      assert.equal(grant.json().error, 'unsupported_grant_type');

      const viaBasic = await app.inject({ method: 'POST', url: tokenUrl, headers: { ...form, ...basicAuth('proactis-client', 'client-s3cret') }, payload: 'grant_type=client_credentials&scope=orders' });
      assert.equal(viaBasic.statusCode, 200, viaBasic.body);
      assert.equal(viaBasic.json().token_type, 'Bearer');
      assert.equal(viaBasic.json().expires_in, 600);
      assert.equal(viaBasic.headers['cache-control'], 'no-store');
      const viaForm = await app.inject({ method: 'POST', url: tokenUrl, headers: form, payload: 'grant_type=client_credentials&client_id=proactis-client&client_secret=client-s3cret' });
      assert.equal(viaForm.statusCode, 200, viaForm.body);
      const otherToken = await app.inject({ method: 'POST', url: `/v1/connections/${other.id}/cxml/token`, headers: form, payload: 'grant_type=client_credentials&client_id=proactis-client&client_secret=client-s3cret' });

      const xml = order(2);
      await refused(id, xml, { authorization: 'Bearer mfx_not-a-token' }, /^Bearer .*invalid_token/);
      // A token of another connection's intake reaches that intake only.
      await refused(id, xml, { authorization: `Bearer ${otherToken.json().access_token}` });
      await refused(id, xml, basicAuth('proactis-client', 'client-s3cret'));
      for (const token of [viaBasic.json().access_token, viaForm.json().access_token]) {
        const ok = await post(app, id, token === viaBasic.json().access_token ? xml : order(3), { authorization: `Bearer ${token}` });
        assert.equal(statusOf(ok.body).code, 200, ok.body);
      }
      assert.equal((await footprint(store(), id)).records, 2);

      // New client credentials revoke the tokens issued under the old ones.
      await setIntake(app, id, { authentication: { type: 'oauth2', clientId: 'proactis-client', clientSecret: 'rotated-s3cret' }, sender });
      await refused(id, order(4), { authorization: `Bearer ${viaBasic.json().access_token}` });
    });

    it('refuses tokens for an intake not set up for OAuth2', async () => {
      const { id } = await connect(app);
      await setIntake(app, id, { authentication: { type: 'none' }, sender, sharedSecret: SHARED_SECRET });
      const res = await app.inject({ method: 'POST', url: `/v1/connections/${id}/cxml/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials&client_id=a&client_secret=b' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error, 'unauthorized_client');
    });
  });

  describe('API key header', () => {
    it('accepts the key in the configured header only', async () => {
      const { id } = await connect(app);
      await setIntake(app, id, { authentication: { type: 'api_key', headerName: 'X-Proactis-Key', apiKey: 'k3y-value' }, sender, sharedSecret: SHARED_SECRET });
      const xml = order(5);
      await refused(id, xml, { 'x-proactis-key': 'wrong' });
      await refused(id, xml, { 'x-api-key': 'k3y-value' });
      await refused(id, xml, { authorization: 'Bearer k3y-value' });
      const ok = await post(app, id, xml, { 'X-Proactis-Key': 'k3y-value' });
      assert.equal(statusOf(ok.body).code, 200, ok.body);
      // Without a SharedSecret the document is refused, until the intake is told not to check it.
      const bare = renderOrder(generateOrder(rand, 9, () => ++seq), { sharedSecret: null });
      await refused(id, bare, { 'x-proactis-key': 'k3y-value' });
      const set = await setIntake(app, id, { authentication: { type: 'api_key', headerName: 'X-Proactis-Key' }, sender, sharedSecret: null });
      assert.equal(set.data.sharedSecret, null);
      assert.equal(statusOf((await post(app, id, bare, { 'x-proactis-key': 'k3y-value' })).body).code, 200);
      // The Sender must still be the expected one, and the refusal names what was sent.
      const stranger = await post(app, id, bare.replaceAll(`<Identity>${BUYER_ID}</Identity></Credential><UserAgent>`, '<Identity>AN-OTHER</Identity></Credential><UserAgent>'), { 'x-proactis-key': 'k3y-value' });
      assert.equal(statusOf(stranger.body).code, 401);
      assert.match(statusOf(stranger.body).message, /names NetworkId:AN-OTHER/);
      const none = await app.inject({ method: 'PUT', url: `/v1/connections/${id}/cxml-intake`, headers: admin, payload: { authentication: { type: 'none' }, sender, sharedSecret: null } });
      assert.equal(none.statusCode, 400);
      assert.equal(none.json().error.details.issues[0].path, 'body.sharedSecret');
    });
  });

  describe('SharedSecret only (authentication none)', () => {
    it('needs the right Sender and SharedSecret; answers HTTP 200 for cXML errors when so set', async () => {
      const { id } = await connect(app);
      await setIntake(app, id, { authentication: { type: 'none' }, sender: { identity: BUYER_ID, domain: null }, sharedSecret: SHARED_SECRET, errorStatus: 'always_200' });
      const before = await footprint(store(), id);
      const wrong = await post(app, id, renderOrder(generateOrder(rand, 6, () => ++seq), { sharedSecret: 'guess' }));
      assert.equal(wrong.statusCode, 200, 'cXML errors ride on HTTP 200 with errorStatus always_200');
      assert.deepEqual(statusOf(wrong.body), { code: 401, text: 'Unauthorized', message: 'Invalid credentials: Header/Sender/Credential/SharedSecret is missing or wrong.' });
      // Who sent it comes first: an invalid document from the wrong sender learns nothing of its faults.
      const invalid = renderOrder(generateOrder(rand, 10, () => ++seq), { sharedSecret: 'guess' }).replace(/<UnitPrice>.*?<\/UnitPrice>/, '');
      assert.equal(statusOf((await post(app, id, invalid)).body).code, 401);
      assert.equal(statusOf((await post(app, id, invalid.replace('<SharedSecret>guess<', `<SharedSecret>${SHARED_SECRET}<`))).body).code, 400);
      const stranger = await post(app, id, order(7).replaceAll(`<Identity>${BUYER_ID}</Identity><SharedSecret>`, '<Identity>AN-OTHER</Identity><SharedSecret>'));
      assert.equal(statusOf(stranger.body).code, 401);
      assert.deepEqual(await footprint(store(), id), before);
      const ok = await post(app, id, order(8));
      assert.equal(statusOf(ok.body).code, 200, ok.body);
      assert.ok(!JSON.stringify((await app.inject({ url: `/v1/connections/${id}/cxml-intake`, headers: admin })).json()).includes(SHARED_SECRET));
    });
  });
});
