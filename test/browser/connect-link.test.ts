/**
 * The connect page opened from a connect link (/connect?link=…), in chromium. Against the real
 * server and Tryton: the link's system is preselected and locked, connecting works once, and
 * the link then says it was used. With the link routes' answers stubbed in the browser: the
 * expired, withdrawn and unknown link messages, which a test cannot easily make a real link do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../src/store/index.js';
import type { System } from '../../web/src/shared/types.js';
import { admin } from '../support/app.js';
import { DESKTOP, PHONE, browserSuite, launch, openPage, requireChromium, screenshot, type OpenedPage } from '../support/browser.js';
import { createTestStore } from '../support/stores.js';
import { startTryton, trytonAvailable, type TrytonServer } from '../support/tryton.js';
import { removeBuild, startPageServer, type PageServer } from './support/page-server.js';

type Json = Record<string, any>;

const browser = await browserSuite('connect page (connect link)');
const trytonReason = await trytonAvailable();
if (trytonReason && process.env.CI !== 'true') console.log(`Skipping "connect page (connect link)": ${trytonReason}`);
const skip = browser.skip || (trytonReason && process.env.CI !== 'true' ? trytonReason : false);

describe('connect page (connect link)', { skip }, () => {
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
    server = await startPageServer(store, { allowedOrigins: [new URL(tryton.url).host] });
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

  async function trytonSystem(): Promise<System> {
    const res = await server.app.inject({ url: '/v1/systems/tryton', headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data;
  }

  it('connects through a link once: preselected, locked, then "already used"', async () => {
    const redirectUrl = `${server.origin}/health`;
    const created = await server.app.inject({
      method: 'POST', url: '/v1/connect-links', headers: admin,
      payload: { system: 'tryton', name: 'Acme plant 4', redirectUrl },
    });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json();
    const linkToken = new URL(body.url).searchParams.get('link');
    assert.ok(linkToken, created.body);

    const page = await open(DESKTOP);
    await page.goto(`/connect?link=${encodeURIComponent(linkToken)}`);
    await page.getByRole('heading', { name: 'Sign in to Tryton' }).waitFor();
    await page.getByText('This link was made for Tryton.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Choose another system' }).count(), 0, 'locked to the system');
    const name = page.getByLabel('Connection name', { exact: true });
    assert.equal(await name.inputValue(), 'Acme plant 4');
    assert.equal(await name.getAttribute('readonly'), '');

    await page.getByLabel('Server URL', { exact: true }).fill(tryton.url);
    await page.getByLabel('Database', { exact: true }).fill(tryton.database);
    await page.getByLabel('User name', { exact: true }).fill(tryton.username);
    await page.getByLabel('Password', { exact: true }).fill(tryton.password);
    await screenshot(page, 'connect-link-form-desktop');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    await page.getByRole('heading', { name: 'Tryton is connected' }).waitFor({ timeout: 30_000 });
    const token = (await page.locator('#token').innerText()).trim();
    const res = await fetch(`${server.origin}/v1/connection`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Json).data.name, 'Acme plant 4');

    const cont = page.getByRole('link', { name: 'Continue' });
    const href = String(await cont.getAttribute('href'));
    assert.ok(href.startsWith(redirectUrl), href);
    assert.match(href, /connectionId=/);
    assert.ok(!href.includes(token), 'the token never goes into an address');
    await screenshot(page, 'connect-link-token-desktop');
    await cont.click();
    await page.waitForURL(/\/health\?connectionId=/);

    const again = await open(PHONE);
    await again.goto(`/connect?link=${encodeURIComponent(linkToken)}`);
    await again.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await screenshot(again, 'connect-link-used-phone');
  });

  /** Answers the link routes in the browser, as the contract describes them. */
  async function stubLink(page: Page, session: { status: number; body: Json }, onConnect?: (body: Json) => Json): Promise<void> {
    await page.route('**/v1/connect/session', (route) => route.fulfill({ status: session.status, json: session.body, headers: { 'x-request-id': 'req_stub' } }));
    if (onConnect) {
      await page.route('**/v1/connect/session/connections', (route) =>
        route.fulfill({ status: 201, json: onConnect(route.request().postDataJSON() as Json) }),
      );
    }
  }

  it('sends the link as the key, fills sandbox credentials, lets the link name the connection, and continues to its redirect URL (stubbed)', async () => {
    const system: System = {
      ...(await trytonSystem()),
      sandbox: { instanceUrl: 'https://sandbox.example', credentials: { database: 'demo', username: 'demo', password: 'demo-pw' } },
    };
    const page = await open(PHONE);
    // The worst case for copying: no Clipboard API (plain http on a plant network) and execCommand refused.
    await page.addInitScript('Object.defineProperty(navigator, "clipboard", { value: undefined }); document.execCommand = () => false;');
    const sent: Json[] = [];
    const auth: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/')) auth.push(String(r.headers().authorization));
    });
    await stubLink(
      page,
      { status: 200, body: { data: { link: { id: 'link_1', system: 'tryton', name: 'Acme', expiresAt: '2099-01-01T00:00:00Z', redirectUrl: null }, systems: [system] } } },
      (body) => {
        sent.push(body);
        return { data: { id: 'conn_1', system: 'tryton', name: 'Acme', status: 'active', createdAt: '', lastSyncAt: null, lastError: null, metadata: {}, syncIntervalMinutes: null }, token: 'mft_stub', redirectUrl: 'https://vendor.example/back?connectionId=conn_1' };
      },
    );
    await page.goto('/connect?link=lnk_secret');
    await page.getByText('This link was made for Tryton.').waitFor();
    await page.getByRole('button', { name: 'Use sandbox credentials' }).click();
    assert.equal(await page.getByLabel('Server URL', { exact: true }).inputValue(), 'https://sandbox.example');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), 'demo-pw');
    await page.getByLabel('Database', { exact: true }).fill('erp');
    await screenshot(page, 'connect-link-form-phone');
    await page.getByRole('button', { name: 'Connect Tryton' }).click();
    await page.getByRole('heading', { name: 'Tryton is connected' }).waitFor();
    assert.deepEqual(sent, [{ system: 'tryton', credentials: { instanceUrl: 'https://sandbox.example', database: 'erp', username: 'demo', password: 'demo-pw' } }]);
    assert.deepEqual([...new Set(auth)], ['Bearer lnk_secret']);
    assert.equal(await page.getByRole('link', { name: 'Continue' }).getAttribute('href'), 'https://vendor.example/back?connectionId=conn_1');
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('This browser did not allow copying. The token is selected').waitFor();
    assert.equal(await page.evaluate('String(window.getSelection())'), 'mft_stub');
    await screenshot(page, 'connect-link-token-phone');
  });

  it('says when a link expired, was withdrawn or is unknown (stubbed)', async () => {
    for (const [reason, title] of [['expired', 'This link has expired'], ['revoked', 'This link was withdrawn'], ['unknown', 'This link is not valid'], ['used', 'This link was already used']]) {
      const page = await open(DESKTOP);
      await stubLink(page, {
        status: 401,
        body: { error: { type: 'authentication_error', code: 'unauthorized', message: 'no', requestId: 'req_stub', retryable: false, source: 'manifold', details: { reason } } },
      });
      await page.goto('/connect?link=lnk_x');
      await page.getByRole('heading', { name: title }).waitFor();
      assert.match(await page.locator('main').innerText(), /Request id for support: req_stub/);
      if (reason === 'expired') await screenshot(page, 'connect-link-expired-desktop');
    }
  });

  it('called nothing but its own server, and logged no errors', () => {
    for (const o of opened) {
      assert.deepEqual(o.offOrigin, []);
      assert.deepEqual(o.errors, []);
    }
  });
});
