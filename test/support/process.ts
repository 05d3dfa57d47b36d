/**
 * Running Manifold as a real process, as a user would: spawn, wait for a line, read its resident
 * memory, stop the whole process group. Shared by the tests and the process benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface Spawned {
  child: ChildProcess;
  output: () => string;
  /** Polls the output every pollMs (50 by default) until it matches. */
  waitFor(pattern: RegExp, timeoutMs?: number, pollMs?: number): Promise<RegExpMatchArray>;
  /** Resident set size now, in MB (VmRSS), or undefined where /proc is missing. */
  rssMB(): Promise<number | undefined>;
  stop(): Promise<number | null>;
}

export function spawnProcess(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): Spawned {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    async waitFor(pattern, timeoutMs = 60_000, pollMs = 50) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = out.match(pattern);
        if (m) return m;
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${pattern}:\n${out}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
    async rssMB() {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
        return kb === undefined ? undefined : Number(kb) / 1024;
      } catch {
        return undefined;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
        // Generous: on a loaded 2-core machine a clean shutdown can take a few seconds.
        const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    },
  };
}
