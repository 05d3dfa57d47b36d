import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutboundResponse } from '../../kit/http.js';
import { SessionExpired, classifyError, classifyStatus, isSessionExpired } from './classify.js';

const res = (status: number, contentType: string, text = '', headers: Record<string, string> = {}): OutboundResponse => ({
  status,
  headers: { 'content-type': contentType, ...headers },
  text,
});
const html401 = res(401, 'text/html; charset=utf-8', '<!doctype html><title>401 Unauthorized</title>');

test('401: HTML is a wrong password, empty text is an expired session', () => {
  const wrong = classifyStatus(html401, 'common.db.login', 'erp');
  assert.equal(wrong.failureClass, 'config');
  assert.equal(wrong.code, 'invalid_credentials');
  assert.equal(isSessionExpired(wrong), false);

  const expired = classifyStatus(res(401, 'text/plain; charset=utf-8'), 'model.purchase.purchase.search', 'erp');
  assert.ok(expired instanceof SessionExpired);
  assert.equal(expired.failureClass, 'config');
  assert.equal(expired.code, 'invalid_credentials');
  // An empty 401 at login is still the password, never a session to renew.
  assert.equal(isSessionExpired(classifyStatus(res(401, 'text/plain'), 'common.db.login', 'erp')), false);
});

test('403, 429, 404 at login and other statuses', () => {
  const forbidden = classifyStatus(res(403, 'text/html', '<p>Forbidden</p>'), 'model.party.party.payment_term.search', 'erp');
  assert.deepEqual([forbidden.failureClass, forbidden.code], ['config', 'rejected_by_system']);
  const throttled = classifyStatus(res(429, 'text/html', '', { 'retry-after': '30' }), 'common.db.login', 'erp');
  assert.deepEqual([throttled.failureClass, throttled.code, throttled.retryAfterMs], ['transient', 'rate_limited', 30_000]);
  const noDb = classifyStatus(res(404, 'text/html', '<p>Not Found</p>'), 'common.db.login', 'prod');
  assert.deepEqual([noDb.failureClass, noDb.code, noDb.field], ['config', 'invalid_credentials', 'database']);
  assert.match(noDb.message, /"prod"/);
  const down = classifyStatus(res(503, 'text/html'), 'model.x.read', 'erp');
  assert.equal(down.failureClass, 'transient');
});

test('UserError: access rights and other refusals', () => {
  const access = classifyError(
    ['UserError', ['You are not allowed to read records "999999" of "Purchase" because of at least one of these rules:\nUser in companies', '', null]],
    'model.purchase.purchase.read',
    'erp',
  );
  assert.deepEqual([access.failureClass, access.code], ['config', 'rejected_by_system']);
  assert.match(access.message, /access right/);
  const rule = classifyError(['UserError', ['To delete purchase "5 [PROBE-1]" you must cancel it.', '', null]], 'model.purchase.purchase.delete', 'erp');
  assert.deepEqual([rule.failureClass, rule.code], ['config', 'rejected_by_system']);
  assert.match(rule.systemMessage ?? '', /you must cancel it/);
});

test('concurrency, login, throttling, unknown database, everything else', () => {
  const stale = classifyError(['ConcurrencyException', 'Records were modified in the meanwhile'], 'model.purchase.purchase.write', 'erp');
  // A conflict is about one record, never the connection's set-up (config would mark it needs_attention).
  assert.deepEqual([stale.failureClass, stale.code], ['transient', 'version_conflict']);
  const login = classifyError(['LoginException', ['password', 'Password for admin', 'password']], 'common.db.login', 'erp');
  assert.deepEqual([login.failureClass, login.code], ['config', 'invalid_credentials']);
  const limited = classifyError(['RateLimitException', ''], 'common.db.login', 'erp');
  assert.deepEqual([limited.failureClass, limited.code], ['transient', 'rate_limited']);
  const noDb = classifyError(["Database '/var/lib/tryton/nosuch.sqlite' doesn't exist!", ''], 'common.db.login', 'nosuch');
  assert.deepEqual([noDb.failureClass, noDb.code, noDb.field], ['config', 'invalid_credentials', 'database']);
  const bug = classifyError(["'nosuchfield'", ''], 'model.purchase.purchase.read', 'erp');
  assert.deepEqual([bug.failureClass, bug.code, bug.systemMessage], ['system', 'system_error', "'nosuchfield'"]);
  const odd = classifyError({ weird: true }, 'model.x.read', 'erp');
  assert.equal(odd.failureClass, 'system');
});
