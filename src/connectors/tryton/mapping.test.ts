/**
 * The Tryton field mappings as data (resources/*-mapping.ts): every unified field and line field
 * has exactly one entry; every native path resolves in real synced records (with the path rule
 * of mapping.test-support.ts, which the engine must implement); every `write` names fields the
 * writes really send; every `none` field is null in the unified records.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { recordId } from '../../core/ids.js';
import type { MapContext, ResourceDefinition } from '../../kit/definition.js';
import { EntityMapping, pathsOf, type FieldSource } from '../../kit/mapping.js';
import { PurchaseOrderLine } from '../../models/purchase-order.js';
import { entityByKey } from '../../models/registry.js';
import type { TrytonClient } from './client.js';
import { pathSteps, readPath } from './mapping.test-support.js';
import { connectTo, withTryton, type TrytonServer } from './real-tryton.test-support.js';
import { inventoryItems } from './resources/inventory-items.js';
import { locations } from './resources/locations.js';
import { purchaseOrderCapabilities } from './resources/purchase-order-capabilities.js';
import { LINE_WRITABLE, headerToRemote, newLineToRemote, type HeaderRefs, type LineInput, type LineRefs, type OrderInput } from './resources/purchase-order-to-remote.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';
import { ctx as writeCtx, productId } from './writes.test-support.js';

type Resource = ResourceDefinition<TrytonClient, never>;
const resources = [purchaseOrders, vendors, inventoryItems, locations] as unknown as Resource[];
const mappingOf = (res: Resource): EntityMapping => {
  assert.ok(res.mapping, `${res.entity} declares its mapping`);
  return res.mapping;
};
const writesOf = (src: FieldSource | undefined): string[] => (src && 'write' in src && src.write !== undefined ? [src.write].flat() : []);
const sorted = (xs: Iterable<string>) => [...xs].sort();

// --- without Tryton ------------------------------------------------------------------------------

test('every field of the unified model has exactly one entry, no extra keys; lines: every line field but customFields', () => {
  for (const res of resources) {
    const mapping = mappingOf(res);
    assert.ok(EntityMapping.safeParse(mapping).success, `${res.entity}: a valid EntityMapping`);
    const entity = entityByKey(res.entity);
    assert.ok(entity);
    assert.deepEqual(sorted(Object.keys(mapping.fields)), sorted(Object.keys(entity.fields)), `${res.entity}: the fields are the model's`);
    if (res.entity === 'purchaseOrders') {
      assert.equal(mapping.linesPath, 'lines');
      const lineFields = Object.keys(PurchaseOrderLine.shape).filter((k) => k !== 'customFields');
      assert.deepEqual(sorted(Object.keys(mapping.lines ?? {})), sorted(lineFields), 'the line fields are PurchaseOrderLine\'s');
    } else {
      assert.equal(mapping.lines, undefined, `${res.entity} has no lines`);
    }
  }
});

test('the path rule: empty segments append a dot, [] iterates', () => {
  const native = {
    party: 4,
    'party.': { id: 4, name: 'Acme' },
    'company.': { rec_name: 'Demo', 'party.': { code: 'C1' } },
    'invoice_address.': null,
    lines: [{ moves: [{ 'to_location.': { type: 'supplier' } }, 7] }, { moves: [] }],
  };
  assert.deepEqual(pathSteps('company..party..code'), [{ key: 'company.', each: false }, { key: 'party.', each: false }, { key: 'code', each: false }]);
  assert.deepEqual(readPath(native, 'party'), [4]);
  assert.deepEqual(readPath(native, 'party..name'), ['Acme']);
  assert.deepEqual(readPath(native, 'company..party..code'), ['C1']);
  assert.deepEqual(readPath(native, 'invoice_address.'), [null], 'a present key holding null resolves');
  assert.deepEqual(readPath(native, 'invoice_address..city'), [], 'nothing under a null record');
  assert.deepEqual(readPath(native, 'party.name'), [], 'no fallback from party to party.');
  assert.deepEqual(readPath(native, 'lines[].moves[].to_location..type'), ['supplier']);
  for (const bad of ['.x', 'lines[]..x', 'a.[].b', 'a[b']) assert.throws(() => pathSteps(bad), bad);
  for (const res of resources) for (const path of pathsOf(mappingOf(res))) assert.doesNotThrow(() => pathSteps(path), path);
});

test('read-only resources name no write; purchase orders name one for exactly the fields create or update writes', () => {
  for (const res of resources.filter((r) => r.entity !== 'purchaseOrders')) {
    const m = mappingOf(res);
    assert.deepEqual(Object.entries(m.fields).filter(([, s]) => writesOf(s).length), [], `${res.entity} is read only`);
  }
  const m = mappingOf(purchaseOrders as unknown as Resource);
  const declared = [...purchaseOrderCapabilities.create!.writableFields, ...purchaseOrderCapabilities.update!.updatableFields];
  // status is updatable but writes no field: it runs Tryton's buttons (its logic says so).
  const header = new Set(declared.filter((f) => !f.includes('[]') && f !== 'status'));
  const lines = new Set(declared.filter((f) => f.startsWith('lines[].')).map((f) => f.slice('lines[].'.length)));
  assert.deepEqual(sorted(Object.keys(m.fields).filter((f) => writesOf(m.fields[f]).length)), sorted(header));
  assert.deepEqual(sorted(Object.keys(m.lines!).filter((f) => writesOf(m.lines![f]).length)), sorted(lines));
  assert.deepEqual(sorted(lines), sorted(LINE_WRITABLE));
  assert.equal(writesOf(m.fields.status).length, 0);
});

/** A unified value of each writable field, and the ids the lookups would find for it. */
const headerSamples: Record<string, [OrderInput, HeaderRefs]> = {
  vendor: [{ vendor: { remoteId: '6' } }, { party: 6, invoiceAddress: 11 }],
  currency: [{ currency: 'EUR' }, { currency: 2 }],
  paymentTerms: [{ paymentTerms: 'Net 30' }, { paymentTerm: 3 }],
  orderDate: [{ orderDate: '2026-03-01' }, {}],
  deliveryDate: [{ deliveryDate: '2026-04-01' }, {}],
  description: [{ description: 'Spring shutdown' }, {}],
  notes: [{ notes: 'Gate 2' }, {}],
};
const lineSamples: Record<string, [LineInput, LineRefs]> = {
  item: [{ item: { remoteId: '7' } }, { product: 7, productSupplier: 12, taxes: [4], previousTaxes: [] }],
  itemCode: [{ itemCode: 'BRG-6204' }, { product: 7, productSupplier: 12, taxes: [4] }],
  description: [{ description: 'Bearing' }, {}],
  quantity: [{ quantity: '12.5' }, {}],
  unitOfMeasure: [{ unitOfMeasure: 'kg' }, { unit: 2 }],
  unitPrice: [{ unitPrice: '3.1250' }, {}],
  deliveryDate: [{ deliveryDate: '2026-05-02' }, {}],
};

