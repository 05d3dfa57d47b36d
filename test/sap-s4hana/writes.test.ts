/**
 * Writes to SAP S/4HANA through the public API against the simulator, each checked in the
 * simulator's own data: the CSRF handshake (refused without the token or its cookie, as SAP
 * does; fetched once and sent with its cookies by the connector; fetched again after the
 * session expired), create with items (deep insert), PATCH of header and items, delete as the
 * deletion flag, a stale If-Match caught by Manifold's read before writing with no write
 * reaching SAP, locks refused before any call, SAP's own refusals, and capabilities that say
 * exactly that.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer } from '../support/app.js';
import { sapApp, type Json, type SapApp } from './support.js';

describe('writes against SAP S/4HANA', () => {
  let env: SapApp;
  let token: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const service = () => `${env.sim.url}/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/`;
  const auth = () => `Basic ${Buffer.from(`${env.sim.credentials.username}:${env.sim.credentials.password}`).toString('base64')}`;
  const supplier = () => env.sim.suppliers().find((s) => !s.purchasingBlocked && !s.deletionIndicator && s.companyCode === '1710')!;
  const newOrder = (extra: Json = {}) => ({
    vendor: { remoteId: supplier().supplier },
    site: { remoteId: '1710' },
    shippingMethod: 'FCA',
    lines: [
      { itemCode: 'RM-BRG-6204', quantity: '4', unitPrice: '12.5', deliveryDate: '2027-03-01' },
      { item: { remoteId: 'RM-OIL-HV46' }, quantity: '20', unitPrice: '0.4235', description: 'Hydraulic oil for press 3' },
    ],
    ...extra,
  });
  const writesTo = (from: number) => env.sim.requests.slice(from).filter((r) => r.method !== 'GET');

  before(async () => {
    env = await sapApp({ purchaseOrders: 120, seed: 5 });
    const { connectionId, token: t } = await env.connect();
    token = t;
    await env.sync(connectionId);
  });
  after(() => env?.close());

  it('the simulator refuses a write without a valid CSRF token as SAP does', async () => {
    const post = (headers: Record<string, string>) => fetch(`${service()}A_PurchaseOrder`, { method: 'POST', headers: { authorization: auth(), 'content-type': 'application/json', ...headers }, body: '{}' });
    const none = await post({});
    assert.equal(none.status, 403);
    assert.equal(none.headers.get('x-csrf-token'), 'Required');
    assert.equal(await none.text(), 'CSRF token validation failed');
    const fetched = await fetch(service(), { headers: { authorization: auth(), 'x-csrf-token': 'Fetch' } });
    const tokenValue = fetched.headers.get('x-csrf-token')!;
    const cookies = fetched.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    assert.ok(tokenValue && /SAP_SESSIONID_S4H_100=/.test(cookies), 'a token and the session cookie it belongs to');
    assert.equal((await post({ 'x-csrf-token': tokenValue })).status, 403, 'the token without its session cookie');
    assert.equal((await post({ 'x-csrf-token': 'forged', cookie: cookies })).status, 403, 'the cookie with another token');
    const ok = await post({ 'x-csrf-token': tokenValue, cookie: cookies });
    assert.equal(ok.status, 400, 'past the CSRF check, the empty order meets SAP\'s rules');
    assert.equal(((await ok.json()) as Json).error.code, 'ME/083');
  });

  it('creates an order with its items in one deep insert, fetching a token with its cookies', async () => {
    const fetches = env.sim.counters.csrfFetches;
    const from = env.sim.requests.length;
    const res = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'sap-create-1' });
    assert.equal(res.statusCode, 201, res.body);
    const po = res.json().data;
    assert.equal(po.status, 'ordered');
    assert.equal(env.sim.counters.csrfFetches, fetches + 1, 'one token fetched');
    const [post, ...others] = writesTo(from);
    assert.equal(post!.method, 'POST');
    assert.equal(post!.path, 'A_PurchaseOrder');
    assert.equal(post!.status, 201);
    assert.deepEqual(others, [], 'one call creates header and items');
    const native = env.sim.order(po.remoteId)!;
    const s = supplier();
    assert.equal(native.header.Supplier, s.supplier);
    assert.equal(native.header.PurchasingOrganization, s.purchasingOrganization, 'the supplier\'s purchasing data');
    assert.equal(native.header.PurchasingGroup, s.purchasingGroup);
    assert.equal(native.header.CompanyCode, '1710');
    assert.equal(native.header.IncotermsClassification, 'FCA');
    assert.equal(native.header.CreatedByUser, env.sim.credentials.username);
    assert.equal(native.items.length, 2);
    assert.deepEqual(native.items.map((it) => [it.item.Material, it.item.Plant, it.item.OrderQuantity, it.item.NetPriceAmount, it.item.NetPriceQuantity]), [
      ['RM-BRG-6204', '1710', '4.000', '12.500', '1'],
      ['RM-OIL-HV46', '1710', '20.000', '4.235', '10'],
    ]);
    assert.equal(native.items[0]!.schedules[0]!.ScheduleLineDeliveryDate, Date.UTC(2027, 2, 1));
    assert.equal(po.lines[1].unitPrice, '0.4235');
    assert.equal(po.lines[0].deliveryDate, '2027-03-01');
    assert.equal(po.lines[1].description, 'Hydraulic oil for press 3');
    assert.equal(po.site.remoteId, '1710');
    const again = await call('POST', '/v1/purchase-orders', newOrder(), { 'idempotency-key': 'sap-create-1' });
    assert.equal(again.json().data.remoteId, po.remoteId, 'the same key never creates twice');
  });

  it('changes header and items, adds a line and flags a left-out item for deletion', async () => {
    const po = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    const from = env.sim.requests.length;
    const res = await call('PATCH', `/v1/purchase-orders/${po.id}`, {
      paymentTerms: '0002',
      orderDate: '2027-01-15',
      lines: [{ remoteId: po.lines[0].remoteId, quantity: '6', deliveryDate: '2027-04-01' }, { itemCode: 'RM-SEAL-40', quantity: '10', unitPrice: '3.75' }],
    }, { 'if-match': String(po.version) });
    assert.equal(res.statusCode, 200, res.body);
    const u = res.json().data;
    assert.equal(u.paymentTerms, '0002');
    assert.equal(u.orderDate, '2027-01-15');
    assert.deepEqual(u.lines.map((l: Json) => [l.remoteId, l.quantity, l.status]), [['10', '6.000', 'open'], ['20', '20.000', 'cancelled'], ['30', '10.000', 'open']]);
    assert.equal(u.lines[0].deliveryDate, '2027-04-01');
    const native = env.sim.order(po.remoteId)!;
    assert.equal(native.header.PaymentTerms, '0002');
    assert.equal(native.items.find((it) => it.item.PurchaseOrderItem === '20')!.item.PurchasingDocumentDeletionCode, 'L');
    assert.deepEqual(writesTo(from).map((r) => `${r.method} ${r.path.replace(/\(.*\)/, '(…)')}`), [
      'PATCH A_PurchaseOrder(…)',
      'PATCH A_PurchaseOrderItem(…)',
      'PATCH A_PurchaseOrderScheduleLine(…)',
      'POST A_PurchaseOrder(…)/to_PurchaseOrderItem',
      'DELETE A_PurchaseOrderItem(…)',
    ]);
  });

  it('deletes as SAP does: the deletion flag, the order kept as cancelled', async () => {
    const po = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    const res = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deletion, 'cancelled');
    assert.equal(res.json().data.status, 'cancelled');
    assert.equal(res.json().data.deletedAt, null, 'SAP keeps the order');
    const native = env.sim.order(po.remoteId)!;
    assert.equal(native.header.PurchasingDocumentDeletionCode, 'L');
    assert.ok(native.items.every((it) => it.item.PurchasingDocumentDeletionCode === 'L'));
    const again = await call('DELETE', `/v1/purchase-orders/${po.id}`);
    assert.equal(again.statusCode, 409, 'a cancelled order is locked');
  });

  it('fetches a new token once when SAP\'s session expired', async () => {
    const po = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    env.sim.expireSessions();
    const [fetches, refused] = [env.sim.counters.csrfFetches, env.sim.counters.csrfRefused];
    const res = await call('PATCH', `/v1/purchase-orders/${po.id}`, { shippingMethod: 'DAP' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(env.sim.counters.csrfRefused, refused + 1, 'the stale token was refused once');
    assert.equal(env.sim.counters.csrfFetches, fetches + 1, 'and a new one fetched');
    assert.equal(env.sim.order(po.remoteId)!.header.IncotermsClassification, 'DAP');
  });

  it('answers a stale If-Match 409 after a change in SAP, without writing to SAP', async () => {
    const po = (await call('POST', '/v1/purchase-orders', newOrder())).json().data;
    env.sim.change(po.remoteId, { header: { PaymentTerms: '0003' } }); // a user in ME22N; not synced yet
    const writes = env.sim.counters.writes;
    const from = env.sim.requests.length;
    const res = await call('PATCH', `/v1/purchase-orders/${po.id}`, { paymentTerms: '0001' }, { 'if-match': String(po.version) });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'version_conflict');
    assert.equal(env.sim.counters.writes, writes, 'no write reached SAP');
    assert.deepEqual(writesTo(from), []);
    assert.ok(env.sim.requests.slice(from).some((r) => r.method === 'GET' && r.path.startsWith('A_PurchaseOrder(')), 'Manifold read the order first');
    assert.equal(env.sim.order(po.remoteId)!.header.PaymentTerms, '0003', 'SAP keeps the user\'s change');
    const current = (await call('GET', `/v1/purchase-orders/${po.id}`)).json().data;
    assert.equal(current.paymentTerms, '0003', 'the change made in SAP is now the stored version');
    assert.equal((await call('PATCH', `/v1/purchase-orders/${po.id}`, { paymentTerms: '0001' }, { 'if-match': String(current.version) })).statusCode, 200);
  });

  it('refuses locked orders before any call, and passes SAP\'s own refusals on', async () => {
    const orders = await env.listAll(token, 'purchase-orders');
    for (const [status, op] of [['approved', 'PATCH'], ['pending_approval', 'PATCH'], ['received', 'DELETE'], ['closed', 'PATCH']] as const) {
      const po = orders.find((o) => o.status === status)!;
      const res = op === 'PATCH' ? await call('PATCH', `/v1/purchase-orders/${po.id}`, { paymentTerms: '0001' }) : await call('DELETE', `/v1/purchase-orders/${po.id}`);
      assert.equal(res.statusCode, 409, `${op} ${status}: ${res.body}`);
      assert.equal(res.json().error.code, 'record_locked');
      const calls = await env.callsOf(res.headers['x-request-id'] as string);
      assert.ok(calls.every((c) => c.method === 'GET'), `${op} ${status}: only the read before writing reached SAP`);
    }
    const unknownMaterial = await call('POST', '/v1/purchase-orders', newOrder({ lines: [{ itemCode: 'NO-SUCH-PART', quantity: '1', unitPrice: '1' }] }));
    assert.equal(unknownMaterial.statusCode, 422, unknownMaterial.body);
    assert.equal(unknownMaterial.json().error.code, 'rejected_by_system');
    assert.equal(unknownMaterial.json().error.details.field, 'lines[].item');
    assert.match(unknownMaterial.json().error.details.systemMessage, /M3\/305/);
    const blocked = env.sim.suppliers().find((s) => s.purchasingBlocked)!;
    const refused = await call('POST', '/v1/purchase-orders', newOrder({ vendor: { remoteId: blocked.supplier } }));
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.details.field, 'vendor');
  });

  it('GET /v1/capabilities says exactly what these tests prove', async () => {
    const caps = (await call('GET', '/v1/capabilities')).json().data;
    assert.equal(caps.system, 'sap-s4hana');
    const po = caps.entities.purchaseOrders;
    assert.deepEqual(po.create.requiredFields, ['vendor', 'site', 'lines', 'lines[].item|lines[].itemCode', 'lines[].quantity', 'lines[].unitPrice']);
    for (const f of ['vendor', 'site', 'shippingMethod', 'lines[].deliveryDate', 'lines[].description', 'lines[].unitPrice']) assert.ok(po.create.writableFields.includes(f), f);
    assert.deepEqual(po.update.updatableFields, ['paymentTerms', 'orderDate', 'shippingMethod', 'lines', 'lines[].item', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].deliveryDate']);
    assert.deepEqual(po.update.lockedWhen.statuses, ['pending_approval', 'approved', 'closed', 'cancelled']);
    assert.equal(po.update.lockedWhen.enforcedBy, 'system');
    assert.equal(po.delete.deleteMode, 'cancelled');
    assert.ok(po.delete.lockedWhen.statuses.includes('received') && po.delete.lockedWhen.statuses.includes('cancelled'));
    assert.equal(po.concurrency, 'read_before_write');
    assert.match(po.concurrencyNotes, /no ETag/);
    const vendor = (await call('GET', '/v1/vendors?limit=1')).json().data[0];
    for (const res of [await call('POST', '/v1/vendors', { name: 'x' }), await call('PATCH', `/v1/vendors/${vendor.id}`, { name: 'x' }), await call('DELETE', `/v1/vendors/${vendor.id}`)]) {
      assert.equal(res.statusCode, 405, res.body);
      assert.deepEqual(await env.callsOf(res.headers['x-request-id'] as string), []);
    }
    const notWritable = await call('PATCH', `/v1/purchase-orders/${(await env.listAll(token, 'purchase-orders')).find((o) => o.status === 'ordered')!.id}`, { vendor: { remoteId: '17300002' } });
    assert.equal(notWritable.statusCode, 422);
    assert.equal(notWritable.json().error.code, 'field_not_updatable');
    const missing = await call('POST', '/v1/purchase-orders', { vendor: { remoteId: supplier().supplier }, lines: [{ quantity: '1' }] });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(await env.callsOf(missing.headers['x-request-id'] as string), []);
  });
});
