/**
 * The calls to connected systems made on behalf of one API request (or one sync run), collected
 * through AsyncLocalStorage so the one outbound HTTP path can record them without every layer
 * passing a log around.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallContext {
  calls: unknown[];
}

const storage = new AsyncLocalStorage<CallContext>();

export function runWithCalls<T>(ctx: CallContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** More calls than this (a sync run waited for) are counted, not kept. */
const MAX_CALLS = 200;

/** Records a call in the current request's context, if there is one. */
export function recordCall(call: unknown): void {
  const ctx = storage.getStore();
  if (!ctx) return;
  if (ctx.calls.length < MAX_CALLS) ctx.calls.push(call);
  else if (ctx.calls.length === MAX_CALLS) ctx.calls.push({ truncated: true, note: `more than ${MAX_CALLS} calls; the rest are not listed` });
}
