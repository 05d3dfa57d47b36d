/**
 * The simulator's answers against SAP's published EDMX (spec/edmx-types.json): every entity it
 * serves — orders, items, schedule lines, suppliers with their purchasing and company data,
 * listed, expanded and read by key — has exactly the properties of its entity type, each with a
 * value of its Edm type and facets (decimals as strings with the scale, /Date(ms)/,
 * /Date(ms+0000)/, max lengths), __metadata and navigations as OData V2 JSON writes them; the
 * wire text escapes the slashes of dates as Gateway does; $metadata lists the same types.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { entityProblems, fixtureType } from './edm-check.test-support.js';
import type { SimulatorHandle } from './handle.js';
import { startSapS4hana } from './server.js';

const PO = 'API_PURCHASEORDER_PROCESS_SRV';
const BP = 'API_BUSINESS_PARTNER';

describe('SAP simulator fidelity to the EDMX', () => {
  let sim: SimulatorHandle;
  before(async () => {
    sim = await startSapS4hana({ purchaseOrders: 150, seed: 3 });
  });
  after(() => sim.stop());

  const get = async (service: string, path: string) => {
    const res = await fetch(`${sim.url}/sap/opu/odata/sap/${service}/${path}${path.includes('?') ? '&' : '?'}$format=json`, {
      headers: { authorization: `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.password}`).toString('base64')}` },
    });
    const text = await res.text();
    assert.equal(res.status, 200, text.slice(0, 500));
    return { text, body: JSON.parse(text) as { d: Record<string, unknown> & { results?: Record<string, unknown>[] } } };
  };

  it('every order, item and schedule line listed with $expand fits its entity type', async () => {
    const { text, body } = await get(PO, 'A_PurchaseOrder?$top=150&$inlinecount=allpages&$expand=to_PurchaseOrderItem/to_ScheduleLine');
    assert.equal(body.d.__count, '150', '__count is a string');
    const problems = body.d.results!.flatMap((e) => entityProblems(PO, 'A_PurchaseOrderType', e));
    assert.deepEqual(problems.slice(0, 10), []);
    assert.ok(body.d.results!.every((o) => ((o.to_PurchaseOrderItem as { results: unknown[] }).results.length > 0)));
    assert.match(text, /"CreationDate":"\\\/Date\(\d+\)\\\/"/, 'Edm.DateTime with escaped slashes, as Gateway writes it');
    assert.match(text, /"LastChangeDateTime":"\\\/Date\(\d+\+0000\)\\\/"/, 'Edm.DateTimeOffset with its offset');
    // Every navigation not expanded is deferred, e.g. the notes.
    assert.ok(body.d.results!.every((o) => (o.to_PurchaseOrderNote as { __deferred?: unknown }).__deferred));
  });

  it('entities read by key and through navigations fit their types', async () => {
    const order = sim.orders().find((o) => o.items.length > 1)!;
    const n = String(order.header.PurchaseOrder);
    const item = String(order.items[1]!.item.PurchaseOrderItem);
    const one = await get(PO, `A_PurchaseOrder('${n}')`);
    assert.deepEqual(entityProblems(PO, 'A_PurchaseOrderType', one.body.d), []);
    const items = await get(PO, `A_PurchaseOrder('${n}')/to_PurchaseOrderItem?$expand=to_ScheduleLine,to_PurchaseOrder`);
    assert.deepEqual(items.body.d.results!.flatMap((e) => entityProblems(PO, 'A_PurchaseOrderItemType', e)), []);
    const byKey = await get(PO, `A_PurchaseOrderItem(PurchaseOrder='${n}',PurchaseOrderItem='${item}')`);
    assert.deepEqual(entityProblems(PO, 'A_PurchaseOrderItemType', byKey.body.d), []);
    const lines = await get(PO, `A_PurchaseOrderScheduleLine?$top=40`);
    assert.deepEqual(lines.body.d.results!.flatMap((e) => entityProblems(PO, 'A_PurchaseOrderScheduleLineType', e)), []);
    const allItems = await get(PO, 'A_PurchaseOrderItem?$top=300');
    assert.deepEqual(allItems.body.d.results!.flatMap((e) => entityProblems(PO, 'A_PurchaseOrderItemType', e)).slice(0, 10), []);
  });

  it('suppliers with their purchasing and company data fit API_BUSINESS_PARTNER\'s types', async () => {
    const { body } = await get(BP, 'A_Supplier?$expand=to_SupplierPurchasingOrg,to_SupplierCompany&$inlinecount=allpages');
    assert.equal(body.d.__count, String(sim.suppliers().length));
    assert.deepEqual(body.d.results!.flatMap((e) => entityProblems(BP, 'A_SupplierType', e)).slice(0, 10), []);
    const s = sim.suppliers()[0]!;
    const company = await get(BP, `A_SupplierCompany(Supplier='${s.supplier}',CompanyCode='${s.companyCode}')?$expand=to_Supplier`);
    assert.deepEqual(entityProblems(BP, 'A_SupplierCompanyType', company.body.d), []);
  });

  it('an order created through the API is served as well-formed as a seeded one', async () => {
    const auth = `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.password}`).toString('base64')}`;
    const root = `${sim.url}/sap/opu/odata/sap/${PO}/`;
    const fetched = await fetch(root, { headers: { authorization: auth, 'x-csrf-token': 'Fetch' } });
    const s = sim.suppliers().find((x) => !x.purchasingBlocked && !x.deletionIndicator)!;
    const res = await fetch(`${root}A_PurchaseOrder`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': fetched.headers.get('x-csrf-token')!, cookie: fetched.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') },
      body: JSON.stringify({ d: { PurchaseOrderType: 'NB', Supplier: s.supplier, CompanyCode: s.companyCode, PurchasingOrganization: s.purchasingOrganization, PurchasingGroup: s.purchasingGroup, to_PurchaseOrderItem: [{ Material: 'RM-SEAL-40', Plant: s.companyCode, OrderQuantity: 3, NetPriceAmount: '3.7' }] } }),
    });
    assert.equal(res.status, 201);
    const d = ((await res.json()) as { d: Record<string, unknown> }).d;
    assert.deepEqual(entityProblems(PO, 'A_PurchaseOrderType', d), []);
    const again = await get(PO, `A_PurchaseOrder('${String(d.PurchaseOrder)}')?$expand=to_PurchaseOrderItem/to_ScheduleLine`);
    assert.deepEqual(entityProblems(PO, 'A_PurchaseOrderType', again.body.d), []);
  });

  it('$metadata lists the entity types with the fixture\'s properties and types', async () => {
    const res = await fetch(`${sim.url}/sap/opu/odata/sap/${PO}/$metadata`, { headers: { authorization: `Basic ${Buffer.from(`${sim.credentials.username}:${sim.credentials.password}`).toString('base64')}` } });
    assert.match(res.headers.get('content-type') ?? '', /xml/);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['EntityType', 'Property', 'EntitySet'].includes(n) }).parse(await res.text());
    const types = doc['edmx:Edmx']['edmx:DataServices'].Schema.EntityType as { Name: string; Property: { Name: string; Type: string }[] }[];
    for (const name of ['A_PurchaseOrderType', 'A_PurchaseOrderItemType', 'A_PurchaseOrderScheduleLineType']) {
      const served = types.find((t) => t.Name === name)!;
      assert.deepEqual(served.Property.map((p) => `${p.Name}:${p.Type}`), fixtureType(PO, name).properties.map((p) => `${p.name}:${p.type}`));
    }
    assert.ok(!/ConcurrencyMode/.test(JSON.stringify(doc)), 'no ETag, as the published EDMX');
  });
});
