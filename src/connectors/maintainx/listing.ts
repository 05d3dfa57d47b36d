/**
 * Listing helpers: the incremental filter MaintainX offers, and pages whose records are reshaped
 * (kept keys, composed parts) on the way.
 */
import type { RawPage } from '../../kit/definition.js';

/**
 * `updatedAt[gte]` (OpenAPI, "Polling for Changes"): the same filter on every page; work orders,
 * parts, assets and purchase orders have it, locations and vendors do not.
 */
export function sinceQuery(since: string | undefined): Record<string, string> {
  return since === undefined ? {} : { 'updatedAt[gte]': since };
}

export async function* mapPages(pages: AsyncIterable<RawPage>, reshape: (records: unknown[]) => Promise<unknown[]> | unknown[]): AsyncGenerator<RawPage> {
  for await (const page of pages) yield { ...page, records: await reshape(page.records) };
}

/** Runs `fn` over items, at most `width` at a time, answers in order. */
export async function pooled<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export function toId(remoteId: string): number | undefined {
  return /^\d{1,15}$/.test(remoteId) ? Number(remoteId) : undefined;
}
