/**
 * Opaque list cursors. A cursor carries the last id returned (keyset on the immutable id, so
 * paging never skips or repeats a record while others change) and a fingerprint of the filters
 * it was made for, so reusing it with other filters is a clear 400 instead of a silent mix.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

const payload = z.object({ v: z.literal(1), after: z.string().min(1).max(200), f: z.string().length(16) });

export function filterFingerprint(filters: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('hex').slice(0, 16);
}

export function encodeCursor(after: string, filters: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ v: 1, after, f: filterFingerprint(filters) })).toString('base64url');
}

export function decodeCursor(cursor: string, filters: Record<string, unknown>): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = payload.safeParse(parsed);
  if (!result.success) {
    throw ApiError.invalid([{ path: 'query.cursor', message: 'is not a cursor this API issued' }]);
  }
  if (result.data.f !== filterFingerprint(filters)) {
    throw ApiError.invalid([
      { path: 'query.cursor', message: 'was issued for other filters; send the same filters as the first page, or start again without a cursor' },
    ]);
  }
  return result.data.after;
}