test('every write names fields purchase-order-to-remote really sends for that unified field', () => {
  const m = mappingOf(purchaseOrders as unknown as Resource);
  for (const [field, src] of Object.entries(m.fields)) {
    const write = writesOf(src);
    if (!write.length) continue;
    // `lines` holds the x2many commands purchase-order-writes.ts builds from the line values below.
    if (field === 'lines') {
      assert.deepEqual(write, ['lines']);
      continue;
    }
    const sample = headerSamples[field];
    assert.ok(sample, `a sample of ${field}`);
    const sent = Object.keys(headerToRemote(...sample));
    for (const w of write) assert.ok(sent.includes(w), `${field} → ${w}, sent: ${sent.join(', ')}`);
  }
  for (const [field, src] of Object.entries(m.lines!)) {
    const write = writesOf(src);
    if (!write.length) continue;
    const sample = lineSamples[field];
    assert.ok(sample, `a sample of lines[].${field}`);
    const sent = Object.keys(newLineToRemote(sample[0], sample[1], 0, 10));
    for (const w of write) assert.ok(sent.includes(w), `lines[].${field} → ${w}, sent: ${sent.join(', ')}`);
  }
});

// --- against a real Tryton -----------------------------------------------------------------------

const mapCtx: MapContext = { connectionId: 'conn_m', refId: (e, r) => recordId('x', 'conn_m', e, r) };

/** The native records as the sync stores them (remoteData): what list() gives, unchanged. */
async function synced(client: TrytonClient, res: Resource): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of res.list!(client, { pageSize: 100 })) out.push(...(page.records as Record<string, unknown>[]));
  return out;
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);

/**
 * The seed leaves some native fields empty everywhere (no countries, categories, named contacts,
 * product descriptions, address party names; no purchase line names its catalogue entry). This
 * private server gets one of each, so every mapped path has a value to resolve to.
 */
async function fillGaps(s: TrytonServer): Promise<void> {
  const [country] = await s.rpc<number[]>('model.country.country.create', [[{ name: 'Germany', code: 'DE' }]]);
  const [subdivision] = await s.rpc<number[]>('model.country.subdivision.create', [[{ country, name: 'Nordrhein-Westfalen', code: 'DE-NW', type: 'state' }]]);
  const addresses = await s.rpc<number[]>('model.party.address.search', [[], 0, null, null]);
  await s.rpc('model.party.address.write', [addresses, { country, subdivision, party_name: 'Receiving' }]);
  const brightline = s.seed.suppliers.brightline!.partyId;
  await s.rpc('model.party.contact_mechanism.create', [[{ party: brightline, type: 'email', value: 'jane.doe@example.com', name: 'Jane Doe' }]]);
  const bearing = productId(s, 'BRG-6204');
  const [category] = await s.rpc<number[]>('model.product.category.create', [[{ name: 'Bearings' }]]);
  const [product] = await s.rpc<{ template: number }[]>('model.product.product.read', [[bearing], ['template']]);
  await s.rpc('model.product.template.write', [[product!.template], { categories: [['add', [category]]] }]);
  await s.rpc('model.product.product.write', [[bearing], { description: 'Deep groove ball bearing, 20 × 47 × 14 mm' }]);
  // Through the connector's create, Tryton's on_change picks the line's catalogue entry.
  const order = { vendor: { remoteId: String(brightline) }, lines: [{ item: { remoteId: String(productId(s, 'OIL-HV46')) }, quantity: '208', unitPrice: '3.1250' }] };
  await purchaseOrders.writes!.create!(connectTo(s), order, { ...writeCtx, reference: `mf-${randomUUID()}` });
}

