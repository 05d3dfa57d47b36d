/**
 * Secrets at rest and in logs, with a real server process and a real Tryton: no credential or
 * token is in the SQLite file in clear text nor in the log (at debug level); `manifold keys
 * rotate` re-encrypts every credential under a new key while the server keeps serving, and
 * `manifold keys prune` drops the old key once nothing uses it.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnProcess, type Spawned } from '../support/process.js';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';

const gate = await trytonGate('secrets tests');

describe('secrets at rest and in logs', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  let server: Spawned | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'manifold-secrets-'));
  const env = { ...process.env, MANIFOLD_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', MANIFOLD_ADMIN_KEY: '', MANIFOLD_SECRET_KEY: '', MANIFOLD_LOG_LEVEL: 'debug', MANIFOLD_ALLOW_PRIVATE_NETWORKS: '1' };
  const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/manifold.js', ...args], { env, encoding: 'utf8' });
  const ring = () => readFileSync(join(dataDir, 'secret-key'), 'utf8').trim().split('\n');
  const storedKeyId = () => {
    const db = new Database(join(dataDir, 'manifold.sqlite'), { readonly: true });
    try {
      return (db.prepare('select credentials from connections').get() as { credentials: string }).credentials.split(':')[1];
    } finally {
      db.close();
    }
  };

  before(async () => {
    gate.require();
    tryton = await startTryton();
  });
  after(async () => {
    await server?.stop();
    await tryton?.stop();
  });

  it('keeps secrets out of the database file and the log, and rotates the key without downtime', async () => {
    server = spawnProcess(process.execPath, ['bin/manifold.js', 'serve'], env);
    const [, base] = await server.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
    const adminKey = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as any };
    };
    const created = await call('POST', '/v1/connections', {
      system: 'tryton', name: 'Secret keeper', sync: false,
      credentials: { instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.data.id as string;
    const token = created.json.token as string;
    assert.equal((await call('POST', `/v1/connections/${id}/sync?wait=true`, {})).status, 200);
    const wrong = await call('POST', '/v1/connections', { system: 'tryton', name: 'x', credentials: { instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: 'Wrong-Secret-987' } });
    assert.equal(wrong.status, 422);
    assert.ok(!JSON.stringify(wrong.json).includes('Wrong-Secret-987'));

    // Rotate while the server runs; it must keep reading the credentials it needs.
    const firstKeyId = storedKeyId();
    const rotate = cli('keys', 'rotate');
    assert.equal(rotate.status, 0, rotate.stderr);
    assert.match(rotate.stdout, /Re-encrypted 1 of 1/);
    assert.equal(ring().length, 2);
    assert.notEqual(storedKeyId(), firstKeyId);
    const afterRotate = await call('POST', `/v1/connections/${id}/sync?wait=true`, { full: true });
    assert.ok(afterRotate.json.data.entities.every((e: any) => e.status === 'succeeded'), JSON.stringify(afterRotate.json));
    const prune = cli('keys', 'prune');
    assert.equal(prune.status, 0, prune.stderr);
    assert.equal(ring().length, 1);
    assert.equal((await call('POST', `/v1/connections/${id}/sync?wait=true`, {})).status, 200);
    await server.stop();
    // The log is the JSON lines; the start banner (which shows a new admin key once, on purpose) is not.
    const log = server.output().split('\n').filter((l) => l.startsWith('{')).join('\n');
    server = undefined;

    // Nothing in clear: the database files (main, WAL) and the whole debug log.
    const files = readdirSync(dataDir).filter((f) => f.startsWith('manifold.sqlite')).map((f) => readFileSync(join(dataDir, f)));
    assert.ok(files.length >= 1);
    for (const secret of [tryton.password, token, adminKey, 'Wrong-Secret-987']) {
      for (const bytes of files) assert.equal(bytes.indexOf(Buffer.from(secret)), -1, 'no secret in the database file');
      assert.ok(!log.includes(secret), `no secret in the log (${secret.slice(0, 4)}…)`);
    }
    assert.ok(log.length > 0 && /"requestId"/.test(log), 'the log was written, with request ids');
  });
});
