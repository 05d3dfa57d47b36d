/** `manifold migrate`: apply pending store migrations and exit (serve also does this at start). */
import { Command } from 'commander';
import { join } from 'node:path';
import { loadConfig } from '../core/config.js';
import { migrateToLatest, openStore } from '../store/index.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations to the configured store (SQLite in the data dir, or DATABASE_URL).')
    .action(async () => {
      const config = loadConfig();
      const store = config.databaseUrl
        ? await openStore({ databaseUrl: config.databaseUrl })
        : await openStore({ sqlitePath: join(config.dataDir, 'manifold.sqlite') });
      try {
        const { applied } = await migrateToLatest(store);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      } finally {
        await store.close();
      }
    });
}
