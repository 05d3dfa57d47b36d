/**
 * The processes under test run apart from the load generator (so they never share its event
 * loop): a TypeScript entry under bench/children/ started with tsx, spoken to over IPC. A child
 * answers calls by name; `usage` (CPU time, peak RSS) is built in. With `profile` the child runs
 * under node --cpu-prof and writes its profile when stopped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Usage {
  /** CPU seconds (user + system) since the child started. */
  cpuSeconds: number;
  /** Peak resident set size since the child started, in MB (getrusage ru_maxrss). */
  maxRssMB: number;
  /** Resident set size now, in MB. */
  rssMB: number;
  /** process.memoryUsage() in MB at the highest RSS sampled (every 100 ms). */
  peak: { rssMB: number; heapTotalMB: number; heapUsedMB: number; externalMB: number; arrayBuffersMB: number };
}

type Message =
  | { type: 'ready'; info: unknown }
  | { type: 'result'; id: number; value?: unknown; error?: string }
  | { type: 'failed'; error: string };

export interface Child<Info> {
  info: Info;
  pid: number;
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  usage(): Promise<Usage>;
  /** Asks the child to close and exit (writing its CPU profile), killing it if it does not. */
  stop(): Promise<void>;
}

export interface StartChildOptions {
  env?: Record<string, string>;
  /** Directory for CPU profiles (node --cpu-prof); each child writes to a folder named after `name`. */
  profileDir?: string;
  name?: string;
  /** How long the child may take to say it is ready. */
  readyTimeoutMs?: number;
}

const CHILDREN_DIR = fileURLToPath(new URL('../children/', import.meta.url));

export async function startChild<Info>(entry: string, opts: StartChildOptions = {}): Promise<Child<Info>> {
  const execArgv = ['--import', 'tsx'];
  // One directory per child: node writes one profile per thread (tsx's loader hooks run in a
  // worker thread of their own), named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile.
  if (opts.profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.profileDir}/${opts.name ?? entry}-${Date.now()}`);
  const child: ChildProcess = fork(`${CHILDREN_DIR}${entry}`, [], {
    execArgv,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + String(d)).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit');

  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let readyInfo: ((info: unknown) => void) | undefined;
  let failure: ((err: Error) => void) | undefined;
  child.on('message', (raw) => {
    const msg = raw as Message;
    if (msg.type === 'ready') readyInfo?.(msg.info);
    else if (msg.type === 'failed') failure?.(new Error(`${entry} failed: ${msg.error}`));
    else if (msg.type === 'result') {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(`${entry}: ${msg.error}`));
      else p?.resolve(msg.value);
    }
  });
  child.on('exit', (code, signal) => {
    const err = new Error(`${entry} exited (${code ?? signal}):\n${output}`);
    failure?.(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });

  const info = await new Promise<Info>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready within ${opts.readyTimeoutMs ?? 600_000} ms:\n${output}`)), opts.readyTimeoutMs ?? 600_000);
    readyInfo = (i) => {
      clearTimeout(timer);
      resolve(i as Info);
    };
    failure = (err) => {
      clearTimeout(timer);
      reject(err);
    };
  }).catch((err: Error) => {
    child.kill('SIGKILL');
    throw err;
  });
  failure = undefined;

  const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${entry} is not running:\n${output}`));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ type: 'call', id, method, args });
    });

  let stopping: Promise<void> | undefined;
  return {
    info,
    pid: child.pid!,
    call,
    usage: () => call<Usage>('usage'),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.send({ type: 'exit' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
