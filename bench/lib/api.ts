/**
 * Manifold's public API as the sync and read-through benchmarks use it: connect a system, sync,
 * read. Every call checks its status, so a benchmark never times an error.
 */
import { Agent, fetch } from 'undici';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What bench/children/manifold.ts tells the parent when it is up. */
export interface ManifoldInfo {
  url: string;
  adminKey: string;
  dialect: string;
}

/** Calls that take long (a full sync's first answer under load) outlast fetch's default five minutes. */
const patient = new Agent({ headersTimeout: 2 * 3_600_000, bodyTimeout: 2 * 3_600_000 });

export class ManifoldApi {
  constructor(readonly url: string, private readonly adminKey: string) {}

  async call(method: string, path: string, opts: { body?: unknown; token?: string; expect?: number[] } = {}): Promise<{ status: number; json: Json }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.token ?? this.adminKey}`, ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      dispatcher: patient,
    });
    const text = await res.text();
    if (!(opts.expect ?? [200]).includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 2000)}`);
    return { status: res.status, json: text ? (JSON.parse(text) as Json) : {} };
  }

  /** A connection to the system, its credentials checked live, no first sync started. */
  async connect(system: string, credentials: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const { json } = await this.call('POST', '/v1/connections', { body: { system, name: `bench ${system}`, credentials, sync: false }, expect: [201] });
    return { id: json.data.id as string, token: json.token as string };
  }

  /** Runs a sync and answers when it has finished, with each entity's state; throws if one failed. */
  /**
   * Starts a sync and polls until it has finished, rather than holding one request open for the
   * whole sync (half an hour for a million orders): an attempt through wait=true ended in "fetch
   * failed" with the sync still running.
   */
  async syncAndWait(connectionId: string, full: boolean): Promise<Record<string, Json>> {
    await this.startSync(connectionId, full);
    const entities = await this.waitForSyncEnd(connectionId);
    const failed = Object.values(entities).filter((e) => e.status === 'failed');
    if (failed.length) throw new Error(`sync failed: ${JSON.stringify(failed)}`);
    return entities;
  }

  /** Starts a sync without waiting (202). */
  async startSync(connectionId: string, full: boolean): Promise<void> {
    await this.call('POST', `/v1/connections/${connectionId}/sync`, { body: { full }, expect: [202] });
  }

  async waitForSyncEnd(connectionId: string): Promise<Record<string, Json>> {
    for (;;) {
      const { json } = await this.call('GET', `/v1/connections/${connectionId}/sync`);
      if (!json.data.running) return Object.fromEntries((json.data.entities as Json[]).map((e) => [e.entity as string, e]));
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
