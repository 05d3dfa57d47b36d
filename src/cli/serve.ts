/** `manifold serve`: run the API server until stopped. */
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../core/config.js';
import { startServer } from '../server/start.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the API server (configuration from the environment; see README).')
    .option('--port <port>', 'listen port (overrides PORT)')
    .option('--host <host>', 'listen address (overrides HOST)')
    .action(async (opts: { port?: string; host?: string }) => {
      let config;
      try {
        config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      } catch (err) {
        if (err instanceof ConfigError) {
          console.error(err.message);
          process.exit(2);
        }
        throw err;
      }
      const running = await startServer(config);
      const lines = [
        '',
        `Manifold is running (${running.store.dialect} store).`,
        `  API       ${running.url}/v1`,
        `  Docs      ${running.url}/docs   (OpenAPI: ${running.url}/openapi.json)`,
        `  Pages     ${running.url}/connect  ${running.url}/dashboard  ${running.url}/status`,
        `  Health    ${running.url}/health`,
      ];
      if (running.adminKey.generated) {
        lines.push('', `  Admin key (shown once; also saved to ${running.adminKey.origin}):`, `    ${running.adminKey.value}`);
      } else {
        lines.push(`  Admin key from ${running.adminKey.origin}`);
      }
      process.stderr.write(`${lines.join('\n')}\n\n`);
      let closing = false;
      const stop = async () => {
        if (closing) return;
        closing = true;
        await running.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
