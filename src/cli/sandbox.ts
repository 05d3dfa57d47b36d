/**
 * `manifold sandbox`: runs the sandbox systems on loopback for trying Manifold or testing an
 * integration, optionally behind the fault proxy (`--faults status=0.2,reset=0.05,timeout=0.05`)
 * to see how things behave when the system misbehaves.
 */
import { Command } from 'commander';
import { createLogger } from '../core/logger.js';
import { startFaultProxy, type Fault } from '../sandbox/fault-proxy.js';
import { sandboxSystems } from '../sandbox/systems.js';

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
    .description('Run the sandbox systems on loopback (the vendor simulators, and a seeded Tryton when installed), optionally behind a fault-injecting proxy.')
    .option('--system <id...>', `only these systems (${sandboxSystems.map((s) => s.id).join(', ')})`)
    .option('--faults <rates>', `inject faults by rate, e.g. status=0.2,reset=0.05,timeout=0.05 (kinds: ${kinds.join(', ')})`)
    .action(async (opts: { system?: string[]; faults?: string }) => {
      const logger = createLogger('info');
      const unknown = (opts.system ?? []).filter((id) => !sandboxSystems.some((s) => s.id === id));
      if (unknown.length > 0) {
        console.error(`No sandbox named ${unknown.join(', ')}; one of ${sandboxSystems.map((s) => s.id).join(', ')}`);
        process.exit(2);
      }
      const chosen = sandboxSystems.filter((s) => !opts.system || opts.system.includes(s.id));
      const rates = opts.faults ? parseFaults(opts.faults) : undefined;
      const stops: (() => Promise<void>)[] = [];
      for (const system of chosen) {
        const missing = await system.unavailable?.();
        if (missing) {
          console.error(`The ${system.id} sandbox cannot run here: ${missing}`);
          if (opts.system) process.exit(2);
          continue;
        }
        const sandbox = await system.start();
        stops.push(() => sandbox.stop());
        const proxy = rates ? await startFaultProxy({ target: sandbox.url, rates }) : undefined;
        if (proxy) stops.unshift(() => proxy.close());
        const url = proxy?.url ?? sandbox.url;
        // Credentials that name the instance point at the proxy when there is one.
        const credentials = Object.fromEntries(Object.entries(sandbox.credentials).map(([k, v]) => [k, v === sandbox.url ? url : v]));
        console.log(JSON.stringify({ system: system.id, instanceUrl: url, credentials, faults: rates ?? null }, null, 2));
      }
      if (stops.length === 0) {
        console.error('No sandbox could start.');
        process.exit(2);
      }
      logger.info('sandbox running; Ctrl-C stops it');
      const stop = async () => {
        for (const s of stops) await s();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
