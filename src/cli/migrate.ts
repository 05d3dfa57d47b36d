/** `manifold migrate`: apply pending store migrations and exit (serve also does this at start). */
import { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { migrateToLatest, openStore } from '../store/index.js';
import { storeOptionsFor } from '../server/start.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations to the configured store (SQLite in the data dir, or DATABASE_URL).')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(storeOptionsFor(config));
      try {
        const { applied } = await migrateToLatest(store);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      } finally {
        await store.close();
      }
    });
}
