/**
 * Records the native pages the mapping benchmark falls back on where a system cannot run (a
 * sandbox with an `unavailable` check, e.g. Tryton without Debian's packages):
 * bench/fixtures/<connector id>.json, up to N records per resource (default 20: the fixture stays small).
 * `npx tsx bench/record-fixtures.ts [N]` — on a machine where the system runs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { connectors } from '../src/connectors/index.js';
import type { ConnectorDefinition } from '../src/kit/definition.js';
import { sandboxSystems } from '../src/sandbox/systems.js';
import { FIXTURES_DIR, recordFromSandbox } from './lib/record-pages.js';

const perResource = Number(process.argv[2] ?? 20);
await mkdir(FIXTURES_DIR, { recursive: true });
for (const connector of Object.values(connectors) as ConnectorDefinition<unknown>[]) {
  const sandbox = sandboxSystems.find((s) => s.id === connector.id);
  // Simulators always run, so their pages are recorded live at every bench start instead.
  if (!sandbox?.unavailable) continue;
  const missing = await sandbox.unavailable();
  if (missing) {
    console.error(`${connector.name}: not recorded (${missing})`);
    continue;
  }
  const pages = await recordFromSandbox(connector, sandbox, perResource);
  pages.source = `${connector.name} sandbox, its seeded demo data`;
  const file = `${FIXTURES_DIR}${connector.id}.json`;
  await writeFile(file, `${JSON.stringify(pages)}\n`);
  console.log(`${connector.name}: ${Object.entries(pages.resources).map(([k, v]) => `${v.length} ${k}`).join(', ')} → ${file}`);
}
