/**
 * Static API-key auth: the header it sends (bearer or a vendor header), and that the key never
 * shows when the holder is logged, serialised or inspected.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import pino from 'pino';
import { ApiKeyAuth, bearerKey } from '../../src/kit/auth/api-key.js';

const KEY = 'mx-key-0123456789-secret';

describe('API-key auth', () => {
  it('sends the key as a bearer token', () => {
    assert.deepEqual(bearerKey(KEY).headers(), { authorization: `Bearer ${KEY}` });
  });

  it('sends the key bare in a vendor header, header name lower-cased', () => {
    assert.deepEqual(new ApiKeyAuth(KEY, { header: 'X-API-Key' }).headers(), { 'x-api-key': KEY });
  });

  it('never shows the key when logged, serialised or inspected', () => {
    const auth = bearerKey(KEY);
    assert.ok(!JSON.stringify({ auth }).includes(KEY));
    assert.ok(!String(auth).includes(KEY));
    assert.ok(!inspect(auth, { showHidden: true, depth: 5 }).includes(KEY));
    assert.ok(!`${auth}`.includes(KEY));
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    logger.info({ auth }, 'calling');
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]!.includes(KEY), lines[0]);
    assert.ok(!Object.keys(auth).some((k) => String((auth as unknown as Record<string, unknown>)[k]).includes(KEY)), 'no enumerable property holds the key');
  });

  it('refuses an empty key or one that would break the header', () => {
    assert.throws(() => bearerKey('   '), TypeError);
    assert.throws(() => bearerKey('abc\r\nx-evil: 1'), TypeError);
    assert.deepEqual(bearerKey(`  ${KEY}  `).headers(), { authorization: `Bearer ${KEY}` }, 'surrounding spaces from a paste are dropped');
  });
});
