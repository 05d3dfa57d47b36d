import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, decodeJson, encodeJson, encodeNullableJson } from '../../src/store/json.js';
import { toStoredTime } from '../../src/store/time.js';

describe('stored times', () => {
  it('come out in the one sortable form', () => {
    assert.equal(toStoredTime('2026-03-01T10:00:00.000Z'), '2026-03-01T10:00:00.000Z');
    assert.equal(toStoredTime('2026-03-01T10:00:00Z'), '2026-03-01T10:00:00.000Z');
    assert.equal(toStoredTime('2026-03-01T12:00:00+02:00'), '2026-03-01T10:00:00.000Z');
    assert.equal(toStoredTime('2026-03-01T12:00:00+0200'), '2026-03-01T10:00:00.000Z');
    assert.equal(toStoredTime('2026-03-01T10:00:00.123456Z'), '2026-03-01T10:00:00.123Z');
    assert.equal(toStoredTime('2026-03-01'), '2026-03-01T00:00:00.000Z');
    assert.equal(toStoredTime(new Date(Date.UTC(2026, 2, 1))), '2026-03-01T00:00:00.000Z');
  });

  it('refuse what is ambiguous or not a date', () => {
    const bad = ['2026-03-01T10:00:00', 'yesterday', '', '2026-02-30T00:00:00Z', '2026-13-01', '1 March 2026', '+012026-01-01T00:00:00Z'];
    for (const value of bad) {
      assert.throws(() => toStoredTime(value), RangeError, value);
    }
    assert.throws(() => toStoredTime(new Date(Number.NaN)), RangeError);
    assert.throws(() => toStoredTime(new Date(Date.UTC(10_000, 0, 1))), RangeError);
  });
});

describe('JSON codec', () => {
  it('round-trips and maps null to SQL NULL only where nullable', () => {
    const value = { a: [1, 'x', null, { b: true }], c: 1.5 };
    assert.deepEqual(decodeJson(encodeJson(value)), value);
    assert.equal(encodeNullableJson(null), null);
    assert.equal(encodeNullableJson(undefined), null);
    assert.equal(encodeJson(null), 'null');
    assert.throws(() => encodeJson(undefined), TypeError);
  });

  it('canonicalises key order at every depth', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    assert.equal(canonicalJson({ x: 1, y: 2 }), canonicalJson({ y: 2, x: 1 }));
  });
});
