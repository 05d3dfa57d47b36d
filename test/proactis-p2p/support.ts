/**
 * PROACTIS P2P end to end: the gateway simulator, an app allowed to reach it, a connection made
 * through the API, and purchase orders put into the store as the cXML intake would (remote id =
 * the cXML orderID, P2P's order number).
 */
import assert from 'node:assert/strict';
import { recordId } from '../../src/core/ids.js';
import { entityByKey } from '../../src/models/registry.js';
import { startProactisP2p, type P2pSimulator } from '../../src/sandbox/proactis-p2p/sandbox.js';
import type { OrderRec } from '../../src/sandbox/proactis-p2p/data.js';
import type { Store } from '../../src/store/index.js';
import { admin, bearer, purchaseOrderFields } from '../support/app.js';
import { simApp, type Json, type SimApp } from '../support/api.js';

export type { Json };

export interface P2pApp extends SimApp<P2pSimulator> {
  connect(credentials?: Record<string, string>): Promise<{ res: { statusCode: number; body: string; headers: Record<string, unknown>; json(): Json }; id?: string; token?: string }>;
  call(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<{ statusCode: number; body: string; json(): Json }>;
}

export async function p2pApp(): Promise<P2pApp> {
  const base = await simApp(await startProactisP2p({ suppliers: 20, orders: 80 }));
  const { sim, app } = base;
  return {
    ...base,
    async connect(credentials = sim.credentials) {
      const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'proactis-p2p', name: 'P2P live', credentials, sync: false } });
      return res.statusCode === 201 ? { res, id: res.json().data.id, token: res.json().token } : { res };
    },
    call: (token, method, url, payload, headers = {}) =>
      app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as Json }) }),
  };
}

/** An order of the simulator as the cXML intake stores it: remote id and number = the order's P2P number. */
export async function putOrder(store: Store, connectionId: string, order: OrderRec) {
  const entity = entityByKey('purchaseOrders')!;
  const fields = purchaseOrderFields(order.orderNumber, { number: order.displayNumber, status: 'ordered', remoteStatus: 'new' });
  const now = new Date().toISOString();
  const { record } = await store.records.upsert({
    id: recordId(entity.idPrefix, connectionId, entity.key, order.displayNumber),
    connectionId,
    entity: entity.key,
    remoteId: order.displayNumber,
    data: fields,
    remoteData: { orderID: order.displayNumber, type: 'new' },
    customFields: {},
    status: 'ordered',
    createdAt: '2026-01-15T08:00:00.000Z',
    updatedAt: now,
    syncedAt: now,
  });
  return record;
}

/** Open orders of the simulator's company whose items are all goods (quantities, not values). */
export function goodsOrders(sim: P2pSimulator, state: OrderRec['state'] = 'Sent'): OrderRec[] {
  const found = [...sim.company.orders.values()].filter((o) => o.state === state && o.template === 'PORD' && o.items.every((i) => i.kind === 'goods'));
  assert.ok(found.length >= 2, `the seed has ${state} goods orders`);
  return found;
}
