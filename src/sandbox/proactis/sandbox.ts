/**
 * The Proactis cloud simulator as a sandbox system (`npm start`, `manifold sandbox`): one
 * organisation with seeded suppliers, requisitions, receipts and invoices, production limits
 * (50 requests per minute, 8,000 per day) and imports processed after a few seconds. The
 * credentials point the connector's instance URL override at it; the region is then only a label.
 */
import type { SandboxSystem } from '../system.js';
import { startProactisSim } from './server.js';

export const proactisSandbox: SandboxSystem = {
  id: 'proactis',
  async start(opts) {
    const sim = await startProactisSim(opts?.port === undefined ? {} : { port: opts.port });
    return {
      url: sim.url,
      credentials: { region: 'UK', domainId: sim.domainId, clientId: sim.clientId, clientSecret: sim.clientSecret, apiKey: sim.apiKey, instanceUrl: sim.url },
      stop: () => sim.stop(),
    };
  },
};
