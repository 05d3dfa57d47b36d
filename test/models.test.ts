import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { PurchaseOrder, entities, entityByKey, entityByPath, envelopeKeys } from '../src/models/index.js';

type JsonSchema = { [key: string]: unknown };

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Paths of object properties with no description. `x.nullable()` puts the description of `x` on
 * the non-null branch of the anyOf, so a description on any branch counts; a bare `$ref` does not,
 * because the referenced schema's description says what the type is, not what the field means.
 */
function undescribed(root: JsonSchema): string[] {
  const missing: string[] = [];
  const hasDescription = (s: JsonSchema): boolean =>
    (typeof s.description === 'string' && s.description.trim() !== '') ||
    (Array.isArray(s.anyOf) && s.anyOf.some((b) => isSchema(b) && b.type !== 'null' && hasDescription(b)));
  const walk = (s: unknown, at: string): void => {
    if (!isSchema(s)) return;
    if (isSchema(s.properties)) {
      for (const [name, prop] of Object.entries(s.properties)) {
        if (!isSchema(prop) || !hasDescription(prop)) missing.push(`${at}.${name}`);
        walk(prop, `${at}.${name}`);
      }
    }
    for (const key of ['items', 'additionalProperties'] as const) walk(s[key], `${at}[]`);
    if (Array.isArray(s.anyOf)) s.anyOf.forEach((b) => walk(b, at));
    if (isSchema(s.$defs)) for (const [name, def] of Object.entries(s.$defs)) walk(def, `#${name}`);
  };
  walk(root, '');
  return missing;
}

const jsonSchema = (model: z.ZodType) => z.toJSONSchema(model, { io: 'output', unrepresentable: 'any' }) as JsonSchema;

test('the description check catches an undescribed field, nested or nullable', () => {
  const Inner = z.object({ a: z.string().describe('A.'), b: z.string() }).meta({ id: 'ProbeInner' });
  const Probe = z.object({ ok: z.string().nullable().describe('Ok.'), inner: Inner.nullable(), rows: z.array(Inner).describe('Rows.') });
  const missing = undescribed(jsonSchema(Probe));
  assert.ok(missing.includes('.inner'), `got ${missing.join(', ')}`);
  assert.ok(missing.some((p) => p.endsWith('.b')), `got ${missing.join(', ')}`);
  assert.ok(!missing.includes('.ok'));
});

test('every field of every model, nested included, has a description', () => {
  for (const entity of entities) {
    const schema = jsonSchema(entity.model);
    assert.deepEqual(undescribed(schema), [], `${entity.key} has fields without a description`);
  }
});

test('every model has its envelope and its own fields, and nothing else', () => {
  for (const entity of entities) {
    const keys = Object.keys(entity.model.shape).sort();
    const expected = [...envelopeKeys, ...Object.keys(entity.fields)].sort();
    assert.deepEqual(keys, expected, entity.key);
    for (const key of envelopeKeys) assert.ok(!(key in entity.fields), `${entity.key}.fields repeats envelope key ${key}`);
  }
});

const ref = (remoteId: string, name: string | null = null) => ({ id: null, remoteId, name, code: null });

