/**
 * MaintainX (https://www.getmaintainx.com), the CMMS: work orders, assets, parts, locations,
 * vendors and purchase orders over its REST API v1 (https://api.getmaintainx.com/v1), with a
 * user's API key. Built from MaintainX's published OpenAPI (see src/sandbox/maintainx/spec/).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { DEFAULT_INSTANCE, MaintainxClient, readCredentials } from './client.js';
import { assets } from './resources/assets.js';
import { inventoryItems } from './resources/inventory-items.js';
import { locations } from './resources/locations.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';
import { workOrders } from './resources/work-orders.js';

export const maintainxGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

export const maintainx = defineConnector<MaintainxClient>({
  id: 'maintainx',
  name: 'MaintainX',
  vendor: 'MaintainX',
  categories: ['cmms'],
  authMethod: 'bearer',
  credentialFields: [
    {
      name: 'apiKey',
      label: 'API key',
      type: 'secret',
      required: true,
      help: 'Created in MaintainX under Settings → Integrations → API Keys (New Key → Generate Key), by the user Manifold acts as; an Administrator to write purchase orders. Shown only once.',
    },
    {
      name: 'organizationId',
      label: 'Organization ID',
      type: 'string',
      required: false,
      help: 'Only for an API key that works for several MaintainX organizations: the number of the organization to connect. Leave empty otherwise.',
      example: '48213',
    },
    {
      name: 'instanceUrl',
      label: 'API address',
      type: 'url',
      required: false,
      default: DEFAULT_INSTANCE,
      help: 'MaintainX\'s API address. Leave it as it is unless you connect to the Manifold sandbox.',
      example: DEFAULT_INSTANCE,
    },
  ],
  authGuide: maintainxGuide,
  // "100 requests / 60 seconds" per user (OpenAPI, Rate Limiting): a burst of one window, then
  // the window's pace. The X-Rate-Limit-* headers on every answer pause the connection when the
  // window is used up anyway (kit/http.ts), as MaintainX recommends.
  rateBudget: { requestsPerSecond: 100 / 60, burst: 100, maxConcurrent: 4, windows: [{ requests: 100, seconds: 60 }] },
  // The limit is the API key's (its user's), whichever connection spends it: connections made
  // with the same key share one budget. The key itself is not kept as the name of the budget.
  budgetKey: (credentials) => createHash('sha256').update(String(credentials.apiKey)).digest('hex').slice(0, 32),
  // A 429 asks to wait until the window resets, up to a minute.
  http: { deadlineMs: 90_000 },
  connect: (credentials, http) => new MaintainxClient(readCredentials(credentials), http),
  async verify(client) {
    const org = await client.organization();
    return { summary: `Connected to MaintainX organization "${org.name}" (id ${org.id}${org.currency ? `, amounts in ${org.currency}` : ''}).` };
  },
  resources: { workOrders, assets, inventoryItems, locations, vendors, purchaseOrders },
  passthrough: (client, req) => client.raw(req),
});
