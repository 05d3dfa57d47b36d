// A throw-away Tryton 6.0 server for tests, CI and humans.
//
// The expensive part (creating the database and activating the purchase modules, ~14 s,
// then seeding, ~17 s, measured on 2 cores) happens once per seed version: the result is a
// template SQLite file cached in <repo>/.tryton/. Every start copies that file into a fresh
// temp dir and boots trytond on a free loopback port, under a second including the admin
// login, so each test file can have a private server it is free to mutate.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

import { login, rawCall, type TrytonSession } from './rpc.js';
import { seedDemo, type SeedSummary } from './seed.js';

const execFileAsync = promisify(execFile);

export const TRYTON_DATABASE = 'erp';
export const TRYTON_ADMIN_LOGIN = 'admin';
// Only ever bound to 127.0.0.1 on a throw-away copy, so a fixed password is fine and
// keeps the template reusable.
export const TRYTON_ADMIN_PASSWORD = 'manifold-Sandbox-1';
const MODULES = ['purchase', 'purchase_requisition'];
/** Bump when the way the template is built changes in a way the hash below cannot see. */
const TEMPLATE_FORMAT = 1;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const LOCK_TIMEOUT_MS = 10 * 60_000;

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');
const CACHE_DIR = process.env.MANIFOLD_TRYTON_CACHE ?? path.join(REPO_ROOT, '.tryton');

export interface TrytonServer {
  /** http://127.0.0.1:PORT */
  url: string;
  database: string;
  username: string;
  password: string;
  /** Private working directory (database copy, config, trytond.log); removed by stop(). */
  dir: string;
  /** Logged in as admin; the user context is appended automatically to `model.*` calls. */
  rpc<T = unknown>(method: string, params: unknown[]): Promise<T>;
  stop(): Promise<void>;
  kill(): void;
  /** What the seed created (ids, counts); ids are stable for a given seed version. */
  seed: SeedSummary;
  /** e.g. "6.0.29" */
  version: string;
  logFile: string;
}

export interface StartOptions {
  seed?: 'demo';
  port?: number;
}

// ---------------------------------------------------------------------------------
// Availability

interface Probe {
  version?: string;
  reason?: string;
}

let probeCache: Promise<Probe> | undefined;

function findOnPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

