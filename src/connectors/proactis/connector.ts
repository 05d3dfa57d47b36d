/**
 * Proactis (https://www.proactis.com), the source-to-pay suite, through its cloud platform's REST
 * APIs (docs.proactis.com): suppliers, requisitions, receipts and invoices of one organisation
 * (domain), on the region's host, with an OAuth2 client-credentials token and an API key.
 *
 * What Proactis does not expose here, stated honestly in the capabilities: purchase orders are
 * not listed — Proactis pushes them out as cXML to an endpoint the customer configures (Manifold's
 * cXML intake); contracts have a creation-only API and no listing, so there is no contracts
 * resource; transactional documents are imported asynchronously, so their create answers 202
 * Accepted (resources/import-writes.ts).
 */
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { ProactisClient } from './client.js';
import { baseUrlOf, budgetKeyOf, readCredentials, regions } from './regions.js';
import { goodsReceipts } from './resources/goods-receipts.js';
import { invoices } from './resources/invoices.js';
import { purchaseRequisitions } from './resources/purchase-requisitions.js';
import { vendors } from './resources/vendors.js';

export const proactisGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

export const proactis = defineConnector<ProactisClient>({
  id: 'proactis',
  name: 'Proactis',
  vendor: 'Proactis',
  categories: ['s2p'],
  authMethod: 'oauth2_client_credentials',
  credentialFields: [
    {
      name: 'region',
      label: 'Region',
      type: 'select',
      required: true,
      options: [...regions],
      help: 'Where your Proactis is hosted: US, UK, EU or NL. Proactis support tells you with the API credentials; the address you log in to Proactis at usually says it too.',
      example: 'UK',
    },
    {
      name: 'domainId',
      label: 'Domain id',
      type: 'string',
      required: true,
      help: "Your organisation's domain id in Proactis: it is in every API address Proactis support gives you (…/suppliers/v1/<domain id>) and in the From/To identities of the cXML documents Proactis sends.",
      example: 'ACME01',
    },
    { name: 'clientId', label: 'Client id', type: 'string', required: true, help: 'The OAuth 2.0 client id Proactis support issued for your API access (there is no self-service: ask Proactis support).' },
    { name: 'clientSecret', label: 'Client secret', type: 'secret', required: true, help: 'The client secret issued with that client id.' },
    { name: 'apiKey', label: 'API key', type: 'secret', required: true, help: 'The API key (x-api-key) Proactis support issued with the client id; every call needs both.' },
    {
      name: 'instanceUrl',
      label: 'API host (UAT only)',
      type: 'url',
      required: false,
      help: 'Leave empty unless Proactis gave you a UAT (test) host: then enter that address, e.g. https://uat-api.example.proactiscloud.com. Empty means the production host of your region.',
    },
  ],
  authGuide: proactisGuide,
  // Proactis limits each organisation over every endpoint: 50 requests per minute and 8,000 per
  // day (production; UAT allows 4,000), the day resetting at midnight UTC; over it, a bare 429
  // without Retry-After, and the request is dropped (docs.proactis.com "Rate limits").
  rateBudget: {
    requestsPerSecond: 5,
    burst: 50,
    maxConcurrent: 2,
    windows: [
      { requests: 50, seconds: 60 },
      { requests: 8000, seconds: 86_400, resetAt: 'midnight-utc' },
    ],
  },
  budgetKey: (credentials) => budgetKeyOf(readCredentials(credentials)),
  instanceUrl: (credentials) => baseUrlOf(readCredentials(credentials)),
  http: {
    // A call may wait a whole minute for room in the per-minute window, then back off 429s.
    deadlineMs: 180_000,
    maxAttempts: 5,
    throttleBaseMs: 2_000,
    throttleMaxMs: 60_000,
  },
  connect: (credentials, http) => new ProactisClient(readCredentials(credentials), http),
  async verify(client) {
    // One page of one supplier: proves the token, the API key, the domain and the Supplier API.
    const page = await client.page('suppliers', { pageNumber: 0, pageSize: 1 });
    return { summary: `Connected to Proactis domain ${client.domainId} (${client.credentials.instanceUrl ?? client.credentials.region}); ${page.totalElements} suppliers readable.` };
  },
  resources: { vendors, purchaseRequisitions, goodsReceipts, invoices },
  // Proactis has no purchase-order list API: it pushes "ERP orders" as cXML to the endpoints set
  // in its Communication Settings (outbound auth BASIC, OAUTH2 or API_KEY) and expects a cXML
  // Response with Status 200 (protocols-cmms-s2p.md §11.2).
  orderIntake: {
    cxml: {
      senders: ['Proactis'],
      notes: 'In Proactis, open the Communication Settings of ERP orders and add an endpoint: the intake URL, content type application/xml, and the authentication you chose for the intake (BASIC, OAUTH2 with the intake\'s token URL, or API_KEY with its header). Proactis marks an order failed in its widget unless the answer is a cXML Response with Status 200.',
    },
  },
  passthrough: (client, req) => client.raw(req),
});
