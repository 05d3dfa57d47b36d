/** "Sync now" with its progress beside it, announced politely. */
import type { SyncView } from './useSync.js';
import { progressText } from './useSync.js';

export function SyncButton({ name, view, onStart }: { name: string; view: SyncView | undefined; onStart: () => void }) {
  const running = view?.running ?? false;
  const totals = view?.state?.entities.reduce(
    (t, e) => ({ fetched: t.fetched + (e.counts.fetched ?? 0), failed: t.failed + (e.counts.failed ?? 0) }),
    { fetched: 0, failed: 0 },
  );
  return (
    <div className="sync-control">
      <button type="button" className="secondary small" onClick={onStart} aria-disabled={running || undefined}>
        {running ? 'Syncing…' : 'Sync now'}
        <span className="visually-hidden"> {name}</span>
      </button>
      <span className="sync-progress" role="status" aria-live="polite">
        {running ? (
          <>
            <span className="spinner" aria-hidden="true" /> {view ? progressText(view) : ''}
          </>
        ) : view?.finishedAt && totals ? (
          `Sync finished: ${totals.fetched} records read${totals.failed ? `, ${totals.failed} failed` : ''}.`
        ) : view?.problem ? (
          `Sync could not start: ${view.problem.message}`
        ) : (
          ''
        )}
      </span>
    </div>
  );
}
