/**
 * Tryton (https://www.tryton.org), the open-source ERP: purchasing, stock and parties over its
 * JSON-RPC API, logged in with a user's session like Tryton's own clients. Verified against
 * Tryton 6.0 (Debian 12's packages); what is version-specific is said where it is handled.
 */
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { TrytonClient, readCredentials } from './client.js';
import { inventoryItems } from './resources/inventory-items.js';
import { locations } from './resources/locations.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';

/** The auth guide for a non-technical admin (markdown, next to this file). */
export const trytonGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

export const tryton = defineConnector<TrytonClient>({
  id: 'tryton',
  name: 'Tryton',
  vendor: 'Tryton',
  categories: ['erp'],
  authMethod: 'session_login',
  credentialFields: [
    {
      name: 'instanceUrl',
      label: 'Server URL',
      type: 'url',
      required: true,
      help: 'The address of your Tryton server without the database name, as in the web client\'s address bar before "#" (for example https://erp.example.com), or http://host:port from the desktop client\'s login window.',
      example: 'https://erp.example.com',
    },
    {
      name: 'database',
      label: 'Database',
      type: 'string',
      required: true,
      help: 'The name of the Tryton database your company works in: shown in the desktop client\'s login profile, and in the web client\'s address right after "#" (in https://erp.example.com/#erp/… it is erp).',
      example: 'erp',
    },
    {
      name: 'username',
      label: 'User name',
      type: 'string',
      required: true,
      help: 'The login of the Tryton user Manifold reads and writes as. Ask your Tryton administrator for a dedicated user in your company with the "Purchase" group (Administration → Users → Users).',
      example: 'manifold',
    },
    {
      name: 'password',
      label: 'Password',
      type: 'secret',
      required: true,
      help: "That user's Tryton password. After more than five wrong passwords Tryton refuses this login for about five minutes.",
    },
  ],
  authGuide: trytonGuide,
  // Tryton documents no API rate limit (only failed logins are throttled). Measured on 6.0 with
  // SQLite: 20–35 ms per read; trytond serves requests in threads but SQLite serialises writers,
  // so a few calls at once is the useful ceiling, and 40/s stays below what one server answers.
  rateBudget: { requestsPerSecond: 40, burst: 20, maxConcurrent: 4 },
  connect: (credentials, http) => new TrytonClient(readCredentials(credentials), http),
  async verify(client) {
    const [version, session] = await Promise.all([client.serverVersion(), client.session()]);
    // Proves the user may read purchases, not just log in (a user without the Purchase group can).
    const count = await client.searchCount('purchase.purchase', []);
    const company = session.context['company.rec_name'];
    return {
      summary:
        `Logged in as ${client.username} on database "${client.database}" (Tryton ${version})` +
        `${typeof company === 'string' ? `, company "${company}"` : ''}; ${count} purchase orders readable.`,
    };
  },
  resources: { purchaseOrders, vendors, inventoryItems, locations },
  // Tryton speaks JSON-RPC at <instance>/<database>/: a passthrough body is the RPC envelope.
  passthrough: (client, req) => client.raw(req),
});
