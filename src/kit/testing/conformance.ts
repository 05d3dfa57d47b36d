/**
 * The conformance suite every connector's tests run against a live system (real or simulated):
 * one call registers node:test tests proving the connector keeps the kit's contract — it
 * verifies credentials, lists every resource to the end in small pages without duplicates,
 * resumes after a page, parses every native record with its raw schema, maps every record to a
 * unified record the registry's model accepts, finds records by id, syncs incrementally, and
 * classifies wrong credentials and an unreachable system. A check may be skipped only with a
 * written reason. The listing checks of a resource the system cannot list (and `get` of one it
 * cannot read) do not apply: in their place one check proves the resource says why (`readNotes`),
 * and its name carries that reason.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { recordId } from '../../core/ids.js';
import { entityByKey, type EntityKey } from '../../models/registry.js';
import type { ConnectorDefinition, MapContext, RawPage, ResourceDefinition } from '../definition.js';
import { SystemFailure } from '../failure.js';
import { HttpClient } from '../http.js';

export const conformanceChecks = ['verify', 'listing', 'resume', 'rawRecords', 'unifiedRecords', 'get', 'incremental', 'wrongCredentials', 'unreachable'] as const;
export type ConformanceCheck = (typeof conformanceChecks)[number];
/** Per-resource checks can also be skipped for one entity: `"get:vendors"`. */
export type SkipKey = ConformanceCheck | `${ConformanceCheck}:${EntityKey}`;

type Credentials = Record<string, unknown>;

