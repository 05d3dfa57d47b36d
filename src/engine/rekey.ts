/**
 * Re-encryption of stored credentials under the current key, for key rotation. Each value is
 * rewritten on its own, so a running server keeps working throughout: every value is readable
 * under one of the ring's keys at every moment.
 */
import { SecretBox } from '../core/secret-box.js';
import type { Store } from '../store/index.js';

async function* allConnections(store: Store) {
  let afterId: string | undefined;
  for (;;) {
    const page = await store.connections.list({ limit: 200, afterId });
    yield* page;
    if (page.length < 200) return;
    afterId = page.at(-1)!.id;
  }
}

export async function reencryptCredentials(store: Store, box: SecretBox): Promise<{ reencrypted: number; total: number }> {
  const current = box.currentKeyId;
  let reencrypted = 0;
  let total = 0;
  for await (const c of allConnections(store)) {
    if (!c.credentials) continue;
    total += 1;
    if (SecretBox.keyIdOf(c.credentials) === current) continue;
    await store.connections.update(c.id, { credentials: box.seal(box.open(c.credentials)) });
    reencrypted += 1;
  }
  return { reencrypted, total };
}

/** The key ids stored values are sealed with (a key no value uses can be dropped). */
export async function keyIdsInUse(store: Store): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const c of allConnections(store)) {
    const id = c.credentials ? SecretBox.keyIdOf(c.credentials) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}
