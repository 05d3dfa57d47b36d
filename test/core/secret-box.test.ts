/**
 * Credentials at rest: AES-256-GCM, a fresh nonce per value, the key id stored with it, tampering
 * detected, older keys still open what they sealed.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import { SecretBox, keyId, parseSecretKey, newSecretKey } from '../../src/core/secret-box.js';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.sealJson({ password: 'hunter2-very-secret' });
    assert.ok(!sealed.includes('hunter2'));
    assert.ok(sealed.startsWith(`v1:${keyId(key)}:`));
    assert.deepEqual(box.openJson(sealed), { password: 'hunter2-very-secret' });
  });

  it('uses a new nonce for every value', () => {
    const a = box.seal('same');
    const b = box.seal('same');
    assert.notEqual(a, b);
    assert.notEqual(a.split(':')[2], b.split(':')[2]);
  });

  it('detects tampering and a wrong key', () => {
    const sealed = box.seal('value');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    assert.throws(() => box.open(parts.join(':')));
    assert.throws(() => new SecretBox(randomBytes(32)).open(sealed), /no key/);
  });

  it('opens values sealed under an older key', () => {
    const newer = new SecretBox(randomBytes(32), [key]);
    assert.equal(newer.open(box.seal('old')), 'old');
  });

  it('accepts only 32-byte base64 keys', () => {
    assert.equal(parseSecretKey(newSecretKey()).length, 32);
    assert.throws(() => parseSecretKey(Buffer.alloc(16).toString('base64')), /32 bytes/);
  });
});
