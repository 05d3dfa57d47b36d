/** `manifold keys`: the admin key. (Credential-key rotation arrives with encrypted credentials.) */
import { Command } from 'commander';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../core/config.js';
import { newAdminKey } from '../server/auth/credentials.js';
import { resolveKeyFile } from '../server/auth/key-files.js';

export function keysCommand(): Command {
  const keys = new Command('keys').description('Show or rotate the admin key.');
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
  return keys;
}
