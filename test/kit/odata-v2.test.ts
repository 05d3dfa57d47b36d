/**
 * The OData V2 transport against a small V2 server: JSON asked for on every read, the service's
 * own query options kept (also on `__next` links), `d`/`d.results`/`__count` read, windows that
 * follow a server-side page limit, offset pages to the end, 404 of a key as "none", V2 error
 * bodies classified, writes through the CSRF token, MERGE tunnelled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CsrfToken } from '../../src/kit/auth/csrf-token.js';
import { SystemFailure } from '../../src/kit/failure.js';
import { HttpClient } from '../../src/kit/http.js';
import { ODataV2Transport } from '../../src/kit/transports/odata-v2.js';

const ROWS = Array.from({ length: 23 }, (_, i) => ({ Id: String(i + 1).padStart(3, '0') }));
const MAX_PAGE = 5; // the server's own limit

const error = (code: string, value: string, propertyref = '') =>
  JSON.stringify({ error: { code, message: { lang: 'en', value }, innererror: { errordetails: [{ code, message: value, propertyref, severity: 'error', target: '' }] } } });

describe('OData V2 transport', () => {
  let server: Server;
  let root: string;
  const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: decodeURIComponent(req.url!), headers: req.headers, body });
        const url = new URL(req.url!, 'http://x');
        const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof payload === 'string' ? payload : JSON.stringify(payload));
        if (url.searchParams.get('client') !== '100') return json(400, error('CLIENT', 'no client'));
        if (req.method === 'GET' && req.headers['x-csrf-token'] === 'Fetch') return res.writeHead(200, { 'x-csrf-token': 'tok', 'set-cookie': 'S=1; path=/' }).end('{"d":{"EntitySets":["Things"]}}');
        if (req.method !== 'GET' && (req.headers['x-csrf-token'] !== 'tok' || req.headers.cookie !== 'S=1')) return res.writeHead(403, { 'x-csrf-token': 'Required' }).end('CSRF token validation failed');
        if (url.pathname === '/svc/Things' && req.method === 'GET') {
          if (url.searchParams.get('$format') !== 'json') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end('<feed/>');
          const skip = Number(url.searchParams.get('$skip') ?? 0) + Number(url.searchParams.get('$skiptoken') ?? 0);
          const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) - Number(url.searchParams.get('$skiptoken') ?? 0) : ROWS.length;
          const page = ROWS.slice(skip, skip + Math.min(top, MAX_PAGE));
          const more = top > MAX_PAGE && skip + MAX_PAGE < ROWS.length;
          const next = new URL(url);
          next.searchParams.set('$skiptoken', String(Number(url.searchParams.get('$skiptoken') ?? 0) + MAX_PAGE));
          next.searchParams.delete('client'); // a server may drop options from its links
          next.searchParams.delete('$format');
          return json(200, { d: { results: page, ...(url.searchParams.get('$inlinecount') === 'allpages' ? { __count: String(ROWS.length) } : {}), ...(more ? { __next: `http://127.0.0.1:${(server.address() as AddressInfo).port}${next.pathname}${next.search}` } : {}) } });
        }
        if (url.pathname === "/svc/Things('001')") return json(200, { d: { __metadata: { uri: 'x' }, Id: '001' } });
        if (url.pathname === "/svc/Things('002')" && req.method !== 'GET' || req.headers['x-http-method'] === 'MERGE') return res.writeHead(204).end();
        if (url.pathname.startsWith('/svc/Things(')) return json(404, error('/IWBEP/CM_MGW_RT/020', "Resource not found for segment 'Thing'"));
        if (url.pathname === '/svc/Things' && req.method === 'POST') {
          const b = JSON.parse(body);
          if (!b.Name) return json(400, error('ME/083', 'Enter Name', 'Name'));
          return json(201, { d: { Id: '024', Name: b.Name } });
        }
        if (url.pathname === '/svc/Busy') return json(429, error('RATE', 'slow down'), { 'retry-after': '7' });
        return res.writeHead(404, { 'content-type': 'text/html' }).end('<html>No service</html>');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/svc/`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const http = new HttpClient({ sleep: async () => {}, policy: { maxAttempts: 1 } });
  const transport = () => {
    const csrf = new CsrfToken({ http, url: `${root}?client=100` });
    return new ODataV2Transport({ http, serviceUrl: root, query: { client: '100' }, csrf });
  };

  it('reads a collection as JSON with the count, and one entity', async () => {
    const t = transport();
    const page = await t.collection('Things', { $top: 3, $inlinecount: 'allpages', $filter: "Id ge '001' and Id le '099'" });
    assert.deepEqual(page.results, ROWS.slice(0, 3));
    assert.equal(page.count, 23);
    const last = seen.at(-1)!;
    assert.match(last.url, /\$format=json/);
    assert.match(last.url, /\$filter=Id ge '001' and Id le '099'/);
    assert.equal(last.headers.accept, 'application/json');
    assert.deepEqual(await t.get("Things('001')"), { __metadata: { uri: 'x' }, Id: '001' });
    assert.equal(await t.get("Things('999')"), undefined, 'an unknown key is none');
    await assert.rejects(t.get('Nothing'), (e: unknown) => e instanceof SystemFailure && e.status === 404, 'a 404 without an OData error is a failure');
  });

  it('fills a window past the server page limit by following __next (keeping the service options)', async () => {
    const t = transport();
    assert.deepEqual(await t.window('Things', {}, 2, 12), ROWS.slice(2, 14));
    const followed = seen.filter((s) => s.url.includes('$skiptoken'));
    assert.ok(followed.length >= 2);
    for (const s of followed) assert.match(s.url, /client=100/);
  });

  it('pages a whole collection by offset and resumes', async () => {
    const t = transport();
    const pages = [];
    for await (const p of t.pages('Things', {}, { pageSize: 8 })) pages.push(p);
    assert.deepEqual(pages.flatMap((p) => p.records), ROWS);
    assert.deepEqual(pages.map((p) => p.resumeAfter), ['8', '16', '23']);
    const rest = [];
    for await (const p of t.pages('Things', {}, { pageSize: 8, resumeAfter: '16' })) rest.push(...p.records);
    assert.deepEqual(rest, ROWS.slice(16));
  });

  it('writes with the CSRF token: create answers d, update and MERGE 204; a refusal is classified', async () => {
    const t = transport();
    assert.deepEqual(await t.create('Things', { Name: 'x' }), { Id: '024', Name: 'x' });
    await t.update("Things('002')", { Name: 'y' });
    await t.update("Things('002')", { Name: 'y' }, 'MERGE');
    const merge = seen.at(-1)!;
    assert.equal(merge.method, 'POST');
    assert.equal(merge.headers['x-http-method'], 'MERGE');
    assert.equal(merge.headers['x-csrf-token'], 'tok');
    assert.doesNotMatch(merge.url, /\$format/);
    await t.remove("Things('002')");
    await assert.rejects(t.create('Things', {}), (e: unknown) => e instanceof SystemFailure && e.code === 'rejected_by_system' && e.field === 'Name' && e.systemMessage === 'ME/083: Enter Name');
    await assert.rejects(t.collection('Busy'), (e: unknown) => e instanceof SystemFailure && e.code === 'rate_limited' && e.retryAfterMs === 7000);
  });

  it('a 404 the connector classifies (a missing service) is a failure, never "no such record"', async () => {
    const classified = new ODataV2Transport({
      http,
      serviceUrl: root,
      query: { client: '100' },
      classify: (res, err) => (res.status === 404 && err?.code === '/IWBEP/CM_MGW_RT/020' ? new SystemFailure('config', { code: 'system_error', message: 'service missing' }) : undefined),
    });
    await assert.rejects(classified.get("Things('999')"), (e: unknown) => e instanceof SystemFailure && e.message === 'service missing');
  });

  it('without a CSRF token a write is refused and classified as such', async () => {
    const bare = new ODataV2Transport({ http, serviceUrl: root, query: { client: '100' } });
    await assert.rejects(bare.create('Things', { Name: 'x' }), (e: unknown) => e instanceof SystemFailure && e.code === 'rejected_by_system' && e.status === 403);
  });
});
