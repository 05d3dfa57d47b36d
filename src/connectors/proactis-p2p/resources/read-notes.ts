/**
 * Why nothing of PROACTIS P2P can be listed or read: the published XML gateways only import
 * (ImportDocument) and cancel orders (CancelOrder); there is no query method
 * (masterData.md, acceptanceGateway.md, purchaseInvoiceGateway.md, cancelPurhaseOrderGateway.md).
 */
export const NO_READ = 'the PROACTIS P2P XML gateway only imports documents and cancels orders; it has no list or read method, so Manifold holds what was written through it, as the gateway acknowledged it';

export const NO_ORDER_READ =
  'the PROACTIS P2P XML gateway has no list or read method for purchase orders; P2P sends its orders out as cXML, which the connection\'s cXML intake (POST /v1/connections/{id}/cxml) stores';