await withTryton('tryton field mapping', (server) => {
  test('every native path of every mapping resolves in the synced records; every none field stays empty', { timeout: 300_000 }, async () => {
    const s = server();
    await fillGaps(s);
    const client = connectTo(s);
    const problems: string[] = [];
    for (const res of resources) {
      const mapping = mappingOf(res);
      const records = await synced(client, res);
      assert.ok(records.length > 0, `${res.entity}: records to check`);
      for (const path of new Set(pathsOf(mapping))) {
        const values = records.flatMap((r) => readPath(r, path));
        if (values.length === 0) problems.push(`${res.entity}: ${path} resolves in none of ${records.length} records`);
        else if (values.every((v) => v === null)) problems.push(`${res.entity}: ${path} is null in every record`);
      }
      const unified = records.map((r) => res.toUnified(res.raw.parse(r) as never, mapCtx));
      for (const [field, src] of Object.entries(mapping.fields)) {
        const filled = unified.some((u) => !isEmpty(u[field]));
        if ('none' in src && filled) problems.push(`${res.entity}: ${field} is mapped none but has values`);
        if (!('none' in src) && !filled) problems.push(`${res.entity}: ${field} is mapped but empty in every record`);
      }
      const lines = unified.flatMap((u) => (u.lines ?? []) as Record<string, unknown>[]);
      for (const [field, src] of Object.entries(mapping.lines ?? {})) {
        const filled = lines.some((l) => !isEmpty(l[field]));
        if ('none' in src && filled) problems.push(`${res.entity}: lines[].${field} is mapped none but has values`);
        if (!('none' in src) && !filled) problems.push(`${res.entity}: lines[].${field} is mapped but empty in every line`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('a real create sends every field the mapping says it writes', async () => {
    const s = server();
    const client = connectTo(s);
    const sent: Record<string, unknown>[] = [];
    // The client as the writes use it, recording the values of the create.
    const spy = Object.create(client) as TrytonClient;
    spy.model = function <T>(model: string, method: string, args: unknown[], opts?: Parameters<TrytonClient['model']>[3]): Promise<T> {
      if (model === 'purchase.purchase' && method === 'create') sent.push(...(args[0] as Record<string, unknown>[]));
      return client.model<T>(model, method, args, opts);
    };
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const input = {
      vendor: { remoteId: String(s.seed.suppliers.brightline!.partyId) },
      currency: 'GBP',
      paymentTerms: 'Net 60',
      orderDate: inDays(1),
      deliveryDate: inDays(30),
      description: 'Mapping check',
      notes: 'Mapping check',
      lines: [
        { item: { remoteId: String(productId(s, 'OIL-HV46')) }, description: 'HV 46', quantity: '208', unitOfMeasure: 'l', unitPrice: '3.1250', deliveryDate: inDays(20) },
        { itemCode: 'GRS-EP2', quantity: '12.5', unitPrice: '7.35' },
      ],
    };
    await purchaseOrders.writes!.create!(spy, input, { ...writeCtx, reference: `mf-${randomUUID()}` });
    assert.equal(sent.length, 1, 'one create');
    const values = sent[0]!;
    const [command, lineValues] = (values.lines as [string, Record<string, unknown>[]][] | undefined)?.[0] ?? [];
    assert.equal(command, 'create');
    assert.ok(lineValues);
    const lineKeys = new Set(lineValues.flatMap((l) => Object.keys(l)));
    const m = mappingOf(purchaseOrders as unknown as Resource);
    for (const [field, src] of Object.entries(m.fields)) {
      for (const w of writesOf(src)) assert.ok(w in values, `${field} → ${w}; sent ${Object.keys(values).join(', ')}`);
    }
    for (const [field, src] of Object.entries(m.lines!)) {
      // The seeded products have no supplier taxes, so Tryton's on_change gives none and no
      // taxes command goes (the test without Tryton covers it).
      for (const w of writesOf(src).filter((x) => x !== 'taxes')) assert.ok(lineKeys.has(w), `lines[].${field} → ${w}; sent ${[...lineKeys].join(', ')}`);
    }
  });
});
