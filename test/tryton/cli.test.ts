/**
 * The CLI against a real Tryton: `manifold connect` asks for the fields (the password is not
 * echoed), checks them live, prints the token once; a wrong password connects nothing;
 * `manifold sync` syncs the connection; `manifold systems` lists the catalogue.
 */
import assert from 'node:assert/strict';
import { before, after, it, describe } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTryton, trytonGate, type TrytonServer } from '../support/tryton.js';

const gate = await trytonGate('CLI tests against Tryton');

describe('manifold connect and sync', { skip: gate.skip }, () => {
  let tryton: TrytonServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'manifold-cli-'));
  const env = { ...process.env, MANIFOLD_DATA_DIR: dataDir, DATABASE_URL: '', MANIFOLD_SECRET_KEY: '', MANIFOLD_ALLOW_PRIVATE_NETWORKS: '1' };
  const cli = (args: string[], input = '') => spawnSync(process.execPath, ['bin/manifold.js', ...args], { env, input, encoding: 'utf8', timeout: 60_000 });

  before(async () => {
    gate.require();
    tryton = await startTryton();
  });
  after(async () => tryton?.stop());

  it('lists the catalogue', () => {
    const res = cli(['systems', '--json']);
    assert.equal(res.status, 0, res.stderr);
    assert.ok(JSON.parse(res.stdout).some((s: { id: string }) => s.id === 'tryton'));
  });

  it('connects with prompted credentials, prints the token once, and syncs', () => {
    const wrong = cli(['connect', 'tryton', '--name', 'Wrong'], `${tryton.url}\n${tryton.database}\n${tryton.username}\nnot-the-password\n`);
    assert.equal(wrong.status, 1, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /Not connected: .*(password|credentials)/i);

    const res = cli(['connect', 'tryton', '--name', 'From the terminal'], `${tryton.url}\n${tryton.database}\n${tryton.username}\n${tryton.password}\n`);
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.ok(!res.stdout.includes(tryton.password), 'the password is not echoed');
    const token = /API token[^\n]*\n\s+(mft_\S+)/.exec(res.stdout)?.[1];
    assert.ok(token, res.stdout);
    const id = /Connected: (conn_\w+)/.exec(res.stdout)![1]!;

    const sync = cli(['sync', id]);
    assert.equal(sync.status, 0, sync.stdout + sync.stderr);
    const po = JSON.parse(/purchaseOrders: (.*)/.exec(sync.stdout)![1]!);
    assert.ok(po.created >= 250, sync.stdout);
    assert.equal(po.failed, 0);
  });
});
