/**
 * What the connect page says when connecting fails (no browser needed): each error code gives a
 * sentence a person can act on, attached to the field it concerns, with the request id kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiFailure } from '../../web/src/shared/api.js';
import type { System } from '../../web/src/shared/types.js';
import { credentialsToSend, describeConnectFailure, linkProblem, validateForm } from '../../web/src/connect/problems.js';
import { searchSystems } from '../../web/src/connect/search.js';

const tryton: System = {
  id: 'tryton', name: 'Tryton', vendor: 'Tryton', categories: ['erp'], authMethod: 'session_login', authGuide: '', rateBudget: { requestsPerSecond: 40, burst: 20, maxConcurrent: 4 }, entities: {}, orderIntake: null, sandbox: null,
  credentialFields: [
    { name: 'instanceUrl', label: 'Server URL', type: 'url', required: true, help: 'h', example: 'https://erp.example.com' },
    { name: 'database', label: 'Database', type: 'string', required: true, help: 'h' },
    { name: 'username', label: 'User name', type: 'string', required: true, help: 'h' },
    { name: 'password', label: 'Password', type: 'secret', required: true, help: 'h' },
    { name: 'company', label: 'Company', type: 'select', required: false, help: 'h', options: ['A', 'B'] },
  ],
};
const values = { name: 'Plant 4', credentials: { instanceUrl: 'https://erp.acme.test:8000', database: 'erp', username: 'u', password: ' p ' } };
const failure = (code: string, extra: Partial<ConstructorParameters<typeof ApiFailure>[0]> = {}) =>
  new ApiFailure({ status: 422, code, message: `server says ${code}`, requestId: 'req_123', ...extra });

describe('connect page problems', () => {
  it('says the login was refused, keeps the request id', () => {
    const p = describeConnectFailure(failure('invalid_credentials'), tryton, values);
    assert.match(p.message, /^Tryton refused this user name or password/);
    assert.equal(p.requestId, 'req_123');
    assert.deepEqual(p.fields, {});
  });

  it('puts a refused value at its field when the system names it', () => {
    const p = describeConnectFailure(failure('invalid_credentials', { details: { field: 'database' } }), tryton, values);
    assert.deepEqual(p.fields, { 'credentials.database': 'server says invalid_credentials' });
  });

  it('names the address that could not be reached, at the address field', () => {
    const p = describeConnectFailure(failure('system_unreachable', { status: 502 }), tryton, values);
    assert.equal(p.message, 'Manifold could not reach erp.acme.test:8000: check the address and that the server is online.');
    assert.ok(p.fields['credentials.instanceUrl']);
    assert.ok(describeConnectFailure(failure('instance_url_not_allowed'), tryton, values).fields['credentials.instanceUrl']);
    assert.match(describeConnectFailure(failure('system_timeout', { status: 504 }), tryton, values).message, /did not answer in time/);
  });

  it('explains a missing permission with what the system said', () => {
    const p = describeConnectFailure(failure('rejected_by_system', { details: { systemMessage: 'You are not allowed to read purchase.purchase' } }), tryton, values);
    assert.match(p.message, /missing a permission/);
    assert.equal(p.detail, 'You are not allowed to read purchase.purchase');
  });

  it('maps invalid input to each field', () => {
    const issues = [{ path: 'credentials.password', message: 'must not be empty' }, { path: 'body.name', message: 'is too long' }];
    const p = describeConnectFailure(failure('invalid_request', { status: 400, details: { issues } }), tryton, values);
    assert.deepEqual(p.fields, { 'credentials.password': 'Must not be empty.', name: 'Is too long.' });
    const other = describeConnectFailure(failure('invalid_request', { status: 400, details: { issues: [{ path: 'system', message: 'unknown' }] } }), tryton, values);
    assert.equal(other.detail, 'system: unknown');
  });

  it('says how long to wait when rate limited', () => {
    assert.match(describeConnectFailure(failure('rate_limited', { status: 429, retryAfter: 300 }), tryton, values).message, /Wait 5 minutes/);
  });

  it('checks required values and addresses before calling the system', () => {
    const p = validateForm(tryton, { name: '', credentials: { instanceUrl: 'erp.acme.test', database: '', username: 'u', password: 'p' } }, true);
    assert.deepEqual(Object.keys(p?.fields ?? {}).sort(), ['credentials.database', 'credentials.instanceUrl', 'name']);
    assert.equal(validateForm(tryton, values, true), undefined);
  });

  it('sends secrets as typed, trims the rest, leaves out empty optional values', () => {
    assert.deepEqual(credentialsToSend(tryton, { name: 'x', credentials: { ...values.credentials, database: ' erp ', company: '' } }), {
      instanceUrl: 'https://erp.acme.test:8000', database: 'erp', username: 'u', password: ' p ',
    });
  });

  it('says why a link cannot be used', () => {
    assert.match(linkProblem('used').title, /already used/);
    assert.match(linkProblem('expired').title, /expired/);
    assert.match(linkProblem('revoked').title, /withdrawn/);
    assert.match(linkProblem(undefined).title, /not valid/);
  });

  it('finds systems by name, vendor or kind, names starting with the query first', () => {
    const fiix: System = { ...tryton, id: 'fiix', name: 'Fiix', vendor: 'Rockwell Automation', categories: ['cmms'] };
    const coupa: System = { ...tryton, id: 'coupa', name: 'Coupa', vendor: 'Coupa', categories: ['s2p'] };
    const all = [tryton, fiix, coupa];
    assert.deepEqual(searchSystems(all, 'TRY').map((s) => s.id), ['tryton']);
    assert.deepEqual(searchSystems(all, 'maintenance').map((s) => s.id), ['fiix']);
    assert.deepEqual(searchSystems(all, 'rockwell').map((s) => s.id), ['fiix']);
    assert.deepEqual(searchSystems(all, '').map((s) => s.id), ['coupa', 'fiix', 'tryton']);
    assert.deepEqual(searchSystems(all, 'zzz'), []);
  });
});
