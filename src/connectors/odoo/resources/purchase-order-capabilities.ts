/**
 * What Manifold can write to Odoo purchase orders, as the API serves it (`GET /v1/capabilities`)
 * and enforces before any call. Each claim is proven against the simulator in test/odoo/writes.test.ts.
 */
import type { WriteCapabilities } from '../../../kit/writes.js';
import { TRANSITIONS } from './purchase-order-workflow.js';

const LINE_FIELDS = ['lines[].item', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].deliveryDate'];

export const purchaseOrderCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['vendor', 'lines[].item|lines[].itemCode', 'lines[].quantity'],
    writableFields: ['vendor', 'currency', 'paymentTerms', 'orderDate', 'deliveryDate', 'notes', 'lines', ...LINE_FIELDS],
    notes:
      'A new order is an RFQ (draft) of the connecting user, in the company\'s currency unless currency (ISO code) is given. vendor: by remoteId (or Manifold id) or by code (the partner\'s Internal Reference). ' +
      'Odoo needs a product on every line (item by remoteId, or itemCode = the product\'s Internal Reference) and a quantity; what is left out Odoo fills from the product as its form does: ' +
      'description (the product\'s name), unitOfMeasure (its purchase unit), unitPrice (the vendor\'s pricelist price, else the product\'s cost), the vendor taxes and deliveryDate (order date plus the vendor\'s lead time). ' +
      'paymentTerms: the name of an Odoo payment term. deliveryDate on the order applies to the lines that give none. Derived, not writable: number (Odoo\'s sequence), totals, buyer, site, billTo. ' +
      'Manifold keeps its idempotency reference in the order\'s Source Document (origin) to find an order whose creation answer was lost.',
  },
  update: {
    updatableFields: ['status', 'paymentTerms', 'orderDate', 'deliveryDate', 'notes', 'lines', ...LINE_FIELDS],
    lockedWhen: {
      statuses: ['ordered', 'partially_received', 'received', 'closed', 'cancelled', 'unknown'],
      reason:
        'Odoo\'s API accepts edits of confirmed orders, but the vendor already has them and receipts follow them: Manifold only edits RFQs and orders waiting for approval. ' +
        'To change a confirmed order, cancel it, set it back to draft, edit and confirm it again; locked (done) and cancelled orders are read-only in Odoo too.',
      enforcedBy: 'manifold',
    },
    transitions: Object.fromEntries(Object.entries(TRANSITIONS).map(([status, t]) => [status, [...t.fromStatuses]])),
    notes:
      'lines is the full list of product lines wanted: a line with the remoteId (or id) of an order line changes only the fields it gives, a line without one is added, and a product line left out is deleted; section and note lines stay. ' +
      'status presses Odoo\'s button after the field changes and reads the state back: ordered = button_confirm (above the company\'s double-validation amount Odoo keeps the order in "to approve": the answer then says pending_approval), ' +
      'cancelled = button_cancel (Odoo refuses once goods were received or bills posted; Manifold says so before calling when its copy shows it), draft = button_draft (from cancelled). vendor and currency cannot change.',
  },
  delete: {
    mode: 'hard',
    description:
      'Odoo deletes only cancelled orders ("In order to delete a purchase order, you must cancel it first."). A draft, sent or to-approve RFQ is cancelled (button_cancel) and then deleted; a cancelled order is deleted. ' +
      'A confirmed, received or locked order is refused: cancel it first (update status to cancelled) where Odoo allows that.',
    lockedWhen: {
      statuses: ['ordered', 'partially_received', 'received', 'closed', 'unknown'],
      reason: 'Odoo deletes only cancelled orders: in order to delete a purchase order, you must cancel it first (update its status to cancelled, which Odoo refuses once goods were received or bills posted).',
      enforcedBy: 'system',
    },
  },
  concurrency: 'read_before_write',
  concurrencyNotes:
    'Odoo has no concurrency token on its external API (last write wins). Manifold reads the order just before an update or delete, so a change made in Odoo since the last sync becomes a new version first and a stale If-Match is refused with 409; ' +
    'a change made in Odoo between that read and the write is not detected.',
};
