/**
 * Field mapping against a real Tryton: every purchase-order and line field is accounted for;
 * a custom field and an override apply on the next read (no sync, no restart) and disappear on
 * rollback; bad sources are refused; versions and diffs are listed.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { admin, bearer } from '../support/app.js';
import { trytonGate, type TrytonServer } from '../support/tryton.js';
import { trytonApp, type TrytonApp } from '../support/tryton-app.js';
import { PurchaseOrderLine, purchaseOrderFields } from '../../src/models/purchase-order.js';
import type { Store } from '../../src/store/index.js';

type Json = Record<string, any>;

const gate = await trytonGate('field-mapping tests');

describe('field mapping against Tryton', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let app: FastifyInstance;
  let token: string;
  let connectionId: string;
  let env: TrytonApp;

  before(async () => {
    gate.require();
    env = await trytonApp({ name: 'Mapped', sync: true });
    ({ tryton, store, app, token, connectionId } = env);
  });
  after(async () => env?.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const withReference = async () => {
    const [id] = await tryton.rpc<number[]>('model.purchase.purchase.search', [[['reference', '!=', null], ['comment', '!=', null]], 0, 1, [['id', 'ASC']]]);
    if (id !== undefined) return id;
    const [any] = await tryton.rpc<number[]>('model.purchase.purchase.search', [[['state', '=', 'draft']], 0, 1, [['id', 'ASC']]]);
    await tryton.rpc('model.purchase.purchase.write', [[any], { reference: 'SUP-REF-1', comment: 'Deliver to gate 2' }]);
    await app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/sync?wait=true`, headers: admin, payload: {} });
    return any!;
  };

  it('lists every purchase-order and line field with its Tryton source or why there is none', async () => {
    const res = await call('GET', '/v1/field-mapping');
    assert.equal(res.statusCode, 200, res.body);
    const po = res.json().data.entities.find((e: Json) => e.entity === 'purchaseOrders');
    const fields = new Map(po.fields.map((f: Json) => [f.field, f]));
    for (const f of Object.keys(purchaseOrderFields).filter((k) => k !== 'lines')) {
      const row: Json | undefined = fields.get(f) as Json | undefined;
      assert.ok(row, `${f} is listed`);
      assert.ok(row.native.path || row.native.paths || (row.native.none && row.native.none.length > 10), `${f}: a source or a reason`);
    }
    const lines = new Map(po.lines.map((f: Json) => [f.field, f]));
    for (const f of Object.keys(PurchaseOrderLine.shape).filter((k) => k !== 'customFields')) assert.ok(lines.has(`lines[].${f}`), `lines[].${f} is listed`);
    assert.ok(po.unmapped.length > 0, 'native fields nothing maps are shown');
    assert.ok(po.unmapped.every((u: Json) => 'example' in u));
    // The admin key sees the same under the connection.
    const asAdmin = await app.inject({ url: `/v1/connections/${connectionId}/field-mapping`, headers: admin });
    assert.equal(asAdmin.statusCode, 200);
    assert.equal(asAdmin.json().data.entities.length, res.json().data.entities.length);
  });

  it('a custom field shows on the next read without a sync, and goes away on rollback', async () => {
    const remoteId = String(await withReference());
    const row = (await store.records.getByRemoteId(connectionId, 'purchaseOrders', remoteId))!;
    const [native] = await tryton.rpc<Json[]>('model.purchase.purchase.read', [[Number(remoteId)], ['reference', 'comment', 'description']]);
    const syncs = (await store.checkpoints.get(connectionId, 'purchaseOrders'))!.lastRunStartedAt;

    // A preview on a real record first: nothing is saved.
    const preview = await call('POST', '/v1/field-mapping/purchase-orders/preview', { recordId: row.id, change: { customFields: { supplierReference: { source: 'reference' } } } });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal(preview.json().data.preview.customFields.supplierReference, native!.reference);
    assert.equal(preview.json().data.current.customFields.supplierReference, undefined);
    assert.deepEqual((await call('GET', '/v1/field-mapping/versions')).json().data, [], 'a preview saves nothing');

    const put = await call('PUT', '/v1/field-mapping/purchase-orders', { customFields: { supplierReference: { source: 'reference' } } });
    assert.equal(put.statusCode, 200, put.body);
    const version = put.json().data.version;
    assert.ok(put.json().data.customFields.some((c: Json) => c.field === 'customFields.supplierReference' && c.source === 'custom'));
    const read = await call('GET', `/v1/purchase-orders/${row.id}`);
    assert.equal(read.json().data.customFields.supplierReference, native!.reference);

    const override = await call('PUT', '/v1/field-mapping/purchase-orders', { fields: { description: { source: 'comment' } } });
    assert.equal(override.statusCode, 200, override.body);
    assert.equal(override.json().data.fields.find((f: Json) => f.field === 'description').source, 'override');
    const overridden = await call('GET', `/v1/purchase-orders/${row.id}`);
    assert.equal(overridden.json().data.description, native!.comment);
    let listed: Json | undefined;
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: Json = (await call('GET', `/v1/purchase-orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
      listed ??= page.data.find((o: Json) => o.id === row.id);
      cursor = page.nextCursor;
    }
    assert.equal(listed!.description, native!.comment, 'lists apply it too');
    assert.equal((await store.checkpoints.get(connectionId, 'purchaseOrders'))!.lastRunStartedAt, syncs, 'no sync ran');

    const diff = await call('GET', `/v1/field-mapping/purchase-orders/diff?from=${version}&to=${version + 1}`);
    assert.deepEqual(diff.json().data.added, ['description']);
    const versions = await call('GET', '/v1/field-mapping/versions?entity=purchase-orders');
    assert.deepEqual(versions.json().data.map((v: Json) => v.version), [version, version + 1]);

    const back = await call('POST', '/v1/field-mapping/purchase-orders/rollback', { version: 0 });
    assert.equal(back.statusCode, 200, back.body);
    const restored = (await call('GET', `/v1/purchase-orders/${row.id}`)).json().data;
    assert.equal(restored.description, native!.description ?? null, 'the default is back');
    assert.equal(restored.customFields.supplierReference, undefined, 'the custom field is gone');
  });

  it('refuses sources that are not native fields, and fields that are not unified ones', async () => {
    const bad = await call('PUT', '/v1/field-mapping/purchase-orders', { fields: { description: { source: 'no_such_field' }, notAField: { source: 'comment' } }, customFields: { 'bad name': { source: 'reference' } } });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.issues.map((i: Json) => i.path).sort();
    assert.ok(paths.some((p: string) => p.includes('bad name')) || paths.includes('fields.description.source'), JSON.stringify(paths));
    const second = await call('PUT', '/v1/field-mapping/purchase-orders', { fields: { description: { source: 'no_such_field' }, notAField: { source: 'comment' } } });
    assert.deepEqual(second.json().error.details.issues.map((i: Json) => i.path).sort(), ['fields.description.source', 'fields.notAField']);
    assert.equal((await call('PUT', '/v1/field-mapping/work-orders', { fields: {} })).statusCode, 404);
  });

  it('writes a custom field back where Tryton lets it, and refuses the others before any call', async () => {
    const [draft] = await tryton.rpc<number[]>('model.purchase.purchase.search', [[['state', '=', 'draft']], 0, 1, [['id', 'DESC']]]);
    const row = (await store.records.getByRemoteId(connectionId, 'purchaseOrders', String(draft)))!;
    const caps = (await call('GET', '/v1/capabilities')).json().data.entities.purchaseOrders.update;
    assert.deepEqual(caps.customFieldTargets, ['reference']);
    await call('PUT', '/v1/field-mapping/purchase-orders', { customFields: { supplierReference: { source: 'reference' }, gateNote: { source: 'comment' } } });

    const res = await app.inject({ method: 'PATCH', url: `/v1/purchase-orders/${row.id}`, headers: bearer(token), payload: { customFields: { supplierReference: 'SUP-777' } } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().data.customFields.supplierReference, 'SUP-777');
    const [native] = await tryton.rpc<Json[]>('model.purchase.purchase.read', [[draft], ['reference']]);
    assert.equal(native!.reference, 'SUP-777', 'written in Tryton');

    for (const customFields of [{ gateNote: 'x' }, { nobody: 'x' }]) {
      const refused = await app.inject({ method: 'PATCH', url: `/v1/purchase-orders/${row.id}`, headers: bearer(token), payload: { customFields } });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.equal(refused.json().error.code, 'field_not_updatable');
      const calls = (await app.inject({ url: `/v1/requests/${refused.headers['x-request-id']}`, headers: admin })).json().data.calls;
      assert.deepEqual(calls, [], 'refused before any call');
    }
    await call('POST', '/v1/field-mapping/purchase-orders/rollback', { version: 0 });
  });

  it('passthrough reads a Tryton record the unified model does not cover; escapes are refused before any call', async () => {
    const res = await call('POST', '/v1/passthrough', { method: 'POST', path: `/${tryton.database}/`, body: { id: 1, method: 'model.company.company.search_read', params: [[], 0, 10, null, ['rec_name', 'currency'], {}] } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 200);
    assert.equal(res.json().body.result[0].rec_name, 'Demo Maintenance Co');
    const log = (await app.inject({ url: `/v1/requests/${res.headers['x-request-id']}`, headers: admin })).json().data;
    assert.ok(log.calls.length >= 1, 'it went through the request log');
    for (const path of ['/../admin', `//${new URL(tryton.url).host}/`, 'http://127.0.0.1:1/', '/%2e%2e/x']) {
      const bad = await call('POST', '/v1/passthrough', { method: 'GET', path });
      assert.equal(bad.statusCode, 400, path);
      const calls = (await app.inject({ url: `/v1/requests/${bad.headers['x-request-id']}`, headers: admin })).json().data.calls;
      assert.deepEqual(calls, [], `${path}: no call made`);
    }
    const forged = await call('POST', '/v1/passthrough', { method: 'GET', path: '/', headers: { Authorization: 'Basic eA==' } });
    assert.equal(forged.statusCode, 400);
  });
});
