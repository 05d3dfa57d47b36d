/**
 * OData V2 JSON values: the /Date(…)/ codec both ways, URI literals, key predicates, the error
 * body, and the plain native record (no __metadata, no __deferred, results unwrapped).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeDateTime,
  encodeDateTimeOffset,
  encodeTime,
  entityPath,
  keyPredicate,
  literal,
  parseODataDate,
  parseODataError,
  plainEntity,
  toIsoDate,
  toIsoInstant,
} from '../../src/kit/transports/odata-v2-values.js';

describe('OData V2 values', () => {
  it('reads /Date(ms)/ and /Date(ms+0000)/ as the same instant, and nothing else', () => {
    assert.equal(parseODataDate('/Date(1714521600000)/'), 1714521600000);
    assert.equal(parseODataDate('/Date(1714560000000+0000)/'), 1714560000000);
    // The offset says which local time it was shown in; the ticks are the instant.
    assert.equal(parseODataDate('/Date(1714560000000+0120)/'), 1714560000000);
    assert.equal(parseODataDate('/Date(-86400000)/'), -86400000);
    for (const bad of ['2024-05-01', '/Date()/', 'Date(1)', '/Date(1x)/', 1714521600000, null]) assert.equal(parseODataDate(bad), undefined, String(bad));
  });

  it('converts to ISO instants and dates', () => {
    assert.equal(toIsoInstant('/Date(1714560000123+0000)/'), '2024-05-01T10:40:00.123Z');
    assert.equal(toIsoInstant('2024-05-01T10:40:00'), '2024-05-01T10:40:00.000Z');
    assert.equal(toIsoInstant(null), null);
    assert.equal(toIsoInstant(''), null);
    assert.equal(toIsoDate('/Date(1714521600000)/'), '2024-05-01');
    assert.equal(toIsoDate(null), null);
  });

  it('encodes dates, instants and times the way the wire carries them', () => {
    assert.equal(encodeDateTime('2024-05-01'), '/Date(1714521600000)/');
    assert.equal(encodeDateTime(1714521600000), '/Date(1714521600000)/');
    assert.equal(encodeDateTimeOffset('2024-05-01T10:40:00.000Z'), '/Date(1714560000000+0000)/');
    assert.equal(encodeTime('9:05'), 'PT09H05M00S');
    assert.equal(parseODataDate(encodeDateTimeOffset('2026-01-02T03:04:05.678Z')), Date.parse('2026-01-02T03:04:05.678Z'));
    assert.throws(() => encodeDateTime('yesterday'), RangeError);
  });

  it('writes URI literals and key predicates', () => {
    assert.equal(literal.string("O'Brien"), "'O''Brien'");
    assert.equal(literal.dateTime('2024-05-01'), "datetime'2024-05-01T00:00:00'");
    assert.equal(literal.dateTimeOffset('2024-05-01T00:00:00.000Z'), "datetimeoffset'2024-05-01T00:00:00Z'");
    assert.equal(literal.dateTimeOffset('2024-05-01T00:00:00.250Z'), "datetimeoffset'2024-05-01T00:00:00.250Z'");
    assert.equal(keyPredicate('4500000001'), "('4500000001')");
    assert.equal(keyPredicate({ PurchaseOrder: '4500000001', PurchaseOrderItem: '10' }), "(PurchaseOrder='4500000001',PurchaseOrderItem='10')");
    assert.equal(entityPath('A_PurchaseOrderItem', { PurchaseOrder: '45', PurchaseOrderItem: '10' }), "A_PurchaseOrderItem(PurchaseOrder='45',PurchaseOrderItem='10')");
    assert.equal(entityPath('A_Supplier', 'A B'), "A_Supplier('A%20B')");
  });

  it('parses the V2 error body, with SAP errordetails', () => {
    const body = JSON.stringify({
      error: {
        code: 'ME/083',
        message: { lang: 'en', value: 'Enter Supplier' },
        innererror: { errordetails: [{ code: 'ME/083', message: 'Enter Supplier', propertyref: 'Supplier', severity: 'error', target: '' }] },
      },
    });
    assert.deepEqual(parseODataError(body), {
      code: 'ME/083',
      message: 'Enter Supplier',
      details: [{ code: 'ME/083', message: 'Enter Supplier', severity: 'error', target: '', propertyref: 'Supplier' }],
    });
    assert.equal(parseODataError('<html>Logon failed</html>'), undefined);
    assert.equal(parseODataError('{"d":{}}'), undefined);
  });

  it('keeps the plain record: no __metadata, no deferred links, collections as arrays', () => {
    const wire = {
      __metadata: { id: 'x', uri: 'x', type: 'T' },
      PurchaseOrder: '4500000001',
      to_PurchaseOrderNote: { __deferred: { uri: 'x/to_PurchaseOrderNote' } },
      to_PurchaseOrderItem: {
        results: [{ __metadata: { uri: 'y' }, PurchaseOrderItem: '10', to_ScheduleLine: { results: [{ ScheduleLine: '1' }] }, to_PurchaseOrder: { __deferred: { uri: 'z' } } }],
      },
      Empty: null,
    };
    assert.deepEqual(plainEntity(wire), {
      PurchaseOrder: '4500000001',
      to_PurchaseOrderItem: [{ PurchaseOrderItem: '10', to_ScheduleLine: [{ ScheduleLine: '1' }] }],
      Empty: null,
    });
  });
});
