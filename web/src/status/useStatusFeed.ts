/**
 * GET /v1/status now and every 15 s after each answer. The last answer stays on screen while
 * the next is fetched (no blank, no spinner: the page does not flash); a failed refresh keeps it
 * too, with the failure beside it. A hidden tab stops asking, and asks at once when shown again
 * if its answer is older than the refresh interval.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, apiRequest } from '../shared/api.js';
import type { Status } from '../shared/types.js';
import { REFRESH_MS } from './format.js';

export interface FeedProblem {
  message: string;
  requestId: string | undefined;
}

export interface Feed {
  status: Status | undefined;
  /** When the page received `status` (the browser's clock, for "updated … ago"). */
  receivedAt: number | undefined;
  /** Why the last attempt failed; cleared by the next answer. */
  problem: FeedProblem | undefined;
  /** A check the person asked for is under way. */
  checkingNow: boolean;
}

function describe(err: unknown): FeedProblem {
  if (err instanceof ApiFailure) {
    const message =
      err.code === 'network_error'
        ? 'Manifold did not answer: it may be down, or this network cannot reach it.'
        : err.status >= 500 && err.code !== 'unexpected_response'
          ? `Manifold answered with an error (HTTP ${err.status}): ${err.message}`
          : err.message;
    return { message, requestId: err.requestId };
  }
  return { message: err instanceof Error ? err.message : String(err), requestId: undefined };
}

/**
 * `adminKey` adds the per-connection table; when the server no longer accepts it,
 * `onKeyRejected` is called (and the page goes on without it).
 */
export function useStatusFeed(adminKey: string | undefined, onKeyRejected: (failure: ApiFailure) => void): Feed & { checkNow: () => void } {
  const [feed, setFeed] = useState<Feed>({ status: undefined, receivedAt: undefined, problem: undefined, checkingNow: false });
  const checkRef = useRef<(manual: boolean) => void>(() => undefined);
  const rejectRef = useRef(onKeyRejected);
  useEffect(() => {
    rejectRef.current = onKeyRejected;
  });

  useEffect(() => {
    let timer: number | undefined;
    let current: AbortController | undefined;
    let receivedAt = 0;
    let disposed = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (!disposed && !document.hidden) timer = window.setTimeout(() => void check(false), REFRESH_MS);
    };

    async function check(manual: boolean) {
      window.clearTimeout(timer);
      current?.abort();
      const abort = new AbortController();
      current = abort;
      if (manual) setFeed((f) => ({ ...f, checkingNow: true }));
      try {
        const status = await apiRequest<Status>('/v1/status', { bearer: adminKey, signal: abort.signal });
        if (abort.signal.aborted) return;
        receivedAt = Date.now();
        setFeed({ status, receivedAt, problem: undefined, checkingNow: false });
      } catch (err) {
        if (abort.signal.aborted) return;
        if (adminKey !== undefined && err instanceof ApiFailure && err.status === 401) {
          // The key was changed on the server: go on with the public view.
          rejectRef.current(err);
          return;
        }
        setFeed((f) => ({ ...f, problem: describe(err), checkingNow: false }));
      }
      schedule();
    }

    const onVisibility = () => {
      if (document.hidden) window.clearTimeout(timer);
      else if (Date.now() - receivedAt >= REFRESH_MS) void check(false);
      else schedule();
    };

    checkRef.current = (manual) => void check(manual);
    void check(false);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      disposed = true;
      window.clearTimeout(timer);
      current?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [adminKey]);

  const checkNow = useCallback(() => checkRef.current(true), []);
  return { ...feed, checkNow };
}
