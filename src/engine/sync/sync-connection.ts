/**
 * A whole connection synced: every entity its connector has, one after another. The connection's
 * status says what happened: `syncing` while it runs, `needs_attention` when the system refused
 * the credentials or a permission (the user must act), `active` otherwise, with the last error.
 * An entity the system cannot list (a write-only resource) is skipped, and its checkpoint says
 * so and why: its records are the ones written through Manifold (or pushed to it), never swept.
 */
import type { Logger } from 'pino';
import type { EntityKey } from '../../models/registry.js';
import { SystemFailure } from '../../kit/failure.js';
import type { ResourceDefinition } from '../../kit/definition.js';
import type { ConnectionRow, Store } from '../../store/index.js';
import type { ConnectorRuntime } from '../runtime.js';
import type { SyncCounts } from './checkpoint.js';
import { syncEntity } from './sync-entity.js';

export interface ConnectionSyncResult {
  ok: boolean;
  entities: Partial<Record<EntityKey, SyncCounts | { error: string } | { skipped: string }>>;
}

export async function syncConnection(
  deps: { store: Store; runtime: ConnectorRuntime; logger: Logger; onEntitySynced?: (system: string, entity: string, result: 'succeeded' | 'failed', connectionId: string) => void },
  connection: ConnectionRow,
  opts: { full?: boolean; entities?: EntityKey[]; pageSize?: number; fullEveryMs?: number | undefined } = {},
): Promise<ConnectionSyncResult> {
  const { store, runtime, logger } = deps;
  const live = runtime.forConnection(connection);
  const keys = (Object.keys(live.connector.resources) as EntityKey[]).filter((k) => !opts.entities || opts.entities.includes(k));
  await store.connections.update(connection.id, { status: 'syncing' });
  const result: ConnectionSyncResult = { ok: true, entities: {} };
  let needsUser: string | null = null;
  let lastError: string | null = null;
  for (const key of keys) {
    const resource = live.connector.resources[key] as ResourceDefinition<unknown, unknown>;
    if (!resource.list) {
      const reason = `${live.connector.name} has no way to list these records${resource.readNotes ? `: ${resource.readNotes}` : ''}`;
      await store.checkpoints.put({ connectionId: connection.id, entity: key, cursor: { since: null, skipped: reason }, status: 'skipped' });
      result.entities[key] = { skipped: reason };
      continue;
    }
    try {
      result.entities[key] = await syncEntity({ store, logger }, connection, live.connector, live.client, key, { full: opts.full, pageSize: opts.pageSize, fullEveryMs: opts.fullEveryMs });
      deps.onEntitySynced?.(connection.system, key, 'succeeded', connection.id);
    } catch (err) {
      deps.onEntitySynced?.(connection.system, key, 'failed', connection.id);
      result.ok = false;
      const message = err instanceof Error ? err.message : String(err);
      result.entities[key] = { error: message };
      lastError = `${key}: ${message}`;
      logger.warn({ connectionId: connection.id, entity: key, err }, 'entity sync failed');
      // The user must act (password changed, permission removed): no point trying other entities.
      if (err instanceof SystemFailure && err.failureClass === 'config') {
        needsUser = message;
        break;
      }
    }
  }
  await store.connections.update(connection.id, {
    status: needsUser ? 'needs_attention' : 'active',
    lastError: needsUser ?? lastError,
    ...(result.ok ? { lastSyncAt: new Date().toISOString() } : {}),
  });
  return result;
}
