import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, decodeJson, encodeJson, encodeNullableJson } from '../../src/store/json.js';
import { toStoredTime } from '../../src/store/time.js';
import { Random } from '../../src/sandbox/random.js';

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

  it('canonical JSON is what stored content hashes were made with', () => {
    // The earlier implementation: JSON.stringify with a replacer that copies each object with
    // sorted keys. Content hashes already in stores were made with it.
    const reference = (value: unknown) =>
      JSON.stringify(value, (_key, v: unknown) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
        return sorted;
      }) ?? 'null';
    const fixed: unknown[] = [
      null, 0, -0, 1.5e300, Number.NaN, Number.POSITIVE_INFINITY, '', 'a"b\\c\n\u2028😀', true, [], {},
      [undefined, () => 1, Symbol('s'), null], { u: undefined, f: () => 1, s: Symbol('s'), n: null },
      { '10': 1, '2': 2, b: 3, a: 4, '-1': 5, '01': 6, '4294967295': 7, '4294967294': 8, '': 9, 'é': 10, Z: 11 },
      { when: new Date(Date.UTC(2026, 0, 2)), nested: { toJSON: (k: string) => ({ key: k, y: 1, x: 2 }) } },
      [new String('boxed'), new Number(3), new Boolean(false)],
    ];
    for (const value of fixed) assert.equal(canonicalJson(value), reference(value), String(JSON.stringify(value)));
    const random = new Random(42);
    const keys = ['id', 'Name', 'name', '0', '7', '12', 'x y', 'ü', '__metadata', 'a.b', '-3', '1e3'];
    const gen = (depth: number): unknown => {
      const roll = random.next();
      if (depth > 3 || roll < 0.4) return [null, random.int(-1e6, 1e6), random.next() * 1e3, `s${random.int(0, 99)}"`, random.next() < 0.5, undefined][random.int(0, 5)];
      if (roll < 0.6) return Array.from({ length: random.int(0, 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = random.int(0, 6); i > 0; i -= 1) o[keys[random.int(0, keys.length - 1)]!] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 2000; i += 1) {
      const value = gen(0);
      assert.equal(canonicalJson(value), reference(value));
    }
  });
});

