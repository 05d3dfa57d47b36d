/**
 * Shared by the tests that need a real Tryton: a private, seeded server per test file, or a
 * clear skip (locally) / failure (CI) when Tryton is not installed here.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpClient } from '../../kit/http.js';
import { login, rawCall, startTryton, trytonAvailable, type TrytonServer } from '../../../test/support/tryton.js';
import { tryton } from './connector.js';
import type { TrytonClient } from './client.js';

export type { TrytonServer };

const inCI = () => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * Registers `body`'s tests with a server started before them and stopped after them; returns
 * false (with a skipped or, under CI, failing test saying why) when Tryton is not installed.
 */
export async function withTryton(name: string, body: (server: () => TrytonServer) => void): Promise<boolean> {
  const reason = await trytonAvailable();
  if (reason) {
    if (inCI()) {
      test(`${name}: needs Tryton`, () => assert.fail(`Tryton must be installed in CI (scripts/tryton/install.sh): ${reason}`));
    } else {
      console.log(`${name}: skipped, ${reason}`);
      test(`${name}: needs Tryton`, { skip: reason }, () => {});
    }
    return false;
  }
  let server: TrytonServer | undefined;
  // Building the seeded template the first time takes about 40 s; later starts under 2 s.
  before(async () => {
    server = await startTryton();
  }, { timeout: 600_000 });
  after(async () => {
    await server?.stop();
  });
  body(() => {
    assert.ok(server, 'the Tryton server started');
    return server;
  });
  return true;
}

export const credentialsOf = (server: TrytonServer) => ({
  instanceUrl: server.url,
  database: server.database,
  username: server.username,
  password: server.password,
});

export function connectTo(server: TrytonServer, creds: Partial<ReturnType<typeof credentialsOf>> = {}, http = new HttpClient()): TrytonClient {
  return tryton.connect({ ...credentialsOf(server), ...creds }, http);
}

/** Tryton's tagged values, read plainly for expectations (independent of the connector's codec). */
export const plain = {
  decimal: (v: unknown) => (v === null ? null : (v as { decimal: string }).decimal),
  date: (v: unknown) => {
    if (v === null) return null;
    const d = v as { year: number; month: number; day: number };
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  },
};

/** A plain model call with extra context keys (server.rpc appends the user's context as it is). */
export async function rpcWithContext<T>(server: TrytonServer, method: string, params: unknown[], context: Record<string, unknown>): Promise<T> {
  const session = await login(server.url, server.database, server.username, server.password);
  return rawCall<T>(session.dbUrl, method, [...params, { ...session.context, ...context }], { authorization: session.authorization });
}
