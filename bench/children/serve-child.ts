/**
 * The child side of bench/lib/child.ts: answer the parent's calls by name, report usage, and
 * exit cleanly when asked (so node --cpu-prof writes its profile).
 */

export type Handlers = Record<string, (...args: never[]) => unknown>;

const MB = 1_048_576;

/**
 * The memory breakdown (V8 heap, external, array buffers) at the highest RSS sampled, so a peak
 * can be attributed: sampled every 100 ms, which is cheap and catches a peak that lasts.
 */
let peak = { rssMB: 0, heapTotalMB: 0, heapUsedMB: 0, externalMB: 0, arrayBuffersMB: 0 };
setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss / MB > peak.rssMB) peak = { rssMB: m.rss / MB, heapTotalMB: m.heapTotal / MB, heapUsedMB: m.heapUsed / MB, externalMB: m.external / MB, arrayBuffersMB: m.arrayBuffers / MB };
}, 100).unref();

function usage() {
  const u = process.resourceUsage();
  return {
    cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6,
    // ru_maxrss is in kilobytes on Linux.
    maxRssMB: u.maxRSS / 1024,
    rssMB: process.memoryUsage.rss() / MB,
    peak,
  };
}

/** Starts answering; `ready` runs first and its result is sent to the parent as the child's info. */
export async function serveChild(ready: () => Promise<{ info: unknown; handlers?: Handlers; close?: () => Promise<void> }>): Promise<void> {
  if (!process.send) throw new Error('a bench child must be started by bench/lib/child.ts (no IPC channel)');
  let started: Awaited<ReturnType<typeof ready>>;
  try {
    started = await ready();
  } catch (err) {
    process.send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    process.exit(1);
  }
  const handlers: Handlers = { usage, ...started.handlers };
  process.on('message', (raw) => {
    const msg = raw as { type: string; id?: number; method?: string; args?: unknown[] };
    if (msg.type === 'exit') {
      void (async () => {
        await started.close?.().catch(() => undefined);
        process.exit(0);
      })();
      return;
    }
    if (msg.type !== 'call' || msg.id === undefined || msg.method === undefined) return;
    const handler = Object.hasOwn(handlers, msg.method) ? handlers[msg.method] : undefined;
    void (async () => {
      try {
        if (!handler) throw new Error(`no method ${msg.method}`);
        const value = await (handler as (...a: unknown[]) => unknown)(...(msg.args ?? []));
        process.send!({ type: 'result', id: msg.id, value: value ?? null });
      } catch (err) {
        process.send!({ type: 'result', id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
    })();
  });
  // The parent going away (Ctrl-C, a crash) must not leave this process behind.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', info: started.info });
}
