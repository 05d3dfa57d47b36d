/**
 * The SAP simulator's protocol, as the vendor documents it: logon per client, paging with a
 * server limit and `__next`/$skiptoken, $filter on keys and LastChangeDateTime, $orderby,
 * $select, $count, V2 error bodies (404, 400), JSON only (406), rate limiting (429 with
 * Retry-After), the business rules (atomic deep insert, release and deletion locks, MERGE
 * tunnelled), and data that is a pure function of the seed — also a million orders deep.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SimulatorHandle } from './handle.js';
import { startSapS4hana } from './server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks arbitrary OData JSON, as the tests under test/ do
type Json = Record<string, any>;

async function session(sim: SimulatorHandle) {
  const auth = `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.password}`).toString('base64')}`;
  const root = `${sim.url}/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/`;
  const fetched = await fetch(root, { headers: { authorization: auth, 'x-csrf-token': 'Fetch' } });
  const headers = { authorization: auth, 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': fetched.headers.get('x-csrf-token')!, cookie: fetched.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
  const get = async (path: string, extra: Record<string, string> = {}) => {
    const res = await fetch(path.startsWith('http') ? path : `${root}${path}${path.includes('?') ? '&' : '?'}$format=json`, { headers: { authorization: auth, ...extra } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: (() => { try { return JSON.parse(text) as Json; } catch { return {}; } })() };
  };
  const write = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${root}${path}`, { method, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Json) : {} };
  };
  return { root, get, write, auth };
}

describe('SAP simulator protocol', () => {
  let sim: SimulatorHandle;
  let s: Awaited<ReturnType<typeof session>>;
  before(async () => {
    sim = await startSapS4hana({ purchaseOrders: 230, seed: 21, maxPageSize: 50, pageSizeWithoutTop: 20 });
    s = await session(sim);
  });
  after(() => sim.stop());

  it('logs on per client: a wrong password or client is 401 with the SAP realm', async () => {
    for (const url of [`${s.root}?sap-client=200`, s.root]) {
      const res = await fetch(url, { headers: { authorization: url === s.root ? 'Basic d3Jvbmc6d3Jvbmc=' : s.auth } });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Basic realm="SAP NetWeaver Application Server \[S4H\/100\]"/);
    }
    assert.equal((await fetch(`${s.root}?sap-client=100`, { headers: { authorization: s.auth } })).status, 200);
    assert.equal((await fetch(`${sim.url}/sap/opu/odata/sap/NO_SUCH_SRV/`, { headers: { authorization: s.auth } })).status, 404);
  });

  it('pages on the server: at most the limit per answer, then __next with $skiptoken until the $top is served', async () => {
    const first = await s.get('A_PurchaseOrder?$top=120&$skip=5&$select=PurchaseOrder&$inlinecount=allpages&$filter=PurchaseOrder ge \'4500000003\'');
    assert.equal(first.json.d.results.length, 50);
    assert.equal(first.json.d.__count, '228');
    assert.match(first.json.d.__next, /\$skiptoken=50/);
    const numbers: string[] = first.json.d.results.map((r: Json) => r.PurchaseOrder);
    let next: string | undefined = first.json.d.__next;
    while (next) {
      const page = await s.get(next, { accept: 'application/json' });
      numbers.push(...page.json.d.results.map((r: Json) => r.PurchaseOrder));
      next = page.json.d.__next;
    }
    assert.equal(numbers.length, 120);
    assert.equal(numbers[0], '4500000008');
    assert.equal(new Set(numbers).size, 120);
    const noTop = await s.get('A_PurchaseOrder?$select=PurchaseOrder');
    assert.equal(noTop.json.d.results.length, 20, 'without $top, the smaller page');
    assert.ok(noTop.json.d.__next);
    const last = await s.get('A_PurchaseOrder?$top=10&$skip=225&$select=PurchaseOrder');
    assert.equal(last.json.d.results.length, 5);
    assert.equal(last.json.d.__next, undefined);
    assert.equal((await s.get('A_PurchaseOrder/$count')).text, '230');
  });

  it('filters by key and by LastChangeDateTime, orders, selects', async () => {
    const orders = sim.orders();
    const one = await s.get(`A_PurchaseOrder?$filter=PurchaseOrder eq '${String(orders[7]!.header.PurchaseOrder)}'`);
    assert.deepEqual(one.json.d.results.map((r: Json) => r.PurchaseOrder), [orders[7]!.header.PurchaseOrder]);
    const cut = Number(orders[150]!.header.LastChangeDateTime);
    const since = await s.get(`A_PurchaseOrder?$top=500&$select=PurchaseOrder,LastChangeDateTime&$filter=LastChangeDateTime ge datetimeoffset'${new Date(cut).toISOString()}'`);
    const want = orders.filter((o) => Number(o.header.LastChangeDateTime) >= cut).map((o) => o.header.PurchaseOrder);
    assert.deepEqual(since.json.d.results.map((r: Json) => r.PurchaseOrder), want.slice(0, 50));
    assert.deepEqual(Object.keys(since.json.d.results[0]).sort(), ['LastChangeDateTime', 'PurchaseOrder', '__metadata']);
    const supplier = String(orders[0]!.header.Supplier);
    const bySupplier = await s.get(`A_PurchaseOrder?$top=50&$filter=Supplier eq '${supplier}' and PurchasingProcessingStatus ne '99'&$orderby=PurchaseOrder desc&$select=PurchaseOrder,Supplier`);
    const expected = orders.filter((o) => o.header.Supplier === supplier).map((o) => o.header.PurchaseOrder).reverse();
    assert.deepEqual(bySupplier.json.d.results.map((r: Json) => r.PurchaseOrder), expected.slice(0, 50));
    const bad = await s.get("A_PurchaseOrder?$filter=NoSuchField eq 'x'");
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message.value, /NoSuchField/);
    assert.equal(bad.json.error.innererror.application.service_id, 'API_PURCHASEORDER_PROCESS_SRV');
    const missing = await s.get("A_PurchaseOrder('4599999999')");
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, '/IWBEP/CM_MGW_RT/020');
    const atom = await fetch(`${s.root}A_PurchaseOrder?$top=1`, { headers: { authorization: s.auth } });
    assert.equal(atom.status, 406, 'JSON only: a read asking for neither $format=json nor JSON is refused');
  });

  it('creates orders atomically, applies locks, tunnels MERGE', async () => {
    const supplier = sim.suppliers().find((x) => !x.purchasingBlocked && !x.deletionIndicator)!;
    const header = { PurchaseOrderType: 'NB', Supplier: supplier.supplier, CompanyCode: supplier.companyCode, PurchasingOrganization: supplier.purchasingOrganization, PurchasingGroup: supplier.purchasingGroup };
    const count = sim.orderCount;
    const bad = await s.write('POST', 'A_PurchaseOrder', { ...header, to_PurchaseOrderItem: { results: [{ Material: 'RM-SEAL-40', Plant: supplier.companyCode, OrderQuantity: '1', NetPriceAmount: '2' }, { Material: 'NOPE', Plant: supplier.companyCode, OrderQuantity: '1', NetPriceAmount: '2' }] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.innererror.errordetails[0].propertyref, 'Material');
    assert.equal(sim.orderCount, count, 'nothing of a refused deep insert was created');
    const unknownProperty = await s.write('POST', 'A_PurchaseOrder', { ...header, Foo: 1 });
    assert.equal(unknownProperty.status, 400);
    const created = await s.write('POST', 'A_PurchaseOrder', { ...header, PurchasingProcessingStatus: '05', to_PurchaseOrderItem: { results: [{ Material: 'RM-SEAL-40', Plant: supplier.companyCode, OrderQuantity: '1', NetPriceAmount: '2' }] } });
    assert.equal(created.status, 201);
    assert.equal(created.json.d.PurchasingProcessingStatus, '02', 'a read-only property in the body is ignored');
    const n = created.json.d.PurchaseOrder as string;
    assert.equal((await s.write('POST', `A_PurchaseOrder('${n}')`, { PaymentTerms: '0003' }, { 'x-http-method': 'MERGE' })).status, 204);
    assert.equal(sim.order(n)!.header.PaymentTerms, '0003');
    const stamp = Number(sim.order(n)!.header.LastChangeDateTime);
    sim.change(n, { header: { PurchasingProcessingStatus: '05' } });
    const locked = await s.write('PATCH', `A_PurchaseOrder('${n}')`, { PaymentTerms: '0001' });
    assert.equal(locked.status, 400);
    assert.match(locked.json.error.message.value, /release/);
    assert.ok(Number(sim.order(n)!.header.LastChangeDateTime) > stamp, 'a change in SAP moves LastChangeDateTime');
    sim.change(n, { header: { PurchasingProcessingStatus: '02' }, items: { '10': { IsCompletelyDelivered: true } } });
    assert.equal((await s.write('DELETE', `A_PurchaseOrderItem(PurchaseOrder='${n}',PurchaseOrderItem='10')`)).status, 400, 'no deletion after a goods receipt');
    sim.change(n, { items: { '10': { IsCompletelyDelivered: false } } });
    assert.equal((await s.write('DELETE', `A_PurchaseOrder('${n}')`)).status, 204);
    assert.equal(sim.order(n)!.header.PurchasingDocumentDeletionCode, 'L');
    const again = await s.write('PATCH', `A_PurchaseOrder('${n}')`, { PaymentTerms: '0001' });
    assert.equal(again.json.error.code, '06/020');
  });

  it('answers 429 with Retry-After when throttled', async () => {
    sim.throttleNext(2, 7);
    const a = await s.get('A_PurchaseOrder?$top=1');
    assert.equal(a.status, 429);
    assert.equal(a.headers.get('retry-after'), '7');
    assert.equal(a.json.fault.detail.errorcode, 'policies.ratelimit.SpikeArrestViolation');
    assert.equal((await s.get('A_PurchaseOrder?$top=1')).status, 429);
    assert.equal((await s.get('A_PurchaseOrder?$top=1')).status, 200);
  });
});

describe('SAP simulator data', () => {
  it('is a pure function of the seed, and a million orders cost nothing up front', async () => {
    const [a, b, c] = await Promise.all([startSapS4hana({ seed: 4, purchaseOrders: 50 }), startSapS4hana({ seed: 4, purchaseOrders: 50 }), startSapS4hana({ seed: 5, purchaseOrders: 50 })]);
    const big = await startSapS4hana({ seed: 4, purchaseOrders: 1_000_000, rateLimit: { requests: 2, perSeconds: 60 } });
    try {
      assert.deepEqual(a.orders(), b.orders());
      assert.notDeepEqual(a.orders(), c.orders());
      assert.equal(big.orderCount, 1_000_000);
      const s = await session(big);
      const deep = await s.get("A_PurchaseOrder?$top=3&$skip=999997&$expand=to_PurchaseOrderItem&$filter=LastChangeDateTime ge datetimeoffset'2025-06-01T00:00:00Z'&$inlinecount=allpages");
      assert.equal(deep.status, 200);
      assert.deepEqual(deep.json.d.results.map((r: Json) => r.PurchaseOrder), [], 'past the end of the filtered orders');
      const tail = await s.get('A_PurchaseOrder?$top=2&$skip=999998&$select=PurchaseOrder');
      assert.equal(tail.status, 429, 'the configured rate limit (the session fetch and two reads used it up)');
      assert.match(tail.headers.get('retry-after') ?? '', /^\d+$/);
      assert.deepEqual(big.order('4501000000')!.header, (await startSapS4hana({ seed: 4, purchaseOrders: 1_000_000 }).then(async (x) => { const o = x.order('4501000000')!; await x.stop(); return o; })).header);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop(), big.stop()]);
    }
  });
});
