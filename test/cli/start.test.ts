/**
 * `npm start` on a fresh data dir, as the README says: it serves /health, prints the admin key
 * once (saved with mode 0600) and the URLs; a second start reuses the key. The CLI's commands
 * answer --help, and `manifold migrate` prepares a store.
 */
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { it, describe } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnProcess } from '../support/process.js';

const env = (dataDir: string) => ({ ...process.env, MANIFOLD_DATA_DIR: dataDir, PORT: '0', MANIFOLD_LOG_LEVEL: 'warn', MANIFOLD_ADMIN_KEY: '', DATABASE_URL: '' });

describe('starting Manifold', () => {
  it('npm start serves /health on the embedded store and prints the admin key once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'manifold-start-'));
    const started = Date.now();
    const first = spawnProcess('npm', ['start', '--silent'], env(dataDir));
    try {
      const [, url] = await first.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/);
      const health = await fetch(`${url}/health`);
      console.log(`# npm start → /health answered after ${Date.now() - started} ms`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      const ready = (await (await fetch(`${url}/ready`)).json()) as { store: string };
      assert.equal(ready.store, 'sqlite');
      const out = first.output();
      for (const page of ['/docs', '/openapi.json', '/connect', '/dashboard', '/status']) assert.ok(out.includes(`${url}${page}`), page);
      const keyFile = join(dataDir, 'admin-key');
      const key = readFileSync(keyFile, 'utf8').trim();
      assert.ok(out.includes(key), 'the generated admin key is printed on first start');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      assert.ok(existsSync(join(dataDir, 'manifold.sqlite')));
      const authed = await fetch(`${url}/v1/connections`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(authed.status, 200);
    } finally {
      // npm itself dies of the signal (null); the server below is checked for a clean exit.
      assert.ok([0, null].includes(await first.stop()));
    }

    // The sandbox (covered in sandbox.test.ts) stays off here, so the exit is the server's alone.
    const second = spawnProcess(process.execPath, ['bin/manifold.js', 'serve'], { ...env(dataDir), MANIFOLD_SANDBOX: 'off' });
    try {
      await second.waitFor(/Admin key from .*admin-key/);
      const key = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      assert.ok(!second.output().includes(key), 'the key is not printed again');
    } finally {
      assert.equal(await second.stop(), 0, 'the server exits cleanly on SIGTERM');
    }
  });

  it('refuses a bad configuration with a message naming the variable', () => {
    const res = spawnSync(process.execPath, ['bin/manifold.js', 'serve'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /PORT/);
  });

  it('every command answers --help', async () => {
    // The installed entry point, once for real; then every command's help from the same tree.
    for (const args of [['--help'], ['keys', 'rotate', '--help']]) {
      const res = spawnSync(process.execPath, ['bin/manifold.js', ...args], { encoding: 'utf8' });
      assert.equal(res.status, 0, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stdout, /Usage: manifold/);
    }
    const { buildProgram } = await import('../../src/cli/program.js');
    const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
    const commands = all(buildProgram());
    assert.deepEqual(
      commands.map((c) => c.name()).sort(),
      ['admin', 'connect', 'keys', 'manifold', 'migrate', 'prune', 'rotate', 'sandbox', 'serve', 'sync', 'systems', 'worker'],
    );
    for (const c of commands) {
      assert.match(c.helpInformation(), /^Usage: manifold/, c.name());
      assert.ok(c.description().length > 10, `${c.name()} says what it does`);
    }
  });

  it('manifold migrate prepares a fresh SQLite store, then has nothing to do', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'manifold-migrate-'));
    const first = spawnSync(process.execPath, ['bin/manifold.js', 'migrate'], { env: env(dataDir), encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Applied: /);
    const again = spawnSync(process.execPath, ['bin/manifold.js', 'migrate'], { env: env(dataDir), encoding: 'utf8' });
    assert.match(again.stdout, /Already up to date/);
  });
});
