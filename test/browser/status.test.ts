/**
 * The status page (/status) in chromium against the real app. With no connections: all is
 * well, platform ok, no key needed. Then real failures: a real Tryton behind a fault proxy, two
 * connections made through the API while the proxy forwards, then the proxy answers 503 to
 * everything and both sync: the page (refreshing on its own, without flashing) says tryton is
 * failing systemically, and with the admin key lists both connections and their failed share.
 * With GET /v1/status stubbed in the browser: one connection's own failure, Manifold down, and a
 * refresh that fails — states a test cannot easily make the real server reach.
 * Desktop and phone screenshots go to test-artifacts/screenshots/status-*.png.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { startFaultProxy, type Fault, type FaultProxy } from '../../src/sandbox/fault-proxy.js';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import type { Status } from '../../web/src/shared/types.js';
import { ADMIN_KEY, admin, testSecretBox } from '../support/app.js';
import { DESKTOP, PHONE, browserSuite, launch, openPage, requireChromium, screenshot, type OpenedPage } from '../support/browser.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonAvailable, type TrytonServer } from '../support/tryton.js';
import { buildPagesOnce, removeBuild } from './support/page-server.js';

const TITLE = 'status page';
const browser = await browserSuite(TITLE);
const trytonReason = await trytonAvailable();
if (!browser.skip && trytonReason && process.env.CI !== 'true') console.log(`Skipping the Tryton part of "${TITLE}": ${trytonReason}`);
const trytonSkip = trytonReason && process.env.CI !== 'true' ? trytonReason : false;

/** The page refreshes every 15 s; tests move the page's clock instead of waiting. */
const REFRESH_MS = 15_000;

