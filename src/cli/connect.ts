/**
 * `manifold connect <system>`: asks for the system's credential fields (secrets without echo),
 * checks them live exactly as the API does, stores the connection and prints its token once.
 */
import { Command } from 'commander';
import { connectorById } from '../connectors/index.js';
import { loadConfig } from '../core/config.js';
import { ApiError } from '../core/errors.js';
import { openKeyRing } from '../core/key-ring.js';
import { createConnection } from '../engine/connections.js';
import { ConnectorRuntime, type ConnectorMap } from '../engine/runtime.js';
import { connectors } from '../connectors/index.js';
import { checkCredentials } from '../server/routes/connection-create.js';
import { openConfiguredStore } from '../server/start.js';
import { Prompter } from './prompt.js';

export function connectCommand(): Command {
  return new Command('connect')
    .description('Connect a system from the terminal: asks for its credentials, checks them live, prints the token once.')
    .argument('<system>', 'the system id, as `manifold systems` lists it')
    .option('--name <name>', 'a name for the connection')
    .action(async (system: string, opts: { name?: string }) => {
      const connector = connectorById(system);
      if (!connector) {
        console.error(`No system "${system}". \`manifold systems\` lists them.`);
        process.exit(2);
      }
      const config = loadConfig();
      const given: Record<string, string> = {};
      const prompter = new Prompter();
      for (const f of connector.credentialFields) {
        console.log(`\n${f.label}${f.required ? '' : ' (optional)'} — ${f.help}`);
        const value = await prompter.ask(f.label, { secret: f.type === 'secret', default: f.default });
        if (value) given[f.name] = value;
      }
      const name = opts.name ?? ((await prompter.ask('Connection name', { default: connector.name })) || connector.name);
      prompter.close();
      const { box } = openKeyRing({ fromEnv: config.secretKey, dataDir: config.dataDir });
      const runtime = new ConnectorRuntime(connectors as unknown as ConnectorMap, box, { allowPrivateNetworks: config.allowPrivateNetworks, allowedOrigins: new Set() });
      const store = await openConfiguredStore(config);
      try {
        console.log(`\nChecking the credentials with ${connector.name}…`);
        const checked = await checkCredentials(runtime, system, given);
        const { connection, token } = await createConnection(store, { system, name, credentials: box.sealJson(checked) });
        console.log(`Connected: ${connection.id} (${connection.name}).`);
        console.log(`\nAPI token (shown once; keep it safe):\n  ${token}\n`);
        console.log('The first sync runs when a server (`manifold serve`) picks the connection up, or now with `manifold sync`.');
      } catch (err) {
        if (err instanceof ApiError) {
          console.error(`Not connected: ${err.message}`);
          const issues = (err.details?.issues as { path: string; message: string }[] | undefined) ?? [];
          for (const i of issues) console.error(`  ${i.path}: ${i.message}`);
          process.exitCode = 1;
          return;
        }
        throw err;
      } finally {
        await store.close();
      }
    });
}
