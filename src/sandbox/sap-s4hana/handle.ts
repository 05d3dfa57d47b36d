/**
 * What tests and benchmarks hold of a running simulator: its address and demo credentials, the
 * simulator's own data (orders by number with items and schedule lines, suppliers), a way to
 * change an order as a SAP user would in ME22N (stamping LastChangeDateTime), counters of the
 * requests it received and a log of them (write bodies included), and switches for sessions
 * and throttling.
 */
import type { Server } from 'node:http';
import type { SupplierRecord } from './catalog.js';
import type { SimOrder } from './generate.js';
import type { Sessions } from './session.js';
import type { ServiceName } from './spec.js';
import type { OrderStore } from './store.js';
import type { Entity } from './values.js';

export interface Counters {
  requests: number;
  /** Requests past logon and CSRF that read (GET/HEAD). */
  reads: number;
  /** Requests past logon and CSRF that modify (POST/PUT/PATCH/MERGE/DELETE), accepted or refused by a rule. */
  writes: number;
  csrfFetches: number;
  /** Modifying requests refused for a missing or invalid CSRF token. */
  csrfRefused: number;
  unauthorized: number;
  throttled: number;
  byMethod: Record<string, number>;
}

export interface LoggedRequest {
  method: string;
  service: ServiceName;
  /** Path under the service root, e.g. A_PurchaseOrder('4500000001'). */
  path: string;
  /** The query string as sent (with its leading "?"). */
  query: string;
  status: number;
  /** The parsed JSON body of a write. */
  body?: unknown;
}

/** A change as a SAP user makes it: header fields, and item fields by item number (read-only fields too, e.g. a goods receipt). */
export interface OrderChange {
  header?: Entity;
  items?: Record<string, Entity>;
}

interface HandleParts {
  url: string;
  store: OrderStore;
  sessions: Sessions;
  counters: Counters;
  log: LoggedRequest[];
  throttle: { next: number; retryAfter: number };
  client: string;
  username: string;
  password: string;
  server: Server;
}

export class SimulatorHandle {
  readonly url: string;
  readonly store: OrderStore;
  private readonly parts: HandleParts;

  constructor(parts: HandleParts) {
    this.parts = parts;
    this.url = parts.url;
    this.store = parts.store;
  }

  /** The connector's credential fields for this instance. */
  get credentials(): Record<string, string> {
    return { instanceUrl: this.url, sapClient: this.parts.client, username: this.parts.username, password: this.parts.password };
  }

  get counters(): Counters {
    return this.parts.counters;
  }

  get requests(): readonly LoggedRequest[] {
    return this.parts.log;
  }

  resetCounters(): void {
    const c = this.parts.counters;
    Object.assign(c, { requests: 0, reads: 0, writes: 0, csrfFetches: 0, csrfRefused: 0, unauthorized: 0, throttled: 0, byMethod: {} });
    this.parts.log.length = 0;
  }

  /** Orders in use (generated and created). */
  get orderCount(): number {
    return this.store.count;
  }

  /** The order as the simulator holds it (a copy). */
  order(number: string): SimOrder | undefined {
    const o = this.store.byNumber(number);
    return o && structuredClone(o);
  }

  /** Every order, in number order (for small instances). */
  orders(): SimOrder[] {
    const out: SimOrder[] = [];
    for (let i = 0; i < this.store.count; i += 1) {
      const o = this.store.get(i);
      if (o) out.push(o);
    }
    return out;
  }

  suppliers(): readonly SupplierRecord[] {
    return this.store.suppliers;
  }

  /** Changes an order as a SAP user would (in ME22N or by posting a goods receipt): LastChangeDateTime moves to now. */
  change(number: string, change: OrderChange): SimOrder {
    const order = this.store.editable(number);
    if (!order) throw new Error(`no purchase order ${number}`);
    Object.assign(order.header, change.header ?? {});
    for (const [itemNo, fields] of Object.entries(change.items ?? {})) {
      const it = order.items.find((x) => x.item.PurchaseOrderItem === itemNo);
      if (!it) throw new Error(`order ${number} has no item ${itemNo}`);
      Object.assign(it.item, fields);
    }
    order.header.LastChangeDateTime = this.store.stamp();
    this.store.put(order);
    return structuredClone(order);
  }

  /** Ends every security session, as a timeout would: the next write needs a new CSRF token. */
  expireSessions(): void {
    this.parts.sessions.expireAll();
  }

  /** Answers the next `count` requests with 429 and Retry-After. */
  throttleNext(count: number, retryAfterSeconds = 1): void {
    this.parts.throttle.next = count;
    this.parts.throttle.retryAfter = retryAfterSeconds;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.parts.server.closeAllConnections();
      this.parts.server.close(() => resolve());
    });
  }
}
