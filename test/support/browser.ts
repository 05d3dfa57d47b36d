/**
 * Browser tests drive Debian's chromium through playwright-core (no downloaded browser). Each
 * page gets its own context that refuses every request leaving the page's origin and records
 * it, along with console errors, so a test can assert the page calls nothing but its server.
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.MANIFOLD_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots', import.meta.url));

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** undefined when chromium can be launched from CHROMIUM_PATH, otherwise why not. */
export async function chromiumAvailable(): Promise<string | undefined> {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
    return undefined;
  } catch {
    return `no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set MANIFOLD_CHROMIUM_PATH)`;
  }
}

/**
 * Suite options for node:test's describe: skipped with the reason printed when chromium is
 * missing, except under CI=true, where `requireChromium()` (call it in `before`) fails the suite.
 */
export async function browserSuite(title: string): Promise<{ skip: string | false; reason: string | undefined }> {
  const reason = await chromiumAvailable();
  const skip = reason !== undefined && process.env.CI !== 'true';
  if (skip) console.log(`Skipping "${title}": ${reason}`);
  return { skip: skip ? reason : false, reason };
}

export function requireChromium(reason: string | undefined): void {
  if (reason !== undefined) throw new Error(`chromium is required in CI: ${reason}`);
}

/**
 * Headless chromium. Playwright gives every launch a fresh temporary profile (user-data dir),
 * removed on close. The flags keep chromium from calling home: no background networking,
 * component updates, sync or QUIC probes — these tests must talk to loopback only.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send anywhere but `origin` (all refused). */
  offOrigin: string[];
  /** Console errors and uncaught exceptions (HTTP error statuses the page handles are not errors). */
  errors: string[];
}

/** A new context and page on `origin`, at a viewport size, guarded as described above. */
export async function openPage(browser: Browser, origin: string, viewport: { width: number; height: number }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, baseURL: origin });
  const offOrigin: string[] = [];
  const errors: string[] = [];
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:',
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx answer to fetch; the pages expect and handle those.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status of')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, offOrigin, errors };
}

/** A full-page screenshot in test-artifacts/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // From the top: sticky parts (the guide beside the form) are drawn where the scroll left them.
  await page.evaluate('window.scrollTo(0, 0)');
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
