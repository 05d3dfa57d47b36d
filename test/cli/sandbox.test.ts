/**
 * `npm start` with the sandbox on (the default) offers a Tryton to connect: it appears in the
 * catalogue with demo credentials, a person connects with exactly those (its loopback address is
 * allowed while any other loopback port is refused), and the token reads purchase orders.
 */
import assert from 'node:assert/strict';
import { it, describe, after } from 'node:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnProcess, type Spawned } from '../support/process.js';
import { trytonGate } from '../support/tryton.js';

const gate = await trytonGate('sandbox test');

describe('the sandbox', { skip: gate.skip }, () => {
  let server: Spawned | undefined;
  after(async () => server?.stop());

  it('offers a Tryton that connects with the demo credentials shown in the catalogue', async () => {
    gate.require();
    const dataDir = mkdtempSync(join(tmpdir(), 'manifold-sandbox-'));
    server = spawnProcess('npm', ['start', '--silent'], { ...process.env, MANIFOLD_DATA_DIR: dataDir, PORT: '0', MANIFOLD_SANDBOX: 'on', MANIFOLD_ALLOW_PRIVATE_NETWORKS: '0', MANIFOLD_LOG_LEVEL: 'warn', DATABASE_URL: '', MANIFOLD_ADMIN_KEY: '' });
    const [, base] = await server.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
    const key = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
    const call = async (method: string, path: string, body?: unknown, token = key) => {
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as any };
    };

    let sandbox: { instanceUrl: string; credentials: Record<string, string> } | null = null;
    for (let i = 0; i < 600 && !sandbox; i += 1) {
      sandbox = (await call('GET', '/v1/systems/tryton')).json.data.sandbox;
      if (!sandbox) await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(sandbox, 'the Tryton sandbox appears in the catalogue');

    const elsewhere = await call('POST', '/v1/connections', { system: 'tryton', name: 'Not the sandbox', credentials: { ...sandbox.credentials, instanceUrl: 'http://127.0.0.1:9/' } });
    assert.equal(elsewhere.status, 422);
    assert.equal(elsewhere.json.error.code, 'instance_url_not_allowed');

    const created = await call('POST', '/v1/connections', { system: 'tryton', name: 'Sandbox', credentials: sandbox.credentials });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const token = created.json.token as string;
    let orders: any[] = [];
    for (let i = 0; i < 240 && orders.length === 0; i += 1) {
      orders = (await call('GET', '/v1/purchase-orders?limit=10', undefined, token)).json.data;
      if (orders.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(orders.length, 10, 'the first sync fills the store');
    assert.ok(orders[0].lines.length > 0);
  });
});

describe('manifold sandbox --faults', { skip: gate.skip }, () => {
  it('runs Tryton behind the fault proxy and injects the faults asked for', async () => {
    gate.require();
    const proc = spawnProcess(process.execPath, ['bin/manifold.js', 'sandbox', '--system', 'tryton', '--faults', 'status=1'], { ...process.env });
    try {
      await proc.waitFor(/"faults"[\s\S]*\}\s*$/m, 120_000);
      const info = JSON.parse(/\{[\s\S]*"faults"[\s\S]*?\n\}/.exec(proc.output())![0]);
      assert.equal(info.system, 'tryton');
      assert.deepEqual(info.faults, { status: 1 });
      const res = await fetch(`${info.instanceUrl}/`, { method: 'POST', body: '{"id":1,"method":"common.server.version","params":[]}' });
      assert.equal(res.status, 503, 'every call gets the injected fault');
    } finally {
      await proc.stop();
    }
  });

  it('refuses unknown faults and rates outside 0–1', async () => {
    const { parseFaults } = await import('../../src/cli/sandbox.js');
    assert.deepEqual(parseFaults('status=0.2, reset=0.05'), { status: 0.2, reset: 0.05 });
    assert.throws(() => parseFaults('explode=0.5'), /unknown fault/);
    assert.throws(() => parseFaults('status=2'), /between 0 and 1/);
  });
});
