/**
 * Passthrough paths stay on the connection's instance; the caller cannot bring its own auth.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { ApiError } from '../../src/core/errors.js';
import { confinedUrl, safeHeaders } from '../../src/kit/passthrough.js';

describe('passthrough confinement', () => {
  it('joins a path under the instance, base path kept, query added', () => {
    assert.equal(confinedUrl('https://erp.example.com', '/erp/', { a: 1 }), 'https://erp.example.com/erp/?a=1');
    assert.equal(confinedUrl('https://erp.example.com/tryton/', '/erp/x'), 'https://erp.example.com/tryton/erp/x');
  });

  for (const path of ['../etc/passwd', '/erp/../../admin', '/%2e%2e/admin', '/a/%2E%2E/b', '//evil.example.com/x', 'http://evil.example.com/', '/ok#frag', 'relative', '/a\\..\\b', '/%zz', 'javascript:alert(1)']) {
    it(`refuses ${path}`, () => {
      assert.throws(() => confinedUrl('https://erp.example.com/base', path), (e: unknown) => e instanceof ApiError && e.status === 400);
    });
  }

  it('refuses authentication headers from the caller', () => {
    assert.deepEqual(safeHeaders({ 'Content-Type': 'application/json', 'X-Trace': '1' }), { 'content-type': 'application/json', 'x-trace': '1' });
    for (const h of ['Authorization', 'cookie', 'Host', 'X-API-Key']) assert.throws(() => safeHeaders({ [h]: 'x' }), (e: unknown) => e instanceof ApiError && e.status === 400);
  });
});
