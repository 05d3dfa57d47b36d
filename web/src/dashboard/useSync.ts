/**
 * Sync state per connection, and "Sync now": POST …/sync starts it, then GET …/sync is polled
 * every second while it runs, so the page shows how far it is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncState } from '../shared/types.js';
import { enc, type AdminCall } from './api.js';
import { problemOf, type ProblemInfo } from './Problem.js';

const POLL_MS = 1000;

export interface SyncView {
  state?: SyncState | undefined;
  /** Started from this page and not finished yet. */
  running: boolean;
  startedAt?: number | undefined;
  finishedAt?: number | undefined;
  problem?: ProblemInfo | undefined;
}

export function useSync(call: AdminCall, onFinished: (connectionId: string) => void) {
  const [views, setViews] = useState<Record<string, SyncView>>({});
  const timers = useRef(new Map<string, number>());
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const t of all.values()) window.clearTimeout(t);
      all.clear();
    };
  }, []);

  const update = useCallback((id: string, patch: Partial<SyncView>) => {
    setViews((v) => ({ ...v, [id]: { running: false, ...v[id], ...patch } }));
  }, []);

  const load = useCallback(
    async (id: string): Promise<SyncState | undefined> => {
      try {
        const { data } = await call<{ data: SyncState }>(`/v1/connections/${enc(id)}/sync`);
        update(id, { state: data, problem: undefined });
        return data;
      } catch (err) {
        update(id, { problem: problemOf(err) });
        return undefined;
      }
    },
    [call, update],
  );

  const poll = useCallback(
    (id: string) => {
      const timer = window.setTimeout(async () => {
        const state = await load(id);
        if (state && !state.running) {
          timers.current.delete(id);
          update(id, { running: false, finishedAt: Date.now() });
          finished.current(id);
        } else {
          poll(id);
        }
      }, POLL_MS);
      timers.current.set(id, timer);
    },
    [load, update],
  );

  const start = useCallback(
    async (id: string) => {
      if (timers.current.has(id)) return;
      update(id, { running: true, startedAt: Date.now(), finishedAt: undefined, problem: undefined });
      try {
        const { data } = await call<{ data: SyncState }>(`/v1/connections/${enc(id)}/sync`, { method: 'POST', body: {} });
        update(id, { state: data });
        poll(id);
      } catch (err) {
        update(id, { running: false, problem: problemOf(err) });
      }
    },
    [call, poll, update],
  );

  return { views, start, load };
}

/** "3 of 10 entities done" while running. */
export function progressText(view: SyncView): string {
  const entities = view.state?.entities ?? [];
  const started = view.startedAt ?? 0;
  const done = entities.filter((e) => e.status !== 'running' && e.lastRunStartedAt && Date.parse(e.lastRunStartedAt) >= started - 2000).length;
  return entities.length ? `Syncing… ${done} of ${entities.length} entities done` : 'Syncing… starting';
}
