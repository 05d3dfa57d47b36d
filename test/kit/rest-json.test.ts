/**
 * The REST transport with basic auth: paths joined under the base URL, query encoded, JSON both
 * ways, 204 empty, statuses classified, a non-JSON body refused as a system failure.
 */
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicAuthorization } from '../../src/kit/auth/basic.js';
import { HttpClient } from '../../src/kit/http.js';
import { RestJsonTransport } from '../../src/kit/transports/rest-json.js';
import { SystemFailure } from '../../src/kit/failure.js';

describe('REST transport with basic auth', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.headers.authorization !== basicAuthorization('api-user', 'pä55:word')) return res.writeHead(401).end('{"message":"bad credentials"}');
        if (req.url?.startsWith('/api/v2/items')) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url, method: req.method, body: body ? JSON.parse(body) : null }));
        if (req.url === '/api/v2/empty') return res.writeHead(204).end();
        if (req.url === '/api/v2/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
        return res.writeHead(404).end('{"message":"no such thing"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const transport = (password = 'pä55:word') => new RestJsonTransport({ http: new HttpClient({ sleep: async () => {} }), baseUrl: base, headers: () => ({ authorization: basicAuthorization('api-user', password) }) });

  it('sends JSON with basic auth and reads JSON back', async () => {
    const res = await transport().request<{ url: string; method: string; body: unknown }>({ method: 'POST', path: '/items', query: { page: 2, q: 'a b', skip: undefined }, body: { code: 'BRG-6204' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.url, '/api/v2/items?page=2&q=a+b');
    assert.deepEqual(res.body.body, { code: 'BRG-6204' });
    assert.equal((await transport().request({ method: 'DELETE', path: 'empty' })).body, undefined);
  });

  it('repeats the key for an array query value', async () => {
    const res = await transport().request<{ url: string }>({ method: 'GET', path: '/items', query: { expand: ['asset', 'location'], 'updatedAt[gte]': '2026-01-01T00:00:00.000Z', none: [] } });
    assert.equal(res.body.url, '/api/v2/items?expand=asset&expand=location&updatedAt%5Bgte%5D=2026-01-01T00%3A00%3A00.000Z');
  });

  it('classifies refusals and refuses what is not JSON', async () => {
    await assert.rejects(transport('wrong').request({ method: 'GET', path: '/items' }), (e: unknown) => e instanceof SystemFailure && e.code === 'invalid_credentials' && e.failureClass === 'config');
    await assert.rejects(transport().request({ method: 'GET', path: '/nothing' }), (e: unknown) => e instanceof SystemFailure && e.status === 404);
    await assert.rejects(transport().request({ method: 'GET', path: '/html' }), (e: unknown) => e instanceof SystemFailure && e.failureClass === 'system' && /not JSON/.test(e.message));
  });
});
