/**
 * The MaintainX simulator as a sandbox system: started by `npm start` (sandbox on), `manifold
 * sandbox` and the tests. `startMaintainx()` gives tests a handle on the simulator's own data
 * (to compare with what Manifold synced, and to change records as a MaintainX user would), the
 * log of requests received, and the rate limiter.
 */
import { createHash } from 'node:crypto';
import type { RunningSandbox, SandboxSystem } from '../system.js';
import type { SimState } from './context.js';
import { stamp } from './http-util.js';
import { documentedRateLimit, type RateLimitOptions } from './rate-limit.js';
import { Ids, defaultSizes, organizations, seedAll, type SeedSizes } from './seed.js';
import { startServer, userBudget, type ApiKey, type LoggedRequest } from './server.js';
import type { OrgData, Organization } from './types.js';

export interface MaintainxOptions extends Partial<SeedSizes> {
  seed?: number;
  /** The per-key rate limit (default MaintainX's documented 100 requests / 60 s); false: none. */
  rateLimit?: Partial<RateLimitOptions> | false;
  port?: number;
  /** The updatedAt/createdAt list filters of the newer API (default on); off: ignored, as older versions do. */
  timestampFilters?: boolean;
}

type Kind = 'workOrders' | 'assets' | 'parts' | 'locations' | 'vendors' | 'purchaseOrders';
type RecordOf<K extends Kind> = OrgData[K] extends Map<number, infer R> ? R : never;

export interface MaintainxSandbox extends RunningSandbox {
  /** A key for the first organization only (the demo credentials use it). */
  apiKey: string;
  /** A key for every organization: calls must name one with x-organization-id. */
  multiOrgApiKey: string;
  organizations: readonly Organization[];
  /** The simulator's live data of an organization (default: the first). */
  data(organizationId?: number): OrgData;
  /**
   * Changes a record as a MaintainX user would: `edit` mutates it, then its updatedAt moves to
   * now (vendors have no updatedAt). Answers the record.
   */
  change<K extends Kind>(kind: K, id: number, edit: (rec: RecordOf<K>) => void, organizationId?: number): RecordOf<K>;
  /** Deletes a record as a user would in MaintainX. */
  remove(kind: Kind, id: number, organizationId?: number): void;
  /** Every request received, in order (time, route, status, organization). */
  requests: LoggedRequest[];
  /** Requests received on a route (`GET /v1/workorders`), or all. */
  count(route?: string): number;
  /** Uses up the rest of the current rate-limit window of the API user (another client of the same user did). */
  exhaustRateLimit(): void;
  rateLimit: RateLimitOptions;
}

function fakeJwt(seed: number, payload: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${body}.${createHash('sha256').update(`${seed}:${body}`).digest('base64url')}`;
}

export async function startMaintainx(opts: MaintainxOptions = {}): Promise<MaintainxSandbox> {
  const seed = opts.seed ?? 1;
  const sizes: SeedSizes = { ...defaultSizes, ...Object.fromEntries(Object.entries(opts).filter(([k, v]) => k in defaultSizes && v !== undefined)) };
  const ids = new Ids();
  const orgs = seedAll({ seed, ...sizes }, ids);
  const [first, second] = organizations;
  const keyUser = orgs.get(first!.id)!.userIds[0]!;
  for (const data of orgs.values()) if (!data.userIds.includes(keyUser)) data.userIds.unshift(keyUser);
  const state: SimState = {
    orgs,
    ids,
    timestampFilters: opts.timestampFilters ?? true,
    poNumbers: new Map([...orgs.keys()].map((id) => [id, sizes.purchaseOrders + 1])),
    woNumbers: new Map([...orgs.keys()].map((id) => [id, 1001 + sizes.workOrders])),
  };
  const keys: ApiKey[] = [
    { key: fakeJwt(seed, { sub: keyUser, org: first!.id }), userId: keyUser, organizationIds: [first!.id] },
    { key: fakeJwt(seed, { sub: keyUser, orgs: [first!.id, second!.id] }), userId: keyUser, organizationIds: [first!.id, second!.id] },
  ];
  const rateLimit: RateLimitOptions = opts.rateLimit === false ? { limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } : { ...documentedRateLimit, ...opts.rateLimit };
  const server = await startServer({ state, keys, rateLimit, port: opts.port });

  const orgData = (organizationId = first!.id) => {
    const data = orgs.get(organizationId);
    if (!data) throw new Error(`no organization ${organizationId}`);
    return data;
  };

  return {
    url: server.url,
    credentials: { instanceUrl: server.url, apiKey: keys[0]!.key },
    apiKey: keys[0]!.key,
    multiOrgApiKey: keys[1]!.key,
    organizations,
    data: orgData,
    change(kind, id, edit, organizationId) {
      const map = orgData(organizationId)[kind] as Map<number, RecordOf<typeof kind>>;
      const rec = map.get(id);
      if (!rec) throw new Error(`no ${kind} ${id}`);
      edit(rec);
      const timed = rec as { updatedAt?: string };
      if (typeof timed.updatedAt === 'string') timed.updatedAt = stamp(timed.updatedAt);
      return rec;
    },
    remove(kind, id, organizationId) {
      if (!orgData(organizationId)[kind].delete(id)) throw new Error(`no ${kind} ${id}`);
    },
    requests: server.requests,
    count: (route) => (route === undefined ? server.requests.length : server.requests.filter((r) => r.route === route).length),
    exhaustRateLimit: () => server.limiter.exhaust(userBudget(keys[0]!)),
    rateLimit,
    stop: () => server.close(),
  };
}

export const maintainxSandbox: SandboxSystem = {
  id: 'maintainx',
  start: (opts) => startMaintainx({ port: opts?.port }),
};
