/** A connection's sync: its state in words, "Sync now", and per entity what the last run did and when it last read everything. */
import type { Connection, EntitySync } from '../shared/types.js';
import { HealthTable, type Column } from '../status/HealthTable.js';
import { entityLabel, when } from './format.js';
import { Problem } from './Problem.js';
import { SyncButton } from './SyncButton.js';
import type { SyncView } from './useSync.js';

const count = (key: keyof EntitySync['counts']) => (e: EntitySync) => e.counts[key] ?? 0;

const columns: Column<EntitySync>[] = [
  { key: 'entity', header: 'Entity', rowHeader: true, cell: (e) => entityLabel(e.entity) },
  { key: 'status', header: 'Last run', cell: (e) => <span className={e.status === 'failed' ? 'error-text' : undefined} title={e.note ?? undefined}>{e.status === 'skipped' ? 'not listable' : e.status}</span> },
  { key: 'lastSuccess', header: 'Last success', cell: (e) => when(e.lastSuccessAt) },
  // A full read is what finds records deleted in systems that cannot report deletions otherwise.
  { key: 'lastFull', header: 'Last full read', cell: (e) => <span title="A full read also marks deleted what the system no longer has">{when(e.lastFullSyncAt)}</span> },
  { key: 'fetched', header: 'Read', numeric: true, cell: count('fetched') },
  { key: 'created', header: 'New', numeric: true, cell: count('created') },
  { key: 'updated', header: 'Changed', numeric: true, cell: count('updated') },
  { key: 'unchanged', header: 'Unchanged', numeric: true, cell: count('unchanged') },
  { key: 'deleted', header: 'Deleted', numeric: true, cell: count('deleted') },
  { key: 'failed', header: 'Failed', numeric: true, cell: (e) => <span className={e.counts.failed ? 'error-text' : undefined}>{e.counts.failed ?? 0}</span> },
  { key: 'error', header: 'Last error', cell: (e) => (e.lastError ? <span className="error-text">{e.lastError}</span> : e.note ? <span className="muted">{e.note}</span> : <span className="muted">none</span>) },
];

export function SyncPanel({ connection, view, onStart }: { connection: Connection; view: SyncView | undefined; onStart: () => void }) {
  const entities = view?.state?.entities ?? [];
  return (
    <section aria-labelledby="sync-title">
      <h3 id="sync-title">Sync</h3>
      <p>
        Last sync: {when(connection.lastSyncAt)}.{' '}
        {connection.syncIntervalMinutes ? `Syncs every ${connection.syncIntervalMinutes} minutes.` : 'Syncs on the server’s schedule.'}
      </p>
      <SyncButton name={connection.name} view={view} onStart={onStart} />
      <Problem problem={view?.problem} />
      {entities.length === 0 ? (
        <p className="none">{view?.state ? 'Nothing has been synced yet.' : 'Loading the sync state…'}</p>
      ) : (
        <HealthTable labelledBy="sync-title" columns={columns} rows={entities} rowKey={(e) => e.entity} className="sync-table" rowClass={(e) => (e.status === 'failed' ? 'row-failing' : undefined)} />
      )}
    </section>
  );
}
