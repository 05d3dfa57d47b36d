/**
 * Native pages recorded from a running system through the connector's own listing — what the
 * mapping benchmark maps — and the committed fixtures used where a system cannot run here
 * (Tryton needs Debian's packages). A fixture file is bench/fixtures/<connector id>.json.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ConnectorDefinition, ResourceDefinition } from '../../src/kit/definition.js';
import { HttpClient } from '../../src/kit/http.js';
import type { SandboxSystem } from '../../src/sandbox/system.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface RecordedPages {
  connector: string;
  recordedAt: string;
  /** Where the records came from, e.g. "Tryton 6.0 sandbox (Debian 12), seeded demo data". */
  source: string;
  /** Native records per entity key, as the connector's listing yields them. */
  resources: Record<string, unknown[]>;
}

/** Up to `perResource` native records of every resource, read from a started sandbox. */
export async function recordFromSandbox(
  connector: ConnectorDefinition<unknown>,
  sandbox: SandboxSystem,
  perResource: number,
): Promise<RecordedPages> {
  const running = await sandbox.start();
  try {
    const client = connector.connect(running.credentials, new HttpClient({ policy: connector.http }));
    const resources: Record<string, unknown[]> = {};
    for (const [key, resource] of Object.entries(connector.resources) as [string, ResourceDefinition<unknown, unknown>][]) {
      if (!resource.list) continue;
      const records: unknown[] = [];
      for await (const page of resource.list(client, { pageSize: Math.min(resource.pageSize ?? 100, perResource) })) {
        records.push(...page.records);
        if (records.length >= perResource) break;
      }
      resources[key] = records.slice(0, perResource);
    }
    return { connector: connector.id, recordedAt: new Date().toISOString(), source: `${connector.name} sandbox`, resources };
  } finally {
    await running.stop();
  }
}

export async function readFixture(connectorId: string): Promise<RecordedPages | undefined> {
  try {
    return JSON.parse(await readFile(`${FIXTURES_DIR}${connectorId}.json`, 'utf8')) as RecordedPages;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
