/**
 * The sync schedule: a connection never synced is synced by the schedule; one synced within its
 * interval, a disabled one and one that needs attention are left alone; a connection's own
 * interval overrides the default; a second request joins the running sync instead of starting one;
 * an entity without an id listing is read in full when its full run is due.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/core/secret-box.js';
import { createConnection } from '../../src/engine/connections.js';
import { ConnectorRuntime, type ConnectorMap } from '../../src/engine/runtime.js';
import { createSyncJobs } from '../../src/engine/sync/jobs.js';
import { describeEachStore } from '../support/stores.js';
import { MemorySystem, connectorFor, withoutIdListing } from '../support/memory-connector.js';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describeEachStore('sync schedule', ({ store }) => {
  it('syncs what is due, leaves the rest, and honours per-connection intervals', async () => {
    const system = new MemorySystem(5);
    const runtime = new ConnectorRuntime({ memory: connectorFor(system) } as unknown as ConnectorMap, new SecretBox(randomBytes(32)), { allowPrivateNetworks: false, allowedOrigins: new Set() });
    const make = (name: string) => createConnection(store(), { system: 'memory', name, credentials: null }).then((r) => r.connection);
    const fresh = await make('never synced');
    const recent = await make('synced just now');
    const disabled = await make('disabled');
    const attention = await make('needs attention');
    const recentAt = new Date().toISOString();
    await store().connections.update(recent.id, { lastSyncAt: recentAt });
    await store().connections.update(disabled.id, { status: 'disabled' });
    await store().connections.update(attention.id, { status: 'needs_attention' });

    const jobs = createSyncJobs({ store: store(), runtime, logger: pino({ level: 'silent' }), intervalMs: 3_600_000, tickMs: 20 });
    jobs.startSchedule();
    try {
      await until(async () => Boolean((await store().connections.get(fresh.id))?.lastSyncAt), 'the due connection to sync');
      assert.equal(await store().records.count({ connectionId: fresh.id, entity: 'vendors' }), 5);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await store().connections.get(recent.id))?.lastSyncAt, recentAt, 'not due yet');
      for (const c of [disabled, attention]) assert.equal(await store().records.count({ connectionId: c.id, entity: 'vendors' }), 0);

      // Its own interval of one second makes the recently synced connection due.
      await store().connections.update(recent.id, { syncIntervalSeconds: 1, lastSyncAt: new Date(Date.now() - 2000).toISOString() });
      await until(async () => (await store().records.count({ connectionId: recent.id, entity: 'vendors' })) === 5, 'the per-connection interval');
    } finally {
      await jobs.stop();
    }
  });

  it('a second request joins the running sync', async () => {
    const system = new MemorySystem(30);
    const runtime = new ConnectorRuntime({ memory: connectorFor(system) } as unknown as ConnectorMap, new SecretBox(randomBytes(32)), { allowPrivateNetworks: false, allowedOrigins: new Set() });
    const { connection } = await createConnection(store(), { system: 'memory', name: 'joined', credentials: null });
    const jobs = createSyncJobs({ store: store(), runtime, logger: pino({ level: 'silent' }), intervalMs: 3_600_000 });
    const [a, b] = [jobs.run(connection.id), jobs.run(connection.id)];
    assert.equal(a, b);
    await a;
    assert.equal(system.pagesServed, 4, 'one listing (three full pages and an empty one), not two');
    await jobs.stop();
  });

  it('its runs read in full an entity without an id listing once fullEveryMs has passed, and so find deletions', async () => {
    const system = new MemorySystem(5);
    const runtime = new ConnectorRuntime({ memory: withoutIdListing(system) } as unknown as ConnectorMap, new SecretBox(randomBytes(32)), { allowPrivateNetworks: false, allowedOrigins: new Set() });
    const make = (name: string) => createConnection(store(), { system: 'memory', name, credentials: null }).then((r) => r.connection);
    const deletedBy = async (fullEveryMs: number | undefined) => {
      const { id } = await make(`full every ${fullEveryMs}`);
      const jobs = createSyncJobs({ store: store(), runtime, logger: pino({ level: 'silent' }), intervalMs: 3_600_000, fullEveryMs });
      try {
        await jobs.run(id);
        const gone = system.rows.get(3)!;
        system.rows.delete(3);
        await new Promise((r) => setTimeout(r, 5));
        const second = await jobs.run(id);
        system.rows.set(3, gone);
        return (second.entities.vendors as { deleted: number }).deleted;
      } finally {
        await jobs.stop();
      }
    };
    assert.equal(await deletedBy(undefined), 0, 'incremental: the deletion is not seen');
    assert.equal(await deletedBy(1), 1, 'due for a full run: the deletion is marked');
  });
});
