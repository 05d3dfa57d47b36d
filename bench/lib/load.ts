/**
 * Bounded HTTP load on loopback with autocannon: a fixed number of connections for a fixed
 * duration. Latencies are taken from autocannon's per-response event (its own histogram keeps
 * whole milliseconds, too coarse for sub-millisecond differences), throughput from the count of
 * answers over the measured time. Any error or non-2xx answer fails the run: a benchmark must
 * never time error pages. A run that got fewer than three answers per connection (a slow server,
 * a loaded machine) is run again for twice as long: answers still in flight when a run ends are
 * not counted, so too few answers would leave out exactly the slow ones.
 */
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Paths to cycle through (each connection takes the next); default: the url's own path. */
  paths?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  let durationSeconds = opts.durationSeconds;
  for (let attempt = 1; ; attempt += 1) {
    const result = await runOnce({ ...opts, durationSeconds });
    if (result.requests >= opts.connections * 3 || attempt === 5) {
      if (result.requests === 0) throw new Error(`load on ${opts.url}: no answer at all in ${durationSeconds} s`);
      return result;
    }
    durationSeconds *= 2;
  }
}

async function runOnce(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const paths = opts.paths;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    pipelining: 1,
    // autocannon checks for the end of a run once per sample: every 100 ms rather than every
    // second, so a run lasts its duration and not the next whole second.
    sampleInt: 100,
    timeout: 30,
    headers: opts.headers,
    ...(paths && paths.length
      ? { requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[next++ % paths.length] }) }] }
      : {}),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const started = performance.now();
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`load on ${opts.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)})`);
  }
  if (latencies.length === 0) return { requestsPerSecond: 0, p50Ms: Number.NaN, p99Ms: Number.NaN, requests: 0 };
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: latencies.length,
  };
}
