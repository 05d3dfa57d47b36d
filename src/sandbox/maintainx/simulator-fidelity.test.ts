/**
 * Fidelity of the MaintainX simulator to the vendor's OpenAPI: every answer of every endpoint
 * Manifold uses — lists (with and without each expansion), single reads, writes, errors — checked
 * with ajv against the response schema of that operation and status (objects closed: no field
 * the schema does not name), and the documented paging, auth and rate-limit behaviour.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { operation, responseErrors } from './spec.test-support.js';
import { startMaintainx, type MaintainxSandbox } from './sandbox.js';

type Json = Record<string, unknown>;
/** A listed or returned record, as these tests read it. */
type Row = { id: number; status: string; priority: string; updatedAt: string; currency: string; fieldPath: string; unitCostDecimal: string; completedAt: string | null; items: Row[] };
const rows = (body: unknown, key: string): Row[] => (body as Record<string, Row[]>)[key]!;
const field = <T = string>(body: unknown, key: string): T => (body as Record<string, T>)[key]!;

describe('MaintainX simulator against the vendor OpenAPI', () => {
  let sim: MaintainxSandbox;
  before(async () => {
    sim = await startMaintainx({ seed: 7, workOrders: 90, assets: 40, parts: 40, purchaseOrders: 35, vendors: 20, locations: 25, rateLimit: false });
  });
  after(() => sim?.stop());

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sim.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  function valid(method: string, specPath: string, res: { status: number; body: unknown }) {
    assert.deepEqual(responseErrors(method, specPath, res.status, res.body), [], `${method} ${specPath} ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  }

  const expandsOf = (path: string): string[] => (operation('get', path).query?.expand as { items?: { enum?: string[] } } | undefined)?.items?.enum ?? [];

  async function listAll(path: string, key: string, query: string): Promise<Json[]> {
    const out: Json[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/v1${path}?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      valid('GET', path, res);
      out.push(...rows(res.body, key));
      cursor = field<string | null>(res.body, 'nextCursor');
    } while (cursor);
    return out;
  }

  const lists: [string, string, string][] = [
    ['/workorders', 'workOrders', '/workorders/{id}'],
    ['/assets', 'assets', '/assets/{id}'],
    ['/parts', 'parts', '/parts/{id}'],
    ['/locations', 'locations', '/locations/{id}'],
    ['/vendors', 'vendors', '/vendors/{id}'],
    ['/purchaseorders', 'purchaseOrders', '/purchaseorders/{id}'],
  ];

  for (const [path, key, single] of lists) {
    it(`GET ${path}: every record, bare and with each expansion, fits the list schema; single reads fit theirs`, async () => {
      const bare = await listAll(path, key, '');
      assert.ok(bare.length > 0);
      for (const expand of expandsOf(path)) await listAll(path, key, `&expand=${expand}`);
      const all = expandsOf(path).map((e) => `&expand=${e}`).join('');
      const expanded = await listAll(path, key, all);
      assert.equal(expanded.length, bare.length);
      const singleExpand = expandsOf(single).map((e) => `expand=${e}`).join('&');
      for (const rec of bare.slice(0, 25)) {
        const res = await call('GET', `/v1${single.replace('{id}', String(rec.id))}${singleExpand ? `?${singleExpand}` : ''}`);
        assert.equal(res.status, 200);
        valid('GET', single, res);
      }
      const missing = await call('GET', `/v1${single.replace('{id}', '999999999')}`);
      assert.equal(missing.status, 404);
      valid('GET', single, missing);
    });
  }

  it('GET /organizations fits its schema and names the organization currency', async () => {
    const res = await call('GET', '/v1/organizations');
    valid('GET', '/organizations', res);
    assert.equal(rows(res.body, 'organizations')[0]!.currency, 'USD');
  });

  it('every status of work orders and purchase orders occurs; every priority too', async () => {
    const wos = await listAll('/workorders', 'workOrders', '');
    const pos = await listAll('/purchaseorders', 'purchaseOrders', '');
    assert.deepEqual(new Set(wos.map((w) => w.status)), new Set(['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'DONE', 'CANCELED', 'SKIPPED']));
    assert.deepEqual(new Set(wos.map((w) => w.priority)), new Set(['NONE', 'LOW', 'MEDIUM', 'HIGH']));
    assert.deepEqual(new Set(pos.map((p) => p.status)), new Set(['REQUESTED', 'PENDING', 'DECLINED', 'APPROVED', 'PARTIALLY_FULFILLED', 'COMPLETED', 'CANCELED']));
  });

  it('paging: default 100, at most 200, cursor to the end, nextPageUrl repeats the query', async () => {
    const first = await call('GET', '/v1/workorders?statuses=OPEN&statuses=DONE');
    const total = sim.data().workOrders.size;
    assert.equal(rows(first.body, 'workOrders').length, Math.min(100, [...sim.data().workOrders.values()].filter((w) => ['OPEN', 'DONE'].includes(w.status)).length));
    const tooMany = await call('GET', '/v1/workorders?limit=201');
    assert.equal(tooMany.status, 400);
    valid('GET', '/workorders', tooMany);
    const page = await call('GET', '/v1/workorders?limit=40&sort=-updatedAt');
    assert.match(field(page.body, 'nextPageUrl'), /^\/v1\/workorders\?limit=40&sort=-updatedAt&cursor=/);
    const next = await call('GET', field(page.body, 'nextPageUrl'));
    const listed = [...rows(page.body, 'workOrders'), ...rows(next.body, 'workOrders')];
    const ids = listed.map((w) => w.id);
    assert.equal(new Set(ids).size, 80);
    const times = listed.map((w) => w.updatedAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'sorted by updatedAt, descending, across pages');
    assert.ok(total > 80);
    const bad = await call('GET', '/v1/workorders?cursor=not-a-cursor');
    assert.equal(bad.status, 400);
  });

  it('updatedAt[gte] returns only what changed at or after the instant', async () => {
    const since = new Date().toISOString();
    const [wo] = sim.data().workOrders.keys();
    sim.change('workOrders', wo!, (w) => (w.title = 'Changed by a technician'));
    const res = await call('GET', `/v1/workorders?updatedAt%5Bgte%5D=${encodeURIComponent(since)}`);
    assert.deepEqual(rows(res.body, 'workOrders').map((w) => w.id), [wo]);
    const badDate = await call('GET', '/v1/parts?updatedAt%5Bgte%5D=yesterday');
    assert.equal(badDate.status, 400);
    valid('GET', '/parts', badDate);
  });

  it('writes: work order create/update/status/delete and purchase order create/update/status/fulfil fit their schemas', async () => {
    const data = sim.data();
    const [asset] = data.assets.values();
    const created = await call('POST', '/v1/workorders', { title: 'Fidelity check', priority: 'HIGH', assetId: asset!.id, dueDate: '2027-01-10T17:00:00.000Z' });
    assert.equal(created.status, 200);
    valid('POST', '/workorders', created);
    const id = field<number>(created.body, 'id');
    const patched = await call('PATCH', `/v1/workorders/${id}`, { description: 'More detail' });
    valid('PATCH', '/workorders/{id}', patched);
    const status = await call('PATCH', `/v1/workorders/${id}/status`, { status: 'DONE' });
    valid('PATCH', '/workorders/{id}/status', status);
    assert.equal(field<Row>(status.body, 'workOrder').status, 'DONE');
    assert.ok(field<Row>(status.body, 'workOrder').completedAt);
    const refused = await call('POST', '/v1/workorders', { priority: 'URGENT' });
    assert.equal(refused.status, 400);
    valid('POST', '/workorders', refused);
    assert.deepEqual(rows(refused.body, 'errors').map((e) => e.fieldPath).sort(), ['priority', 'title']);
    const badStatus = await call('PATCH', `/v1/workorders/${id}/status`, { status: 'SKIPPED' });
    valid('PATCH', '/workorders/{id}/status', badStatus);
    assert.equal(badStatus.status, 400);
    assert.equal((await call('DELETE', `/v1/workorders/${id}`)).status, 204);
    const gone = await call('PATCH', `/v1/workorders/${id}`, { title: 'x' });
    assert.equal(gone.status, 404);
    valid('PATCH', '/workorders/{id}', gone);

    const [vendor] = data.vendors.values();
    const [part] = data.parts.values();
    const po = await call('POST', '/v1/purchaseorders', { vendorId: vendor!.id, items: [{ partId: part!.id, quantityOrdered: 3, unitCost: 1250 }, { name: 'Freight', quantityOrdered: 1, unitCost: 4999.5 }] });
    assert.equal(po.status, 201);
    valid('POST', '/purchaseorders', po);
    const order = po.body as Row;
    assert.equal(order.status, 'PENDING');
    assert.equal(order.items[1]!.unitCostDecimal, '49.995000');
    const poId = order.id;
    valid('PATCH', '/purchaseorders/{id}', await call('PATCH', `/v1/purchaseorders/${poId}`, { note: 'Dock 4' }));
    const approved = await call('PATCH', `/v1/purchaseorders/${poId}/status`, { status: 'APPROVED' });
    valid('PATCH', '/purchaseorders/{id}/status', approved);
    const skip = await call('PATCH', `/v1/purchaseorders/${poId}/status`, { status: 'COMPLETED' });
    assert.equal(skip.status, 400, 'APPROVED cannot jump to COMPLETED');
    valid('PATCH', '/purchaseorders/{id}/status', skip);
    const fulfilled = await call('PATCH', `/v1/purchaseorders/${poId}/fulfillment`, { items: [{ id: order.items[0]!.id, quantityReceived: 2 }] });
    valid('PATCH', '/purchaseorders/{id}/fulfillment', fulfilled);
    assert.equal(field<Row>(fulfilled.body, 'purchaseOrder').status, 'PARTIALLY_FULFILLED');
    valid('PATCH', '/purchaseorders/{id}/status', await call('PATCH', `/v1/purchaseorders/${poId}/status`, { status: 'COMPLETED' }));
    const locked = await call('PATCH', `/v1/purchaseorders/${poId}`, { note: 'too late' });
    assert.equal(locked.status, 400, 'a completed order is not edited before its completion is undone');
    valid('PATCH', '/purchaseorders/{id}', locked);
    const noItems = await call('POST', '/v1/purchaseorders', { vendorId: vendor!.id, items: [] });
    assert.equal(noItems.status, 400);
    valid('POST', '/purchaseorders', noItems);
    assert.equal((await call('DELETE', `/v1/purchaseorders/${poId}`)).status, 204);
  });

  it('auth, organizations and the rate limit answer as documented', async () => {
    const noKey = await fetch(`${sim.url}/v1/workorders`);
    assert.equal(noKey.status, 401);
    const multi = await call('GET', '/v1/workorders', undefined, { authorization: `Bearer ${sim.multiOrgApiKey}` });
    assert.equal(multi.status, 400);
    valid('GET', '/workorders', multi);
    const other = await call('GET', '/v1/organizations', undefined, { authorization: `Bearer ${sim.multiOrgApiKey}`, 'x-organization-id': String(sim.organizations[1]!.id) });
    assert.deepEqual(rows(other.body, 'organizations').map((o) => o.currency).sort(), ['EUR', 'USD']);
    const both = await call('GET', '/v1/workorders', undefined, { authorization: `Bearer ${sim.multiOrgApiKey}`, 'x-organization-id': '9', 'x-organization-ids': '9' });
    assert.equal(both.status, 400);

    const limited = await startMaintainx({ seed: 7, workOrders: 5, assets: 2, parts: 2, purchaseOrders: 2, vendors: 2, locations: 2, rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const get = () => fetch(`${limited.url}/v1/workorders`, { headers: { authorization: `Bearer ${limited.apiKey}` } });
      const answers = [await get(), await get(), await get(), await get()];
      assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 429]);
      assert.deepEqual(answers.map((r) => r.headers.get('x-rate-limit-remaining')), ['2', '1', '0', '0']);
      assert.ok(answers.every((r) => r.headers.get('x-rate-limit-limit') === '3' && Number(r.headers.get('x-rate-limit-reset')) > 0));
      const body = (await answers[3]!.json()) as Json;
      assert.match(String(body.error), /^Too many requests\. Please retry in \d+ seconds$/);
      assert.deepEqual(responseErrors('POST', '/purchaseorders', 429, body), []);
    } finally {
      await limited.stop();
    }
  });

  it('the same seed gives the same data', async () => {
    const again = await startMaintainx({ seed: 7, workOrders: 90, assets: 40, parts: 40, purchaseOrders: 35, vendors: 20, locations: 25, rateLimit: false });
    try {
      const a = [...again.data().purchaseOrders.values()].slice(0, 10);
      const b = [...(await startFresh()).values()].slice(0, 10);
      assert.deepEqual(a, b);
    } finally {
      await again.stop();
    }
    async function startFresh() {
      const s = await startMaintainx({ seed: 7, workOrders: 90, assets: 40, parts: 40, purchaseOrders: 35, vendors: 20, locations: 25, rateLimit: false });
      await s.stop();
      return s.data().purchaseOrders;
    }
  });
});
