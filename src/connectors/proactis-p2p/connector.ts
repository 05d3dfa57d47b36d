/**
 * PROACTIS P2P, the on-premises (or Proactis-hosted) .NET procure-to-pay suite, through its XML
 * gateways: the SOAP web service XMLGateway.asmx with ImportDocument (suppliers, acceptances,
 * purchase invoices) and CancelOrder. The user name and password travel inside each XML document's
 * control block. The gateway has no list or read method, so every resource here is write-only;
 * purchase orders reach Manifold as cXML through the connection's cXML intake.
 * Source: proactis-documentation/documentation-source, docs/p2p (2018).
 */
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { credentialFields, readCredentials } from './credentials.js';
import { GatewayClient } from './gateway.js';
import { goodsReceipts } from './resources/goods-receipts.js';
import { invoices } from './resources/invoices.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';

export const proactisP2pGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

export const proactisP2p = defineConnector<GatewayClient>({
  id: 'proactis-p2p',
  name: 'PROACTIS P2P (on-premises)',
  vendor: 'Proactis',
  categories: ['s2p'],
  // The user name and password go inside the XML (the control block), not in an HTTP header;
  // "basic" is the closest of the kit's methods: a user name and password, sent on every call.
  authMethod: 'basic',
  credentialFields,
  authGuide: proactisP2pGuide,
  // No limit is documented. Each import runs P2P's purchasing engine on the customer's own
  // server: two calls at a time and a few a second keep it usable for its people.
  rateBudget: { requestsPerSecond: 5, burst: 10, maxConcurrent: 2 },
  // Imports are processed while the call waits: allow for a slow server.
  http: { timeoutMs: 60_000, deadlineMs: 120_000 },
  instanceUrl: (credentials) => (typeof credentials.gatewayUrl === 'string' ? readCredentials(credentials).gatewayUrl : undefined),
  connect: (credentials, http) => new GatewayClient(readCredentials(credentials), http),
  async verify(client) {
    // An import with the control block only: the gateway checks it before any document
    // ("as long as the control block is valid…", purchaseInvoiceGateway.md) and imports nothing.
    await client.importDocuments('', 'the login check');
    const c = client.creds;
    return { summary: `Logged in to PROACTIS P2P as ${c.username} (DataImport role) on database "${c.database}", company "${c.company}".` };
  },
  resources: { vendors, goodsReceipts, invoices, purchaseOrders },
  // Orders leave P2P as cXML (protocols: "Purchase orders leave PROACTIS P2P for suppliers as
  // cXML"); the gateway has no list API for them, so they arrive through Manifold's intake.
  orderIntake: {
    cxml: {
      senders: ['PROACTIS P2P'],
      notes: 'In PROACTIS P2P, set up Manifold as the cXML order recipient of the supplier(s) whose orders it should receive: the intake URL, and the shared secret the supplier record sends. Cancelling such an order through Manifold calls the gateway\'s CancelOrder.',
    },
  },
});
