/**
 * The checks before a write, on their own: required fields (with alternatives and per line),
 * fields the capabilities allow, locks and status transitions — each with the error the API
 * contract names.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { ApiError } from '../../src/core/errors.js';
import { checkWrite, fieldPaths, missingRequired, notAllowed } from '../../src/engine/writes/check.js';
import type { WriteCapabilities } from '../../src/kit/writes.js';

const caps: WriteCapabilities = {
  create: { requiredFields: ['vendor', 'lines[].item|lines[].itemCode', 'lines[].quantity'], writableFields: ['vendor', 'description', 'lines', 'lines[].item', 'lines[].itemCode', 'lines[].quantity'] },
  update: {
    updatableFields: ['description', 'lines', 'lines[].quantity'],
    lockedWhen: { statuses: ['approved', 'cancelled'], reason: 'confirmed orders are final', enforcedBy: 'manifold' },
    transitions: { pending_approval: ['draft'], cancelled: ['draft', 'pending_approval'] },
  },
  delete: { mode: 'cancelled', description: 'drafts are deleted, others cancelled', lockedWhen: { statuses: ['approved'], reason: 'cannot cancel a confirmed order', enforcedBy: 'system' } },
  concurrency: 'system_token',
};

function fails(fn: () => unknown, code: string, status: number): ApiError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ApiError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.status, status);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('write checks', () => {
  it('lists the paths a body sets', () => {
    assert.deepEqual(fieldPaths({ vendor: { remoteId: '4' }, lines: [{ quantity: '1' }, { itemCode: 'X' }], notes: undefined }).sort(), ['lines', 'lines[].itemCode', 'lines[].quantity', 'vendor']);
  });

  it('names every missing required field, per line, with alternatives', () => {
    const issues = missingRequired({ lines: [{ quantity: '2', itemCode: 'A' }, { item: null }, {}] }, caps.create!.requiredFields);
    assert.deepEqual(issues.map((i) => i.path), ['vendor', 'lines[1].item|lines[1].itemCode', 'lines[2].item|lines[2].itemCode', 'lines[1].quantity', 'lines[2].quantity']);
    const err = fails(() => checkWrite(caps, { operation: 'create', body: { lines: [{}] } }, 'purchase order'), 'invalid_request', 400);
    assert.equal((err.details!.issues as unknown[]).length, 3);
  });

  it('refuses fields the system does not take, line identifiers aside', () => {
    assert.deepEqual(notAllowed(['description', 'lines', 'lines[].remoteId', 'lines[].unitPrice', 'currency'], caps.update!.updatableFields), ['lines[].unitPrice', 'currency']);
    const err = fails(() => checkWrite(caps, { operation: 'create', body: { vendor: { remoteId: '1' }, currency: 'EUR', lines: [] } }, 'purchase order'), 'field_not_updatable', 422);
    assert.deepEqual(err.details!.fields, ['currency']);
  });

  it('locks edits in locked states, but lets an allowed transition through', () => {
    const locked = fails(() => checkWrite(caps, { operation: 'update', body: { description: 'x' }, currentStatus: 'approved' }, 'purchase order'), 'record_locked', 409);
    assert.match(locked.message, /confirmed orders are final/);
    assert.deepEqual(checkWrite(caps, { operation: 'update', body: { status: 'cancelled' }, currentStatus: 'pending_approval' }, 'purchase order'), { transition: 'cancelled' });
    fails(() => checkWrite(caps, { operation: 'update', body: { status: 'pending_approval' }, currentStatus: 'cancelled' }, 'purchase order'), 'record_locked', 409);
    fails(() => checkWrite(caps, { operation: 'update', body: { status: 'received' }, currentStatus: 'draft' }, 'purchase order'), 'field_not_updatable', 422);
    assert.deepEqual(checkWrite(caps, { operation: 'update', body: { status: 'draft' }, currentStatus: 'draft' }, 'purchase order'), {}, 'no move, no transition');
  });

  it('answers 405 for what is not declared, and locks deletes', () => {
    const readOnly: WriteCapabilities = { concurrency: 'none' };
    for (const operation of ['create', 'update', 'delete'] as const) fails(() => checkWrite(readOnly, { operation, body: {} }, 'vendor'), 'operation_not_supported', 405);
    fails(() => checkWrite(undefined, { operation: 'create', body: {} }, 'vendor'), 'operation_not_supported', 405);
    fails(() => checkWrite(caps, { operation: 'delete', body: {}, currentStatus: 'approved' }, 'purchase order'), 'record_locked', 409);
    assert.deepEqual(checkWrite(caps, { operation: 'delete', body: {}, currentStatus: 'draft' }, 'purchase order'), {});
  });
});
