/**
 * Waiting for a process started with test/support/process.ts (the one spawn helper of tests and
 * benchmarks) to answer over HTTP.
 */

/** Polls url until it answers 200; answers when it did (performance.now()). */
export async function waitUntilOk(url: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
