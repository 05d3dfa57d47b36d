/**
 * Test connectors for the cXML intake: one whose system pushes cXML purchase orders (declared
 * with orderIntake, nothing else: no resources, like a pure push system) and one that does not.
 * Plus small helpers to connect, set the intake up and post documents.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { defineConnector, type ConnectorDefinition } from '../../src/kit/definition.js';
import type { ConnectorMap } from '../../src/engine/runtime.js';
import type { Store } from '../../src/store/index.js';
import { admin } from '../support/app.js';

const base = {
  vendor: 'Tests', categories: ['s2p'] as const, authMethod: 'basic' as const, authGuide: 'none', credentialFields: [],
  rateBudget: { requestsPerSecond: 100, burst: 10, maxConcurrent: 4 },
  connect: () => ({}),
  verify: async () => ({ summary: 'ok' }),
  resources: {},
};

export const pushingConnector: ConnectorDefinition<unknown> = defineConnector<unknown>({
  ...base, id: 'cxml-s2p', name: 'Test S2P',
  orderIntake: { cxml: { senders: ['Test S2P'], notes: 'Set the URL in the test system.' } },
});

export const silentConnector: ConnectorDefinition<unknown> = defineConnector<unknown>({ ...base, id: 'quiet-erp', name: 'Quiet ERP' });

export const testConnectors: ConnectorMap = { [pushingConnector.id]: pushingConnector, [silentConnector.id]: silentConnector };

export async function connect(app: FastifyInstance, system = pushingConnector.id, name = 'Buyer org'): Promise<{ id: string; token: string }> {
  const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system, name, credentials: {}, sync: false } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().data.id, token: res.json().token };
}

export async function setIntake(app: FastifyInstance, connectionId: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await app.inject({ method: 'PUT', url: `/v1/connections/${connectionId}/cxml-intake`, headers: admin, payload: body });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

export function post(app: FastifyInstance, connectionId: string, xml: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/v1/connections/${connectionId}/cxml`, headers: { 'content-type': 'text/xml; charset=UTF-8', ...headers }, payload: xml });
}

export const basicAuth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** The Status element of a cXML Response: code, text and message. */
export function statusOf(xml: string): { code: number; text: string; message: string } {
  const match = /<Status code="(\d+)" text="([^"]*)"(?:\/>|>([\s\S]*?)<\/Status>)/.exec(xml);
  assert.ok(match, `no Status in ${xml}`);
  return { code: Number(match[1]), text: match[2]!, message: match[3] ?? '' };
}

/** Every record and event of a connection, counted (what "stores nothing" is checked against). */
export async function footprint(store: Store, connectionId: string): Promise<{ records: number; events: number; versions: string }> {
  const rows = await store.records.list({ connectionId, entity: 'purchaseOrders', limit: 10_000, includeDeleted: true });
  const events = await store.events.listAfter(connectionId, 0, 100_000);
  return { records: rows.length, events: events.length, versions: rows.map((r) => `${r.remoteId}@${r.version}`).join(',') };
}
