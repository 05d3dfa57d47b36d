/**
 * One entity of one connection, synced: list (everything, or what changed since the watermark) →
 * parse the native record → map to the unified model → validate → upsert by content hash (an
 * unchanged record is not rewritten and keeps its version) → events. After a full listing,
 * records the system no longer has are swept as deleted; an incremental run finds deletions
 * through the resource's id listing where it has one. Progress is checkpointed page by page.
 */
import type { Logger } from 'pino';
import { randomId } from '../../core/ids.js';
import type { ConnectorDefinition, ResourceDefinition } from '../../kit/definition.js';
import type { EntityKey } from '../../models/registry.js';
import { prepareRecord } from '../records/prepare.js';
import type { ConnectionRow, RecordInput, Store } from '../../store/index.js';
import { emptyCounts, readCursor, type SyncCounts, type SyncCursor } from './checkpoint.js';

export interface SyncEntityOptions {
  full?: boolean;
  /** Overrides the resource's page size. */
  pageSize?: number;
  /** How far before a run's start the next incremental run looks again (clock skew, long transactions). */
  lookbackMs?: number;
  /**
   * An incremental run sees no deletions where the resource has no id listing: such an entity is
   * read in full again once this long has passed since its last full run. Undefined: only when asked.
   */
  fullEveryMs?: number | undefined;
  now?: () => Date;
}

const DEFAULT_LOOKBACK_MS = 2 * 60_000;
const DEFAULT_PAGE_SIZE = 100;

export async function syncEntity(
  deps: { store: Store; logger: Logger },
  connection: ConnectionRow,
  connector: ConnectorDefinition<unknown>,
  client: unknown,
  entityKey: EntityKey,
  opts: SyncEntityOptions = {},
): Promise<SyncCounts> {
  const { store, logger } = deps;
  const resource = connector.resources[entityKey] as ResourceDefinition<unknown, unknown>;
  // syncConnection skips such entities; a direct caller gets the same reason rather than a crash.
  if (!resource.list) throw new Error(`${connector.name} cannot list ${entityKey}${resource.readNotes ? `: ${resource.readNotes}` : ''}`);
  const list = resource.list.bind(resource);
  const now = () => (opts.now ? opts.now() : new Date()).toISOString();
  const log = logger.child({ connectionId: connection.id, system: connection.system, entity: entityKey });

  const previous = await store.checkpoints.get(connection.id, entityKey);
  const cursor = readCursor(previous?.cursor);
  // A cursor written before lastFullAt was kept has none: its full run is due.
  const lastFullAt = cursor.lastFullAt;
  const reconcile = !resource.listIds && opts.fullEveryMs !== undefined && (lastFullAt === undefined || Date.parse(now()) - Date.parse(lastFullAt) >= opts.fullEveryMs);
  const full = Boolean(opts.full) || cursor.since === null || reconcile;
  // Resume an interrupted run of the same kind; its start time still bounds the sweep.
  const resumed = cursor.inProgress && cursor.inProgress.full === full ? cursor.inProgress : undefined;
  const run: NonNullable<SyncCursor['inProgress']> = resumed ?? { full, since: full ? null : cursor.since, runStartedAt: now() };
  const counts = emptyCounts();

  const checkpoint = (status: string, extra: { lastError?: string | null; lastSuccessAt?: string | null } = {}, next: SyncCursor = { since: cursor.since, ...(lastFullAt ? { lastFullAt } : {}), inProgress: run }) =>
    store.checkpoints.put({
      connectionId: connection.id,
      entity: entityKey,
      cursor: next,
      status,
      lastRunStartedAt: run.runStartedAt,
      lastSuccessAt: extra.lastSuccessAt ?? previous?.lastSuccessAt ?? null,
      lastError: extra.lastError ?? null,
      counts: { ...counts },
    });

  await checkpoint('running');
  if (resumed) log.info({ resumeAfter: resumed.resumeAfter }, 'resuming an interrupted sync');
  try {
    const pages = list(client, { since: run.since ?? undefined, pageSize: opts.pageSize ?? resource.pageSize ?? DEFAULT_PAGE_SIZE, resumeAfter: run.resumeAfter });
    for await (const page of pages) {
      const syncedAt = now();
      const inputs: RecordInput[] = [];
      for (const native of page.records) {
        counts.fetched += 1;
        const prepared = prepareRecord(resource, entityKey, connection.id, native, syncedAt);
        if (prepared.ok) inputs.push(prepared.input);
        else {
          counts.failed += 1;
          log.warn({ remoteId: prepared.remoteId, issues: prepared.issues }, prepared.stage === 'parse' ? 'native record does not parse; skipped' : 'record does not map to the unified model; skipped');
        }
      }
      const results = inputs.length ? await store.records.upsertBrief(inputs) : [];
      const events = [];
      for (const r of results) {
        if (r.outcome === 'unchanged') counts.unchanged += 1;
        else {
          if (r.outcome === 'created') counts.created += 1;
          else counts.updated += 1;
          events.push({ id: randomId('evt'), connectionId: connection.id, entity: entityKey, recordId: r.id, type: r.outcome === 'created' ? ('created' as const) : ('updated' as const), payload: { version: r.version } });
        }
      }
      if (events.length) await store.events.append(events);
      if (page.resumeAfter !== undefined) run.resumeAfter = page.resumeAfter;
      await checkpoint('running');
    }

    counts.deleted = run.full
      ? await store.records.sweepNotSyncedSince(connection.id, entityKey, run.runStartedAt, now())
      : resource.listIds
        ? await sweepByIds(store, connection.id, entityKey, new Set(await resource.listIds(client)), now())
        : 0;

    const since = new Date(Date.parse(run.runStartedAt) - (opts.lookbackMs ?? DEFAULT_LOOKBACK_MS)).toISOString();
    const fullAt = run.full ? run.runStartedAt : lastFullAt;
    await checkpoint('succeeded', { lastSuccessAt: now(), lastError: null }, { since, ...(fullAt ? { lastFullAt: fullAt } : {}) });
    log.info({ counts, full: run.full }, 'sync finished');
    return counts;
  } catch (err) {
    await checkpoint('failed', { lastError: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/** Marks deleted every stored record whose remote id the system no longer lists. */
async function sweepByIds(store: Store, connectionId: string, entity: string, existing: Set<string>, at: string): Promise<number> {
  let deleted = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await store.records.list({ connectionId, entity, limit: 500, afterId, includeDeleted: false });
    for (const row of rows) {
      if (!existing.has(row.remoteId)) {
        await store.records.markDeleted(connectionId, entity, row.id, at);
        deleted += 1;
      }
    }
    if (rows.length < 500) return deleted;
    afterId = rows.at(-1)!.id;
  }
}

