/**
 * Every sandbox Manifold ships, in one plain list (like the connectors): `npm start` with the
 * sandbox on starts each, `manifold sandbox` runs them on their own.
 */
import type { SandboxSystem } from './system.js';
import { maintainxSandbox } from './maintainx/sandbox.js';
import { trytonSandbox } from './tryton/sandbox.js';
import { odooSandbox } from './odoo/sandbox.js';
import { proactisSandbox } from './proactis/sandbox.js';
import { proactisP2pSandbox } from './proactis-p2p/sandbox.js';
import { sapS4hanaSandbox } from './sap-s4hana/sandbox.js';

export const sandboxSystems: readonly SandboxSystem[] = [trytonSandbox, proactisSandbox, odooSandbox, proactisP2pSandbox, maintainxSandbox, sapS4hanaSandbox];
