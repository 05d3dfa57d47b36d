/**
 * What Manifold can write to SAP purchase orders (API_PURCHASEORDER_PROCESS_SRV), as the API
 * serves it (`GET /v1/capabilities`) and enforces before any call. Every claim is proven against
 * the simulator in test/sap-s4hana/writes.test.ts.
 */
import type { WriteCapabilities } from '../../../kit/writes.js';

const LINE_FIELDS = ['lines[].item', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].deliveryDate'];

export const purchaseOrderCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['vendor', 'site', 'lines', 'lines[].item|lines[].itemCode', 'lines[].quantity', 'lines[].unitPrice'],
    writableFields: ['vendor', 'site', 'currency', 'paymentTerms', 'orderDate', 'shippingMethod', 'lines', ...LINE_FIELDS],
    notes:
      'One deep insert (POST A_PurchaseOrder with to_PurchaseOrderItem): SAP creates the order with all its items or nothing, numbers it (45…) and, with no release strategy for it, makes it active (status ordered). ' +
      'vendor: the SAP supplier number (remoteId or code); Manifold reads the supplier\'s purchasing data (API_BUSINESS_PARTNER) for the purchasing organization, purchasing group and company code, as SAP\'s order entry proposes them. ' +
      'site: the plant every item is delivered to (SAP requires a plant per item). Each line names its material (item.remoteId or itemCode), quantity and unit price; unitOfMeasure (an SAP unit code) and description default to the material\'s; ' +
      'a unit price with more than 3 decimals is sent per 10…10,000 units (price unit). deliveryDate becomes the item\'s schedule line (absent: the material\'s planned delivery time). ' +
      'currency, paymentTerms (an SAP payment-terms key such as 0002) and shippingMethod (an Incoterm such as FCA) default to the supplier\'s. Type NB (standard order).',
  },
  update: {
    updatableFields: ['paymentTerms', 'orderDate', 'shippingMethod', 'lines', ...LINE_FIELDS],
    // "Your reference" and "Our reference" are free text nothing in the unified model maps; a
    // custom field mapped to one of them is written back (a create puts Manifold's reference in "Our reference").
    customFieldTargets: ['CorrespncExternalReference', 'CorrespncInternalReference'],
    lockedWhen: {
      statuses: ['pending_approval', 'approved', 'closed', 'cancelled'],
      reason:
        'SAP refuses changes to an order whose release procedure has started or ended (in release or released: the release strategy does not allow changes), ' +
        'to an order flagged for deletion, and to a complete one (every item delivered and finally invoiced).',
      enforcedBy: 'system',
    },
    notes:
      'Header fields are one PATCH of A_PurchaseOrder; each changed line is a PATCH of its A_PurchaseOrderItem, and its deliveryDate a PATCH of its only schedule line. ' +
      'lines is the full list of lines wanted: a line with the remoteId (or id) of an item changes only the fields it gives, a line without one is added (POST to_PurchaseOrderItem, same plant as the order\'s items), ' +
      'and an item left out is flagged for deletion (deletion indicator L; an item with a goods receipt cannot be). These calls are not one transaction: if SAP refuses one, the ones before it stay made. ' +
      'vendor, site and currency are not updatable (the organisation of an order is fixed; SAP changes currency only before follow-on documents). status is not writable: release and rejection happen in SAP.',
  },
  delete: {
    mode: 'cancelled',
    description:
      'DELETE of the purchase order in SAP sets the deletion indicator (L) on every item and on the order; the order stays in SAP, shown as deleted, and Manifold keeps it with status cancelled (deletion "cancelled"). ' +
      'SAP refuses it for an order in release or released, for one already deleted, and when a goods receipt was posted for an item.',
    lockedWhen: {
      statuses: ['pending_approval', 'approved', 'partially_received', 'received', 'closed', 'cancelled'],
      reason: 'SAP flags an order for deletion only while its release procedure has not started and no goods were received, and only once.',
      enforcedBy: 'system',
    },
  },
  concurrency: 'read_before_write',
  concurrencyNotes:
    'This version of API_PURCHASEORDER_PROCESS_SRV publishes no ETag (no ConcurrencyMode in its $metadata; the sets\' OptimisticConcurrency is empty), so SAP itself applies the last write. ' +
    'Manifold reads the order just before every update and delete: a change made in SAP since the last sync becomes a new version first, so a stale If-Match is answered 409 version_conflict and nothing is written. ' +
    'A change made in SAP between that read and the write itself (milliseconds) is not detected.',
};
