// A throw-away Tryton 6.0 server for tests, CI and humans.
//
// The expensive part (creating the database and activating the purchase modules, ~14 s,
// then seeding, ~17 s, measured on 2 cores) happens once per seed version: the result is a
// template SQLite file cached in <repo>/.tryton/. Every start copies that file into a fresh
// temp dir and boots trytond on a free loopback port, under a second including the admin
// login, so each test file can have a private server it is free to mutate.

// This file is the entry point and the public surface; the parts: availability.ts (is Tryton
// installed?), template.ts (build, cache and lock of the template), process.ts (launch,
// readiness, stop, watchdog), constants.ts (names and paths).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { TRYTON_ADMIN_LOGIN, TRYTON_ADMIN_PASSWORD, TRYTON_DATABASE } from './constants.js';
import { killProcess, launchOnFreePort, stopProcess, type Running } from './process.js';
import { login, type TrytonSession } from './rpc.js';
import type { SeedSummary } from './seed.js';
import { ensureTemplate, forgetTemplate } from './template.js';

export { TRYTON_DATABASE, TRYTON_ADMIN_LOGIN, TRYTON_ADMIN_PASSWORD, REPO_ROOT } from './constants.js';
export { trytonAvailable } from './availability.js';
export { freePort } from './process.js';
export { ensureTemplate, type TemplateInfo } from './template.js';

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
      forgetTemplate();
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
        killProcess(entry);
        cleanup();
      },
    };
  } catch (err) {
    if (running) await stopProcess(running.entry);
    if (!keep) await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
