/**
 * Where the credential keys live: MANIFOLD_SECRET_KEY (one key, or several separated by commas,
 * newest first) or the key ring file `<data dir>/secret-key` (one base64 key per line, newest
 * first), generated on first start with mode 0600. The file is watched by its mtime and size, so
 * a rotation by the CLI reaches running servers without a restart.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretBox, newSecretKey, parseSecretKey } from './secret-box.js';

export function parseKeyList(text: string): Buffer[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean).map(parseSecretKey);
}

export function keyRingPath(dataDir: string): string {
  return join(dataDir, 'secret-key');
}

export interface OpenedKeyRing {
  box: SecretBox;
  generated: boolean;
  origin: string;
}

export function openKeyRing(opts: { fromEnv: string | undefined; dataDir: string }): OpenedKeyRing {
  if (opts.fromEnv) {
    const [current, ...older] = parseKeyList(opts.fromEnv);
    if (!current) throw new Error('MANIFOLD_SECRET_KEY is empty');
    return { box: new SecretBox(current, older), generated: false, origin: 'MANIFOLD_SECRET_KEY' };
  }
  const path = keyRingPath(opts.dataDir);
  let generated = false;
  if (!existsSync(path)) {
    mkdirSync(opts.dataDir, { recursive: true });
    try {
      writeFileSync(path, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
      generated = true;
    } catch {
      // another process created it first: use theirs
    }
  }
  chmodSync(path, 0o600);
  let seen = fingerprint(path);
  const [current, ...older] = parseKeyList(readFileSync(path, 'utf8'));
  const reload = () => {
    const now = fingerprint(path);
    if (now === seen) return undefined;
    seen = now;
    return parseKeyList(readFileSync(path, 'utf8'));
  };
  return { box: new SecretBox(current!, older, reload), generated, origin: path };
}

function fingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

/** Writes a key ring file atomically (a reader sees the old or the new file, never half of one). */
export function writeKeyRing(dataDir: string, keys: string[]): void {
  const path = keyRingPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${keys.join('\n')}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
