/**
 * Cents and six-decimal strings → decimal strings, exactly (no float on the way).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centsToDecimal, decimalToCents, moneyDecimal, numberToDecimal, sumDecimals } from './money.js';

describe('MaintainX money', () => {
  it('cents → decimal strings, whole and fractional cents', () => {
    assert.equal(centsToDecimal(125000), '1250.00');
    assert.equal(centsToDecimal(120), '1.20');
    assert.equal(centsToDecimal(5), '0.05');
    assert.equal(centsToDecimal(0), '0.00');
    assert.equal(centsToDecimal(12.5), '0.125');
    assert.equal(centsToDecimal(4999.5), '49.995');
    assert.equal(centsToDecimal(-350), '-3.50');
    // A float product would say 0.30000000000000004; the string path cannot.
    assert.equal(centsToDecimal(30.000000000000004), '0.30000000000000004');
    assert.equal(centsToDecimal(1e21), '10000000000000000000.00');
  });

  it('six-decimal strings keep every significant digit and at least two decimals', () => {
    assert.equal(moneyDecimal('1250.000000'), '1250.00');
    assert.equal(moneyDecimal('0.125000'), '0.125');
    assert.equal(moneyDecimal('28971.540000'), '28971.54');
    assert.equal(moneyDecimal('007.100000'), '7.10');
  });

  it('numbers without exponents, and back to cents', () => {
    assert.equal(numberToDecimal(2.5), '2.5');
    assert.equal(numberToDecimal(1e-7), '0.0000001');
    assert.equal(numberToDecimal(40), '40');
    assert.equal(decimalToCents('12.345'), 1234.5);
    assert.equal(decimalToCents('1250'), 125000);
    assert.equal(decimalToCents('0.07'), 7);
    assert.throws(() => decimalToCents('1e3'), RangeError);
  });

  it('sums exactly', () => {
    assert.equal(sumDecimals(['0.10', '0.20']), '0.30');
    assert.equal(sumDecimals(['1250.00', '0.125', '-1.5']), '1248.625');
    assert.equal(sumDecimals([]), '0.00');
  });
});
