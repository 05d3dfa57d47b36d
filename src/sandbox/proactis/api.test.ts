/**
 * The Proactis simulator's API: who gets in (token and x-api-key, Cognito's refusals, expiry,
 * scopes, the organisation in the path), paging (defaults, the 50 maximum, bad values), the
 * dateTimeFrom filter, sorting and filters, the per-organisation limits with a daily reset at
 * midnight UTC, and deterministic seeded data with the variety the connector must handle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invoiceStatuses, requisitionStatuses, type SupplierRecord } from './records.js';
import { startProactisSim, type ProactisSim, type ProactisSimOptions } from './server.js';
import { seedData } from './seed.js';

async function tokenFor(sim: ProactisSim, secret = sim.clientSecret, form = 'grant_type=client_credentials'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${sim.clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** What the tests read of an answer: a page, or the error envelope. */
type Answer = { pageNumber: number; pageSize: number; totalElements: number; content: SupplierRecord[]; status: string; message: string; details: unknown[] };

async function session(opts: ProactisSimOptions = {}) {
  const sim = await startProactisSim({ limits: null, ...opts });
  const token = String((await tokenFor(sim)).body.access_token);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-api-key': sim.apiKey, ...headers } });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Answer };
  };
  return { sim, token, get };
}

describe('Proactis simulator: authentication', () => {
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => (s = await session({ tokenLifetimeSeconds: 3600 })));
  after(() => s.sim.stop());

  it('refuses a wrong secret, another grant and an unknown scope as Cognito does', async () => {
    assert.deepEqual(await tokenFor(s.sim, 'wrong'), { status: 400, body: { error: 'invalid_client' } });
    assert.deepEqual(await tokenFor(s.sim, s.sim.clientSecret, 'grant_type=password'), { status: 400, body: { error: 'unsupported_grant_type' } });
    assert.deepEqual(await tokenFor(s.sim, s.sim.clientSecret, 'grant_type=client_credentials&scope=https://api.proactiscloud.com/payroll'), { status: 400, body: { error: 'invalid_scope' } });
  });

  it('answers 401 without the API key or with a wrong one, and without a valid token', async () => {
    for (const headers of [{ 'x-api-key': 'wrong' }, { 'x-api-key': '' }, { authorization: 'Bearer forged' }, { authorization: '' }] as Record<string, string>[]) {
      const res = await s.get('/suppliers/v1/ACME01', headers);
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(res.body.status, 'UNAUTHORIZED');
      assert.deepEqual(res.body.details, []);
    }
  });

  it('says when a token has expired', async () => {
    const t = await session({ tokenLifetimeSeconds: 3600 });
    try {
      t.sim.tokens.expireAll();
      const res = await t.get('/suppliers/v1/ACME01');
      assert.equal(res.status, 401);
      assert.match(res.body.message, /expired/);
    } finally {
      await t.sim.stop();
    }
  });

  it('refuses another organisation and a service the token has no scope for', async () => {
    assert.equal((await s.get('/suppliers/v1/OTHER')).status, 403);
    const t = await session({ clients: [{ clientId: 'c', clientSecret: 'x', services: ['suppliers'] }] });
    try {
      assert.equal((await t.get('/suppliers/v1/ACME01')).status, 200);
      assert.equal((await t.get('/invoices/v1/ACME01')).status, 403);
    } finally {
      await t.sim.stop();
    }
  });
});

