/**
 * Sync jobs, in process: at most one sync per connection at a time (a second request joins the
 * running one), and a schedule that syncs each connection again once its interval has passed.
 * The interface is what a queue-backed runner (pg-boss on PostgreSQL) will implement too.
 */
import type { Logger } from 'pino';
import type { Store } from '../../store/index.js';
import type { ConnectorRuntime } from '../runtime.js';
import { syncConnection, type ConnectionSyncResult } from './sync-connection.js';

export interface SyncJobs {
  /** Starts a sync now, or joins the one already running for this connection. */
  run(connectionId: string, opts?: { full?: boolean }): Promise<ConnectionSyncResult>;
  isRunning(connectionId: string): boolean;
  runningCount(): number;
  startSchedule(): void;
  stop(): Promise<void>;
}

export function createSyncJobs(deps: { store: Store; runtime: ConnectorRuntime; logger: Logger; intervalMs: number; tickMs?: number; pageSize?: number; fullEveryMs?: number | undefined; onEntitySynced?: (system: string, entity: string, result: 'succeeded' | 'failed', connectionId: string) => void }): SyncJobs {
  const running = new Map<string, Promise<ConnectionSyncResult>>();
  // When the schedule last tried each connection: a failing system is tried again after its
  // interval, not at every tick.
  const attempted = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function run(connectionId: string, opts: { full?: boolean } = {}): Promise<ConnectionSyncResult> {
    const current = running.get(connectionId);
    if (current) return current;
    const job = (async () => {
      const connection = await deps.store.connections.get(connectionId);
      if (!connection) throw new Error(`no connection ${connectionId}`);
      return syncConnection(deps, connection, { ...opts, pageSize: deps.pageSize, fullEveryMs: deps.fullEveryMs });
    })().finally(() => running.delete(connectionId));
    running.set(connectionId, job);
    return job;
  }

  async function tick(): Promise<void> {
    let afterId: string | undefined;
    const now = Date.now();
    for (;;) {
      const page = await deps.store.connections.list({ limit: 200, afterId });
      for (const c of page) {
        if (stopped) return;
        if (c.status === 'disabled' || c.status === 'needs_attention' || running.has(c.id)) continue;
        const interval = c.syncIntervalSeconds ? c.syncIntervalSeconds * 1000 : deps.intervalMs;
        const last = Math.max(c.lastSyncAt ? Date.parse(c.lastSyncAt) : 0, attempted.get(c.id) ?? 0);
        if (now - last < interval) continue;
        attempted.set(c.id, now);
        run(c.id).catch((err) => deps.logger.warn({ connectionId: c.id, err }, 'scheduled sync failed'));
      }
      if (page.length < 200) return;
      afterId = page.at(-1)!.id;
    }
  }

  return {
    run,
    isRunning: (id) => running.has(id),
    runningCount: () => running.size,
    startSchedule() {
      if (timer) return;
      const every = deps.tickMs ?? Math.min(deps.intervalMs, 30_000);
      timer = setInterval(() => void tick().catch((err) => deps.logger.error({ err }, 'sync schedule failed')), every);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
