/**
 * A real Manifold on 127.0.0.1 serving the pages next to the API, for browser tests.
 *
 * The pages are built from the current web/src into a temporary folder (about a second, once
 * per test process), so a test never runs against a stale web/dist and parallel test files
 * never overwrite each other's build.
 *
 * buildApp readies the app, after which Fastify accepts no more routes, so the pages get their
 * own small Fastify instance with the same request id and error plugins; one HTTP server sends
 * page addresses to it and everything else to the app. Same origin either way, as in production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { build } from 'vite';
import { registerErrorHandling } from '../../../src/server/plugins/errors.js';
import { genRequestId, registerRequestId } from '../../../src/server/plugins/request-id.js';
import { registerPages } from '../../../src/server/routes/pages.js';
import type { Store } from '../../../src/store/index.js';
import { appFor } from '../../support/app.js';

const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

let built: Promise<string> | undefined;

/** Builds web/ into a temporary folder once per process; answers the folder. */
export function buildPagesOnce(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'manifold-web-'));
    await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

/** The pages alone, on a Fastify instance of their own (see the file comment). */
export async function pagesApp(distDir: string): Promise<FastifyInstance> {
  const pages = Fastify({ genReqId: genRequestId }) as unknown as FastifyInstance;
  pages.setValidatorCompiler(validatorCompiler);
  pages.setSerializerCompiler(serializerCompiler);
  registerRequestId(pages);
  registerErrorHandling(pages, 1_048_576);
  registerPages(pages, { distDir });
  await pages.ready();
  return pages;
}

const isPageAddress = (url: string | undefined): boolean => /^\/(connect|assets)(\/|\?|$)/.test(url ?? '');

export interface PageServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startPageServer(store: Store, opts: { allowedOrigins?: string[] } = {}): Promise<PageServer> {
  const distDir = await buildPagesOnce();
  const app = await appFor(store, opts);
  const pages = await pagesApp(distDir);
  const server: Server = createServer((req, res) => (isPageAddress(req.url) ? pages : app).routing(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pages.close();
      await app.close();
    },
  };
}

/** Removes the temporary build (call once, at the end of a test file). */
export async function removeBuild(): Promise<void> {
  if (built) await rm(await built, { recursive: true, force: true });
  built = undefined;
}
