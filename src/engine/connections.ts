/**
 * Connections and their tokens, independent of HTTP: used by the API routes, the CLI and tests.
 */
import { randomId } from '../core/ids.js';
import type { ConnectionRow, Store } from '../store/index.js';
import { issueToken } from '../server/auth/credentials.js';

export interface NewConnection {
  system: string;
  name: string;
  /** Already encrypted credentials (opaque to the store). */
  credentials: string | null;
  metadata?: Record<string, unknown>;
}

export async function createConnection(store: Store, input: NewConnection): Promise<{ connection: ConnectionRow; token: string }> {
  const connection = await store.connections.create({
    id: randomId('conn'),
    system: input.system,
    name: input.name,
    status: 'active',
    credentials: input.credentials,
    metadata: input.metadata ?? {},
  });
  const { token } = await issueConnectionToken(store, connection.id, { revokeOthers: false });
  return { connection, token };
}

export async function issueConnectionToken(
  store: Store,
  connectionId: string,
  opts: { revokeOthers: boolean },
): Promise<{ token: string; id: string; prefix: string; createdAt: string }> {
  const issued = issueToken();
  const { createdAt } = await store.tokens.create({ id: issued.id, connectionId, prefix: issued.prefix, hash: issued.hash });
  if (opts.revokeOthers) await store.tokens.revokeAllForConnection(connectionId, issued.id);
  return { token: issued.token, id: issued.id, prefix: issued.prefix, createdAt };
}
