/**
 * Every sandbox Manifold ships, in one plain list (like the connectors): `npm start` with the
 * sandbox on starts each, `manifold sandbox` runs them on their own.
 */
import type { SandboxSystem } from './system.js';
import { trytonSandbox } from './tryton/sandbox.js';

export const sandboxSystems: readonly SandboxSystem[] = [trytonSandbox];
