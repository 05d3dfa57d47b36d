/**
 * The browser pages (/connect, /dashboard and /status): one React app built by Vite
 * into web/dist, served as plain files. The pages hold no secret — they ask for the admin key or
 * carry a connect link, and call the API with it — so their routes are public; like every route
 * they are in the OpenAPI document.
 *
 * Wire it in buildApp before `app.ready()`: `registerPages(app, { distDir: WEB_DIST_DIR })`.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../core/errors.js';
import { ErrorEnvelope } from '../schemas.js';

/** Where `npm run build:web` writes the pages (web/dist at the package root). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The pages of the app. Each path answers index.html, and so does everything under it when the
 * page has client-side routes (`subpaths`, such as /connect/<system id>); web/src/pages.ts
 * decides in the browser what to show. Adding /dashboard means one entry here and one there.
 */
const PAGES: readonly { path: string; summary: string; description: string; subpaths?: string }[] = [
  {
    path: '/connect',
    summary: 'Connect page',
    description:
      'The page where a customer picks their system, signs in with its credentials and receives a connection token (HTML). ' +
      'Opened as /connect?link=<connect link token> it acts for that link; otherwise it asks for the admin key.',
    subpaths: 'Any address under /connect/ answers the same page, which shows what the address names (e.g. /connect/<system id> preselects that system).',
  },
  {
    path: '/dashboard',
    summary: 'Admin dashboard',
    description:
      'The admin dashboard (HTML): connections with their status, sync state and "Sync now"; per connection the field mapping ' +
      '(edit, preview on a real record, save, roll back), a record browser (unified JSON beside the native record), tokens ' +
      '(issue, revoke, rotate), and a request lookup by request id. It asks for the admin key and keeps it in memory only.',
    subpaths: 'Any address under /dashboard/ answers the same page, which opens what the address names (e.g. /dashboard/connections/<id>/mapping).',
  },
  {
    path: '/status',
    summary: 'Status page',
    description:
      'The public status page (HTML): whether Manifold itself is healthy and, per connected system, the share of failed calls, ' +
      'the p95 latency and the open circuits over the last hour, with the current incidents — so a user tells a systemic failure ' +
      'from their own. It reads GET /v1/status every 15 seconds and needs no key; with the admin key pasted in, it also lists each connection.',
  },
];

const ASSET_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Vite writes a flat folder of content-hashed names; nothing else there is ours to serve. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The pages call only their own origin and load only their own files. `no-referrer` matters:
 * a connect link carries its token in the address, which must not leak to the pages the
 * customer goes on to (the link's redirect URL, a vendor's documentation).
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // index.html names the current hashed assets: always revalidate it, so a new build shows at once.
  'cache-control': 'no-cache',
};

const notBuilt = () =>
  new ApiError('service_unavailable', {
    message: 'The web pages are not built on this server. The operator must run "npm run build:web" (npm ci does it) and reload.',
  });

const html = { description: 'The page.', content: { 'text/html': { schema: z.string().describe('The HTML of the page; its scripts load from /assets.') } } };
const notBuiltResponse = ErrorEnvelope.describe('The pages are not built (run npm run build:web).');

// Plain (untyped) routes: handlers send files, which the zod type provider's reply types do not model.
export function registerPages(app: FastifyInstance, opts: { distDir: string }): void {
  const tags = ['Pages'];
  const indexFile = path.join(opts.distDir, 'index.html');

  // Read on every request (the file is small): a rebuild shows without a restart, and a server
  // started before the build begins serving as soon as it exists.
  async function sendIndex(reply: FastifyReply): Promise<FastifyReply> {
    let body: Buffer;
    try {
      body = await readFile(indexFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notBuilt();
      throw err;
    }
    return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(body);
  }

  for (const page of PAGES) {
    app.get(page.path, {
      config: { auth: 'public' },
      schema: { tags, summary: page.summary, description: page.description, response: { 200: html, 503: notBuiltResponse } },
      handler: (_request, reply) => sendIndex(reply),
    });
    if (!page.subpaths) continue;
    app.get(`${page.path}/*`, {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: `${page.summary} (client routes)`,
        description: page.subpaths,
        params: z.object({ '*': z.string().describe('The rest of the address, read by the page itself.') }),
        response: { 200: html, 503: notBuiltResponse },
      },
      handler: (_request, reply) => sendIndex(reply),
    });
  }

  app.get('/assets/*', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Page assets',
      description: 'The scripts and styles of the pages. Names carry a hash of the content, so they are cached for a year.',
      params: z.object({ '*': z.string().describe('The file name, as written by the build.') }),
      response: {
        200: { description: 'The file.', content: { 'application/octet-stream': { schema: z.string().describe('A script, style sheet or image.') } } },
        404: ErrorEnvelope.describe('No such file.'),
        503: notBuiltResponse,
      },
    },
    handler: async (request, reply) => {
      const name = (request.params as { '*': string })['*'];
      if (!ASSET_NAME.test(name)) throw new ApiError('not_found', { message: `No asset ${name}.` });
      const file = path.join(opts.distDir, 'assets', name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        const built = await stat(indexFile).then(() => true, () => false);
        throw built ? new ApiError('not_found', { message: `No asset ${name}; reload the page to get the current ones.` }) : notBuilt();
      }
      return reply
        .header('cache-control', `public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable`)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', info.size)
        .type(CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream')
        .send(createReadStream(file));
    },
  });
}
