/**
 * SAP S/4HANA (on premise and Cloud): purchase orders through the released A2X OData V2 service
 * API_PURCHASEORDER_PROCESS_SRV (read, create with items, change, flag for deletion) and
 * suppliers through API_BUSINESS_PARTNER (read), as a communication user with HTTP Basic. Written
 * from SAP's published EDMX and OpenAPI; proven against the simulator in src/sandbox/sap-s4hana.
 */
import { readFileSync } from 'node:fs';
import { defineConnector } from '../../kit/definition.js';
import { SystemFailure } from '../../kit/failure.js';
import { SapClient, readCredentials } from './client.js';
import { purchaseOrders } from './resources/purchase-orders.js';
import { vendors } from './resources/vendors.js';

/** The auth guide for a non-technical admin (markdown, next to this file). */
export const sapS4hanaGuide = readFileSync(new URL('./guide.md', import.meta.url), 'utf8');

export const sapS4hana = defineConnector<SapClient>({
  id: 'sap-s4hana',
  name: 'SAP S/4HANA',
  vendor: 'SAP',
  categories: ['erp'],
  authMethod: 'basic',
  credentialFields: [
    {
      name: 'instanceUrl',
      label: 'System URL',
      type: 'url',
      required: true,
      help: 'The address of your SAP system\'s API host, without any path: for S/4HANA Cloud the "-api" address (https://my123456-api.s4hana.cloud.sap), on premise the HTTPS address of the SAP Gateway (https://s4.example.com:44300). Your SAP basis team knows it; a full service URL pasted here is cut back to the host.',
      example: 'https://my123456-api.s4hana.cloud.sap',
    },
    {
      name: 'sapClient',
      label: 'SAP client',
      type: 'string',
      required: false,
      default: '100',
      help: 'The three-digit client (Mandant) your company works in, shown in the SAP GUI logon window and in the status bar (for example 100). S/4HANA Cloud systems use 100. Leave 100 unless your basis team says otherwise.',
      example: '100',
    },
    {
      name: 'username',
      label: 'Communication user',
      type: 'string',
      required: true,
      help: 'The user Manifold logs on as: in S/4HANA Cloud the communication user of the communication arrangement for SAP_COM_0053 (Purchase Order Integration); on premise a system user your basis team creates with the purchase-order API authorizations (see the guide).',
      example: 'MANIFOLD_API',
    },
    {
      name: 'password',
      label: 'Password',
      type: 'secret',
      required: true,
      help: 'That user\'s password, as set when the communication user was created. After too many wrong passwords SAP locks the user until an admin unlocks it.',
    },
  ],
  authGuide: sapS4hanaGuide,
  // SAP documents no request rate for on-premise Gateway; S/4HANA Cloud sits behind API
  // management, which throttles bursts (429). A few calls at once keep work processes free for users.
  rateBudget: { requestsPerSecond: 10, burst: 10, maxConcurrent: 4 },
  http: { timeoutMs: 60_000 },
  connect: (credentials, http) => new SapClient(readCredentials(credentials), http),
  async verify(client) {
    // A count proves the user may read purchase orders, not just log on.
    const orders = await client.po.collection('A_PurchaseOrder', { $top: 0, $inlinecount: 'allpages' });
    let suppliers: string;
    try {
      const page = await client.bp.collection('A_Supplier', { $top: 0, $inlinecount: 'allpages' });
      suppliers = `${page.count ?? 'some'} suppliers readable`;
    } catch (err) {
      if (!(err instanceof SystemFailure) || err.failureClass !== 'config') throw err;
      suppliers = `suppliers not readable (${err.message})`;
    }
    return { summary: `Logged on as ${client.username} in client ${client.sapClient}; ${orders.count ?? 'some'} purchase orders readable, ${suppliers}.` };
  },
  resources: { purchaseOrders, vendors },
  passthrough: (client, req) => client.raw(req),
});
