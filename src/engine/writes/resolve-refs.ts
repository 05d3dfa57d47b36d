/**
 * References in a write may name the related record by Manifold id; the system needs its own key.
 * Each reference with an `id` and no `remoteId` is looked up in the connection's store; one that
 * is not there is a 400 naming the field, before any call.
 */
import { ApiError, type ValidationIssue } from '../../core/errors.js';
import { referenceTargets } from '../../models/references.js';
import type { EntityKey } from '../../models/registry.js';
import type { Store } from '../../store/index.js';

type Ref = { id?: string | null; remoteId?: string | null };

export async function resolveReferences(store: Store, connectionId: string, entity: EntityKey, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const targets = referenceTargets[entity] ?? {};
  const issues: ValidationIssue[] = [];
  const out: Record<string, unknown> = { ...body };

  async function resolve(ref: unknown, target: EntityKey, path: string): Promise<unknown> {
    if (!ref || typeof ref !== 'object') return ref;
    const r = ref as Ref;
    if (!r.id || r.remoteId) return ref;
    const row = await store.records.get(connectionId, target, r.id);
    if (!row || row.deletedAt) {
      issues.push({ path: `${path}.id`, message: `no ${target} record ${r.id} in this connection` });
      return ref;
    }
    return { ...r, remoteId: row.remoteId };
  }

  for (const [path, target] of Object.entries(targets)) {
    const item = /^(\w+)\[\]\.(\w+)$/.exec(path);
    if (!item) {
      if (path in out) out[path] = await resolve(out[path], target, path);
      continue;
    }
    const [, arrayKey, key] = item as unknown as [string, string, string];
    const list = out[arrayKey];
    if (!Array.isArray(list)) continue;
    out[arrayKey] = await Promise.all(
      list.map(async (line, i) => (line && typeof line === 'object' && key in line ? { ...line, [key]: await resolve((line as Record<string, unknown>)[key], target, `${arrayKey}[${i}].${key}`) } : line)),
    );
  }
  if (issues.length) throw ApiError.invalid(issues);
  return out;
}
