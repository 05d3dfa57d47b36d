/**
 * The sync engine on its own, with a small in-memory system whose behaviour each test sets: a
 * record that does not parse is counted and skipped without stopping the run; unchanged records
 * keep their version; a full sync sweeps what disappeared; an incremental one finds deletions by
 * the id listing, or, without one, turns full once a day has passed since the last full run; a
 * run that dies half way resumes from its checkpoint and ends with the same data.
 */
import assert from 'node:assert/strict';
import { it, before, after, beforeEach, afterEach } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { ConnectorDefinition } from '../../src/kit/definition.js';
import { MemorySystem, connectorFor, withoutIdListing, type Row } from '../support/memory-connector.js';
import { syncEntity } from '../../src/engine/sync/sync-entity.js';
import { createConnection } from '../../src/engine/connections.js';
import type { ConnectionRow } from '../../src/store/index.js';
import { describeEachStore } from '../support/stores.js';
import { admin, appFor } from '../support/app.js';

describeEachStore('sync engine', ({ store }) => {
  let connection: ConnectionRow;
  const logger = pino({ level: 'silent' });
  const run = (system: MemorySystem, opts: { full?: boolean; now?: () => Date } = {}) =>
    syncEntity({ store: store(), logger }, connection, connectorFor(system) as ConnectorDefinition<unknown>, system, 'vendors', { lookbackMs: 0, ...opts });

  let app: FastifyInstance;
  before(async () => {
    app = await appFor(store());
  });
  after(async () => app.close());

  beforeEach(async () => {
    connection = (await createConnection(store(), { system: 'memory', name: 'Memory', credentials: null })).connection;
  });
  afterEach(async () => {
    await store().connections.delete(connection.id);
  });

  it('counts a record that does not parse, logs it, and stores the rest', async () => {
    const system = new MemorySystem(25);
    system.rows.set(13, { id: 13, broken: true });
    const counts = await run(system);
    assert.deepEqual(counts, { fetched: 25, created: 24, updated: 0, unchanged: 0, deleted: 0, failed: 1 });
    assert.equal(await store().records.count({ connectionId: connection.id, entity: 'vendors' }), 24);
    const cp = await store().checkpoints.get(connection.id, 'vendors');
    assert.equal(cp?.status, 'succeeded');
  });

  it('keeps the version of unchanged records and bumps changed ones', async () => {
    const system = new MemorySystem(12);
    await run(system);
    (system.rows.get(5) as Row).name = 'Renamed';
    (system.rows.get(5) as Row).changed = '2026-06-01T00:00:00.000Z';
    const counts = await run(system, { full: true });
    assert.equal(counts.updated, 1);
    assert.equal(counts.unchanged, 11);
    const five = await store().records.getByRemoteId(connection.id, 'vendors', '5');
    const six = await store().records.getByRemoteId(connection.id, 'vendors', '6');
    assert.equal(five?.version, 2);
    assert.equal(five?.data.name, 'Renamed');
    assert.equal(six?.version, 1);
  });

  it('incremental runs ask only for what changed since the watermark and find deletions by id', async () => {
    const system = new MemorySystem(30);
    let clock = Date.parse('2026-03-01T00:00:00.000Z');
    const now = () => new Date(clock);
    await run(system, { now });
    clock += 60_000;
    (system.rows.get(7) as Row).changed = new Date(clock - 30_000).toISOString();
    (system.rows.get(7) as Row).status = 'blocked';
    system.rows.delete(20);
    const counts = await run(system, { now });
    assert.equal(counts.fetched, 1, 'only the changed record was listed');
    assert.equal(counts.updated, 1);
    assert.equal(counts.deleted, 1);
    const gone = await store().records.getByRemoteId(connection.id, 'vendors', '20');
    assert.ok(gone?.deletedAt);
  });

  it('without an id listing, an incremental run becomes a full one once fullEveryMs has passed, and finds deletions', async () => {
    const system = new MemorySystem(20);
    const connector = withoutIdListing(system) as ConnectorDefinition<unknown>;
    let clock = Date.parse('2026-03-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const sync = () => syncEntity({ store: store(), logger }, connection, connector, system, 'vendors', { lookbackMs: 0, now, fullEveryMs: 24 * 3_600_000 });
    const lastFull = async () => (await app.inject({ url: `/v1/connections/${connection.id}/sync`, headers: admin })).json().data.entities[0].lastFullSyncAt;

    await sync();
    assert.equal(await lastFull(), '2026-03-01T00:00:00.000Z', 'the first run is full');
    system.rows.delete(7);
    clock += 23 * 3_600_000;
    const incremental = await sync();
    assert.equal(incremental.deleted, 0, 'an incremental run cannot see the deletion');
    assert.equal(incremental.fetched, 0, 'and asked only for what changed');
    assert.equal((await store().records.getByRemoteId(connection.id, 'vendors', '7'))?.deletedAt, null);

    clock += 3_600_000;
    const reconciled = await sync();
    assert.equal(reconciled.fetched, 19, 'a day after the last full run, the whole listing is read');
    assert.equal(reconciled.deleted, 1);
    assert.ok((await store().records.getByRemoteId(connection.id, 'vendors', '7'))?.deletedAt);
    assert.equal(await lastFull(), '2026-03-02T00:00:00.000Z');

    clock += 3_600_000;
    assert.equal((await sync()).fetched, 0, 'then incremental again');
    assert.equal(await lastFull(), '2026-03-02T00:00:00.000Z');
  });

  it('a full sync sweeps records the system no longer has', async () => {
    const system = new MemorySystem(15);
    await run(system);
    system.rows.delete(3);
    system.rows.delete(14);
    const counts = await run(system, { full: true });
    assert.equal(counts.deleted, 2);
    assert.equal(await store().records.count({ connectionId: connection.id, entity: 'vendors' }), 13);
  });

  it('a run that dies half way resumes from its checkpoint and ends with the same data', async () => {
    const system = new MemorySystem(47);
    system.failOnPage = 3;
    await assert.rejects(run(system), /connection reset/);
    const cp = await store().checkpoints.get(connection.id, 'vendors');
    assert.equal(cp?.status, 'failed');
    assert.equal(await store().records.count({ connectionId: connection.id, entity: 'vendors' }), 20, 'two pages stored');

    system.failOnPage = undefined;
    system.pagesServed = 0;
    const counts = await run(system);
    assert.equal(counts.fetched, 27, 'resumed after the last stored page');
    assert.equal(system.pagesServed, 3);
    const rows = await store().records.list({ connectionId: connection.id, entity: 'vendors', limit: 100, includeDeleted: true });
    assert.equal(rows.length, 47);
    assert.deepEqual(rows.map((r) => Number(r.remoteId)).sort((a, b) => a - b), Array.from({ length: 47 }, (_, i) => i + 1));
    assert.ok(rows.every((r) => r.version === 1 && r.deletedAt === null), 'nothing swept, nothing rewritten');
  });
});
