/**
 * Proactis end to end through the public API, against the simulator (limits relaxed so it stays
 * fast; test/proactis/budget.test.ts keeps the production limits): a wrong client secret and a
 * wrong API key are refused and store nothing; a full sync brings every supplier, requisition,
 * receipt and invoice field by field as the simulator holds them; changes made in Proactis —
 * a supplier renamed, an invoice put on hold, a receipt imported and processed — are exactly what
 * the incremental sync picks up; suppliers are created, changed and deleted through the API;
 * a burst of bare 429s is backed off without hammering; GET /v1/capabilities says what is proven
 * (the asynchronous creates of requisitions, receipts and invoices: imports.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, bearer } from '../support/app.js';
import { connect, credentialsOf, expectedInvoice, expectedReceipt, expectedRequisition, expectedVendor, harness, INVOICE, listAll, pick, sync, type Harness, type Json } from './support.js';

const receiptXml = (supplier: string) =>
  `<?xml version="1.0"?><cXML payloadID="gr-e2e@test" timestamp="2026-03-01T10:00:00Z"><Header><From><Credential domain="NetworkId"><Identity>ACME01</Identity></Credential></From>` +
  `<To><Credential domain="SupplierID"><Identity>${supplier}</Identity></Credential></To><Sender><Credential domain="NetworkId"><Identity>ACME01</Identity></Credential><UserAgent>test</UserAgent></Sender></Header>` +
  `<Request><ReceiptRequest><ReceiptRequestHeader receiptID="GR-E2E-1" receiptDate="2026-03-01T09:00:00+01:00"/><ReceiptOrder><ReceiptOrderInfo><OrderReference orderID="00070651"/></ReceiptOrderInfo>` +
  `<ReceiptItem quantity="3" receiptLineNumber="1"><ReceiptItemReference lineNumber="2"><ItemID><SupplierPartID>GRS-EP2</SupplierPartID></ItemID></ReceiptItemReference><UnitRate><Money currency="GBP">6.50</Money><UnitOfMeasure>EA</UnitOfMeasure></UnitRate></ReceiptItem>` +
  `</ReceiptOrder></ReceiptRequest></Request></cXML>`;

describe('Proactis end to end', () => {
  let h: Harness;
  let connectionId: string;
  let token: string;

  before(async () => {
    h = await harness({ limits: null, processingDelayMs: null, sizes: { suppliers: 130, requisitions: 60, receipts: 60, invoices: 72 } });
  });
  after(() => h?.close());

  it('refuses a wrong client secret and a wrong API key with 422 invalid_credentials, storing nothing', async () => {
    for (const wrong of [{ clientSecret: 'not-the-secret-123' }, { apiKey: 'not-the-api-key-456' }]) {
      const res = await connect(h, { ...credentialsOf(h.sim), ...wrong });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'invalid_credentials');
      assert.equal(res.body.error.source, 'system');
      assert.ok(!JSON.stringify(res.body).includes(Object.values(wrong)[0]!), 'the secret is not echoed');
    }
    assert.equal((await h.store.connections.list({ limit: 10 })).length, 0);
  });

  it('connects with the sandbox credentials and stores them encrypted', async () => {
    const res = await connect(h);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    connectionId = res.body.data.id;
    token = res.body.token;
    const row = await h.store.connections.get(connectionId);
    assert.ok(row?.credentials && !row.credentials.includes(h.sim.clientSecret) && !row.credentials.includes(h.sim.apiKey));
  });

  it('a full sync brings every record, field by field as Proactis holds it', async () => {
    const state = await sync(h, connectionId);
    const cases: [string, string, unknown[], (r: any) => Json][] = [
      ['vendors', 'vendors', h.sim.data.suppliers, expectedVendor],
      ['purchaseRequisitions', 'purchase-requisitions', h.sim.data.requisitions, (r) => expectedRequisition(connectionId, r)],
      ['goodsReceipts', 'goods-receipts', h.sim.data.receipts, (r) => expectedReceipt(connectionId, r)],
      ['invoices', 'invoices', h.sim.data.invoices, (r) => expectedInvoice(connectionId, r)],
    ];
    for (const [entity, path, native, expected] of cases) {
      assert.equal(state[entity].status, 'succeeded', JSON.stringify(state[entity]));
      assert.equal(state[entity].counts.created, native.length, entity);
      assert.equal(state[entity].counts.failed, 0);
      const records = new Map((await listAll(h, token, path)).map((r) => [r.remoteId, r]));
      assert.equal(records.size, native.length, `${entity}: one record each`);
      for (const n of native) {
        const want = expected(n);
        assert.deepEqual(pick(records.get(want.remoteId)!, want), want, `${entity} ${want.remoteId}`);
      }
    }
    const invoices = await listAll(h, token, 'invoices');
    assert.deepEqual(new Set(invoices.map((i) => i.remoteStatus)), new Set(Object.keys(INVOICE)), 'every published invoice status came through');
  });

  it('an incremental sync picks up exactly what changed in Proactis', async () => {
    const [renamed, offline] = [h.sim.data.suppliers[4]!, h.sim.data.suppliers[9]!];
    h.sim.org.touch('suppliers', renamed.id, { name: 'Renamed in Proactis Ltd' });
    h.sim.org.touch('suppliers', offline.id, { online: !offline.online });
    const held = h.sim.data.invoices.find((i) => i.status === 'FORAPPROVAL')!;
    h.sim.org.touch('invoices', held.id, { status: 'ONHOLD' });
    const res = await fetch(`${h.sim.url}/receipts/v1/${h.sim.domainId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(h)}`, 'x-api-key': h.sim.apiKey, 'content-type': 'application/xml' },
      body: receiptXml(h.sim.data.suppliers[1]!.number),
    });
    assert.equal(res.status, 202);
    assert.equal(h.sim.process(), 1);

    const state = await sync(h, connectionId);
    const counts = (e: string) => state[e].counts;
    assert.deepEqual([counts('vendors').fetched, counts('vendors').updated, counts('vendors').created], [2, 2, 0]);
    assert.deepEqual([counts('invoices').fetched, counts('invoices').updated], [1, 1]);
    assert.deepEqual([counts('goodsReceipts').fetched, counts('goodsReceipts').created], [1, 1]);
    assert.equal(counts('purchaseRequisitions').fetched, 0);

    const vendors = new Map((await listAll(h, token, 'vendors')).map((v) => [v.remoteId, v]));
    assert.equal(vendors.get(renamed.id)!.name, 'Renamed in Proactis Ltd');
    assert.deepEqual(pick(vendors.get(offline.id)!, expectedVendor(offline)), expectedVendor(offline));
    const invoice = (await listAll(h, token, 'invoices')).find((i) => i.remoteId === held.id)!;
    assert.deepEqual([invoice.status, invoice.remoteStatus], ['disputed', 'ONHOLD']);
    const receipt = h.sim.data.receipts.at(-1)!;
    const stored = (await listAll(h, token, 'goods-receipts')).find((r) => r.remoteId === receipt.id)!;
    assert.deepEqual(pick(stored, expectedReceipt(connectionId, receipt)), expectedReceipt(connectionId, receipt));
  });

  it('creates, changes and deletes a supplier in Proactis through the API', async () => {
    const created = await h.app.inject({
      method: 'POST', url: '/v1/vendors', headers: { ...bearer(token), 'idempotency-key': 'vendor-e2e-1' },
      payload: { code: 'SUP77001', name: 'Harbour Fasteners Ltd', status: 'active', taxId: 'GB999888777', email: 'sales@harbour.example', address: { line1: '5 Quay Street', city: 'Bristol', postalCode: 'BS1 4DJ', country: 'GB' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const record = created.json().data;
    const native = h.sim.data.suppliers.find((s) => s.number === 'SUP77001')!;
    assert.equal(record.remoteId, native.id);
    assert.deepEqual(pick(record, expectedVendor(native)), expectedVendor(native));
    assert.deepEqual([native.name, native.online, native.vatNumber, native.address?.street], ['Harbour Fasteners Ltd', true, 'GB999888777', '5 Quay Street']);

    const changed = await h.app.inject({ method: 'PATCH', url: `/v1/vendors/${record.id}`, headers: { ...bearer(token), 'if-match': String(record.version) }, payload: { name: 'Harbour Fasteners', status: 'inactive', phone: '+44 117 000 0000' } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual([native.name, native.online, native.phone, native.email], ['Harbour Fasteners', false, '+44 117 000 0000', 'sales@harbour.example']);
    assert.deepEqual(pick(changed.json().data, expectedVendor(native)), expectedVendor(native));
    const blocked = await h.app.inject({ method: 'PATCH', url: `/v1/vendors/${record.id}`, headers: bearer(token), payload: { status: 'blocked' } });
    assert.equal(blocked.statusCode, 422, blocked.body);

    const inUse = (await listAll(h, token, 'vendors')).find((v) => v.remoteId === h.sim.data.invoices[0]!.supplier.id)!;
    const refused = await h.app.inject({ method: 'DELETE', url: `/v1/vendors/${inUse.id}`, headers: bearer(token) });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.code, 'rejected_by_system');
    assert.match(refused.json().error.details.systemMessage, /cannot be deleted/);

    const deleted = await h.app.inject({ method: 'DELETE', url: `/v1/vendors/${record.id}`, headers: bearer(token) });
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().deletion, 'hard');
    assert.equal(h.sim.data.suppliers.some((s) => s.number === 'SUP77001'), false);
  });

  it('backs off a run of bare 429s and retries, without hammering', async () => {
    const from = h.sim.log.length;
    h.sim.limiter.throttleFor(4000);
    const state = await sync(h, connectionId, true);
    for (const e of ['vendors', 'purchaseRequisitions', 'goodsReceipts', 'invoices']) assert.equal(state[e].status, 'succeeded', JSON.stringify(state[e]));
    const after = h.sim.log.slice(from);
    const throttled = after.filter((r) => r.status === 429).length;
    // Exponential backoff from 1–2 s: at most three attempts fall in a 4 s throttle; a client
    // retrying at once would have sent dozens.
    assert.ok(throttled >= 1 && throttled <= 3, `${throttled} requests were throttled`);
    assert.equal(h.sim.counters.injected, throttled);
    assert.equal((await listAll(h, token, 'vendors')).length, h.sim.data.suppliers.length);
  });

  it('GET /v1/capabilities says what Proactis allows, as the tests above prove', async () => {
    const res = await h.app.inject({ url: '/v1/capabilities', headers: bearer(token) });
    assert.equal(res.statusCode, 200, res.body);
    const caps: Json = res.json().data;
    assert.equal(caps.system, 'proactis');
    assert.deepEqual(Object.keys(caps.entities).sort(), ['goodsReceipts', 'invoices', 'purchaseRequisitions', 'vendors'], 'no purchase orders (pushed as cXML) and no contracts (no listing)');
    const v = caps.entities.vendors;
    assert.deepEqual([v.list.supported, v.get.supported, v.create.supported, v.update.supported, v.delete.supported, v.delete.deleteMode], [true, true, true, true, true, 'hard']);
    assert.deepEqual(v.create.requiredFields, ['code', 'name']);
    assert.deepEqual(v.update.transitions, { active: ['inactive'], inactive: ['active'] });
    assert.equal(v.concurrency, 'read_before_write');
    // Created by asynchronous import (test/proactis/imports.test.ts), never changed.
    for (const e of ['purchaseRequisitions', 'goodsReceipts', 'invoices']) {
      const c = caps.entities[e];
      assert.deepEqual([c.list.supported, c.get.supported, c.create.supported, c.create.asynchronous, c.update.supported, c.delete.supported], [true, true, true, true, false, false], e);
      assert.match(c.concurrencyNotes, /no update, cancel or delete/, 'the notes say why');
    }
    const system = await h.app.inject({ url: '/v1/systems/proactis', headers: admin });
    assert.equal(system.json().data.authMethod, 'oauth2_client_credentials');
    assert.deepEqual(system.json().data.credentialFields.map((f: Json) => f.name), ['region', 'domainId', 'clientId', 'clientSecret', 'apiKey', 'instanceUrl']);
  });
});

async function tokenOf(h: Harness): Promise<string> {
  const res = await fetch(`${h.sim.url}/oauth2/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${h.sim.clientId}:${h.sim.clientSecret}`).toString('base64')}` }, body: 'grant_type=client_credentials' });
  return String(((await res.json()) as Json).access_token);
}
