/**
 * The simulator against the documented Proactis examples (spec/examples.json): the supplier list
 * pair key for key and in order, the bare throttle answer without any rate-limit header, the
 * error envelope, the token answer, the paging constants, the rate limits and the invoice status
 * set.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { invoiceStatuses } from './records.js';
import { startProactisSim, type ProactisSim } from './server.js';
import { productionLimits, uatLimits } from './limits.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './listing.js';

const spec = JSON.parse(readFileSync(new URL('./spec/examples.json', import.meta.url), 'utf8'));
const [first, second] = spec.supplierList.response.body.content;

describe('Proactis simulator fidelity to the documented examples', () => {
  let sim: ProactisSim;
  let token: string;

  before(async () => {
    sim = await startProactisSim({
      domainId: 'ACME01',
      apiKey: spec.supplierList.request.apiKey,
      data: {
        suppliers: [
          { id: 'old00000000000000000001', number: 'SUP8001', name: 'Before May', online: true, lastModified: '2024-04-30T23:59:00+01:00' },
          structuredClone(first),
          { id: 'old00000000000000000002', number: 'SUP8002', name: 'Long ago', online: false, lastModified: '2023-11-02T10:00:00Z' },
          structuredClone(second),
          { id: 'x9f00000000000000000003', number: 'SUP8307', name: 'Third after May', online: true, lastModified: '2024-05-03T09:00:00+01:00' },
        ],
      },
      limits: { perMinute: 4, perDay: 100 },
    });
    const res = await fetch(`${sim.url}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64')}`, 'content-type': spec.token.request.contentType },
      body: spec.token.request.body,
    });
    assert.equal(res.status, spec.token.response.status);
    const answer = (await res.json()) as Record<string, unknown>;
    assert.equal(answer.token_type, spec.token.response.token_type);
    assert.equal(answer.expires_in, spec.token.response.expires_in);
    assert.equal(typeof answer.access_token, 'string');
    token = answer.access_token as string;
  });
  after(() => sim.stop());

  const get = (path: string) => fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-api-key': spec.supplierList.request.apiKey, accept: spec.supplierList.request.accept } });

  it('answers the documented supplier list request with the documented body, key for key and in order', async () => {
    const { path, query } = spec.supplierList.request;
    const res = await get(`${path}?${query}`);
    assert.equal(res.status, spec.supplierList.response.status);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(await res.text(), JSON.stringify(spec.supplierList.response.body));
  });

  it('answers the documented error envelope', async () => {
    const res = await get('/suppliers/v1/ACME01/nope');
    assert.equal(res.status, spec.errorEnvelope.status);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), spec.errorEnvelope.keys);
    assert.equal(body.status, spec.errorEnvelope.example.status);
    assert.match(String(body.message), /with ID "nope" not found/);
    assert.deepEqual(body.details, []);
  });

  it('throttles with the bare 429 and no rate-limit header, and drops the request', async () => {
    const before = sim.counters.counted;
    let res: Response | undefined;
    for (let i = 0; i < 6 && res?.status !== 429; i += 1) res = await get('/suppliers/v1/ACME01?pageSize=1');
    assert.equal(res!.status, spec.throttled.status);
    assert.deepEqual(await res!.json(), spec.throttled.body);
    for (const h of spec.throttled.absentHeaders) assert.equal(res!.headers.get(h), null, `no ${h} header`);
    assert.equal(sim.counters.maxPerMinute, 4, 'the limit held');
    assert.ok(sim.counters.counted - before <= 4 && sim.counters.throttled >= 1, 'the throttled request was not counted');
  });

  it('uses the documented constants', () => {
    assert.equal(DEFAULT_PAGE_SIZE, spec.paging.defaultPageSize);
    assert.equal(MAX_PAGE_SIZE, spec.paging.maxPageSize);
    assert.deepEqual(productionLimits, spec.rateLimits.production);
    assert.deepEqual(uatLimits, spec.rateLimits.uat);
    assert.deepEqual([...invoiceStatuses], spec.invoiceStatuses);
  });
});
