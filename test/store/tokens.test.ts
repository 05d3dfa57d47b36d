import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from '../support/stores.js';
import { at, makeConnection, uid } from './helpers.js';

describeEachStore('tokens repo', ({ store }) => {
  it('create, find by hash while active, list, and revoke', async () => {
    const s = store();
    const c = await makeConnection(s);
    const hash = uid('sha');
    const token = await s.tokens.create({ id: uid('tok'), connectionId: c.id, prefix: 'mf_live_ab', hash, createdAt: at(0) });
    assert.deepEqual(token, {
      id: token.id,
      connectionId: c.id,
      prefix: 'mf_live_ab',
      hash,
      createdAt: at(0),
      lastUsedAt: null,
      revokedAt: null,
    });
    assert.deepEqual(await s.tokens.findActiveByHash(hash), token);
    assert.equal(await s.tokens.findActiveByHash(uid('other')), undefined);

    assert.equal(await s.tokens.revoke(token.id, at(10)), true);
    assert.equal(await s.tokens.findActiveByHash(hash), undefined);
    assert.equal(await s.tokens.revoke(token.id, at(20)), false);
    const [listed] = await s.tokens.listForConnection(c.id);
    assert.equal(listed?.revokedAt, at(10), 'the first revocation time is kept');
  });

  it('refuse a second token with the same hash', async () => {
    const s = store();
    const c = await makeConnection(s);
    const hash = uid('sha');
    await s.tokens.create({ id: uid('tok'), connectionId: c.id, prefix: 'p', hash });
    await assert.rejects(s.tokens.create({ id: uid('tok'), connectionId: c.id, prefix: 'p', hash }));
  });

  it('revoke all of a connection but one, and no other connection', async () => {
    const s = store();
    const c = await makeConnection(s);
    const other = await makeConnection(s);
    const ids = [uid('tok'), uid('tok'), uid('tok')];
    for (const [i, id] of ids.entries()) {
      await s.tokens.create({ id, connectionId: c.id, prefix: 'p', hash: uid('h'), createdAt: at(i) });
    }
    const otherToken = await s.tokens.create({ id: uid('tok'), connectionId: other.id, prefix: 'p', hash: uid('h') });

    assert.equal(await s.tokens.revokeAllForConnection(c.id, ids[2]), 2);
    const listed = await s.tokens.listForConnection(c.id);
    assert.deepEqual(listed.map((t) => t.id), ids, 'oldest first');
    assert.deepEqual(listed.map((t) => t.revokedAt !== null), [true, true, false]);
    assert.ok(await s.tokens.findActiveByHash(otherToken.hash));
    assert.equal(await s.tokens.revokeAllForConnection(c.id), 1);
    assert.equal(await s.tokens.revokeAllForConnection(c.id), 0);
  });

  it('touch lastUsedAt, never backwards', async () => {
    const s = store();
    const c = await makeConnection(s);
    const t = await s.tokens.create({ id: uid('tok'), connectionId: c.id, prefix: 'p', hash: uid('h') });
    await s.tokens.touch(t.id, at(5_000));
    await s.tokens.touch(t.id, at(1_000));
    assert.equal((await s.tokens.findActiveByHash(t.hash))?.lastUsedAt, at(5_000));
    await s.tokens.touch(t.id, at(9_000));
    assert.equal((await s.tokens.findActiveByHash(t.hash))?.lastUsedAt, at(9_000));
  });
});