async function probe(): Promise<Probe> {
  const hint = 'run scripts/tryton/install.sh (Debian 12: apt-get install tryton-server tryton-modules-purchase tryton-modules-purchase-requisition)';
  const trytond = findOnPath('trytond');
  const admin = findOnPath('trytond-admin');
  if (!trytond || !admin) return { reason: `trytond/trytond-admin not found on PATH; ${hint}` };
  // The scripts run on their shebang's interpreter (Debian's /usr/bin/python3), which is
  // not necessarily the python3 first on PATH; ask that one for the modules.
  const shebang = (await fsp.readFile(trytond, 'utf8')).split('\n', 1)[0] ?? '';
  const [interp, arg] = shebang.replace(/^#!\s*/, '').split(/\s+/);
  const python = interp?.endsWith('/env') && arg ? arg : interp || 'python3';
  const script = [
    'import importlib.util, trytond',
    `missing = [m for m in ${JSON.stringify(MODULES)} if importlib.util.find_spec("trytond.modules." + m) is None]`,
    'print(trytond.__version__ if not missing else "missing:" + ",".join(missing))',
  ].join('\n');
  try {
    const { stdout } = await execFileAsync(python, ['-c', script], { timeout: 20_000 });
    const out = stdout.trim();
    if (out.startsWith('missing:')) return { reason: `Tryton modules not installed: ${out.slice(8)}; ${hint}` };
    return { version: out };
  } catch (err) {
    return { reason: `cannot import trytond with ${python}: ${(err as Error).message.split('\n')[0]}; ${hint}` };
  }
}

/** undefined when trytond and the purchase modules are installed, otherwise the reason. */
export async function trytonAvailable(): Promise<string | undefined> {
  probeCache ??= probe();
  return (await probeCache).reason;
}

async function trytonVersion(): Promise<string> {
  probeCache ??= probe();
  const p = await probeCache;
  if (p.reason || !p.version) throw new Error(`Tryton is not available: ${p.reason}`);
  return p.version;
}

// ---------------------------------------------------------------------------------
// Processes

const live = new Set<{ child: ChildProcess; watchdog?: ChildProcess }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous. SIGTERM asks trytond to shut down; the watchdog
  // (whose stdin closes with us) follows up with SIGKILL if it lingers.
  process.on('exit', () => {
    for (const p of live) {
      try {
        p.child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

/**
 * A tiny shell that waits for its stdin to close, which happens when this Node process
 * dies for any reason, including SIGKILL, where no 'exit' handler runs. It then stops
 * trytond and removes its working dir (if given), so a crashed or careless test run does
 * not leave servers or copies behind. stop() kills the watchdog first and cleans up itself.
 */
function spawnWatchdog(pid: number, dir: string | undefined): ChildProcess {
  const script = [
    'trap "" INT HUP',
    'read _ignored',
    'if kill -TERM "$0" 2>/dev/null; then',
    '  i=0; while [ $i -lt 50 ] && kill -0 "$0" 2>/dev/null; do sleep 0.1; i=$((i+1)); done',
    '  kill -KILL "$0" 2>/dev/null',
    'fi',
    'if [ -n "$1" ]; then sleep 0.2; rm -rf -- "$1"; fi',
    'exit 0',
  ].join('\n');
  const wd = spawn('/bin/sh', ['-c', script, String(pid), dir ?? ''], { stdio: ['pipe', 'ignore', 'ignore'] });
  wd.on('error', () => {});
  wd.stdin?.on('error', () => {});
  // Neither the watchdog nor its pipe may keep the test process alive.
  wd.unref();
  (wd.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return wd;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopProcess(entry: { child: ChildProcess; watchdog?: ChildProcess }): Promise<void> {
  const { child, watchdog } = entry;
  watchdog?.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) {
    // The child is unref'd so a forgotten server cannot hold the test process open; while
    // we wait for it, it must count, or Node ends the event loop with this await pending.
    child.ref();
    child.kill('SIGTERM');
    // trytond needs about a second to exit on SIGTERM.
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(true), STOP_GRACE_MS);
    });
    if (await Promise.race([exited(child).then(() => false), timedOut])) {
      child.kill('SIGKILL');
      await exited(child);
    }
    clearTimeout(timer);
  }
  live.delete(entry);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

function writeConfig(dir: string, port: number): string {
  const conf = path.join(dir, 'trytond.conf');
  fs.writeFileSync(
    conf,
    [
      '[database]',
      'uri = sqlite://',
      `path = ${dir}`,
      'language = en',
      // The database name is known from this file; listing only widens the surface.
      'list = False',
      '[web]',
      // Loopback only, always: this is a test server with a well-known admin password.
      `listen = 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  return conf;
}

function trytonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // On SQLite trytond stamps create_date/write_date with the process's local time.
  return { ...process.env, TZ: 'UTC', ...extra };
}

async function tail(file: string, lines = 30): Promise<string> {
  try {
    return (await fsp.readFile(file, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface Running {
  entry: { child: ChildProcess; watchdog?: ChildProcess };
  url: string;
  port: number;
  version: string;
  logFile: string;
}

async function launch(dir: string, port: number, removeDirOnCrash: boolean): Promise<Running> {
  const conf = writeConfig(dir, port);
  const logFile = path.join(dir, 'trytond.log');
  const logFd = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // No --logconf: pointing it at /dev/null crashes trytond; the default logs to stderr.
    // (Preloading the pool with -d only moves ~250 ms from the first login to the start.)
    child = spawn('trytond', ['-c', conf], { cwd: dir, env: trytonEnv(), stdio: ['ignore', logFd, logFd] });
  } finally {
    fs.closeSync(logFd);
  }
  child.on('error', () => {});
  child.unref();
  installExitHook();
  const entry: { child: ChildProcess; watchdog?: ChildProcess } = { child };
  live.add(entry);
  if (child.pid) entry.watchdog = spawnWatchdog(child.pid, removeDirOnCrash ? dir : undefined);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(entry);
      entry.watchdog?.kill('SIGKILL');
      const log = await tail(logFile);
      const err = new Error(`trytond exited (${child.exitCode ?? child.signalCode}) before answering:\n${log}`);
      (err as Error & { addressInUse?: boolean }).addressInUse = /Address already in use/i.test(log);
      throw err;
    }
    try {
      const version = await rawCall<string>(`${url}/`, 'common.server.version', [], {}, AbortSignal.timeout(2000));
      return { entry, url, port, version, logFile };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopProcess(entry);
      throw new Error(`trytond did not answer within ${READY_TIMEOUT_MS} ms:\n${await tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts trytond in `dir` (which holds erp.sqlite) on the given or a free port. */
async function launchOnFreePort(dir: string, removeDirOnCrash: boolean, port?: number): Promise<Running> {
  // Between freePort() closing its socket and trytond binding, another process can grab
  // the port; retry a few times with a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(dir, port ?? (await freePort()), removeDirOnCrash);
    } catch (err) {
      if (port !== undefined || attempt >= 3 || !(err as { addressInUse?: boolean }).addressInUse) throw err;
    }
  }
}

// ---------------------------------------------------------------------------------
// Template

async function sourceHash(version: string): Promise<string> {
  const h = createHash('sha256');
  h.update(`format ${TEMPLATE_FORMAT}\ntrytond ${version}\nmodules ${MODULES.join(',')}\n`);
  h.update(`password ${TRYTON_ADMIN_PASSWORD}\n`);
  // The seed and the client it talks through decide the content of the template.
  for (const file of ['seed.ts', 'rpc.ts']) h.update(await fsp.readFile(path.join(HERE, file)));
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

// ---------------------------------------------------------------------------------
// Public entry point

export async function startTryton(opts: StartOptions = {}): Promise<TrytonServer> {
  if ((opts.seed ?? 'demo') !== 'demo') throw new Error(`unknown seed ${String(opts.seed)}`);
  let template = await ensureTemplate();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'manifold-tryton-'));
  const keep = process.env.MANIFOLD_TRYTON_KEEP === '1';
  let running: Running | undefined;
  try {
    // The template is never opened by a server, so a plain copy is consistent.
    const target = path.join(dir, `${TRYTON_DATABASE}.sqlite`);
    try {
      await fsp.copyFile(path.join(template.dir, `${TRYTON_DATABASE}.sqlite`), target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      // Someone wiped .tryton/ since this process found the template: build it again.
      templateCache = undefined;
      template = await ensureTemplate();
      await fsp.copyFile(path.join(template.dir, `${TRYTON_DATABASE}.sqlite`), target);
    }
    running = await launchOnFreePort(dir, !keep, opts.port);
    const session: TrytonSession = await login(running.url, TRYTON_DATABASE, TRYTON_ADMIN_LOGIN, TRYTON_ADMIN_PASSWORD);
    const { entry } = running;
    let stopped: Promise<void> | undefined;
    const cleanup = () => {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    };
    return {
      url: running.url,
      database: TRYTON_DATABASE,
      username: TRYTON_ADMIN_LOGIN,
      password: TRYTON_ADMIN_PASSWORD,
      dir,
      seed: template.seed,
      version: running.version,
      logFile: running.logFile,
      rpc: <T>(method: string, params: unknown[]) => session.call<T>(method, params),
      stop() {
        stopped ??= stopProcess(entry).then(cleanup);
        return stopped;
      },
      kill() {
        entry.watchdog?.kill('SIGKILL');
        entry.child.kill('SIGKILL');
        live.delete(entry);
        cleanup();
      },
    };
  } catch (err) {
    if (running) await stopProcess(running.entry);
    if (!keep) await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
