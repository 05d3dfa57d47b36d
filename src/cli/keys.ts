/** `manifold keys`: the admin key, and rotation of the key that encrypts stored credentials. */
import { Command } from 'commander';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../core/config.js';
import { keyRingPath, openKeyRing, parseKeyList, writeKeyRing } from '../core/key-ring.js';
import { keyId, newSecretKey } from '../core/secret-box.js';
import { keyIdsInUse, reencryptCredentials } from '../engine/rekey.js';
import { newAdminKey } from '../server/auth/credentials.js';
import { resolveKeyFile } from '../server/auth/key-files.js';
import { openConfiguredStore } from '../server/start.js';

export function keysCommand(): Command {
  const keys = new Command('keys').description('Show or rotate the admin key and the credential encryption key.');
  keys
    .command('admin')
    .description('Print the admin key (creating it in the data dir if there is none).')
    .option('--rotate', 'replace the key in the data dir with a new one; the old one stops working at the next start')
    .action((opts: { rotate?: boolean }) => {
      const config = loadConfig();
      if (config.adminKey) {
        console.error('The admin key is set by MANIFOLD_ADMIN_KEY; change it there.');
        process.exit(opts.rotate ? 2 : 0);
      }
      const path = join(config.dataDir, 'admin-key');
      if (opts.rotate && existsSync(path)) unlinkSync(path);
      const key = resolveKeyFile({ fromEnv: undefined, envName: 'MANIFOLD_ADMIN_KEY', dataDir: config.dataDir, fileName: 'admin-key', generate: newAdminKey });
      console.log(key.value);
    });

  keys
    .command('rotate')
    .description(
      'Encrypt every stored credential under a new key, without downtime. With the key ring file, a new key is added first ' +
        '(running servers pick it up); with MANIFOLD_SECRET_KEY, put the new key first there ("new,old"), restart, then run this.',
    )
    .action(async () => {
      const config = loadConfig();
      if (!config.secretKey) {
        const path = keyRingPath(config.dataDir);
        const existing = existsSync(path) ? readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
        writeKeyRing(config.dataDir, [newSecretKey(), ...existing]);
      }
      const { box, origin } = openKeyRing({ fromEnv: config.secretKey, dataDir: config.dataDir });
      const store = await openConfiguredStore(config);
      try {
        const { reencrypted, total } = await reencryptCredentials(store, box);
        console.log(`Re-encrypted ${reencrypted} of ${total} stored credentials under key ${box.currentKeyId} (${origin}).`);
        console.log('Older keys stay in the ring for reading; `manifold keys prune` drops the ones no value uses.');
      } finally {
        await store.close();
      }
    });

  keys
    .command('prune')
    .description('Drop from the key ring file the older keys that no stored credential uses any more.')
    .action(async () => {
      const config = loadConfig();
      if (config.secretKey) {
        console.error('The keys are set by MANIFOLD_SECRET_KEY; remove old keys there once `manifold keys rotate` has run.');
        process.exit(2);
      }
      const path = keyRingPath(config.dataDir);
      const [current, ...older] = existsSync(path) ? readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
      if (!current) {
        console.log('No key ring yet.');
        return;
      }
      const store = await openConfiguredStore(config);
      try {
        const used = await keyIdsInUse(store);
        const kept = older.filter((k) => used.has(keyId(parseKeyList(k)[0]!)));
        writeKeyRing(config.dataDir, [current, ...kept]);
        console.log(`Kept ${kept.length} older key(s) still in use; dropped ${older.length - kept.length}.`);
      } finally {
        await store.close();
      }
    });
  return keys;
}
