/**
 * Next-link paging (OData `__next` / `@odata.nextLink`, Link headers, `links.next`): each page
 * carries the URL of the next. The link must stay on the instance's origin.
 */
import type { RawPage } from '../definition.js';
import { SystemFailure } from '../failure.js';

export async function* linkedPages(opts: {
  firstUrl: string;
  resumeAfter?: string;
  fetch: (url: string) => Promise<{ records: unknown[]; next: string | null | undefined }>;
}): AsyncGenerator<RawPage> {
  const origin = new URL(opts.firstUrl).origin;
  let url = opts.resumeAfter ?? opts.firstUrl;
  const seen = new Set<string>([url]);
  for (;;) {
    const { records, next } = await opts.fetch(url);
    if (!next) {
      yield { records };
      return;
    }
    const resolved = new URL(next, url).toString();
    if (new URL(resolved).origin !== origin || seen.has(resolved)) {
      throw new SystemFailure('system', { code: 'system_error', message: 'The system returned a next-page link that leaves the instance or repeats; paging stopped.' });
    }
    seen.add(resolved);
    yield { records, resumeAfter: resolved };
    url = resolved;
  }
}
