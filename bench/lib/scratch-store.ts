/**
 * A fresh, empty store for one measurement, and its removal afterwards: a SQLite file in a temp
 * directory, or a scratch PostgreSQL database (created on the server of
 * MANIFOLD_BENCH_DATABASE_URL, default the test server on loopback, and dropped after).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreKind } from './args.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function benchDatabaseUrl(): string {
  return process.env.MANIFOLD_BENCH_DATABASE_URL || DEFAULT_DATABASE_URL;
}

export interface ScratchStore {
  kind: StoreKind;
  /** Environment for a child or a Manifold process: DATABASE_URL, or MANIFOLD_DATA_DIR for SQLite. */
  env: Record<string, string>;
  /** The data directory (SQLite file, keys); a temp dir for PostgreSQL too. */
  dataDir: string;
  /** Bytes the store takes on disk now (the SQLite files, or the PostgreSQL database). */
  sizeBytes(): Promise<number>;
  dispose(): Promise<void>;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl(), connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** undefined when PostgreSQL answers, else why not. */
export async function postgresMissing(): Promise<string | undefined> {
  try {
    await admin((c) => c.query('select 1'));
    return undefined;
  } catch (err) {
    return `PostgreSQL unreachable at ${new URL(benchDatabaseUrl()).host}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function scratchStore(kind: StoreKind): Promise<ScratchStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'manifold-bench-'));
  if (kind === 'sqlite') {
    return { kind, dataDir, env: { MANIFOLD_DATA_DIR: dataDir, DATABASE_URL: '' }, sizeBytes: () => dirBytes(dataDir), dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `manifold_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(benchDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    env: { MANIFOLD_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    sizeBytes: () => admin(async (c) => Number((await c.query<{ size: string }>('select pg_database_size($1) as size', [name])).rows[0]!.size)),
    async dispose() {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
