// The seeded template: a SQLite file built once per seed version (database creation,
// module activation, seedDemo) and cached in CACHE_DIR across processes, under a lock so
// concurrent test processes build it only once.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { trytonVersion } from './availability.js';
import { CACHE_DIR, MODULES, TRYTON_ADMIN_LOGIN, TRYTON_ADMIN_PASSWORD, TRYTON_DATABASE } from './constants.js';
import { launchOnFreePort, stopProcess, tail, trytonEnv, writeConfig } from './process.js';
import { login } from './rpc.js';
import { seedDemo, type SeedSummary } from './seed.js';

/** Bump when the way the template is built changes in a way the hash below cannot see. */
const TEMPLATE_FORMAT = 1;
const LOCK_TIMEOUT_MS = 10 * 60_000;

const HERE = path.dirname(fileURLToPath(import.meta.url));

// seed.ts, its seed-*.ts parts and rpc.ts, found by name so that a new part of the seed
// cannot be left out of the hash.
const SEED_SOURCE = /^(seed[\w-]*|rpc)\.ts$/;

async function sourceHash(version: string): Promise<string> {
  const h = createHash('sha256');
  h.update(`format ${TEMPLATE_FORMAT}\ntrytond ${version}\nmodules ${MODULES.join(',')}\n`);
  h.update(`password ${TRYTON_ADMIN_PASSWORD}\n`);
  // The seed and the client it talks through decide the content of the template. The file
  // names are hashed too, so moving code from one file to another also rebuilds.
  const files = (await fsp.readdir(HERE)).filter((f) => SEED_SOURCE.test(f)).sort();
  if (!files.includes('seed.ts') || !files.includes('rpc.ts')) throw new Error(`seed sources not found in ${HERE}`);
  for (const file of files) {
    h.update(`file ${file}\n`);
    h.update(await fsp.readFile(path.join(HERE, file)));
  }
  // The seeded generator the seed draws from is shared by every simulator, one folder up.
  h.update('file ../random.ts\n');
  h.update(await fsp.readFile(path.join(HERE, '..', 'random.ts')));
  return h.digest('hex').slice(0, 16);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process builds, the others wait: an O_EXCL lock file holding the builder's pid.
 * A lock whose pid is gone (builder crashed or was killed) is taken over. Two waiters
 * taking over the same stale lock at the same instant could both build; that only costs
 * time, since builds go to pid-named dirs and produce the same template.
 */
async function withBuildLock<T>(lockFile: string, done: () => boolean, build: () => Promise<T>): Promise<T | undefined> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    if (done()) return undefined;
    let fd: number | undefined;
    try {
      fd = fs.openSync(lockFile, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`);
        fs.closeSync(fd);
        // Another process may have finished between our check and taking the lock.
        if (done()) return undefined;
        return await build();
      } finally {
        fs.rmSync(lockFile, { force: true });
      }
    }
    const holder = Number.parseInt((await fsp.readFile(lockFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
    if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (!announced) {
      console.error(`[tryton] waiting for another process (pid ${holder}) to build the template`);
      announced = true;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface TemplateInfo {
  dir: string;
  database: string;
  seed: SeedSummary;
  version: string;
  /** null when the template came from the cache */
  buildTimings: Record<string, number> | null;
}

let templateCache: Promise<TemplateInfo> | undefined;

/** Builds the seeded template once per seed version (cached on disk across processes). */
export function ensureTemplate(log: (msg: string) => void = (m) => console.error(`[tryton] ${m}`)): Promise<TemplateInfo> {
  templateCache ??= ensureTemplateUncached(log).catch((err: unknown) => {
    templateCache = undefined;
    throw err;
  });
  return templateCache;
}

/** Drops this process's memory of the template, so the next ensureTemplate() looks at the disk again. */
export function forgetTemplate(): void {
  templateCache = undefined;
}

async function ensureTemplateUncached(log: (msg: string) => void): Promise<TemplateInfo> {
  const version = await trytonVersion();
  const key = await sourceHash(version);
  const templateDir = path.join(CACHE_DIR, `template-${key}`);
  const dbFile = path.join(templateDir, `${TRYTON_DATABASE}.sqlite`);
  const seedFile = path.join(templateDir, 'seed.json');
  const ready = () => fs.existsSync(seedFile) && fs.existsSync(dbFile);
  fs.mkdirSync(CACHE_DIR, { recursive: true });

  const timings = await withBuildLock(path.join(CACHE_DIR, `template-${key}.lock`), ready, async () => {
    // Build dirs of builders that were killed; a live pid could be a builder that lost a
    // stale-lock takeover race, so leave those.
    for (const name of fs.readdirSync(CACHE_DIR)) {
      const pid = Number(/^build-[0-9a-f]{16}-(\d+)$/.exec(name)?.[1]);
      if (pid && (pid === process.pid || !pidAlive(pid))) fs.rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
    }
    log(`building template ${key} (Tryton ${version}) in ${CACHE_DIR}`);
    const t = await buildTemplate(templateDir, log);
    pruneOldTemplates(key);
    return t;
  });
  const seed = JSON.parse(await fsp.readFile(seedFile, 'utf8')) as SeedSummary;
  return { dir: templateDir, database: TRYTON_DATABASE, seed, version, buildTimings: timings ?? null };
}

function pruneOldTemplates(keep: string): void {
  for (const name of fs.readdirSync(CACHE_DIR)) {
    const m = /^(template|build)-([0-9a-f]{16})(?:-\d+)?$/.exec(name);
    if (!m || m[2] === keep) continue;
    // Leave anything another process is building right now alone.
    if (fs.existsSync(path.join(CACHE_DIR, `template-${m[2]}.lock`))) continue;
    fs.rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
  }
}

async function buildTemplate(templateDir: string, log: (msg: string) => void): Promise<Record<string, number>> {
  const buildDir = `${templateDir.replace(/template-/, 'build-')}-${process.pid}`;
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(buildDir, { recursive: true });
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  try {
    // trytond-admin prompts for the password unless TRYTONPASSFILE names a one-line file,
    // and for the admin e-mail unless --email is given.
    const passFile = path.join(buildDir, 'admin.pass');
    fs.writeFileSync(passFile, `${TRYTON_ADMIN_PASSWORD}\n`, { mode: 0o600 });
    // The SQLite backend refuses to open a database file that does not exist.
    fs.writeFileSync(path.join(buildDir, `${TRYTON_DATABASE}.sqlite`), '');
    const conf = writeConfig(buildDir, 0);
    const adminLog = path.join(buildDir, 'trytond-admin.log');
    const args = ['-c', conf, '-d', TRYTON_DATABASE, '-u', ...MODULES, '--activate-dependencies', '--email', 'admin@example.invalid'];
    const code = await new Promise<number | null>((resolve, reject) => {
      const fd = fs.openSync(adminLog, 'a');
      const child = spawn('trytond-admin', args, {
        cwd: buildDir,
        env: trytonEnv({ TRYTONPASSFILE: passFile }),
        stdio: ['ignore', fd, fd],
      });
      fs.closeSync(fd);
      // Not detached: if we die, trytond-admin gets our SIGINT/SIGHUP with the process group.
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    });
    if (code !== 0) throw new Error(`trytond-admin failed (exit ${code}):\n${await tail(adminLog)}`);
    timings.createDatabase = Math.round(performance.now() - t0);
    log(`database created and modules activated in ${(timings.createDatabase / 1000).toFixed(1)} s`);

    const tStart = performance.now();
    const running = await launchOnFreePort(buildDir, false);
    let seed: SeedSummary;
    try {
      const session = await login(running.url, TRYTON_DATABASE, TRYTON_ADMIN_LOGIN, TRYTON_ADMIN_PASSWORD);
      timings.startAndLogin = Math.round(performance.now() - tStart);
      seed = await seedDemo(session, log);
      timings.seed = seed.timings.total ?? 0;
      await session.logout();
    } finally {
      await stopProcess(running.entry);
    }
    fs.writeFileSync(path.join(buildDir, 'seed.json'), `${JSON.stringify(seed, null, 2)}\n`);
    // Only the database, the seed summary and the logs go into the template.
    for (const f of ['admin.pass', 'trytond.conf']) fs.rmSync(path.join(buildDir, f), { force: true });
    // Atomic publish: waiters only ever see a complete template. Builds are deterministic,
    // so if a racing builder published first, its template is as good as ours.
    if (fs.existsSync(path.join(templateDir, 'seed.json'))) {
      fs.rmSync(buildDir, { recursive: true, force: true });
    } else {
      fs.rmSync(templateDir, { recursive: true, force: true });
      fs.renameSync(buildDir, templateDir);
    }
    timings.total = Math.round(performance.now() - t0);
    log(`template ready in ${(timings.total / 1000).toFixed(1)} s (create ${timings.createDatabase} ms, seed ${timings.seed} ms)`);
    return timings;
  } catch (err) {
    if (process.env.MANIFOLD_TRYTON_KEEP !== '1') fs.rmSync(buildDir, { recursive: true, force: true });
    throw err;
  }
}
