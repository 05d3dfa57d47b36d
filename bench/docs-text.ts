/**
 * What docs/benchmarks.md says about each benchmark: what it measures, against which floor, and
 * why that floor. The figures come from bench/results/latest.json; this is the prose around them.
 */
import type { BenchmarkId } from './lib/args.js';

export const BENCHMARK_TEXT: Record<BenchmarkId, { title: string; body: string }> = {
  read: {
    title: '1. Read path',
    body: `\`GET /v1/purchase-orders?limit=100\` with a connection token, against a store pre-filled through
its repository with purchase orders of five lines each (~3.7 KB of unified JSON each, and a
~2.8 KB native record stored beside each as \`remoteData\`, as a sync leaves it). The load walks every page by cursor, as a client paging
through the store would, with autocannon at 1, 16 and 64 connections for a fixed duration per run.
Manifold runs in its own process with the real app: authentication, validation, the store
query, the request log (one row written per request), serialisation.

**Floor:** a bare Fastify route in its own process answering the bytes of Manifold's first page
from memory — the same framework, the same payload size, nothing else. **Goals:** at least 50 %
of the floor's throughput; p99 under 50 ms at 64 connections.`,
  },
  fresh: {
    title: '2. Live read-through overhead',
    body: `\`GET /v1/purchase-orders/{id}?fresh=true\`: Manifold reads the order from the system now
(through the connector, its rate budget and circuit breaker), maps it, stores it if it changed
and answers it. Measured at 16 connections, cycling over every order, against the SAP S/4HANA
simulator running in a third process.

Twice: with the connector's rate budget as shipped (SAP: 10 calls/s, 4 in flight, to keep the
customer's work processes free — so at 16 connections requests queue for the budget by design),
and with the budget lifted (a bench-only switch in \`bench/children/manifold.ts\`), which shows
what Manifold itself adds. With the budget lifted also at one connection, where nothing queues
and the difference is the cost of one call in Manifold.

**Floor:** the same call made directly to the simulator — the exact request the connector makes
for one read (path and query as the simulator logged them), with the same credentials, from the
same load generator. **Goals:** Manifold adds at most 2 ms at p50 and 10 ms at p99 (at 16
connections).`,
  },
  sync: {
    title: '3. Full sync',
    body: `A first (full) sync of a connection to the SAP S/4HANA simulator holding N purchase orders
(1–9 items each, 5 on average, with schedule lines; SAP answers every property of every entity,
about 28 KB of JSON per order), into an empty store: \`POST /v1/connections/{id}/sync\`, then \`GET …/sync\` every 50 ms until it has finished,
on Manifold running in its own process, the simulator in another (so its memory is not counted).
Orders per second end to end; CPU seconds of the Manifold process per 1,000 orders; its peak
resident memory (getrusage maxRSS of a fresh process per run), with the V8 heap at the highest
sampled RSS in the notes. Then ten times the data: the throughput should stay within 20 % and the
peak memory should not grow with the data (pages are streamed and written in bounded batches).
The connector's rate budget is as shipped; the parameters say how many orders per second it
allows, above what a sync reaches.

**Floor:** the connector's own listing of the same orders, run without Manifold's guard, mapping
or store (same simulator, same HTTP path), in the load generator's process — what the system side
delivers. For peak RSS, the same Manifold process just before the sync. **Goals:** ≥ 5,000
orders/s on SQLite; peak RSS ≤ 512 MB; at ten times the data, throughput within 20 % and peak RSS
within 20 % of the smaller run.`,
  },
  incremental: {
    title: '4. Incremental sync',
    body: `After a full sync of 100,000 orders, 100 orders spread over the whole range are changed in
the simulator (through its handle, as a user in ME22N would: LastChangeDateTime moves to now);
then an incremental sync is started through the API (\`POST /v1/connections/{id}/sync\`, 202), and
\`GET /v1/purchase-orders?modifiedAfter=…\` is polled every 10 ms until all 100 are there with
their new version. The figure is the time from the start of the sync to the last change visible.

**Floor:** the connector's incremental listing of the same changes alone (no store, no API).
**Goal:** ≤ 2 s.`,
  },
  mapping: {
    title: '5. Mapping',
    body: `\`toUnified\` per record, for every resource of every connector in \`src/connectors/index.ts\`,
on native records recorded through the connector's own listing from its sandbox at bench start
(or, where the system cannot run on the machine, from a committed fixture under
\`bench/fixtures/\`). Up to 50 records per resource: few enough that a connector reading details
one call per record stays inside its simulator's documented rate limit. Also the whole per-record step of a sync before the store: parse with the
native schema, map, validate against the unified model.

**Floor:** a deep copy of the same native record (\`JSON.parse(JSON.stringify(record))\`) — the
least a transform that touches every field costs. No goal is set; the figure shows whether
mapping matters next to the rest of a sync.`,
  },
  process: {
    title: '6. Process',
    body: `\`node bin/manifold.js serve\` spawned on a fresh data directory with the sandbox off: the time
from spawn to \`GET /ready\` answering 200 (keys generated, migrations applied, TypeScript
loaded through tsx), and the resident memory after a few idle seconds.

**Floor:** plain Node starting a bare Fastify server with one route (no TypeScript loader, no
store). No goal is set.`,
  },
};
