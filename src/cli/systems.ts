/** `manifold systems`: the catalogue, as the API serves it. */
import { Command } from 'commander';
import { connectors } from '../connectors/index.js';
import { describeSystem } from '../server/routes/systems.js';

export function systemsCommand(): Command {
  return new Command('systems')
    .description('List the systems Manifold can connect and the credentials each needs.')
    .option('--json', 'print the catalogue as JSON')
    .action((opts: { json?: boolean }) => {
      const systems = Object.values(connectors).map((c) => describeSystem(c as never, undefined));
      if (opts.json) {
        console.log(JSON.stringify(systems, null, 2));
        return;
      }
      for (const s of systems) {
        console.log(`${s.id}  ${s.name} (${s.vendor}) — ${s.categories.join(', ')}; ${s.authMethod}`);
        console.log(`  entities: ${Object.keys(s.entities).join(', ')}`);
        for (const f of s.credentialFields) console.log(`  ${f.required ? '*' : ' '} ${f.name} (${f.type}): ${f.label}`);
      }
    });
}
