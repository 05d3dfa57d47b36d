/** The Odoo 17.0 simulator as a sandbox system (always available: it runs in-process). */
import type { SandboxSystem } from '../system.js';
import { startOdoo } from './simulator.js';

export const odooSandbox: SandboxSystem = {
  id: 'odoo',
  async start(opts) {
    const odoo = await startOdoo(opts?.port === undefined ? {} : { port: opts.port });
    return { url: odoo.url, credentials: { ...odoo.credentials }, stop: () => odoo.stop() };
  },
};
