/**
 * The CSRF-token helper against a small server that behaves like SAP Gateway: a token fetched
 * with `X-CSRF-Token: Fetch` is valid only with the session cookie set with it; a write without
 * both is 403 with `X-CSRF-Token: Required`. One fetch serves concurrent writes; an expired
 * token is fetched again once; a refusal right after a fresh token is handed back as it came.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CsrfToken, cookieHeader, parseSetCookie } from '../../src/kit/auth/csrf-token.js';
import { SystemFailure } from '../../src/kit/failure.js';
import { HttpClient } from '../../src/kit/http.js';

describe('CSRF token', () => {
  let server: Server;
  let base: string;
  const sessions = new Map<string, string>(); // session id → token
  let fetches = 0;
  let writes = 0;
  let dropCookies = false;

  before(async () => {
    server = createServer((req, res) => {
      if (req.headers.authorization !== 'Basic dTpw') return res.writeHead(401, { 'content-type': 'text/html' }).end('<html>Logon failed</html>');
      const sid = /SESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (req.method === 'GET') {
        if (req.headers['x-csrf-token'] === 'Fetch') {
          fetches += 1;
          const id = randomUUID();
          const token = randomUUID();
          sessions.set(id, token);
          return res
            .writeHead(200, {
              'x-csrf-token': token,
              'set-cookie': [`SESSIONID=${id}; path=/; expires=Wed, 21 Oct 2037 07:28:00 GMT; HttpOnly`, 'usercontext=client=100; path=/'],
            })
            .end('{"d":{"EntitySets":[]}}');
        }
        return res.writeHead(200).end('{}');
      }
      const valid = !dropCookies && sid !== undefined && sessions.get(sid) === req.headers['x-csrf-token'];
      if (!valid) return res.writeHead(403, { 'x-csrf-token': 'Required', 'content-type': 'text/plain' }).end('CSRF token validation failed');
      writes += 1;
      return res.writeHead(204, { 'set-cookie': 'usercontext=client=200; path=/' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    fetches = 0;
    writes = 0;
    dropCookies = false;
  });

  const http = new HttpClient({ sleep: async () => {} });
  const csrf = (auth = 'Basic dTpw') => new CsrfToken({ http, url: `${base}/service/`, headers: () => ({ authorization: auth }) });
  const write = (token: CsrfToken) => token.send((h) => http.send({ method: 'POST', url: `${base}/service/Things`, headers: { authorization: 'Basic dTpw', ...h }, body: '{}', idempotent: false }));

  it('splits Set-Cookie headers joined with commas, Expires dates included', () => {
    assert.deepEqual(parseSetCookie('SESSIONID=abc; path=/; expires=Wed, 21 Oct 2037 07:28:00 GMT; HttpOnly, sap-usercontext=sap-client=100; path=/'), [
      ['SESSIONID', 'abc'],
      ['sap-usercontext', 'sap-client=100'],
    ]);
    assert.deepEqual(parseSetCookie(undefined), []);
    assert.equal(cookieHeader(new Map([['a', '1'], ['b', '2']])), 'a=1; b=2');
  });

  it('a write without the token (or without its cookie) is refused as the server does', async () => {
    const plain = await http.send({ method: 'POST', url: `${base}/service/Things`, headers: { authorization: 'Basic dTpw' }, body: '{}', idempotent: false });
    assert.equal(plain.status, 403);
    assert.equal(plain.headers['x-csrf-token'], 'Required');
    const token = csrf();
    const { cookie: _dropped, ...onlyToken } = await token.headers();
    const noCookie = await http.send({ method: 'POST', url: `${base}/service/Things`, headers: { authorization: 'Basic dTpw', ...onlyToken }, body: '{}', idempotent: false });
    assert.equal(noCookie.status, 403, 'the token alone is not enough');
  });

  it('fetches one token for concurrent writes and sends it with its cookies', async () => {
    const token = csrf();
    const answers = await Promise.all([write(token), write(token), write(token)]);
    assert.deepEqual(answers.map((r) => r.status), [204, 204, 204]);
    assert.equal(fetches, 1);
    assert.equal(token.fetches, 1);
    assert.equal(writes, 3);
    assert.match((await token.headers()).cookie ?? '', /SESSIONID=.+; usercontext=client=200/, 'cookies set on an answer replace the kept ones');
  });

  it('fetches again once when the server no longer knows the token', async () => {
    const token = csrf();
    assert.equal((await write(token)).status, 204);
    sessions.clear(); // the server's sessions expired
    assert.equal((await write(token)).status, 204);
    assert.equal(fetches, 2);
  });

  it('hands back a refusal that survives a fresh token (e.g. a proxy drops cookies)', async () => {
    const token = csrf();
    dropCookies = true;
    const res = await write(token);
    assert.equal(res.status, 403);
    assert.ok(token.isRefusal(res));
    assert.equal(fetches, 2, 'one refetch, no loop');
    assert.equal(writes, 0);
  });

  it('classifies a fetch the server refuses', async () => {
    const token = new CsrfToken({
      http,
      url: `${base}/service/`,
      headers: () => ({ authorization: 'Basic wrong' }),
      classify: (res) => (res.status === 401 ? new SystemFailure('config', { code: 'invalid_credentials', message: 'refused' }) : undefined),
    });
    await assert.rejects(token.headers(), (e: unknown) => e instanceof SystemFailure && e.code === 'invalid_credentials');
    // A failed fetch is not kept: the next call fetches again.
    await assert.rejects(token.headers(), (e: unknown) => e instanceof SystemFailure && e.code === 'invalid_credentials');
    await assert.rejects(new CsrfToken({ http, url: `${base}/service/`, headers: () => ({ authorization: 'Basic wrong' }) }).headers(), (e: unknown) => e instanceof SystemFailure && e.status === 401);
  });
});
