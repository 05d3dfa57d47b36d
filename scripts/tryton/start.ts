// Starts a seeded throw-away Tryton for a human: `npx tsx scripts/tryton/start.ts [--port N]`.
// Prints the connection details as JSON and runs until Ctrl-C.
import { startTryton, trytonAvailable } from '../../src/sandbox/tryton/server.js';

function parsePort(argv: string[]): number | undefined {
  const i = argv.indexOf('--port');
  if (i < 0) return undefined;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`invalid --port ${argv[i + 1]}`);
  return port;
}

const reason = await trytonAvailable();
if (reason) {
  console.error(`Tryton is not available: ${reason}`);
  process.exit(1);
}

const t0 = performance.now();
const server = await startTryton({ port: parsePort(process.argv.slice(2)) });
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    {
      url: server.url,
      database: server.database,
      username: server.username,
      password: server.password,
      version: server.version,
      dir: server.dir,
      log: server.logFile,
      purchases: server.seed.purchases.byState,
      startSeconds: Number(seconds.toFixed(2)),
    },
    null,
    2,
  ),
);
console.error('Tryton is running; press Ctrl-C to stop.');

// The sandbox unrefs trytond so tests can exit; here something must keep us alive.
const keepAlive = setInterval(() => {}, 1 << 30);
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping Tryton…`);
  server
    .stop()
    .catch((err: unknown) => console.error(err))
    .finally(() => {
      clearInterval(keepAlive);
      process.exit(0);
    });
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
