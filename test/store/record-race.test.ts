/**
 * A record write that keeps losing the race on PostgreSQL. Every time our upsert has read the
 * record, another writer changes it and commits before our write, the window in which a busy
 * machine once made twelve concurrent writers fail CI. An upsert that re-reads and retries loses
 * every round and gives up; one that locks the row before reading it wins as soon as it holds it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { createRecordsRepo } from '../../src/store/repos/records.js';
import { describeEachStore, testDatabaseUrl } from '../support/stores.js';
import { at, makeConnection, recordInput } from './helpers.js';

const PO = 'purchaseOrders';
/** More rounds than any bounded re-read-and-retry loop should be allowed. */
const MAX_INTRUSIONS = 12;

/** Runs `afterRead` once each read of the records table has answered, before the caller goes on. */
class AfterRecordReads implements KyselyPlugin {
  readonly #reads = new WeakSet<object>();
  constructor(private readonly afterRead: () => Promise<void>) {}
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"records"')) this.#reads.add(queryId);
    return node;
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#reads.has(queryId)) await this.afterRead();
    return result;
  }
}

describeEachStore('a record write that keeps losing the race', ({ kind, store }) => {
  if (kind !== 'postgres') return; // SQLite has one writer at a time: there is no window to lose in

  it('wins once it holds the row, however often another writer commits between its read and its write', async () => {
    const s = store();
    const c = await makeConnection(s);
    const first = await s.records.upsert(recordInput(c.id, PO, 'contended', { data: { n: 0 } }));
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(s.db);
    const other = new pg.Client({ connectionString: testDatabaseUrl(), options: `-c search_path=${rows[0]!.schema}` });
    other.on('error', () => {});
    await other.connect();
    const otherPid = Number((await other.query('select pg_backend_pid() as pid')).rows[0].pid);
    const waitingOnLock = async (pid: number) => {
      const { rows: activity } = await sql<{ wait: string | null }>`select wait_event_type as wait from pg_stat_activity where pid = ${pid}`.execute(s.db);
      return activity[0]?.wait === 'Lock';
    };
    try {
      let intrusions = 0;
      const pending: Promise<unknown>[] = [];
      // Another process's write, committed at once. When our upsert holds the row, it waits for
      // our commit: then it is left queued (seen waiting on a lock) rather than awaited, which
      // would wait for us.
      const intrude = async () => {
        if (intrusions >= MAX_INTRUSIONS) return;
        intrusions += 1;
        let done = false;
        const bump = other.query('update records set version = version + 1 where id = $1', [first.record.id]).finally(() => (done = true));
        pending.push(bump);
        while (!done && !(await waitingOnLock(otherPid))) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const ours = createRecordsRepo(s.db.withPlugin(new AfterRecordReads(intrude)));

      const result = await ours.upsert(recordInput(c.id, PO, 'contended', { data: { n: 1 }, updatedAt: at(9_000) }));
      await Promise.all(pending);

      assert.equal(result.outcome, 'updated');
      assert.deepEqual(result.record.data, { n: 1 });
      assert.ok(intrusions >= 2, `another writer got in after our first read (${intrusions} intrusions)`);
      assert.ok(intrusions < MAX_INTRUSIONS, `ours won before the other writer gave up (${intrusions} intrusions)`);
      // Nothing lost: the first write, every intrusion, and ours.
      const stored = await s.records.getByRemoteId(c.id, PO, 'contended');
      assert.equal(stored?.version, 1 + intrusions + 1);
      assert.deepEqual(stored?.data, { n: 1 });
    } finally {
      await other.end();
    }
  });
});