describe('Proactis simulator: listing', () => {
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => (s = await session({ sizes: { suppliers: 120 } })));
  after(() => s.sim.stop());

  it('pages from 0, 25 by default, at most 50 (clamped), with totalElements after filters', async () => {
    const d = await s.get('/suppliers/v1/ACME01');
    assert.deepEqual([d.body.pageNumber, d.body.pageSize, d.body.totalElements, d.body.content.length], [0, 25, 120, 25]);
    const big = await s.get('/suppliers/v1/ACME01?pageSize=500&pageNumber=2');
    assert.deepEqual([big.body.pageNumber, big.body.pageSize, big.body.content.length], [2, 50, 20]);
    assert.equal((await s.get('/suppliers/v1/ACME01?pageSize=50&pageNumber=3')).body.content.length, 0);
    const online = await s.get('/suppliers/v1/ACME01?online=true');
    assert.equal(online.body.totalElements, s.sim.data.suppliers.filter((x) => x.online).length);
    for (const bad of ['pageNumber=-1', 'pageSize=0', 'pageSize=ten', 'dateTimeFrom=yesterday', 'sortOrder=up', 'sortField=contacts', 'online=yes']) {
      const res = await s.get(`/suppliers/v1/ACME01?${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.status, 'BAD_REQUEST');
    }
  });

  it('filters on lastModified with dateTimeFrom, and sorts', async () => {
    const all: SupplierRecord[] = s.sim.data.suppliers;
    const cut = '2025-06-01T00:00';
    const expected = all.filter((r) => Date.parse(r.lastModified) >= Date.parse(`${cut}:00Z`)).map((r) => r.id);
    const got: string[] = [];
    for (let p = 0; ; p += 1) {
      const page = await s.get(`/suppliers/v1/ACME01?dateTimeFrom=${cut}&pageSize=50&pageNumber=${p}`);
      got.push(...page.body.content.map((r: SupplierRecord) => r.id));
      if (page.body.content.length < 50) break;
    }
    assert.deepEqual(got, expected);
    assert.ok(expected.length > 0 && expected.length < all.length);
    const sorted = await s.get('/suppliers/v1/ACME01?sortField=lastModified&sortOrder=desc&pageSize=50');
    const times = sorted.body.content.map((r: SupplierRecord) => Date.parse(r.lastModified));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const prefix = await s.get(`/suppliers/v1/ACME01?name=${encodeURIComponent('Acme')}&pageSize=50`);
    assert.ok(prefix.body.content.every((r: SupplierRecord) => r.name.startsWith('Acme')));
    assert.equal((await s.get('/suppliers/v1/ACME01?name=acme')).body.totalElements, 0, 'case-sensitive');
  });

  it('serves one record by id, and 404 in the envelope for an unknown one', async () => {
    const [inv] = s.sim.data.invoices;
    assert.deepEqual((await s.get(`/invoices/v1/ACME01/${inv!.id}`)).body, inv);
    const missing = await s.get('/receipts/v1/ACME01/none');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.status, 'NOT_FOUND');
  });
});

describe('Proactis simulator: rate limits', () => {
  it('allows 50 per minute per organisation; over it, a bare 429 and the request is not counted', async () => {
    let now = Date.parse('2026-03-01T12:00:00Z');
    const s = await session({ limits: { perMinute: 50, perDay: 8000 }, now: () => now });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 53; i += 1) statuses.push((await s.get('/suppliers/v1/ACME01?pageSize=1')).status);
      assert.equal(statuses.filter((x) => x === 200).length, 50);
      assert.deepEqual(statuses.slice(50), [429, 429, 429]);
      assert.equal(s.sim.counters.maxPerMinute, 50);
      assert.equal(s.sim.counters.throttled, 3);
      now += 60_001;
      assert.equal((await s.get('/suppliers/v1/ACME01?pageSize=1')).status, 200, 'room again a minute later');
    } finally {
      await s.sim.stop();
    }
  });

  it('allows the daily quota per UTC day, and resets at midnight UTC', async () => {
    let now = Date.parse('2026-03-01T23:50:00Z');
    const s = await session({ limits: { perMinute: 1000, perDay: 5 }, now: () => now });
    try {
      const day1: number[] = [];
      for (let i = 0; i < 7; i += 1) day1.push((await s.get('/invoices/v1/ACME01?pageSize=1')).status);
      assert.deepEqual(day1, [200, 200, 200, 200, 200, 429, 429]);
      now = Date.parse('2026-03-02T00:00:00Z');
      assert.equal((await s.get('/invoices/v1/ACME01?pageSize=1')).status, 200);
      assert.deepEqual(s.sim.counters.perDay, { '2026-03-01': 5, '2026-03-02': 1 });
    } finally {
      await s.sim.stop();
    }
  });

  it('injects bare 429s on demand', async () => {
    const s = await session();
    try {
      s.sim.limiter.throttleNext(2);
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await s.get('/suppliers/v1/ACME01')).status);
      assert.deepEqual(statuses, [429, 429, 200]);
      assert.equal(s.sim.counters.injected, 2);
    } finally {
      await s.sim.stop();
    }
  });
});

describe('Proactis simulator: seeded data', () => {
  it('is deterministic, sized as asked, and varied', () => {
    const opts = { seed: 3, offset: '+01:00', sizes: { suppliers: 3000, requisitions: 60, receipts: 40, invoices: 60 } };
    const a = seedData(opts);
    assert.deepEqual(seedData(opts), a);
    assert.notDeepEqual(seedData({ ...opts, seed: 4 }).suppliers[0], a.suppliers[0]);
    assert.equal(a.suppliers.length, 3000);
    assert.equal(new Set(a.suppliers.map((x) => x.id)).size, 3000);
    assert.equal(new Set(a.suppliers.map((x) => x.number)).size, 3000);
    assert.deepEqual(new Set(a.invoices.map((i) => i.status)), new Set(invoiceStatuses));
    assert.deepEqual(new Set(a.requisitions.map((r) => r.status)), new Set(requisitionStatuses));
    assert.ok(new Set(a.invoices.map((i) => i.currency)).size >= 3);
    assert.ok(a.invoices.some((i) => i.lines.length > 1) && a.receipts.some((r) => r.items.length > 1));
    assert.ok(a.suppliers.some((x) => !x.online) && a.suppliers.some((x) => x.address === undefined));
    assert.ok(a.suppliers.every((x) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/.test(x.lastModified)));
  });
});