export interface ConformanceOptions<C> {
  connector: ConnectorDefinition<C>;
  /** Working credentials; called when the first test runs (after the caller's `before` hooks). */
  credentials: () => Credentials | Promise<Credentials>;
  /** Credentials the system must refuse; by default the working ones with every secret changed. */
  wrongCredentials?: () => Credentials | Promise<Credentials>;
  /** Changes one record of `entity` in the system and returns its remote id (for the incremental check). */
  mutate?: { entity: EntityKey; change(): Promise<string> };
  /** A remote id that does not exist, for `get` to answer undefined. */
  missingRemoteId?: string;
  /** Records per page when listing; small, so paging is exercised (default 7). */
  pageSize?: number;
  skip?: Partial<Record<SkipKey, string>>;
  /** Per-test timeout in ms (default 120 000). */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function expectFailure(failureClass: string, code: string) {
  return (err: unknown) => {
    assert.ok(err instanceof SystemFailure, `expected a SystemFailure, got ${String(err)}`);
    assert.equal(err.failureClass, failureClass, `failure class (${err.code}: ${err.message})`);
    assert.equal(err.code, code, `failure code (${err.message})`);
    return true;
  };
}

async function collect(pages: AsyncIterable<RawPage>): Promise<RawPage[]> {
  const out: RawPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

export function runConformance<C>(opts: ConformanceOptions<C>): void {
  const { connector } = opts;
  const pageSize = opts.pageSize ?? 7;
  const timeout = opts.timeoutMs ?? 120_000;
  for (const [key, reason] of Object.entries(opts.skip ?? {})) {
    if (typeof reason !== 'string' || reason.trim().length < 3) throw new Error(`conformance: skip "${key}" needs a written reason`);
  }
  const skipped = (check: ConformanceCheck, entity?: EntityKey): string | undefined =>
    (entity ? opts.skip?.[`${check}:${entity}`] : undefined) ?? opts.skip?.[check];
  const check = (name: string, which: ConformanceCheck, fn: () => Promise<void>, entity?: EntityKey, cannot?: string) => {
    if (cannot !== undefined) return;
    const reason = skipped(which, entity);
    test(name, reason ? { skip: reason } : { timeout }, fn);
  };

  const http = () => new HttpClient({ policy: connector.http });
  let client: Promise<C> | undefined;
  const live = () => (client ??= Promise.resolve(opts.credentials()).then((c) => connector.connect(c, http())));
  const ctx: MapContext = {
    connectionId: 'conn_conformance',
    refId: (entity, remoteId) => recordId(entityByKey(entity)?.idPrefix ?? 'rec', 'conn_conformance', entity, remoteId),
  };
  const listings = new Map<EntityKey, Promise<RawPage[]>>();
  const listAll = (entity: EntityKey, res: ResourceDefinition<C, never>) => {
    let listing = listings.get(entity);
    if (!listing) {
      listing = live().then((c) => collect(res.list!(c, { pageSize })));
      listings.set(entity, listing);
    }
    return listing;
  };

  describe(`conformance: ${connector.id}`, () => {
    check('verify() succeeds with the working credentials', 'verify', async () => {
      const result = await connector.verify(await live());
      assert.ok(result.summary.trim().length > 0, 'verify() returns a summary for the user');
    });

    for (const [key, res] of Object.entries(connector.resources) as [EntityKey, ResourceDefinition<C, never>][]) {
      const entity = entityByKey(key);
      const ids = (records: unknown[]) => records.map((r) => res.remoteId(r as never));
      const unlisted = res.list ? undefined : 'list';
      const unread = res.get ? unlisted : 'get';
      if (unread) {
        const what = [res.list ? '' : 'listing, resume, raw and unified record checks', res.get ? '' : 'get'].filter(Boolean).join(' and ');
        test(`${key}: the system cannot ${res.list ? 'read it back' : 'list it'} (${res.readNotes ?? 'no reason given'}); ${what} do not apply`, async () => {
          assert.ok(res.readNotes && res.readNotes.trim().length > 10, `${key} has no ${unread}: readNotes must say why`);
          if (!res.list) assert.equal(res.listIds, undefined, 'a resource that cannot be listed has no id listing either');
        });
      }

      check(`${key}: lists to the end in pages of ${pageSize}, without duplicates`, 'listing', async () => {
        assert.ok(entity, `${key} is in the entity registry`);
        const pages = await listAll(key, res);
        const all = ids(pages.flatMap((p) => p.records));
        for (const [i, page] of pages.entries()) {
          assert.ok(page.records.length <= pageSize, `page ${i + 1} holds at most ${pageSize} records`);
          if (i < pages.length - 1) assert.equal(typeof page.resumeAfter, 'string', `page ${i + 1} says where to resume`);
        }
        if (all.length > pageSize) assert.ok(pages.length >= Math.ceil(all.length / pageSize), `${all.length} records come in several pages`);
        for (const id of all) assert.ok(typeof id === 'string' && id.length > 0, 'every remote id is a non-empty string');
        const dupes = all.filter((id, i) => all.indexOf(id) !== i);
        assert.deepEqual(dupes, [], 'no record is listed twice');
        if (res.listIds) {
          const known = await res.listIds(await live());
          assert.equal(new Set(known).size, known.length, 'listIds has no duplicates');
          assert.deepEqual([...known].sort(), [...all].sort(), 'listIds names exactly the listed records');
        }
      }, key, unlisted);

      check(`${key}: resumes after a page`, 'resume', async () => {
        const pages = await listAll(key, res);
        const first = pages[0];
        if (pages.length < 2 || first?.resumeAfter === undefined) return;
        const rest = await collect(res.list!(await live(), { pageSize, resumeAfter: first.resumeAfter }));
        assert.deepEqual(ids(rest.flatMap((p) => p.records)), ids(pages.slice(1).flatMap((p) => p.records)));
      }, key, unlisted);

      check(`${key}: every native record parses with the raw schema`, 'rawRecords', async () => {
        const records = (await listAll(key, res)).flatMap((p) => p.records);
        const failures = records.flatMap((r) => {
          const parsed = res.raw.safeParse(r);
          return parsed.success ? [] : [`${res.remoteId(r as never)}: ${z.prettifyError(parsed.error)}`];
        });
        assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${records.length} records do not parse`);
      }, key, unlisted);

      check(`${key}: every record maps to a valid unified record`, 'unifiedRecords', async () => {
        assert.ok(entity);
        const model = z.strictObject(entity.fields);
        const instant = z.iso.datetime({ offset: false }).nullable();
        const failures: string[] = [];
        for (const r of (await listAll(key, res)).flatMap((p) => p.records)) {
          const raw = res.raw.parse(r);
          const unified = res.toUnified(raw, ctx);
          assert.deepEqual(res.toUnified(raw, ctx), unified, 'toUnified is deterministic');
          const parsed = model.safeParse(unified);
          if (!parsed.success) failures.push(`${res.remoteId(raw)}: ${z.prettifyError(parsed.error)}`);
          const times = res.times(raw);
          if (!instant.safeParse(times.createdAt).success || !instant.safeParse(times.updatedAt).success) {
            failures.push(`${res.remoteId(raw)}: times() gives ${JSON.stringify(times)}`);
          } else if (times.createdAt && times.updatedAt && times.updatedAt < times.createdAt) {
            failures.push(`${res.remoteId(raw)}: updatedAt before createdAt`);
          }
        }
        assert.deepEqual(failures.slice(0, 5), [], `${failures.length} records fail`);
      }, key, unlisted);

      check(`${key}: get() finds a listed record${opts.missingRemoteId ? ' and not a missing one' : ''}`, 'get', async () => {
        const [first] = (await listAll(key, res)).flatMap((p) => p.records);
        const c = await live();
        if (first !== undefined) {
          const id = res.remoteId(first as never);
          const found = await res.get!(c, id);
          assert.ok(found !== undefined, `get(${id}) finds the record`);
          assert.equal(res.remoteId(res.raw.parse(found)), id);
        }
        if (opts.missingRemoteId) assert.equal(await res.get!(c, opts.missingRemoteId), undefined, 'get() of a missing id is undefined');
      }, key, unread);
    }

    const listable = Object.values(connector.resources).some((r) => r?.list);
    if (!listable) {
      test('incremental: the system cannot list any resource, so there is no incremental listing to check', () => {
        assert.equal(opts.mutate, undefined, '`mutate` needs a resource the system can list');
      });
    }
    if (listable) check('incremental list({ since }) returns the changed record and not the others', 'incremental', async () => {
      const mutate = opts.mutate;
      assert.ok(mutate, 'give `mutate` or skip "incremental" with a reason');
      const res = connector.resources[mutate.entity] as ResourceDefinition<C, never> | undefined;
      assert.ok(res, `the connector has a ${mutate.entity} resource`);
      const since = new Date().toISOString();
      // Systems with one-second timestamps would otherwise stamp the change at `since` or before.
      await sleep(1100);
      const changed = await mutate.change();
      assert.ok(res.list, `${mutate.entity} cannot be listed; give a listable entity or skip "incremental" with a reason`);
      const pages = await collect(res.list(await live(), { pageSize, since }));
      assert.deepEqual(pages.flatMap((p) => p.records).map((r) => res.remoteId(r as never)), [changed]);
    });

    check('wrong credentials fail as config / invalid_credentials', 'wrongCredentials', async () => {
      const good = await opts.credentials();
      const wrong = opts.wrongCredentials
        ? await opts.wrongCredentials()
        : Object.fromEntries(
            Object.entries(good).map(([k, v]) => [k, connector.credentialFields.find((f) => f.name === k)?.type === 'secret' ? `wrong-${String(v)}-0` : v]),
          );
      await assert.rejects(connector.verify(connector.connect(wrong, http())), expectFailure('config', 'invalid_credentials'));
    });

    check('an unreachable instance fails as transient / system_unreachable', 'unreachable', async () => {
      const urlFields = connector.credentialFields.filter((f) => f.type === 'url');
      assert.ok(urlFields.length > 0, 'the connector has no url credential; skip "unreachable" with a reason');
      const port = await closedPort();
      const creds = { ...(await opts.credentials()) };
      for (const f of urlFields) creds[f.name] = `http://127.0.0.1:${port}`;
      const fast = new HttpClient({ policy: { ...connector.http, maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 } });
      await assert.rejects(connector.verify(connector.connect(creds, fast)), expectFailure('transient', 'system_unreachable'));
    });
  });
}
