/**
 * Passthrough: a raw request to the connected system through the connection's own
 * authentication, for what the unified model does not cover. The path is confined to the
 * connection's instance: a relative path only — no scheme, no host, no `..` (encoded or not),
 * no way out of the instance's base path — and the caller's own auth headers never pass.
 */
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

export const PassthroughRequest = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).describe('HTTP method.'),
  path: z.string().min(1).max(2000).describe("A path under the connection's instance URL, starting with /."),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('Query parameters.'),
  headers: z.record(z.string(), z.string()).optional().describe('Extra headers (authentication headers are set by Manifold and cannot be given).'),
  body: z.unknown().optional().describe('The body: JSON, or a string sent as is.'),
});
export type PassthroughRequest = z.infer<typeof PassthroughRequest>;

const FORBIDDEN_HEADERS = new Set(['authorization', 'cookie', 'host', 'proxy-authorization', 'x-api-key', 'content-length', 'connection', 'transfer-encoding']);

function refuse(message: string): never {
  throw ApiError.invalid([{ path: 'path', message }]);
}

/** The full URL for a passthrough path, or a 400 when the path would leave the instance. */
export function confinedUrl(instanceUrl: string, path: string, query?: PassthroughRequest['query']): string {
  if (!path.startsWith('/') || path.startsWith('//')) refuse('must be a path starting with a single / (no host, no scheme)');
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('\\')) refuse('must be a path, not a URL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    refuse('is not validly percent-encoded');
  }
  if (decoded.split(/[/?#]/).some((seg) => seg === '..' || seg === '.')) refuse('must not contain . or .. segments');
  if (path.includes('#')) refuse('must not contain a fragment');
  const base = new URL(instanceUrl.endsWith('/') ? instanceUrl : `${instanceUrl}/`);
  const url = new URL(base.pathname.replace(/\/$/, '') + path, base.origin);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, ''))) refuse("would leave the connection's instance");
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  return url.toString();
}

/** The caller's headers minus anything that carries or forges authentication. */
export function safeHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const key = k.toLowerCase();
    if (FORBIDDEN_HEADERS.has(key)) throw ApiError.invalid([{ path: `headers.${k}`, message: 'is set by Manifold from the connection and cannot be given' }]);
    out[key] = v;
  }
  return out;
}
