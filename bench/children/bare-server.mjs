// The floor of the process benchmark: plain Node with Fastify and one /ready route, no
// TypeScript loader, no store — what starting a Node HTTP server costs at least. Prints its URL
// the way `manifold serve` does.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/ready', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stderr.write(`  API       http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1\n`);
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
