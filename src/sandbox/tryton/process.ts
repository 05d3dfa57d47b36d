// trytond processes: launch on a loopback port, wait until it answers, stop it, and make
// sure it dies with us (exit hook plus a watchdog for the cases no hook sees).

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { rawCall } from './rpc.js';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/** A running trytond and the watchdog that stops it should this process die. */
export interface LiveProcess {
  child: ChildProcess;
  watchdog?: ChildProcess;
}

const live = new Set<LiveProcess>();
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

export async function stopProcess(entry: LiveProcess): Promise<void> {
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

export function writeConfig(dir: string, port: number): string {
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

export function trytonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // On SQLite trytond stamps create_date/write_date with the process's local time.
  return { ...process.env, TZ: 'UTC', ...extra };
}

export async function tail(file: string, lines = 30): Promise<string> {
  try {
    return (await fsp.readFile(file, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface Running {
  entry: LiveProcess;
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
  const entry: LiveProcess = { child };
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
export async function launchOnFreePort(dir: string, removeDirOnCrash: boolean, port?: number): Promise<Running> {
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


/** Immediate SIGKILL for trytond and its watchdog, without waiting for either to exit. */
export function killProcess(entry: LiveProcess): void {
  entry.watchdog?.kill('SIGKILL');
  entry.child.kill('SIGKILL');
  live.delete(entry);
}
