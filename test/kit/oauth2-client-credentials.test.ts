/**
 * OAuth 2.0 client credentials: the token request's shape (Basic client auth, form grant), one
 * cached token for many calls, one token request for concurrent callers, renewal before expiry,
 * one renewal and one repeat on a 401 that says the token expired, classified refusals — and no
 * secret or token in the call log or an error. A loopback server plays the token endpoint and an
 * API; the clock is a variable.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientCredentials, tokenExpired } from '../../src/kit/auth/oauth2-client-credentials.js';
import { SystemFailure } from '../../src/kit/failure.js';
import { HttpClient, type CallRecord } from '../../src/kit/http.js';

const SECRET = 's3cret-value-!@#';

describe('oauth2 client credentials', () => {
  let server: Server;
  let base: string;
  let tokenRequests: { authorization: string | undefined; contentType: string | undefined; body: string }[] = [];
  let issued = 0;
  let expiresIn: number | undefined = 3600;
  let tokenScript: ((req: IncomingMessage) => { status: number; body: string } | undefined) | undefined;
  /** Tokens the API refuses as expired. */
  const expired = new Set<string>();
  let apiCalls: (string | undefined)[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/oauth2/token') {
          tokenRequests.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
          const scripted = tokenScript?.(req);
          if (scripted) return res.writeHead(scripted.status, { 'content-type': 'application/json' }).end(scripted.body);
          // Delay the answer a little so concurrent callers overlap with the request.
          issued += 1;
          const token = `tok-${issued}`;
          return setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}) })), 20);
        }
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        apiCalls.push(token);
        if (token && expired.has(token)) return res.writeHead(401, { 'content-type': 'application/json' }).end('{"status":"UNAUTHORIZED","message":"The access token has expired","details":[]}');
        if (!token?.startsWith('tok-')) return res.writeHead(401).end('{"message":"Unauthorized"}');
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
  beforeEach(() => {
    tokenRequests = [];
    apiCalls = [];
    issued = 0;
    expiresIn = 3600;
    tokenScript = undefined;
    expired.clear();
  });

  function setup(opts: { now?: () => number; scope?: string } = {}) {
    const calls: CallRecord[] = [];
    const http = new HttpClient({ policy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onCall: (c) => calls.push(c) });
    const auth = new ClientCredentials(http, { tokenUrl: `${base}/oauth2/token`, clientId: 'client-1', clientSecret: SECRET, scope: opts.scope, now: opts.now });
    const get = () => auth.send({ method: 'GET', url: `${base}/api`, idempotent: true });
    return { auth, get, calls };
  }

  it('asks with HTTP Basic client auth and the client_credentials form, and sends the token as Bearer', async () => {
    const { get } = setup({ scope: 'https://api.example.com/suppliers' });
    assert.equal((await get()).status, 200);
    assert.equal(tokenRequests.length, 1);
    const [req] = tokenRequests;
    assert.equal(req!.authorization, `Basic ${Buffer.from(`client-1:${SECRET}`).toString('base64')}`);
    assert.equal(req!.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(req!.body)), { grant_type: 'client_credentials', scope: 'https://api.example.com/suppliers' });
    assert.deepEqual(apiCalls, ['tok-1']);
  });

  it('reuses one token for many calls, and one token request serves concurrent callers', async () => {
    const { get, auth } = setup();
    await Promise.all(Array.from({ length: 12 }, () => get()));
    await get();
    assert.equal(tokenRequests.length, 1);
    assert.equal(auth.requests, 1);
    assert.ok(apiCalls.every((t) => t === 'tok-1'));
  });

  it('renews before expiry: the old token serves while one renewal runs, then the new one', async () => {
    let now = 1_000_000;
    expiresIn = 600; // margin 60 s: renew after 540 s
    const { get, auth } = setup({ now: () => now });
    await get();
    now += 539_000;
    await get();
    assert.equal(auth.requests, 1, 'not yet within the margin');
    now += 2_000; // inside the margin, still valid
    await Promise.all([get(), get(), get()]);
    assert.equal(auth.requests, 2, 'one renewal for the three callers');
    assert.deepEqual(apiCalls.slice(-3), ['tok-1', 'tok-1', 'tok-1'], 'the still-valid token kept serving');
    // The renewal runs in the background: once it has landed, calls carry the new token (and
    // no further renewal is made meanwhile).
    for (let i = 0; i < 200 && apiCalls.at(-1) !== 'tok-2'; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      await get();
    }
    assert.equal(apiCalls.at(-1), 'tok-2');
    assert.equal(auth.requests, 2, 'still the one renewal');
    now += 10 * 60_000; // tok-2 expired too: callers wait for the next one
    await Promise.all([get(), get()]);
    assert.equal(auth.requests, 3);
    assert.deepEqual(apiCalls.slice(-2), ['tok-3', 'tok-3']);
  });

  it('keeps a short-lived token for half its life at least (margin capped)', async () => {
    let now = 0;
    expiresIn = 2;
    const { get, auth } = setup({ now: () => now });
    await get();
    now += 900;
    await get();
    assert.equal(auth.requests, 1);
  });

  it('renews once and repeats once on a 401 that says the token expired; a second refusal is returned', async () => {
    const { get, auth } = setup();
    await get();
    expired.add('tok-1');
    assert.equal((await get()).status, 200);
    assert.deepEqual(apiCalls, ['tok-1', 'tok-1', 'tok-2']);
    assert.equal(auth.requests, 2);
    expired.add('tok-2');
    expired.add('tok-3');
    assert.equal((await get()).status, 401, 'no loop: the second expiry goes back to the caller');
    assert.equal(auth.requests, 3);
  });

  it('does not renew on a 401 that is not about expiry', () => {
    assert.equal(tokenExpired({ status: 401, headers: {}, text: '{"message":"Missing or invalid API key"}' }), false);
    assert.equal(tokenExpired({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, text: '' }), true);
    assert.equal(tokenExpired({ status: 403, headers: {}, text: 'token expired' }), false);
  });

  it('classifies a refused client as invalid_credentials, and never shows the secret or a token', async () => {
    tokenScript = () => ({ status: 400, body: `{"error":"invalid_client","error_description":"bad secret ${SECRET}"}` });
    const { get, calls } = setup();
    await assert.rejects(get(), (err: unknown) => {
      assert.ok(err instanceof SystemFailure);
      assert.equal(err.failureClass, 'config');
      assert.equal(err.code, 'invalid_credentials');
      assert.ok(!JSON.stringify({ m: err.message, s: err.systemMessage }).includes(SECRET));
      return true;
    });
    assert.equal(apiCalls.length, 0, 'no API call without a token');
    assert.ok(!JSON.stringify(calls).includes(SECRET));
    // A failed request is not cached: the next call asks again.
    tokenScript = undefined;
    assert.equal((await get()).status, 200);
    assert.ok(!JSON.stringify(calls).includes('tok-'), 'tokens are not in the call log');
  });

  it('classifies a broken token endpoint as transient and an answer without a bearer token as system', async () => {
    tokenScript = () => ({ status: 503, body: 'down' });
    await assert.rejects(setup().get(), (err: unknown) => err instanceof SystemFailure && err.failureClass === 'transient');
    tokenScript = () => ({ status: 200, body: '{"access_token":"x","token_type":"mac"}' });
    await assert.rejects(setup().get(), (err: unknown) => err instanceof SystemFailure && err.failureClass === 'system');
  });
});
