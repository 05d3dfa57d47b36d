/**
 * Encryption of credentials at rest: AES-256-GCM with a random 96-bit nonce per value. The key id
 * (a hash prefix of the key, never the key) is stored with each ciphertext so that a key ring can
 * decrypt values written under an older key while re-encryption runs.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function parseSecretKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('MANIFOLD_SECRET_KEY must be 32 bytes, base64-encoded');
  return key;
}

export function newSecretKey(): string {
  return randomBytes(32).toString('base64');
}

export class SecretBox {
  private keys = new Map<string, Buffer>();
  private currentId = '';

  /**
   * The first key encrypts; all of them decrypt. `reload` answers a new key list when the key
   * ring changed on disk (after `manifold keys rotate`), so a running server follows a rotation
   * without a restart: it seals with the new key at once and opens values re-encrypted under it.
   */
  constructor(current: Buffer, older: Buffer[] = [], private readonly reload?: () => Buffer[] | undefined) {
    this.setKeys([current, ...older]);
  }

  private setKeys(list: Buffer[]): void {
    if (list.length === 0) throw new Error('a key ring needs at least one key');
    this.currentId = keyId(list[0]!);
    this.keys = new Map(list.map((k) => [keyId(k), k]));
  }

  private refresh(): void {
    const next = this.reload?.();
    if (next) this.setKeys(next);
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    this.refresh();
    return this.currentId;
  }

  /** The key id a sealed value was made with. */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split(':')[1];
  }

  seal(plaintext: string): string {
    this.refresh();
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, nonce);
    cipher.setAAD(Buffer.from(`${VERSION}:${this.currentId}`));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.currentId, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
  }

  open(sealed: string): string {
    const [version, id, nonce, body, tag] = sealed.split(':');
    if (version !== VERSION || !id || nonce === undefined || body === undefined || !tag) throw new Error('not a sealed value');
    if (!this.keys.has(id)) this.refresh();
    const key = this.keys.get(id);
    if (!key) throw new Error(`no key ${id} to open this value (was the secret key changed?)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(`${version}:${id}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  sealJson(value: Record<string, unknown>): string {
    return this.seal(JSON.stringify(value));
  }

  openJson(sealed: string): Record<string, unknown> {
    return JSON.parse(this.open(sealed)) as Record<string, unknown>;
  }
}
