/**
 * When a stored record's content has changed. Two records are the same when their unified
 * fields, native record, custom fields and times are equal as JSON values, whatever the key
 * order (a system may answer the same record with its members in another order).
 *
 * Deciding that through a canonical form (keys sorted at every depth) of every record a sync
 * sees was ~20 % of a full sync's CPU (docs/benchmarks.md). So the stored `content_hash` is now a
 * digest of the JSON texts as written (`r1:` + SHA-256), which a sync computes from text it
 * encodes anyway. Equal digests mean equal content. Only when they differ, which is when the
 * record changed or its keys moved, are both sides put in canonical form and compared; and a
 * hash written before this scheme (64 hex digits, canonical) is compared canonically once, then
 * replaced.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../json.js';

export interface ContentParts {
  data: unknown;
  remoteData: unknown;
  customFields: unknown;
  createdAt: string | null;
  /** null when the system keeps no change time (updatedAt is then when Manifold saw it). */
  updatedAt: string | null;
}

/** The JSON texts of the same parts, as stored. */
export interface ContentTexts {
  data: string;
  remoteData: string | null;
  customFields: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export const DIGEST_PREFIX = 'r1:';

/** SHA-256 hex of the canonical JSON of what a sync can change: hashes written before r1. */
export function contentHash(parts: ContentParts): string {
  const { data, remoteData, customFields, createdAt, updatedAt } = parts;
  const canonical = canonicalJson({ data, remoteData: remoteData ?? null, customFields, createdAt, updatedAt });
  return createHash('sha256').update(canonical).digest('hex');
}

/** The stored digest: each part length-prefixed, so no two sets of parts give the same input. */
export function contentDigest(texts: ContentTexts): string {
  const hash = createHash('sha256');
  for (const part of [texts.data, texts.remoteData ?? 'null', texts.customFields, texts.createdAt ?? '', texts.updatedAt ?? '']) {
    hash.update(`${part.length}:`);
    hash.update(part);
  }
  return `${DIGEST_PREFIX}${hash.digest('hex')}`;
}

export function isDigest(storedHash: string): boolean {
  return storedHash.startsWith(DIGEST_PREFIX);
}

/** The canonical hash of stored texts (decoded first), for comparing with a record's. */
export function contentHashOfTexts(texts: ContentTexts): string {
  return contentHash({
    data: JSON.parse(texts.data),
    remoteData: texts.remoteData === null ? null : JSON.parse(texts.remoteData),
    customFields: JSON.parse(texts.customFields),
    createdAt: texts.createdAt,
    updatedAt: texts.updatedAt,
  });
}
