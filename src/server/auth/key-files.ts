/**
 * Keys that live in the data directory when they are not given in the environment: created once
 * with mode 0600, read on every later start.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedKey {
  value: string;
  /** True when this call created the file (the caller prints the key once). */
  generated: boolean;
  /** Where it came from, for messages: the variable name or the file path. */
  origin: string;
}

export function resolveKeyFile(opts: {
  fromEnv: string | undefined;
  envName: string;
  dataDir: string;
  fileName: string;
  generate: () => string;
}): ResolvedKey {
  if (opts.fromEnv) return { value: opts.fromEnv, generated: false, origin: opts.envName };
  mkdirSync(opts.dataDir, { recursive: true });
  const path = join(opts.dataDir, opts.fileName);
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    return { value: readFileSync(path, 'utf8').trim(), generated: false, origin: path };
  }
  const value = opts.generate();
  // 'wx' fails if another process created it in between; then read theirs.
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return { value: readFileSync(path, 'utf8').trim(), generated: false, origin: path };
  }
  return { value, generated: true, origin: path };
}
