/** The SAP S/4HANA simulator as a sandbox system (always available: it needs nothing installed). */
import type { SandboxSystem } from '../system.js';
import { startSapS4hana } from './server.js';

export const sapS4hanaSandbox: SandboxSystem = {
  id: 'sap-s4hana',
  async start(opts) {
    const sim = await startSapS4hana(opts?.port === undefined ? {} : { port: opts.port });
    return { url: sim.url, credentials: sim.credentials, stop: () => sim.stop() };
  },
};
