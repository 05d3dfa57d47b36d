/**
 * Floats from systems' JSON as decimal strings: exact shortest form, no exponent, rounding half
 * away from zero on the decimal text when a number of digits is asked for.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { floatToDecimal } from '../../src/kit/numbers.js';

describe('floatToDecimal', () => {
  it('gives the shortest exact form, without an exponent', () => {
    assert.equal(floatToDecimal(62.5), '62.5');
    assert.equal(floatToDecimal(5), '5');
    assert.equal(floatToDecimal(0.1 + 0.2), '0.30000000000000004');
    assert.equal(floatToDecimal(1e-7), '0.0000001');
    assert.equal(floatToDecimal(-1.5e-7), '-0.00000015');
    assert.equal(floatToDecimal(1e21), '1000000000000000000000');
    assert.equal(floatToDecimal(-0), '0');
  });

  it('rounds to a number of digits half away from zero', () => {
    assert.equal(floatToDecimal(62.5, 2), '62.50');
    assert.equal(floatToDecimal(71.88, 2), '71.88');
    assert.equal(floatToDecimal(1.005, 2), '1.01', 'the text 1.005 rounds up, although the double is below it');
    assert.equal(floatToDecimal(-2.345, 2), '-2.35');
    assert.equal(floatToDecimal(0.995, 2), '1.00');
    assert.equal(floatToDecimal(1234.5, 0), '1235');
    assert.equal(floatToDecimal(12.3456, 3), '12.346');
    assert.equal(floatToDecimal(-0.001, 2), '0.00');
    assert.equal(floatToDecimal(1e-7, 3), '0.000');
  });

  it('answers null for what is not a finite number', () => {
    assert.equal(floatToDecimal(null), null);
    assert.equal(floatToDecimal(undefined), null);
    assert.equal(floatToDecimal(Number.NaN), null);
    assert.equal(floatToDecimal(Number.POSITIVE_INFINITY, 2), null);
  });
});
