/**
 * What a resource offers is what it declares **and** has the function for: a declaration alone is
 * not an offer (it would pass the checks and fail on the call), an asynchronous create needs
 * `submit` and a synchronous one `create`, and the checks refuse what is not offered with 405.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/core/errors.js';
import { checkOffered, checkWrite } from '../../src/engine/writes/check.js';
import { offeredWrites, type WriteCapabilities } from '../../src/kit/writes.js';

const caps: WriteCapabilities = {
  create: { requiredFields: [], writableFields: ['name'] },
  update: { updatableFields: ['name'] },
  delete: { mode: 'hard', description: 'removes it' },
  concurrency: 'none',
};
const fn = async () => 'x';

describe('offered writes', () => {
  it('offers only what is declared and backed by a function', () => {
    assert.deepEqual(offeredWrites({ capabilities: caps }), { concurrency: 'none' });
    assert.deepEqual(Object.keys(offeredWrites({ capabilities: caps, create: fn, update: fn, delete: fn })!).sort(), ['concurrency', 'create', 'delete', 'update']);
    assert.deepEqual(Object.keys(offeredWrites({ capabilities: { concurrency: 'none' }, create: fn, update: fn, delete: fn })!), ['concurrency'], 'a function alone is no offer either');
    assert.equal(offeredWrites({ capabilities: { ...caps, delete: { mode: 'none', description: 'never' } }, delete: fn })!.delete, undefined);
    assert.equal(offeredWrites(undefined), undefined);
  });

  it('an asynchronous create needs submit; a synchronous one needs create', () => {
    const asynchronous: WriteCapabilities = { ...caps, create: { ...caps.create!, asynchronous: true } };
    assert.equal(offeredWrites({ capabilities: asynchronous, create: fn })!.create, undefined);
    assert.equal(offeredWrites({ capabilities: asynchronous, submit: fn })!.create?.asynchronous, true);
    assert.equal(offeredWrites({ capabilities: caps, submit: fn })!.create, undefined);
  });

  it('refuses what is not offered with 405, whatever the body', () => {
    const offered = offeredWrites({ capabilities: caps });
    for (const operation of ['create', 'update', 'delete'] as const) {
      for (const check of [() => checkOffered(offered, operation, 'vendor'), () => checkWrite(offered, { operation, body: {} }, 'vendor')]) {
        assert.throws(check, (err: unknown) => err instanceof ApiError && err.status === 405 && err.code === 'operation_not_supported');
      }
    }
  });

  it('a body that is not an object is a 400, not a crash', () => {
    const offered = offeredWrites({ capabilities: caps, create: fn });
    for (const body of [undefined, null, [], 'x']) {
      assert.throws(() => checkWrite(offered, { operation: 'create', body: body as never }, 'vendor'), (err: unknown) => err instanceof ApiError && err.status === 400);
    }
  });
});