describe(TITLE, { skip: browser.skip }, () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let origin: string;
  let chromium: Browser;
  let tryton: TrytonServer | undefined;
  let proxy: FaultProxy | undefined;
  /** What the proxy does to every request (undefined: forward to Tryton). */
  let fault: Fault | undefined;
  const opened: OpenedPage[] = [];

  before(async () => {
    requireChromium(browser.reason);
    if (trytonReason && !trytonSkip) throw new Error(`Tryton is required in CI: ${trytonReason}`);
    [tryton, chromium] = await Promise.all([trytonSkip ? undefined : startTryton(), launch()]);
    if (tryton) proxy = await startFaultProxy({ target: tryton.url, script: () => fault });
    ({ store, dispose } = await createTestStore('sqlite'));
    // The real app, serving this run's build of the pages next to the API on one origin. The
    // breaker opens after 3 failures in a row and stays open 10 minutes, so the circuits the
    // failing syncs open are still open when the page looks.
    app = await buildApp({
      store,
      adminKey: ADMIN_KEY,
      logger: pino({ level: 'silent' }),
      secretBox: testSecretBox,
      addressPolicy: { allowPrivateNetworks: false, allowedOrigins: new Set(proxy ? [new URL(proxy.url).host] : []) },
      breaker: { failures: 3, halfOpenAfterMs: 10 * 60_000 },
      webDistDir: await buildPagesOnce(),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await chromium?.close();
    await app?.close();
    await dispose?.();
    await proxy?.close();
    await tryton?.stop();
    await removeBuild();
  });

  /** A page with a controllable clock, recording the Authorization header of each status request. */
  async function open(viewport: { width: number; height: number }): Promise<{ page: Page; statusCalls: (string | undefined)[] }> {
    const o = await openPage(chromium, origin, viewport);
    opened.push(o);
    await o.page.clock.install();
    const statusCalls: (string | undefined)[] = [];
    o.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/status') statusCalls.push(r.headers().authorization);
    });
    return { page: o.page, statusCalls };
  }

  /** Watches the page for what would make it flash: its panels replaced, or the loading state shown again. */
  async function watchForFlashes(page: Page): Promise<void> {
    await page.evaluate(`(() => {
      window.__flashes = [];
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.removedNodes) if (n.nodeType === 1 && (n.matches('.panel, .status-banner') || n.querySelector('.panel, .status-banner'))) window.__flashes.push('removed ' + n.className);
        if (document.querySelector('.status-banner .spinner')) window.__flashes.push('loading shown');
      }).observe(document.getElementById('root'), { childList: true, subtree: true });
    })()`);
  }
  const flashes = (page: Page) => page.evaluate('window.__flashes') as Promise<string[]>;

  /** Moves the page's clock 15 s on: it asks again, and shows the answer as just received. */
  async function refresh(page: Page): Promise<void> {
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/status');
    await page.clock.runFor(REFRESH_MS);
    await answered;
    // A locator, not waitForFunction: the pages' CSP forbids the eval a string predicate needs.
    await page.locator('.updated').filter({ hasText: /^updated just now$/ }).waitFor();
  }

  const banner = (page: Page) => page.getByRole('status').filter({ has: page.locator('.status-title') });
  const noSidewaysScroll = async (page: Page) =>
    assert.ok(Number(await page.evaluate('document.documentElement.scrollWidth')) <= PHONE.width, 'nothing wider than the phone');

  async function statusAsAdmin(): Promise<Status> {
    const res = await app.inject({ url: '/v1/status', headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  async function connect(name: string, credentials: Record<string, string>): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/v1/connections', headers: admin, payload: { system: 'tryton', name, sync: false, credentials } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().data.id;
  }

  async function syncAndWait(id: string): Promise<void> {
    const res = await app.inject({ method: 'POST', url: `/v1/connections/${id}/sync?wait=true`, headers: admin });
    assert.equal(res.statusCode, 200, res.body);
  }

  it('says all is well with no connections, without a key, and refreshes without flashing', async () => {
    const { page, statusCalls } = await open(DESKTOP);
    await page.goto('/status');
    await page.getByText('All systems operational').waitFor();
    assert.equal(await page.title(), 'Status · Manifold');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Manifold status');
    assert.deepEqual(await page.getByRole('heading', { level: 2 }).allInnerTexts(), ['Current incidents', 'Platform', 'Systems', 'Each connection']);
    // The overall state is in a polite live region, in words.
    assert.equal(await banner(page).getAttribute('aria-live'), 'polite');
    assert.match(await banner(page).innerText(), /All systems operational\s+Manifold is healthy\. No connected system has been called in the last hour\./);
    // Platform: the store answers, the job runner runs.
    const platform = page.getByRole('region', { name: 'Platform' });
    assert.match(await platform.innerText(), /Store\s+Answering \(SQLite\)/);
    assert.match(await platform.innerText(), /Job runner\s+Running; no sync in progress/);
    assert.match(await page.getByRole('region', { name: 'Current incidents' }).innerText(), /No incidents/);
    assert.match(await page.getByRole('region', { name: 'Systems' }).innerText(), /No connected system has been called in the last hour/);
    // When it was checked, and how long ago.
    const checkedAt = await page.locator('.checked-line time').getAttribute('datetime');
    assert.ok(checkedAt && Math.abs(Date.parse(checkedAt) - Date.now()) < 60_000, `checked at ${checkedAt}`);
    assert.equal(await page.locator('.updated').innerText(), 'updated just now');
    assert.match(await page.locator('.checked-line').innerText(), /refreshes every 15 s/);

    // Every 15 s it asks again, in place: nothing is replaced, no loading state comes back.
    await watchForFlashes(page);
    const asked = statusCalls.length;
    await refresh(page);
    await refresh(page);
    assert.equal(statusCalls.length, asked + 2);
    assert.deepEqual(await flashes(page), []);
    assert.deepEqual(statusCalls, statusCalls.map(() => undefined), 'no key is sent');
    await page.clock.runFor(11_000);
    assert.equal(await page.locator('.updated').innerText(), 'updated 10 s ago');
    await screenshot(page, 'status-ok-desktop');

    const phone = await open(PHONE);
    await phone.page.goto('/status');
    await phone.page.getByText('All systems operational').waitFor();
    await noSidewaysScroll(phone.page);
    await screenshot(phone.page, 'status-ok-phone');
  });

  it('shows a systemic tryton failure to anyone, and each connection with the admin key', { skip: trytonSkip }, async () => {
    const [trytonServer, faultProxy] = [tryton, proxy];
    assert.ok(trytonServer && faultProxy);
    // The page is open before anything fails: it must notice on its own.
    const { page, statusCalls } = await open(DESKTOP);
    await page.goto('/status');
    await page.getByText('All systems operational').waitFor();
    await watchForFlashes(page);

    // Two connections, made through the API (which checks the login live through the proxy).
    fault = undefined;
    const names = ['Plant 4 ERP', 'Plant 7 ERP'];
    const credentials = { instanceUrl: faultProxy.url, database: trytonServer.database, username: trytonServer.username, password: trytonServer.password };
    const ids: string[] = [];
    for (const name of names) ids.push(await connect(name, credentials));
    // Now Tryton (behind the proxy) answers 503 to everything, and both connections sync.
    fault = { kind: 'status', status: 503 };
    for (const id of ids) await syncAndWait(id);
    assert.ok(faultProxy.log.some((l) => l.status === 503), 'calls reached the proxy and failed');
    const truth = await statusAsAdmin();
    const system = truth.systems.find((s) => s.system === 'tryton');
    assert.ok(system && system.calls > 0 && system.failedShare === 1, JSON.stringify(truth.systems));
    assert.deepEqual(truth.incidents.map((i) => [i.kind, i.system, i.connections]), [['systemic', 'tryton', 2]]);

    // The next refresh shows it, in place: the live region's words change.
    await refresh(page);
    await page.getByText('Degraded: some systems are failing').waitFor();
    assert.match(await banner(page).innerText(), /Systemic: tryton is failing on 2 connections\./);
    assert.deepEqual(await flashes(page), []);
    assert.equal(await page.title(), 'Degraded · Status · Manifold');
    const incidents = page.getByRole('region', { name: 'Current incidents' });
    assert.equal(await incidents.getByRole('heading', { level: 3 }).innerText(), 'Systemic: tryton is failing on 2 connections');
    assert.match(await incidents.innerText(), /100% of their calls failed over the last 5 minutes\. Several connections fail at once, so the cause is tryton itself/);
    // The systems table: one row for tryton, its numbers as the API has them.
    const systems = page.getByRole('table', { name: 'Systems' });
    assert.deepEqual(await systems.getByRole('columnheader').allInnerTexts(), ['System', 'Failed calls', 'p95 latency', 'Open circuits', 'Connections']);
    const row = systems.getByRole('row', { name: /tryton/ });
    assert.equal(await row.getByRole('rowheader').innerText(), 'tryton');
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells, [`100% of ${system.calls} calls`, `${Math.round(system.p95Ms!)} ms`, String(system.openCircuits), '2']);
    assert.equal(system.openCircuits, 2, 'both circuits opened');
    // Public: no connection names anywhere on the page.
    const publicText = await page.locator('body').innerText();
    for (const name of names) assert.ok(!publicText.includes(name), `${name} is not public`);
    for (const id of ids) assert.ok(!publicText.includes(id), `${id} is not public`);
    await screenshot(page, 'status-systemic-desktop');

    // A wrong key is said plainly; the admin key shows each connection.
    const key = page.getByLabel('Admin key', { exact: true });
    await key.fill('mfa_not-the-key');
    await page.getByRole('button', { name: 'Show connections' }).click();
    await page.getByRole('alert').filter({ hasText: 'Manifold does not know this key' }).waitFor();
    assert.equal(await key.getAttribute('aria-invalid'), 'true');
    await key.fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Show connections' }).click();
    const table = page.getByRole('table', { name: 'Each connection' });
    await table.waitFor();
    assert.deepEqual(await table.getByRole('columnheader').allInnerTexts(), ['Connection', 'System', 'Status', 'Circuit', 'Failed calls', 'p95 latency']);
    assert.deepEqual((await table.getByRole('rowheader').allInnerTexts()).sort(), names);
    for (const [i, name] of names.entries()) {
      const c = (await statusAsAdmin()).connections!.find((x) => x.id === ids[i])!;
      const cells = (await table.getByRole('row', { name: new RegExp(name) }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(cells.slice(0, 1), ['tryton']);
      assert.equal(cells[2], 'Open: calls paused');
      assert.equal(cells[3], `100% of ${c.calls} calls`, name);
      assert.match(cells[4]!, /^\d+ ms$/);
    }
    assert.match(await incidents.innerText(), /Connections: Plant (4|7) ERP, Plant (4|7) ERP/);
    // The key stays in memory: later refreshes send it, nothing stores it.
    await refresh(page);
    assert.equal(statusCalls.at(-1), `Bearer ${ADMIN_KEY}`);
    assert.equal(await table.getByRole('rowheader').count(), 2);
    assert.deepEqual(await flashes(page), []);
    assert.ok(!page.url().includes(ADMIN_KEY));
    assert.ok(!String(await page.evaluate('JSON.stringify([localStorage, sessionStorage, document.cookie])')).includes(ADMIN_KEY));
    await screenshot(page, 'status-admin-desktop');

    // Forgetting the key takes the names away again.
    await page.getByRole('button', { name: 'Forget the admin key' }).click();
    await page.getByLabel('Admin key', { exact: true }).waitFor();
    const forgotten = await page.locator('body').innerText();
    for (const name of names) assert.ok(!forgotten.includes(name), `${name} gone after forgetting the key`);

    // At phone width: the tables become cards, nothing is wider than the screen.
    const phone = (await open(PHONE)).page;
    await phone.goto('/status');
    await phone.getByText('Systemic: tryton is failing on 2 connections', { exact: true }).waitFor();
    await noSidewaysScroll(phone);
    await screenshot(phone, 'status-systemic-phone');
    await phone.getByLabel('Admin key', { exact: true }).fill(ADMIN_KEY);
    await phone.getByRole('button', { name: 'Show connections' }).click();
    await phone.getByRole('table', { name: 'Each connection' }).waitFor();
    await noSidewaysScroll(phone);
    // Still a table to assistive technology, with a visible label before each value.
    assert.equal(await phone.getByRole('table', { name: 'Each connection' }).getByRole('rowheader').count(), 2);
    assert.equal(await phone.locator('.connections-table .cell-label').first().isVisible(), true);
    await screenshot(phone, 'status-admin-phone');
  });

  /** Answers GET /v1/status in the browser with `body` (or a failure), instead of the server. */
  async function stubStatus(page: Page, answer: () => { status: number; body: string; contentType?: string }): Promise<void> {
    await page.route('**/v1/status', (route) => {
      const a = answer();
      return route.fulfill({ status: a.status, body: a.body, contentType: a.contentType ?? 'application/json' });
    });
  }

  const stub = (over: Partial<Status>): Status => ({
    status: 'ok',
    checkedAt: new Date().toISOString(),
    platform: { store: { status: 'ok', dialect: 'postgres' }, jobs: { running: 0 } },
    systems: [],
    connections: null,
    incidents: [],
    ...over,
  });

  it("says one connection's own failure plainly, and Manifold being down (stubbed answers)", async () => {
    const { page } = await open(DESKTOP);
    let body: Status = stub({
      status: 'degraded',
      systems: [
        { system: 'tryton', connections: 3, openCircuits: 1, calls: 120, failedShare: 0.25, p95Ms: 1840 },
        { system: 'maximo', connections: 1, openCircuits: 0, calls: 40, failedShare: 0, p95Ms: 95.2 },
      ],
      incidents: [{ kind: 'connection', system: 'tryton', connections: 1, connectionIds: null, failedShare: 1, since: new Date(Date.now() - 300_000).toISOString() }],
      platform: { store: { status: 'ok', dialect: 'postgres' }, jobs: { running: 2 } },
    });
    await stubStatus(page, () => ({ status: 200, body: JSON.stringify(body) }));
    await page.goto('/status');
    await page.getByText('Degraded: some systems are failing').waitFor();
    const incidents = page.getByRole('region', { name: 'Current incidents' });
    assert.equal(await incidents.getByRole('heading', { level: 3 }).innerText(), 'One connection to tryton is failing');
    assert.match(await incidents.innerText(), /100% of its calls failed over the last 5 minutes\. Other connections to tryton work, so the cause is this connection’s own/);
    assert.match(await page.getByRole('region', { name: 'Platform' }).innerText(), /Answering \(PostgreSQL\)[\s\S]*Running; 2 syncs in progress/);
    const systems = page.getByRole('table', { name: 'Systems' });
    assert.deepEqual(await systems.getByRole('rowheader').allInnerTexts(), ['tryton', 'maximo'], 'the failing system first');
    assert.deepEqual((await systems.getByRole('row', { name: /tryton/ }).getByRole('cell').allInnerTexts()).map((t) => t.trim()), ['25% of 120 calls', '1.8 s', '1', '3']);
    assert.deepEqual((await systems.getByRole('row', { name: /maximo/ }).getByRole('cell').allInnerTexts()).map((t) => t.trim()), ['0% of 40 calls', '95 ms', '0', '1']);
    await screenshot(page, 'status-connection-incident-desktop');

    // The store stops answering: Manifold itself is down, and the page says it is not the reader's fault.
    await watchForFlashes(page);
    body = stub({ status: 'down', platform: { store: { status: 'down', dialect: 'postgres' }, jobs: { running: 0 } } });
    await page.clock.runFor(REFRESH_MS);
    await page.getByText('Down: Manifold itself is failing').waitFor();
    assert.match(await banner(page).innerText(), /Its store is not answering.*Your connection and your system are not the cause\./s);
    assert.match(await page.getByRole('region', { name: 'Platform' }).innerText(), /Store\s+Not answering \(PostgreSQL\)/);
    assert.equal(await page.title(), 'Down · Status · Manifold');
    await screenshot(page, 'status-down-desktop');

    // Manifold stops answering (a reverse proxy's error page): the last answer stays, the failure beside it.
    await stubStatus(page, () => ({ status: 502, body: '<html><body>Bad gateway</body></html>', contentType: 'text/html' }));
    await page.clock.runFor(REFRESH_MS);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Could not refresh the status\. Manifold answered unexpectedly \(HTTP 502\)\.[\s\S]*What is shown was checked at/);
    assert.equal(await page.getByText('Down: Manifold itself is failing').isVisible(), true, 'the last answer stays');
    assert.deepEqual(await flashes(page), []);
    // "Check now" asks at once; the problem goes when an answer comes.
    body = stub({});
    await stubStatus(page, () => ({ status: 200, body: JSON.stringify(body) }));
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('All systems operational').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.equal(await page.title(), 'Status · Manifold');
  });

  it('called nothing but its own server, and logged no errors', () => {
    for (const o of opened) {
      assert.deepEqual(o.offOrigin, []);
      assert.deepEqual(o.errors, []);
    }
  });
});
