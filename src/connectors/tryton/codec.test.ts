import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeDate,
  decodeDateTime,
  decodeValue,
  encodeDate,
  encodeDateTime,
  encodeDecimal,
  floatToDecimal,
  normaliseDecimal,
  toBoolean,
  trytonCodec,
} from './codec.js';
import { SystemFailure } from '../../kit/failure.js';

test('decimals keep the digits Tryton gives and lose only notation', () => {
  const cases: [string, string][] = [
    ['80.00', '80.00'],
    ['0', '0'],
    ['0.0', '0.0'],
    ['191.6175', '191.6175'],
    ['123.456', '123.456'],
    ['-12.50', '-12.50'],
    ['-0.00', '0.00'],
    ['+7', '7'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['007.10', '7.10'],
    ['1E+1', '10'],
    ['1.20E+3', '1200'],
    ['0E-8', '0.00000000'],
    ['1.5E-7', '0.00000015'],
    ['-2.5e-3', '-0.0025'],
  ];
  for (const [given, expected] of cases) assert.equal(normaliseDecimal(given), expected, given);
});

test('decimals Manifold cannot represent are a system failure', () => {
  for (const bad of ['NaN', 'Infinity', '-sNaN', '', '1.2.3', 'abc', '1E+99999']) {
    assert.throws(() => normaliseDecimal(bad), (err: unknown) => err instanceof SystemFailure && err.failureClass === 'system', bad);
  }
});

test('float quantities become decimal strings without float noise', () => {
  assert.equal(floatToDecimal(24), '24');
  assert.equal(floatToDecimal(22.18), '22.18');
  assert.equal(floatToDecimal(0.1 + 0.2), '0.3');
  assert.equal(floatToDecimal(1.1 * 3), '3.3');
  assert.equal(floatToDecimal(-0), '0');
  assert.equal(floatToDecimal(1e21), '1000000000000000000000');
  assert.equal(floatToDecimal(1e-7), '0.0000001');
  assert.equal(floatToDecimal(123456.789), '123456.789');
  assert.equal(floatToDecimal(null), null);
  assert.equal(floatToDecimal(undefined), null);
  assert.throws(() => floatToDecimal(Number.NaN), SystemFailure);
});

test('dates and naive UTC datetimes', () => {
  assert.equal(decodeDate({ year: 2026, month: 3, day: 4 }), '2026-03-04');
  assert.equal(decodeDate({ year: 999, month: 12, day: 31 }), '0999-12-31');
  assert.equal(
    decodeDateTime({ year: 2026, month: 12, day: 4, hour: 19, minute: 28, second: 24, microsecond: 718752 }),
    '2026-12-04T19:28:24.718Z',
  );
  assert.equal(decodeDateTime({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0, microsecond: 0 }), '2026-01-01T00:00:00.000Z');
});

test('encoding builds the tagged objects Tryton reads', () => {
  assert.deepEqual(encodeDecimal('5.50'), { __class__: 'Decimal', decimal: '5.50' });
  assert.deepEqual(encodeDate('2026-12-04'), { __class__: 'date', year: 2026, month: 12, day: 4 });
  assert.throws(() => encodeDate('04.12.2026'), TypeError);
  assert.deepEqual(encodeDateTime('2026-12-04T19:28:24.718Z'), {
    __class__: 'datetime',
    year: 2026,
    month: 12,
    day: 4,
    hour: 19,
    minute: 28,
    second: 24,
    microsecond: 718000,
  });
  // An offset is converted to UTC, the zone Tryton's naive datetimes are read in.
  assert.equal(encodeDateTime('2026-12-04T21:00:00+02:00').hour, 19);
  assert.throws(() => encodeDateTime('yesterday'), TypeError);
  const tagged = encodeDateTime('2026-03-31T14:05:00.250Z');
  assert.equal(decodeDateTime(tagged), '2026-03-31T14:05:00.250Z');
});

test('booleans: 1/0 from SQLite, true/false from PostgreSQL', () => {
  assert.equal(toBoolean(1), true);
  assert.equal(toBoolean(0), false);
  assert.equal(toBoolean(true), true);
  assert.equal(toBoolean(false), false);
  assert.equal(toBoolean(null), null);
});

test('decodeValue replaces tagged values anywhere in an answer', () => {
  const answer = [
    {
      id: 1,
      total_amount: { __class__: 'Decimal', decimal: '80.00' },
      purchase_date: { __class__: 'date', year: 2026, month: 12, day: 4 },
      'party.': { id: 2, rec_name: 'ACME', lead: { __class__: 'timedelta', seconds: 604800 } },
      lines: [{ unit_price: { __class__: 'Decimal', decimal: '1E+1' } }],
      at: { __class__: 'time', hour: 7, minute: 5, second: 0, microsecond: 0 },
      blob: { __class__: 'bytes', base64: 'AAE=' },
      empty: null,
      n: 3.5,
    },
  ];
  assert.deepEqual(decodeValue(answer), [
    {
      id: 1,
      total_amount: '80.00',
      purchase_date: '2026-12-04',
      'party.': { id: 2, rec_name: 'ACME', lead: 604800 },
      lines: [{ unit_price: '10' }],
      at: '07:05:00',
      blob: 'AAE=',
      empty: null,
      n: 3.5,
    },
  ]);
});

test('the envelope: exactly id, method, params out; result or error in', () => {
  assert.deepEqual(trytonCodec.encode('model.x.read', [[1], ['a'], {}], 7), { id: 7, method: 'model.x.read', params: [[1], ['a'], {}] });
  assert.deepEqual(trytonCodec.decode({ id: 7, result: null }), { result: null });
  assert.deepEqual(trytonCodec.decode({ id: 7, result: { __class__: 'Decimal', decimal: '1.0' } }), { result: '1.0' });
  assert.deepEqual(trytonCodec.decode({ id: 7, error: ['UserError', ['m', '', null]] }), { error: ['UserError', ['m', '', null]] });
  assert.deepEqual(trytonCodec.decode({ id: 7, result: 1, error: null }), { result: 1 });
  assert.equal(trytonCodec.decode([1, 2]), undefined);
  assert.equal(trytonCodec.decode({ id: 7 }), undefined);
  assert.equal(trytonCodec.decode('6.0.29'), undefined);
});
