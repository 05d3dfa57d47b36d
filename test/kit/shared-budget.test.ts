/**
 * A budget per organisation: connections whose connector names the same budget key share one
 * guard — their calls count in one window, the live check of new credentials included — while
 * another organisation keeps its own. A connector can also derive the instance URL (from a
 * region) for the passthrough. A loopback server plays the system and counts what it receives.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretBox } from '../../src/core/secret-box.js';
import { ConnectorRuntime } from '../../src/engine/runtime.js';
import { defineConnector } from '../../src/kit/definition.js';
import { SystemFailure } from '../../src/kit/failure.js';
import type { HttpClient } from '../../src/kit/http.js';
import type { ConnectionRow } from '../../src/store/index.js';

describe('budgets shared per organisation', () => {
  let server: Server;
  let base: string;
  let received = 0;
  before(async () => {
    server = createServer((_req, res) => {
      received += 1;
      res.writeHead(200).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  const connector = defineConnector<HttpClient>({
    id: 'org-limited',
    name: 'Org limited',
    vendor: 'Test',
    categories: ['s2p'],
    authMethod: 'api_key',
    credentialFields: [{ name: 'org', label: 'Organisation', type: 'string', required: true, help: 'The organisation.' }],
    authGuide: 'none',
    rateBudget: { requestsPerSecond: 1000, burst: 1000, maxConcurrent: 4, windows: [{ requests: 3, seconds: 60 }] },
    // Short deadline: a call that would wait for the window is refused at once (rate_limited).
    http: { deadlineMs: 2000, maxAttempts: 1 },
    budgetKey: (c) => String(c.org),
    instanceUrl: (c) => (c.org === 'eu' ? 'https://eu.example.com/api' : undefined),
    connect: (_c, http) => http,
    verify: async (http) => {
      await http.send({ method: 'GET', url: `${base}/verify`, idempotent: true });
      return { summary: 'ok' };
    },
    resources: {},
  });

  const box = new SecretBox(randomBytes(32));
  const row = (id: string, org: string): ConnectionRow => ({
    id, system: 'org-limited', name: id, status: 'active', credentials: box.sealJson({ org }), metadata: {},
    lastSyncAt: null, lastError: null, syncIntervalSeconds: null, outboundPolicy: null, createdAt: '', updatedAt: '',
  });
  const call = (http: HttpClient) => http.send({ method: 'GET', url: `${base}/x`, idempotent: true });
  const refused = (err: unknown) => err instanceof SystemFailure && err.code === 'rate_limited';

  it('two connections to one organisation spend one window; another organisation has its own', async () => {
    const runtime = new ConnectorRuntime({ 'org-limited': connector }, box, { allowPrivateNetworks: false, allowedOrigins: new Set([new URL(base).host]) });
    received = 0;
    const a = runtime.forConnection(row('conn_a', 'acme')).http;
    const b = runtime.forConnection(row('conn_b', 'acme')).http;
    const other = runtime.forConnection(row('conn_c', 'globex')).http;
    await call(a);
    await call(b);
    // The live check of a third connection's credentials for acme counts too.
    await connector.verify(runtime.probe('org-limited', { org: 'acme' }).client as HttpClient);
    await assert.rejects(call(a), refused, 'the fourth acme call would exceed 3 per minute');
    await assert.rejects(call(b), refused);
    await call(other);
    await call(other);
    assert.equal(received, 5, 'acme sent 3, globex 2: no acme call went over its window');
    assert.deepEqual(runtime.circuits().map((c) => c.connectionId).sort(), ['conn_a', 'conn_b', 'conn_c'], 'each connection is still listed');
  });

  it("a connection's own budget replaces its organisation's; connections with the same one share it", async () => {
    const runtime = new ConnectorRuntime({ 'org-limited': connector }, box, { allowPrivateNetworks: false, allowedOrigins: new Set([new URL(base).host]) });
    received = 0;
    const own = { rateBudget: { windows: [{ requests: 5, seconds: 60 }] } };
    const a = runtime.forConnection({ ...row('conn_a', 'acme'), outboundPolicy: own }).http;
    const b = runtime.forConnection({ ...row('conn_b', 'acme'), outboundPolicy: own }).http;
    const plain = runtime.forConnection(row('conn_c', 'acme')).http;
    for (let i = 0; i < 3; i += 1) await call(a);
    await call(b);
    await call(b);
    await assert.rejects(call(a), refused, 'a and b share their window of 5');
    for (let i = 0; i < 3; i += 1) await call(plain);
    await assert.rejects(call(plain), refused, 'the connection without one keeps the window of 3');
    assert.equal(received, 8);

    // A changed budget takes effect on the next client; the one before is dropped.
    runtime.forget('conn_a');
    const more = runtime.forConnection({ ...row('conn_a', 'acme'), outboundPolicy: { rateBudget: { windows: [{ requests: 1, seconds: 60 }] } } }).http;
    await call(more);
    await assert.rejects(call(more), refused);
    assert.equal(received, 9);
  });

  it('without an organisation budget, a connection keeps its own guard until its budget changes', async () => {
    const single = defineConnector<HttpClient>({ ...connector, id: 'single', budgetKey: undefined, rateBudget: { requestsPerSecond: 1000, burst: 1000, maxConcurrent: 4, windows: [{ requests: 2, seconds: 60 }] } });
    const runtime = new ConnectorRuntime({ single }, box, { allowPrivateNetworks: false, allowedOrigins: new Set([new URL(base).host]) });
    const conn = { ...row('conn_s', 'acme'), system: 'single' };
    received = 0;
    await call(runtime.forConnection(conn).http);
    await call(runtime.forConnection(conn).http);
    await assert.rejects(call(runtime.forConnection(conn).http), refused);
    // New credentials (same budget): the same guard, so the same spent window.
    runtime.forget('conn_s');
    await assert.rejects(call(runtime.forConnection({ ...conn, credentials: box.sealJson({ org: 'acme2' }) }).http), refused);
    // Its own, larger budget: a new guard with room.
    runtime.forget('conn_s');
    const raised = runtime.forConnection({ ...conn, outboundPolicy: { timeoutMs: 5000, rateBudget: { windows: [{ requests: 10, seconds: 60 }] } } });
    await call(raised.http);
    assert.equal(received, 3);
  });

  it('the instance URL comes from the connector where it derives one', () => {
    const runtime = new ConnectorRuntime({ 'org-limited': connector }, box, { allowPrivateNetworks: false, allowedOrigins: new Set() });
    assert.equal(runtime.instanceUrlOf(row('conn_eu', 'eu')), 'https://eu.example.com/api');
    assert.equal(runtime.instanceUrlOf({ ...row('conn_x', 'acme'), credentials: box.sealJson({ org: 'acme', instanceUrl: 'https://uat.example.com' }) }), 'https://uat.example.com');
  });
});
