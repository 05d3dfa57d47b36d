/**
 * The connect page in chromium against a real Manifold and a real Tryton, with the admin key:
 * find Tryton by typing, sign in, get a token that works; a wrong password is said beside the
 * form and stores nothing. Desktop and phone screenshots go to test-artifacts/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../src/store/index.js';
import { ADMIN_KEY, admin } from '../support/app.js';
import { DESKTOP, PHONE, browserSuite, launch, openPage, requireChromium, screenshot, type OpenedPage } from '../support/browser.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonAvailable, type TrytonServer } from '../support/tryton.js';
import { removeBuild, startPageServer, type PageServer } from './support/page-server.js';

type Json = Record<string, any>;

/** Loopback addresses are refused unless allowed: this one is allowed, and nothing listens there. */
const DEAD_HOST = '127.0.0.1:9';

const browser = await browserSuite('connect page (admin key)');
const trytonReason = await trytonAvailable();
if (trytonReason && process.env.CI !== 'true') console.log(`Skipping "connect page (admin key)": ${trytonReason}`);
const skip = browser.skip || (trytonReason && process.env.CI !== 'true' ? trytonReason : false);

describe('connect page (admin key)', { skip }, () => {
  let tryton: TrytonServer;
  let store: Store;
  let dispose: () => Promise<void>;
  let server: PageServer;
  let chromium: Browser;
  const opened: OpenedPage[] = [];

  before(async () => {
    requireChromium(browser.reason);
    if (trytonReason) throw new Error(`Tryton is required in CI: ${trytonReason}`);
    [tryton, chromium] = await Promise.all([startTryton(), launch()]);
    ({ store, dispose } = await createTestStore('sqlite'));
    server = await startPageServer(store, { allowedOrigins: [new URL(tryton.url).host, DEAD_HOST] });
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
    await dispose?.();
    await tryton?.stop();
    await removeBuild();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const o = await openPage(chromium, server.origin, viewport);
    opened.push(o);
    return o.page;
  }

  /** Enters the admin key and picks Tryton by typing, as a keyboard user would (Tab then Enter, or Enter in the search box). */
  async function reachTrytonForm(page: Page, shots?: string, pickWith: 'tab' | 'enter' = 'tab'): Promise<void> {
    await page.goto('/connect');
    await page.getByLabel('Admin key', { exact: true }).waitFor();
    if (shots) await screenshot(page, `connect-admin-key-${shots}`);
    await page.getByLabel('Admin key', { exact: true }).fill(ADMIN_KEY);
    await page.keyboard.press('Enter');
    const search = page.getByLabel('Search systems', { exact: true });
    await search.waitFor();
    assert.equal(await page.evaluate('document.activeElement.id'), 'system-search', 'the search box has focus');
    await search.pressSequentially('zzz');
    await page.getByText('No system matches “zzz”').waitFor();
    assert.equal(await page.locator('.system-option').count(), 0);
    await search.fill('');
    await search.pressSequentially('tryt');
    assert.deepEqual(await page.locator('.system-option .system-name').allTextContents(), ['Tryton']);
    assert.match(await page.locator('.system-option').first().innerText(), /ERP/);
    if (shots) await screenshot(page, `connect-pick-${shots}`);
    if (pickWith === 'enter') {
      // Enter in the search box picks the first match.
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Sign in to Tryton' }).waitFor();
      return;
    }
    // Tab reaches the system, its focus ring shows, Enter picks it.
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.match(await focused.innerText(), /^Tryton/);
    assert.equal(await focused.evaluate((el: any) => (globalThis as any).getComputedStyle(el).outlineStyle), 'solid');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in to Tryton' }).waitFor();
  }

  async function fillTryton(page: Page, password: string): Promise<void> {
    await page.getByLabel('Connection name', { exact: true }).fill('Plant 4 ERP');
    await page.getByLabel('Server URL', { exact: true }).fill(tryton.url);
    await page.getByLabel('Database', { exact: true }).fill(tryton.database);
    await page.getByLabel('User name', { exact: true }).fill(tryton.username);
    await page.getByLabel('Password', { exact: true }).fill(password);
  }

  async function countConnections(): Promise<number> {
    const res = await server.app.inject({ url: '/v1/connections', headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data.length;
  }

  it('connects Tryton with the admin key and shows a token that works', async () => {
    const page = await open(DESKTOP);
    await reachTrytonForm(page, 'desktop');

    // The form comes from the catalogue: labels, help, example placeholders, required, masked secret.
    const url = page.getByLabel('Server URL', { exact: true });
    assert.equal(await url.getAttribute('placeholder'), 'e.g. https://erp.example.com');
    assert.equal(await url.getAttribute('required'), '');
    assert.match(await page.locator(`#${await url.getAttribute('aria-describedby')}`).innerText(), /address of your Tryton server/);
    const password = page.getByLabel('Password', { exact: true });
    assert.equal(await password.getAttribute('type'), 'password');
    await page.getByRole('button', { name: 'Show password' }).click();
    assert.equal(await password.getAttribute('type'), 'text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    assert.equal(await password.getAttribute('type'), 'password');
    // The guide is rendered beside the form, from markdown.
    await page.getByRole('heading', { name: 'Connecting Tryton' }).waitFor();
    const [formBox, guideBox] = await Promise.all([page.locator('.connect-form').boundingBox(), page.locator('.guide').boundingBox()]);
    assert.ok(formBox && guideBox && guideBox.x > formBox.x + formBox.width - 1, 'the guide sits beside the form');

    await fillTryton(page, tryton.password);
    await screenshot(page, 'connect-form-desktop');
    // Hold the answer back a moment so the progress line can be seen (the request itself is untouched).
    await page.route('**/v1/connections', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Checking your credentials with Tryton…' });
    await progress.waitFor();
    assert.equal(await progress.getAttribute('aria-live'), 'polite');
    await screenshot(page, 'connect-checking-desktop');

    await page.getByRole('heading', { name: 'Tryton is connected' }).waitFor({ timeout: 30_000 });
    const token = (await page.locator('#token').innerText()).trim();
    assert.match(token, /^\S{20,}$/);
    await page.getByText('it will not be shown again').waitFor();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), token);
    await screenshot(page, 'connect-token-desktop');

    // The token is the connection's own: it reads the connection and nothing else.
    const res = await fetch(`${server.origin}/v1/connection`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const { data } = (await res.json()) as Json;
    assert.equal(data.system, 'tryton');
    assert.equal(data.name, 'Plant 4 ERP');
    // …and, once the first sync (started by the connect) has run, its purchase orders.
    let orders: Json[] = [];
    for (let i = 0; i < 240 && orders.length === 0; i += 1) {
      const list = await fetch(`${server.origin}/v1/purchase-orders?limit=5`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(list.status, 200);
      orders = ((await list.json()) as Json).data;
      if (orders.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(orders.length, 5, 'the token reads purchase orders');
    assert.ok(orders[0]!.lines.length > 0);

    // The admin key lived in memory only.
    assert.ok(!page.url().includes(ADMIN_KEY));
    const stored = await page.evaluate('JSON.stringify([localStorage, sessionStorage, document.cookie])');
    assert.ok(!String(stored).includes(ADMIN_KEY));
  });

  it('says a wrong password beside the form and stores nothing', async () => {
    const before = await countConnections();
    const page = await open(DESKTOP);
    await reachTrytonForm(page);
    await fillTryton(page, 'not-the-password');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.innerText(), /Tryton refused this user name or password/);
    assert.match(await alert.innerText(), /Request id for support: req_/);
    // Beside the form: inside it, right above the button that retries.
    assert.equal(await page.locator('.connect-form [role="alert"]').count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Connect Tryton' }).isVisible(), true);
    await screenshot(page, 'connect-wrong-password-desktop');
    assert.equal(await countConnections(), before);
  });

  it('marks a field the browser can check, and says an unreachable address plainly', async () => {
    const page = await open(DESKTOP);
    await reachTrytonForm(page);
    await fillTryton(page, tryton.password);
    await page.getByLabel('Server URL', { exact: true }).fill('erp.example.com');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    const url = page.getByLabel('Server URL', { exact: true });
    assert.equal(await url.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate('document.activeElement.id'), await url.getAttribute('id'), 'focus moves to the field to fix');
    const describedBy = String(await url.getAttribute('aria-describedby')).split(' ');
    assert.match(await page.locator(`#${describedBy[0]}`).innerText(), /starts with http:\/\/ or https:\/\//);

    await url.fill(`http://${DEAD_HOST}`);
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.innerText(), /Manifold could not reach 127\.0\.0\.1:9: check the address and that the server is online\./);
    assert.equal(await url.getAttribute('aria-invalid'), 'true');

    // Another loopback port is not allowed (only the allowed hosts above are).
    await url.fill('http://127.0.0.1:10');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    await page.getByText('Manifold is not allowed to connect to 127.0.0.1:10').waitFor({ timeout: 30_000 });
    await screenshot(page, 'connect-not-allowed-desktop');
  });

  it('works at phone width: one column, the guide below the form, nothing wider than the screen', async () => {
    const page = await open(PHONE);
    await reachTrytonForm(page, 'phone', 'enter');
    const [formBox, guideBox] = await Promise.all([page.locator('.connect-form').boundingBox(), page.locator('.guide').boundingBox()]);
    assert.ok(formBox && guideBox && guideBox.y >= formBox.y + formBox.height, 'the guide is below the form');
    assert.ok(Number(await page.evaluate('document.documentElement.scrollWidth')) <= PHONE.width, 'no sideways scrolling');
    await screenshot(page, 'connect-form-phone');
    await fillTryton(page, 'not-the-password');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    await screenshot(page, 'connect-wrong-password-phone');
    await page.getByLabel('Password', { exact: true }).fill(tryton.password);
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    await page.getByRole('heading', { name: 'Tryton is connected' }).waitFor({ timeout: 30_000 });
    assert.ok(Number(await page.evaluate('document.documentElement.scrollWidth')) <= PHONE.width, 'the token wraps');
    await screenshot(page, 'connect-token-phone');
  });

  it('called nothing but its own server, and logged no errors', () => {
    for (const o of opened) {
      assert.deepEqual(o.offOrigin, []);
      assert.deepEqual(o.errors, []);
    }
  });
});
