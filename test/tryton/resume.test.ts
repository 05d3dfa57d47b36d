/**
 * A sync killed half way (the process gets SIGKILL) resumes when Manifold starts again and ends
 * with the same data as a sync that was never interrupted: nothing lost, nothing duplicated.
 * Real processes, a real SQLite file, a real Tryton.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnProcess, type Spawned } from '../support/process.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';

type Json = Record<string, any>;

const gate = await trytonGate('Tryton resume test');

function serve(dataDir: string): Spawned {
  return spawnProcess(process.execPath, ['bin/manifold.js', 'serve'], {
    ...process.env,
    MANIFOLD_DATA_DIR: dataDir,
    PORT: '0',
    DATABASE_URL: '',
    MANIFOLD_ADMIN_KEY: '',
    MANIFOLD_LOG_LEVEL: 'warn',
    MANIFOLD_SYNC_PAGE_SIZE: '5',
    MANIFOLD_SYNC_INTERVAL_MINUTES: '600',
    MANIFOLD_ALLOW_PRIVATE_NETWORKS: '1',
  });
}

async function api(base: string, dataDir: string, method: string, path: string, body?: unknown): Promise<Json> {
  const key = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function purchaseOrderRows(dataDir: string): { remote_id: string; data: string; remote_data: string }[] {
  const db = new Database(join(dataDir, 'manifold.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("select remote_id, data, remote_data from records where entity = 'purchaseOrders' order by remote_id").all() as { remote_id: string; data: string; remote_data: string }[];
    // Manifold ids embed the connection id; the two runs have different connections.
    return rows.map((r) => ({ ...r, data: r.data.replace(/"id":"[a-z]+_[0-9a-z]{26}[^"]*"/g, '"id":"…"') }));
  } finally {
    db.close();
  }
}

function countOrders(dataDir: string): number {
  try {
    return purchaseOrderRows(dataDir).length;
  } catch {
    return 0;
  }
}

describe('a killed sync resumes', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  before(async () => {
    gate.require();
    tryton = await startTryton();
  });
  after(async () => tryton?.stop());

  const credentials = () => ({ instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password });

  it('ends with the same data as an uninterrupted sync', async () => {
    const total = (await tryton.rpc<number[]>('model.purchase.purchase.search', [[], 0, null, [['id', 'ASC']]])).length;

    // Interrupted: start a sync, SIGKILL the process half way, start again, finish.
    const dirA = mkdtempSync(join(tmpdir(), 'manifold-resume-a-'));
    let server = serve(dirA);
    let [, base] = await server.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
    const conn = await api(base!, dirA, 'POST', '/v1/connections', { system: 'tryton', name: 'Resumed', credentials: credentials(), sync: false });
    const id = conn.data.id as string;
    await api(base!, dirA, 'POST', `/v1/connections/${id}/sync`, {});
    const deadline = Date.now() + 120_000;
    while (countOrders(dirA) < total / 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    process.kill(-server.child.pid!, 'SIGKILL');
    await server.stop();
    const atKill = countOrders(dirA);
    console.log(`# killed with ${atKill} of ${total} orders stored`);
    assert.ok(atKill > 0 && atKill < total, `killed half way (${atKill}/${total})`);

    server = serve(dirA);
    [, base] = await server.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
    const resumed = await api(base!, dirA, 'POST', `/v1/connections/${id}/sync?wait=true`, {});
    await server.stop();
    const po = (resumed.data.entities as Json[]).find((e) => e.entity === 'purchaseOrders')!;
    assert.equal(po.status, 'succeeded', JSON.stringify(po));
    assert.ok(po.counts.fetched < total, `the resumed run continued where it stopped (fetched ${po.counts.fetched} of ${total})`);

    // Uninterrupted, for comparison.
    const dirB = mkdtempSync(join(tmpdir(), 'manifold-resume-b-'));
    server = serve(dirB);
    [, base] = await server.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
    const connB = await api(base!, dirB, 'POST', '/v1/connections', { system: 'tryton', name: 'Straight', credentials: credentials(), sync: false });
    await api(base!, dirB, 'POST', `/v1/connections/${connB.data.id}/sync?wait=true`, {});
    await server.stop();

    const a = purchaseOrderRows(dirA);
    const b = purchaseOrderRows(dirB);
    assert.equal(a.length, total, 'nothing lost, nothing duplicated');
    assert.deepEqual(a, b, 'the same data as an uninterrupted sync');
  });
});
