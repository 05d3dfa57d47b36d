/**
 * Odoo (https://www.odoo.com), the ERP with Purchase, Inventory and Maintenance apps, over its
 * external JSON-RPC API (`/jsonrpc`: common.authenticate, then object.execute_kw with the
 * database, user id and password or API key on every call). Field names are Odoo 17.0's; verified
 * against the simulator in src/sandbox/odoo (no Odoo can run here).
 */
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { OdooClient, readCredentials } from './client.js';
import { assets } from './resources/assets.js';
import { inventoryItems } from './resources/inventory-items.js';
import { locations } from './resources/locations.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';
import { workOrders } from './resources/work-orders.js';

/** The auth guide for a non-technical admin (markdown, next to this file). */
export const odooGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

/** Every model Manifold reads: the live check proves the user may read each of them. */
const READ_MODELS = ['purchase.order', 'purchase.order.line', 'res.partner', 'product.product', 'stock.quant', 'stock.location', 'maintenance.request', 'maintenance.equipment'];

export const odoo = defineConnector<OdooClient>({
  id: 'odoo',
  name: 'Odoo',
  vendor: 'Odoo S.A.',
  categories: ['erp', 'cmms'],
  // A login (database, user, password) that yields a user id every later call carries: the
  // closest of the kit's modes; Odoo keeps no session for the external API.
  authMethod: 'session_login',
  credentialFields: [
    {
      name: 'instanceUrl',
      label: 'Odoo URL',
      type: 'url',
      required: true,
      help: 'The address you open Odoo at, up to the domain (and port): for example https://acme.odoo.com or https://erp.example.com. Anything after it (/web, /odoo…) is ignored.',
      example: 'https://acme.odoo.com',
    },
    {
      name: 'database',
      label: 'Database',
      type: 'string',
      required: true,
      help: 'The name of your Odoo database. On odoo.com it is usually the first part of the address (acme for acme.odoo.com); on your own server it is listed at <Odoo URL>/web/database/selector, and shown after "?db=" in the address when several databases are served.',
      example: 'acme',
    },
    {
      name: 'username',
      label: 'Login',
      type: 'string',
      required: true,
      help: 'The login (usually an e-mail address) of the Odoo user Manifold works as. Use a dedicated user with the access group Purchase: User (see the guide).',
      example: 'manifold@acme.com',
    },
    {
      name: 'password',
      label: 'API key or password',
      type: 'secret',
      required: true,
      help: 'An API key of that user (recommended; required when the user has two-factor authentication): Odoo → your avatar → My Profile (Preferences) → Account Security → New API Key. Odoo accepts the API key wherever the password goes; the password works too.',
    },
  ],
  authGuide: odooGuide,
  // Odoo documents no rate limit for its external API (odoo.com and odoo.sh may throttle heavy
  // callers). Each call is a short PostgreSQL transaction in one of the server's workers (a
  // default install runs a handful): a few calls at once, and about as many per second as a
  // comparable Python ORM server (Tryton) bears.
  rateBudget: { requestsPerSecond: 40, burst: 20, maxConcurrent: 4 },
  connect: (credentials, http) => new OdooClient(readCredentials(credentials), http),
  async verify(client) {
    const version = await client.version();
    const uid = await client.uid();
    // Proves the user may read everything Manifold syncs, not just log in: a missing access
    // group answers an AccessError naming the groups that would allow it.
    const counts: number[] = [];
    for (const model of READ_MODELS) counts.push(await client.searchCount(model, []));
    return {
      summary: `Logged in as ${client.username} (user id ${uid}) on database "${client.database}" (Odoo ${version.server_version}); ${counts[0]} purchase orders readable.`,
    };
  },
  resources: { purchaseOrders, vendors, inventoryItems, locations, workOrders, assets },
});
