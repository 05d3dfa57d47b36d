/**
 * The live side of connections: for a stored connection, its connector definition and a client
 * built from its decrypted credentials, kept per connection so sessions are reused across calls.
 * Core code reaches connectors only through the typed map, never by naming a system.
 */
import { ApiError } from '../core/errors.js';
import type { SecretBox } from '../core/secret-box.js';
import { RateBudgetOverride, effectiveBudget, type ConnectorDefinition, type RateBudget } from '../kit/definition.js';
import { HttpClient, type CallRecord } from '../kit/http.js';
import type { ConnectionRow } from '../store/index.js';
import type { Dispatcher } from 'undici';
import type { AddressPolicy } from '../kit/address-policy.js';
import { guardedAgent } from '../kit/guarded-agent.js';
import { ConnectionGuard, defaultBreaker, type BreakerOptions, type CircuitStatus } from '../kit/connection-guard.js';

export type ConnectorMap = Readonly<Record<string, ConnectorDefinition<unknown>>>;

export interface Live {
  connector: ConnectorDefinition<unknown>;
  client: unknown;
  http: HttpClient;
}

export class ConnectorRuntime {
  private readonly cache = new Map<string, { credentials: string | null; live: Live }>();
  /** One guard per connection for the life of the process: a new password does not reset a breaker. */
  private readonly guards = new Map<string, { system: string; budget: string; guard: ConnectionGuard }>();
  /**
   * Guards shared by the connections of one budget (connector id + its budgetKey): a system that
   * limits an organisation sees one budget however many connections reach that organisation.
   * Connections to it that set their own budget share one guard per distinct budget.
   */
  private readonly shared = new Map<string, ConnectionGuard>();
  /** Every outbound socket goes through the address policy (see kit/guarded-agent). */
  private readonly agent: Dispatcher;

  constructor(
    readonly connectors: ConnectorMap,
    private readonly box: SecretBox,
    policy: AddressPolicy,
    private readonly onCall?: (connectionId: string, system: string, record: CallRecord) => void,
    private readonly breaker: BreakerOptions = defaultBreaker,
  ) {
    this.agent = guardedAgent(policy);
  }

  /** The connector for a system id, or undefined (never an Object.prototype key like "constructor"). */
  find(system: string): ConnectorDefinition<unknown> | undefined {
    return Object.hasOwn(this.connectors, system) ? this.connectors[system] : undefined;
  }

  connector(system: string): ConnectorDefinition<unknown> {
    const connector = this.find(system);
    if (!connector) throw new ApiError('not_found', { message: `Manifold has no connector for system "${system}".` });
    return connector;
  }

  /** A client for credentials not stored yet (the live check before a connection is created). */
  probe(system: string, credentials: Record<string, unknown>): Live {
    const connector = this.connector(system);
    // The live check spends the organisation's budget too, where the system keeps one.
    const guard = connector.budgetKey ? this.sharedGuard(connector, credentials, connector.rateBudget) : undefined;
    const http = new HttpClient({ policy: connector.http, dispatcher: this.agent, guard });
    return { connector, client: connector.connect(credentials, http), http };
  }

  /** The client of a stored connection (rebuilt when its credentials change). */
  forConnection(connection: ConnectionRow): Live {
    const key = `${connection.credentials}\u0000${JSON.stringify(connection.outboundPolicy)}`;
    const cached = this.cache.get(connection.id);
    if (cached && cached.credentials === key) return cached.live;
    const connector = this.connector(connection.system);
    const credentials = connection.credentials ? this.box.openJson(connection.credentials) : {};
    // The connection's own limits win over its connector's.
    const { rateBudget, ...limits }: Record<string, unknown> = connection.outboundPolicy ?? {};
    const policy = { ...connector.http, ...limits };
    const budget = effectiveBudget(connector.rateBudget, rateBudget === undefined ? undefined : RateBudgetOverride.parse(rateBudget));
    const guard = this.guard(connection.id, connector, credentials, budget);
    const http = new HttpClient({ policy, dispatcher: this.agent, guard, onCall: (r) => this.onCall?.(connection.id, connection.system, r) });
    const live = { connector, client: connector.connect(credentials, http), http };
    this.cache.set(connection.id, { credentials: key, live });
    return live;
  }

  private guard(connectionId: string, connector: ConnectorDefinition<unknown>, credentials: Record<string, unknown>, budget: RateBudget): ConnectionGuard {
    const guard = connector.budgetKey ? this.sharedGuard(connector, credentials, budget) : undefined;
    const budgetId = JSON.stringify(budget);
    let entry = this.guards.get(connectionId);
    // New credentials may name another organisation, and a new budget needs a guard that keeps
    // it: the connection follows. (A guard is otherwise kept: a new password resets no breaker.)
    if (!entry || (guard && entry.guard !== guard) || (!guard && entry.budget !== budgetId)) {
      entry = { system: connector.id, budget: budgetId, guard: guard ?? new ConnectionGuard(budget, this.breaker) };
      this.guards.set(connectionId, entry);
    }
    return entry.guard;
  }

  private sharedGuard(connector: ConnectorDefinition<unknown>, credentials: Record<string, unknown>, budget: RateBudget): ConnectionGuard {
    const own = JSON.stringify(budget) === JSON.stringify(connector.rateBudget) ? '' : `\u0000${JSON.stringify(budget)}`;
    const key = `${connector.id}\u0000${connector.budgetKey!(credentials)}${own}`;
    let guard = this.shared.get(key);
    if (!guard) {
      guard = new ConnectionGuard(budget, this.breaker);
      this.shared.set(key, guard);
    }
    return guard;
  }

  /** Circuit state per connection that has made calls in this process. */
  circuits(): { connectionId: string; system: string; circuit: CircuitStatus; reopensInMs: number; pausedForMs: number }[] {
    return [...this.guards.entries()].map(([connectionId, { system, guard }]) => ({ connectionId, system, circuit: guard.circuit, reopensInMs: guard.reopensInMs, pausedForMs: guard.pausedForMs }));
  }

  /** The instance URL of a connection: derived by its connector (from a region, say), or as its credentials name it. */
  instanceUrlOf(connection: ConnectionRow): string | undefined {
    if (!connection.credentials) return undefined;
    const credentials = this.box.openJson(connection.credentials);
    const derived = this.find(connection.system)?.instanceUrl?.(credentials);
    if (derived !== undefined) return derived;
    const url = credentials.instanceUrl;
    return typeof url === 'string' ? url : undefined;
  }

  forget(connectionId: string): void {
    this.cache.delete(connectionId);
  }

  /** The connection is gone: drop its client and its guard. */
  drop(connectionId: string): void {
    this.cache.delete(connectionId);
    this.guards.delete(connectionId);
  }
}
