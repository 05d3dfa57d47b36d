/**
 * Native values → what a unified field or typed custom field holds, whichever system sent them.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { convert } from '../../src/engine/mapping/convert.js';

it('reads dates as ISO text and as OData v2 /Date(ms)/ (SAP)', () => {
  assert.equal(convert('2024-05-01', 'date'), '2024-05-01');
  assert.equal(convert('2024-05-01T22:10:00Z', 'date'), '2024-05-01');
  assert.equal(convert('/Date(1714521600000)/', 'date'), '2024-05-01');
  assert.equal(convert('/Date(1714521600000+0120)/', 'date'), '2024-05-01', 'the ticks are UTC; the offset only says how it was shown');
  assert.equal(convert('/Date(nonsense)/', 'date'), null);
  assert.equal(convert('soon', 'date'), null);
});

it('reads decimals and booleans, and never guesses', () => {
  assert.equal(convert(12.5, 'decimal'), '12.5');
  assert.equal(convert(' 3.10 ', 'decimal'), '3.10');
  assert.equal(convert('1e3', 'decimal'), null);
  assert.equal(convert(Number.NaN, 'decimal'), null);
  assert.equal(convert('true', 'boolean'), true);
  assert.equal(convert(0, 'boolean'), false);
  assert.equal(convert('yes', 'boolean'), null);
  assert.equal(convert({ a: 1 }, 'string'), '{"a":1}');
  assert.equal(convert(undefined, 'string'), null);
});
