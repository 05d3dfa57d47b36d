/**
 * The floor of the read benchmark: a bare Fastify route answering the bytes Manifold answered,
 * from memory — no auth, no store, no request log. What the same framework on the same machine
 * can do at best. BENCH_FLOOR_BODY_FILE names the file holding the body.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { serveChild } from './serve-child.js';

await serveChild(async () => {
  const body = readFileSync(process.env.BENCH_FLOOR_BODY_FILE!);
  const app = Fastify({ logger: false });
  app.get('/v1/purchase-orders', (_request, reply) => {
    void reply.type('application/json; charset=utf-8').send(body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { info: { url: `http://127.0.0.1:${port}`, bytes: body.length }, close: () => app.close() };
});
