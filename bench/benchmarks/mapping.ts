/**
 * 5. Mapping: toUnified µs per record for each connector and resource, on native pages recorded
 * from the connector's sandbox at bench start (or the committed fixture where the system cannot
 * run here), beside a deep copy of the same native record (a JSON round trip) — the least a
 * transform that touches every field costs. Also the whole per-record step of a sync before the
 * store: parse with the native schema, map, validate against the unified model.
 */
import { connectors } from '../../src/connectors/index.js';
import { mapContext, prepareRecord } from '../../src/engine/records/prepare.js';
import type { ConnectorDefinition, ResourceDefinition } from '../../src/kit/definition.js';
import type { EntityKey } from '../../src/models/registry.js';
import { sandboxSystems } from '../../src/sandbox/systems.js';
import { measure, type BenchContext } from '../lib/context.js';
import { record } from '../lib/figures.js';
import { readFixture, recordFromSandbox, type RecordedPages } from '../lib/record-pages.js';
import type { BenchmarkResult } from '../lib/results.js';

let sink = 0;

/** µs per record of `fn` over `records`, looping for at least `budgetMs`. */
function timePerRecord(records: readonly unknown[], fn: (r: unknown) => unknown, budgetMs: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const r of records) {
      const out = fn(r);
      if (out !== undefined) sink += 1;
    }
    count += records.length;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return (elapsed * 1000) / count;
}

async function pagesFor(connector: ConnectorDefinition<unknown>, perResource: number): Promise<{ pages?: RecordedPages; how: string; reason?: string }> {
  const sandbox = sandboxSystems.find((s) => s.id === connector.id);
  const missing = sandbox ? await sandbox.unavailable?.() : 'no sandbox system for this connector';
  if (sandbox && !missing) return { pages: await recordFromSandbox(connector, sandbox, perResource), how: 'recorded from its sandbox at bench start' };
  const fixture = await readFixture(connector.id);
  if (fixture) return { pages: fixture, how: `committed fixture bench/fixtures/${connector.id}.json (${fixture.source}, recorded ${fixture.recordedAt.slice(0, 10)}) — live system unavailable: ${missing}` };
  return { how: 'skipped', reason: `${missing}; and no fixture bench/fixtures/${connector.id}.json` };
}

export function runMappingBenchmark(ctx: BenchContext): Promise<BenchmarkResult> {
  // Few enough that a connector reading details one call per record stays inside its
  // simulator's documented rate limit (MaintainX: 100 calls a minute).
  const perResource = ctx.opts.quick ? 20 : 50;
  const budgetMs = ctx.opts.quick ? 40 : 300;
  return measure(ctx, 'mapping', '5. Mapping: toUnified per record', async (rec) => {
    Object.assign(rec.params, { recordsPerResource: perResource, msPerRun: budgetMs });
    const ctxMap = mapContext('conn_bench');
    for (const connector of Object.values(connectors) as ConnectorDefinition<unknown>[]) {
      ctx.log(`  ${connector.name}: recording native pages`);
      const { pages, how, reason } = await pagesFor(connector, perResource);
      if (!pages) {
        rec.skipped.push({ case: connector.name, reason: reason! });
        ctx.log(`  ${connector.name} skipped: ${reason}`);
        continue;
      }
      rec.notes.push(`${connector.name}: ${how}.`);
      const empty = Object.entries(pages.resources).filter(([, natives]) => natives.length === 0).map(([key]) => key);
      const unlisted = Object.entries(connector.resources).filter(([, r]) => !(r as ResourceDefinition<unknown, unknown>).list).map(([key]) => key);
      if (unlisted.length) rec.notes.push(`${connector.name}: no figure for ${unlisted.join(', ')} — the system cannot list ${unlisted.length === 1 ? 'it' : 'them'}, so there is no native page to map.`);
      if (empty.length) rec.notes.push(`${connector.name}: no figure for ${empty.join(', ')} — the sandbox listed no records.`);
      for (const [key, natives] of Object.entries(pages.resources)) {
        const resource = connector.resources[key as EntityKey] as ResourceDefinition<unknown, unknown> | undefined;
        if (!resource || natives.length === 0) continue;
        const parsed = natives.map((n) => resource.raw.parse(n));
        const toUnified = (r: unknown) => resource.toUnified(r, ctxMap);
        const prepare = (n: unknown) => {
          const p = prepareRecord(resource, key as EntityKey, 'conn_bench', n, '2026-01-01T00:00:00.000Z');
          if (!p.ok) throw new Error(`${connector.id} ${key}: a recorded record does not ${p.stage}: ${JSON.stringify(p.issues)}`);
          return p;
        };
        const copy = (n: unknown) => JSON.parse(JSON.stringify(n)) as unknown;
        // Warm-up, so the runs time optimised code.
        timePerRecord(parsed, toUnified, budgetMs);
        timePerRecord(natives, prepare, budgetMs);
        timePerRecord(natives, copy, budgetMs);
        const mapped: number[] = [];
        const prepared: number[] = [];
        const copied: number[] = [];
        for (let run = 0; run < ctx.opts.runs; run += 1) {
          copied.push(timePerRecord(natives, copy, budgetMs));
          mapped.push(timePerRecord(parsed, toUnified, budgetMs));
          prepared.push(timePerRecord(natives, prepare, budgetMs));
        }
        const bytes = Math.round(natives.reduce<number>((s, n) => s + JSON.stringify(n).length, 0) / natives.length);
        const label = `${connector.name} · ${key} (${natives.length} records, ~${bytes.toLocaleString('en-US')} B each)`;
        const floor = { label: 'deep copy of the native record (JSON round trip)', samples: copied };
        const f = record(rec, { id: `mapping.${connector.id}.${key}.toUnified`, case: label, metric: 'toUnified per record', unit: 'µs', samples: mapped, floor });
        record(rec, { id: `mapping.${connector.id}.${key}.prepare`, case: label, metric: 'parse + map + validate', unit: 'µs', samples: prepared, floor });
        ctx.log(`  ${connector.name} ${key}: ${f.value.median.toFixed(1)} µs per record (copy ${f.floor!.value.median.toFixed(1)} µs)`);
      }
    }
    if (sink < 0) console.log(sink);
  });
}
