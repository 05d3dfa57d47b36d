/**
 * The admin dashboard (/dashboard) in chromium against the real app and a real Tryton, connected
 * and synced through the API. With the admin key: the connection is listed as active with its
 * sync counts; its field mapping gains customFields.supplierReference ← reference, previewed on a
 * real record before saving; the record browser then shows it on that record (as the API does);
 * rolled back, it is gone; a token is issued (shown once) and revoked (then refused); a request
 * id is looked up with its calls to Tryton. Desktop and phone screenshots go to
 * test-artifacts/screenshots/dashboard-*.png.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { ADMIN_KEY, admin, testSecretBox } from '../support/app.js';
import { DESKTOP, PHONE, browserSuite, launch, openPage, requireChromium, screenshot, type OpenedPage } from '../support/browser.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonAvailable, type TrytonServer } from '../support/tryton.js';
import { buildPagesOnce, removeBuild } from './support/page-server.js';

type Json = Record<string, any>;

const TITLE = 'dashboard';
const browser = await browserSuite(TITLE);
const trytonReason = await trytonAvailable();
if (!browser.skip && trytonReason && process.env.CI !== 'true') console.log(`Skipping "${TITLE}": ${trytonReason}`);
const skip = browser.skip || (trytonReason && process.env.CI !== 'true' ? trytonReason : false);

describe(TITLE, { skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let origin: string;
  let chromium: Browser;
  let connectionId: string;
  /** A stored purchase order whose native record has a reference. */
  let order: { id: string; reference: string };
  const opened: OpenedPage[] = [];

  async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = admin): Promise<{ status: number; body: Json; requestId: string }> {
    const res = await fetch(`${origin}${url}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json, requestId: res.headers.get('x-request-id') ?? '' };
  }
  const asConnection = () => ({ ...admin, 'x-connection-id': connectionId });

  before(async () => {
    requireChromium(browser.reason);
    if (trytonReason) throw new Error(`Tryton is required in CI: ${trytonReason}`);
    [tryton, chromium] = await Promise.all([startTryton(), launch()]);
    ({ store, dispose } = await createTestStore('sqlite'));
    app = await buildApp({
      store,
      adminKey: ADMIN_KEY,
      logger: pino({ level: 'silent' }),
      secretBox: testSecretBox,
      addressPolicy: { allowPrivateNetworks: false, allowedOrigins: new Set([new URL(tryton.url).host]) },
      webDistDir: await buildPagesOnce(),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const created = await api('POST', '/v1/connections', {
      system: 'tryton',
      name: 'Plant 4 ERP',
      credentials: { instanceUrl: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    connectionId = created.body.data.id;
    const synced = await api('POST', `/v1/connections/${connectionId}/sync?wait=true`, {});
    assert.equal(synced.status, 200, JSON.stringify(synced.body));
    const list = await api('GET', '/v1/purchase-orders?limit=200&include=remoteData', undefined, asConnection());
    assert.equal(list.status, 200);
    const withRef = (list.body.data as Json[]).find((r) => typeof r.remoteData?.reference === 'string' && r.remoteData.reference);
    assert.ok(withRef, 'a synced purchase order has a reference');
    order = { id: withRef.id, reference: withRef.remoteData.reference };
  });
  after(async () => {
    await chromium?.close();
    await app?.close();
    await dispose?.();
    await tryton?.stop();
    await removeBuild();
  });

  async function open(viewport: { width: number; height: number }, path = '/dashboard'): Promise<Page> {
    const o = await openPage(chromium, origin, viewport);
    opened.push(o);
    await o.page.goto(path);
    await o.page.getByLabel('Admin key', { exact: true }).fill(ADMIN_KEY);
    await o.page.keyboard.press('Enter');
    await o.page.getByRole('heading', { name: 'Connections' }).waitFor();
    return o.page;
  }

  it('lists the connection as active, with its per-entity sync counts', async () => {
    const page = await open(DESKTOP);
    const row = page.getByRole('row').filter({ hasText: 'Plant 4 ERP' });
    assert.match(await row.innerText(), /tryton/);
    assert.match(await row.innerText(), /Active/);
    await row.getByRole('link', { name: 'Plant 4 ERP' }).click();
    assert.equal(new URL(page.url()).pathname, `/dashboard/connections/${connectionId}/sync`);
    const poRow = page.locator('.sync-table tr').filter({ hasText: 'Purchase orders' });
    await poRow.waitFor();
    assert.match(await poRow.innerText(), /succeeded/);
    // The first sync read everything: the column that says when deletions were last looked for.
    const full = (await page.locator('.sync-table thead th').allInnerTexts()).map((t) => t.trim()).indexOf('Last full read');
    assert.ok(full >= 0, 'a "Last full read" column');
    const lastFull = await poRow.locator('th, td').nth(full).innerText();
    assert.ok(!/never/.test(lastFull) && /\d/.test(lastFull), `a time, not "never": ${lastFull}`);
    await screenshot(page, 'dashboard-connections-desktop');

    // Sync now: visible progress, then the result.
    await page.route('**/sync', async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await page.locator('.connection-detail').getByRole('button', { name: 'Sync now Plant 4 ERP' }).click();
    await page.locator('.connection-detail .sync-progress').filter({ hasText: 'Syncing…' }).waitFor();
    await page.locator('.connection-detail .sync-progress').filter({ hasText: /Sync finished: \d+ records read/ }).waitFor({ timeout: 60_000 });
  });

  it('adds a custom field with a preview on a real record, shows it in the record browser, and rolls it back', async () => {
    const page = await open(DESKTOP, `/dashboard/connections/${connectionId}/mapping`);
    await page.getByRole('heading', { name: 'Field mapping' }).waitFor();
    const table = page.locator('.mapping-table');
    await table.waitFor();
    // Example values from a real record: the unified value and the native one beside it.
    await page.getByText(/Example values from the stored record/).waitFor();
    assert.ok((await table.locator('tr').count()) > 10);
    assert.match(await table.innerText(), /default/);

    await page.getByLabel('Custom field name', { exact: true }).fill('supplierReference');
    const nativePath = page.getByLabel('Native path', { exact: true });
    await nativePath.fill('reference');
    assert.equal(await page.locator('#unmapped-paths option[value="reference"]').count(), 1, 'reference is suggested as an unmapped native path');
    // Save waits for a preview.
    assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).getAttribute('aria-disabled'), 'true');
    await page.getByLabel('Preview on record', { exact: true }).fill(order.id);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.locator('.preview');
    await preview.waitFor();
    const previewRow = preview.locator('tr').filter({ hasText: 'customFields.supplierReference' });
    assert.equal((await previewRow.locator('.preview-value').innerText()).trim(), JSON.stringify(order.reference));
    assert.equal((await previewRow.locator('.preview-current').innerText()).trim(), '—');
    await screenshot(page, 'dashboard-mapping-preview-desktop');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved as version 1/).waitFor();
    await table.locator('tr').filter({ hasText: 'customFields.supplierReference' }).waitFor();

    // The record browser reads it as the API does.
    await page.getByRole('link', { name: 'Records' }).click();
    await page.getByLabel('Open a record by id', { exact: true }).fill(order.id);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const unified = page.locator('#record-unified');
    await unified.waitFor();
    const shown = JSON.parse(await unified.innerText()) as Json;
    const direct = await api('GET', `/v1/purchase-orders/${order.id}`, undefined, asConnection());
    assert.equal(shown.customFields.supplierReference, order.reference);
    assert.equal(direct.body.data.customFields.supplierReference, order.reference);
    assert.deepEqual(shown, direct.body.data);
    const native = JSON.parse(await page.locator('#record-native').innerText()) as Json;
    assert.equal(native.reference, order.reference);
    await screenshot(page, 'dashboard-records-desktop');

    // Roll back to the defaults: gone, in the page and in the API.
    await page.getByRole('link', { name: 'Field mapping' }).click();
    await page.getByRole('button', { name: 'Roll back to the defaults' }).click();
    await page.getByText(/Rolled back to the defaults; saved as version 2/).waitFor();
    assert.equal(await table.locator('tr').filter({ hasText: 'customFields.supplierReference' }).count(), 0);
    await page.getByRole('link', { name: 'Records' }).click();
    await page.getByLabel('Open a record by id', { exact: true }).fill(order.id);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.locator('#record-unified').waitFor();
    const after = JSON.parse(await page.locator('#record-unified').innerText()) as Json;
    assert.equal(after.customFields.supplierReference, undefined);
    const directAfter = await api('GET', `/v1/purchase-orders/${order.id}`, undefined, asConnection());
    assert.equal(directAfter.body.data.customFields.supplierReference, undefined);
  });

  it('issues a token shown once, and revokes it', async () => {
    const page = await open(DESKTOP, `/dashboard/connections/${connectionId}/tokens`);
    await page.getByRole('heading', { name: 'Tokens' }).waitFor();
    await page.getByRole('button', { name: 'Issue a new token' }).click();
    const token = (await page.locator('#issued-token').innerText()).trim();
    assert.match(token, /^mft_\S{20,}$/);
    await page.getByText('it will not be shown again').waitFor();
    assert.equal((await api('GET', '/v1/connection', undefined, { authorization: `Bearer ${token}` })).status, 200);
    const prefix = token.slice(0, 8);
    const row = page.locator('.tokens-table tr').filter({ hasText: prefix });
    await row.waitFor();
    await screenshot(page, 'dashboard-tokens-desktop');

    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByRole('button', { name: /^Yes, revoke/ }).click();
    await page.getByText(/Revoked the token/).waitFor();
    assert.equal(await page.locator('#issued-token').count(), 0, 'the token is not shown again');
    assert.equal((await api('GET', '/v1/connection', undefined, { authorization: `Bearer ${token}` })).status, 401);
  });

  it('looks up a request and shows its calls to the system', async () => {
    const read = await api('GET', `/v1/purchase-orders/${order.id}?fresh=true`, undefined, asConnection());
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const page = await open(DESKTOP);
    await page.getByLabel('Request id', { exact: true }).fill(read.requestId);
    await page.getByRole('button', { name: 'Look up' }).click();
    const result = page.locator('.lookup-result');
    await result.waitFor();
    assert.match(await result.innerText(), /\/v1\/purchase-orders\/:id/);
    const calls = page.locator('.calls-table tbody tr');
    assert.ok((await calls.count()) >= 1, 'the fresh read called Tryton');
    assert.match(await calls.first().innerText(), /POST/);
    assert.match(await calls.first().innerText(), /200/);
    await screenshot(page, 'dashboard-request-desktop');
  });

  it('works at phone width: nothing wider than the screen', async () => {
    const page = await open(PHONE, `/dashboard/connections/${connectionId}/sync`);
    await page.locator('.sync-table').waitFor();
    /** Nothing sticks out of the screen; the message names what does. */
    const noSideways = async (where: string) => {
      // Data arriving re-lays the page out: measure once it has settled (a few frames apart).
      let width = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 20 && width > PHONE.width; i += 1) {
        if (i > 0) await page.waitForTimeout(100);
        width = Number(await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(document.documentElement.scrollWidth))))'));
      }
      const wide = width <= PHONE.width ? '' : await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')`);
      assert.ok(width <= PHONE.width, `no sideways scrolling (${where}): ${width}px wide, ${String(wide)}`);
    };
    await noSideways('sync');
    await screenshot(page, 'dashboard-connections-phone');
    await page.getByRole('link', { name: 'Field mapping' }).click();
    await page.locator('.mapping-table').waitFor();
    await page.getByText(/Example values from the stored record/).waitFor();
    await page.getByLabel('Custom field name', { exact: true }).fill('supplierReference');
    await page.getByLabel('Native path', { exact: true }).fill('reference');
    await page.getByLabel('Preview on record', { exact: true }).fill(order.id);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.locator('.preview').waitFor();
    await noSideways('mapping');
    await screenshot(page, 'dashboard-mapping-phone');
    await page.getByRole('link', { name: 'Records' }).click();
    await page.locator('.records-table').waitFor();
    await page.getByRole('button', { name: /^View/ }).first().click();
    await page.locator('#record-unified').waitFor();
    await noSideways('records');
    await screenshot(page, 'dashboard-records-phone');
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByRole('button', { name: 'Issue a new token' }).click();
    await page.locator('#issued-token').waitFor();
    await noSideways('tokens');
    await screenshot(page, 'dashboard-tokens-phone');
  });

  it('called nothing but its own server, logged no errors, and kept the key in memory only', async () => {
    for (const o of opened) {
      assert.deepEqual(o.offOrigin, []);
      assert.deepEqual(o.errors, []);
      if (o.page.isClosed()) continue;
      assert.ok(!o.page.url().includes(ADMIN_KEY));
      const stored = await o.page.evaluate('JSON.stringify([localStorage, sessionStorage, document.cookie])');
      assert.ok(!String(stored).includes(ADMIN_KEY));
    }
  });
});
