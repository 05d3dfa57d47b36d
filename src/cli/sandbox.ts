/**
 * `manifold sandbox`: runs the sandbox systems on loopback for trying Manifold or testing an
 * integration, optionally behind the fault proxy (`--faults status=0.2,reset=0.05,timeout=0.05`)
 * to see how things behave when the system misbehaves.
 */
import { Command } from 'commander';
import { createLogger } from '../core/logger.js';
import { startFaultProxy, type Fault } from '../sandbox/fault-proxy.js';
import { startTryton, trytonAvailable } from '../sandbox/tryton/server.js';

const kinds: Fault['kind'][] = ['latency', 'status', 'rate_limit', 'timeout', 'reset', 'reset_after_forward', 'truncate', 'html', 'session_expired'];

export function parseFaults(spec: string): Partial<Record<Fault['kind'], number>> {
  const rates: Partial<Record<Fault['kind'], number>> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, rate] = part.split('=');
    if (!kinds.includes(kind as Fault['kind'])) throw new Error(`unknown fault "${kind}"; one of ${kinds.join(', ')}`);
    const p = Number(rate);
    if (!(p >= 0 && p <= 1)) throw new Error(`the rate of ${kind} must be between 0 and 1`);
    rates[kind as Fault['kind']] = p;
  }
  return rates;
}

export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('Run the sandbox systems on loopback (today: a seeded Tryton, when installed), optionally behind a fault-injecting proxy.')
    .option('--faults <rates>', `inject faults by rate, e.g. status=0.2,reset=0.05,timeout=0.05 (kinds: ${kinds.join(', ')})`)
    .action(async (opts: { faults?: string }) => {
      const logger = createLogger('info');
      const missing = await trytonAvailable();
      if (missing) {
        console.error(`No sandbox to run: ${missing}`);
        process.exit(2);
      }
      const rates = opts.faults ? parseFaults(opts.faults) : undefined;
      const tryton = await startTryton();
      const proxy = rates ? await startFaultProxy({ target: tryton.url, rates }) : undefined;
      const url = proxy?.url ?? tryton.url;
      console.log(JSON.stringify({ system: 'tryton', instanceUrl: url, database: tryton.database, username: tryton.username, password: tryton.password, faults: rates ?? null }, null, 2));
      logger.info('sandbox running; Ctrl-C stops it');
      const stop = async () => {
        await proxy?.close();
        await tryton.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