const samplePurchaseOrder = () => ({
  id: 'po_01HZX3',
  remoteId: 'PO-1001',
  version: 3,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  deletedAt: null,
  customFields: { costCentre: 'CC-12' },
  number: 'PO-1001',
  status: 'approved',
  remoteStatus: 'Approved',
  vendor: ref('V-7', 'Acme Bearings'),
  buyer: null,
  site: ref('PLANT1'),
  orderDate: '2026-03-01',
  requiredDate: '2026-03-20',
  deliveryDate: null,
  currency: 'EUR',
  paymentTerms: 'Net 30',
  shippingMethod: null,
  shipTo: { name: 'Plant 1', line1: 'Hafenstr. 4', line2: null, line3: null, city: 'Hamburg', region: null, postalCode: '20457', country: 'DE', raw: null },
  billTo: null,
  subtotal: '1250.50',
  taxTotal: '237.60',
  total: '1488.10',
  description: 'Bearings for line 3',
  notes: null,
  approvedAt: '2026-03-01T10:00:00.000Z',
  lines: [
    {
      id: 'po_01HZX3~1',
      remoteId: '1',
      lineNumber: 1,
      item: ref('BRG-6204', '6204-2RS bearing'),
      itemCode: 'BRG-6204',
      vendorItemCode: null,
      description: '6204-2RS deep groove ball bearing',
      quantity: '50',
      unitOfMeasure: 'EA',
      unitPrice: '25.01',
      discount: null,
      taxAmount: '237.60',
      lineTotal: '1250.50',
      requiredDate: '2026-03-20',
      deliveryDate: null,
      quantityReceived: '0',
      quantityInvoiced: '0',
      status: 'open',
      account: null,
      asset: null,
      workOrder: ref('WO-88'),
      customFields: {},
    },
  ],
});

test('a purchase order with lines validates', () => {
  const result = PurchaseOrder.safeParse(samplePurchaseOrder());
  assert.ok(result.success, result.success ? '' : z.prettifyError(result.error));
  assert.equal(result.data.lines[0]?.lineTotal, '1250.50');
});

test('a float amount is rejected, on the header and on a line', () => {
  const header = { ...samplePurchaseOrder(), total: 1250.5 };
  assert.equal(PurchaseOrder.safeParse(header).success, false);
  const po = samplePurchaseOrder();
  const line = { ...po.lines[0], unitPrice: 1250.5 };
  assert.equal(PurchaseOrder.safeParse({ ...po, lines: [line] }).success, false);
});

test('a status outside the enum is rejected', () => {
  assert.equal(PurchaseOrder.safeParse({ ...samplePurchaseOrder(), status: 'shipped' }).success, false);
  assert.equal(PurchaseOrder.safeParse({ ...samplePurchaseOrder(), status: 'unknown' }).success, true);
});

test('a missing field is rejected rather than read as null', () => {
  const { paymentTerms: _omitted, ...po } = samplePurchaseOrder();
  assert.equal(PurchaseOrder.safeParse(po).success, false);
});

const kebabToCamel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const camelToKebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

test('registry keys, paths and id prefixes are unique', () => {
  for (const field of ['key', 'path', 'idPrefix'] as const) {
    const values = entities.map((e) => e[field]);
    assert.equal(new Set(values).size, values.length, `duplicate ${field}`);
  }
});

test('registry path and key convert into each other (kebab ↔ camel)', () => {
  for (const entity of entities) {
    assert.match(entity.path, /^[a-z]+(-[a-z]+)*$/);
    assert.equal(kebabToCamel(entity.path), entity.key);
    assert.equal(camelToKebab(entity.key), entity.path);
    assert.equal(entityByKey(entity.key), entity);
    assert.equal(entityByPath(entity.path), entity);
  }
  assert.equal(entityByKey('purchase-orders'), undefined);
  assert.equal(entityByPath('purchaseOrders'), undefined);
  assert.equal(entityByPath('nope'), undefined);
});

test('every entity with a status lists its values, including unknown', () => {
  for (const entity of entities) {
    const shape: Record<string, z.ZodType> = entity.model.shape;
    const status = shape.status;
    if (!status) {
      assert.equal(entity.statuses, undefined, `${entity.key} has statuses but no status field`);
      continue;
    }
    assert.ok(entity.statuses?.includes('unknown'), `${entity.key} statuses lack unknown`);
    assert.ok('remoteStatus' in shape, `${entity.key} has status without remoteStatus`);
    for (const value of entity.statuses ?? []) assert.ok(status.safeParse(value).success, `${entity.key}: ${value}`);
    assert.equal(status.safeParse('not-a-status').success, false, entity.key);
  }
});

test('every entity defines all five operations', () => {
  for (const entity of entities) assert.deepEqual([...entity.operations], ['list', 'get', 'create', 'update', 'delete']);
});
