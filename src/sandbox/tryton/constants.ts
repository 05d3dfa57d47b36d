// Names and places of the sandbox's Tryton, shared by its modules; server.ts re-exports
// the public ones. Kept apart from server.ts so the other modules need not import it
// (a circular import would leave these undefined while the modules load).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRYTON_DATABASE = 'erp';
export const TRYTON_ADMIN_LOGIN = 'admin';
// Only ever bound to 127.0.0.1 on a throw-away copy, so a fixed password is fine and
// keeps the template reusable.
export const TRYTON_ADMIN_PASSWORD = 'manifold-Sandbox-1';
/** Activated in the template; trytonAvailable() checks that they are installed. */
export const MODULES = ['purchase', 'purchase_requisition'];

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');
export const CACHE_DIR = process.env.MANIFOLD_TRYTON_CACHE ?? path.join(REPO_ROOT, '.tryton');
