/**
 * What Manifold can write to Tryton purchase orders, as the API serves it (`GET /v1/capabilities`)
 * and enforces before any call. Every claim here is proven against a real Tryton in
 * ../writes*.test.ts.
 */
import type { WriteCapabilities } from '../../../kit/writes.js';
import { declaredTransitions } from './purchase-order-workflow.js';

const LINE_FIELDS = ['lines[].item', 'lines[].itemCode', 'lines[].description', 'lines[].quantity', 'lines[].unitOfMeasure', 'lines[].unitPrice', 'lines[].deliveryDate'];

export const purchaseOrderCapabilities: WriteCapabilities = {
  create: {
    requiredFields: ['vendor', 'lines[].quantity', 'lines[].unitPrice'],
    writableFields: ['vendor', 'currency', 'paymentTerms', 'orderDate', 'deliveryDate', 'description', 'notes', 'lines', ...LINE_FIELDS],
    notes:
      'Tryton needs a party and, on every line, a quantity and a unit price; everything else has a default. ' +
      'A new order is a draft of the user\'s company. vendor: by remoteId (or Manifold id) or by its code. ' +
      'A line names its product by item (remoteId) or by itemCode (product code); a line without either is a free-text line (Tryton allows it: no stock move). ' +
      'unitOfMeasure is a unit symbol or name within the product\'s unit category; absent, the product\'s purchase unit. ' +
      'Like Tryton\'s own client when a product is picked, Manifold asks Tryton for the line\'s supplier taxes and the supplier\'s catalogue entry (vendorItemCode). ' +
      'currency: ISO code (absent: the company\'s currency). paymentTerms: the name of a Tryton payment term (absent: the vendor\'s supplier payment term; null: none). ' +
      'Derived, not writable: billTo (the vendor\'s first invoice address, else its first address), shipTo (the user\'s warehouse, else the first warehouse), site (the user\'s company), number (given by Tryton when quoted), totals. ' +
      'A line\'s deliveryDate is kept as its own date; Tryton shows a line date in the past as empty.',
  },
  update: {
    updatableFields: ['status', 'paymentTerms', 'orderDate', 'deliveryDate', 'description', 'notes', 'lines', ...LINE_FIELDS],
    // Tryton's supplier reference is free text nothing in the unified model maps: a custom field
    // mapped to it is written back on update (on create it carries Manifold's idempotency reference).
    customFieldTargets: ['reference'],
    lockedWhen: {
      statuses: ['approved', 'ordered', 'partially_received', 'received', 'closed', 'cancelled', 'unknown'],
      reason:
        'Tryton accepts edits of confirmed orders over its API, but a purchasing department does not: Manifold locks orders once confirmed ' +
        '(the supplier has the order; its stock moves would no longer match), as well as cancelled orders (reset one to draft first) and states it does not know.',
      enforcedBy: 'manifold',
    },
    transitions: declaredTransitions(),
    notes:
      'lines is the full list of order lines wanted: a line with the remoteId (or id) of an order line updates only the fields it gives, ' +
      'a line without one is added after the existing lines, and an order line left out is deleted; title, subtotal and comment lines stay. ' +
      'A pending_approval order (a Tryton quotation) can change paymentTerms, orderDate, deliveryDate and notes only: like Tryton\'s client, Manifold refuses its lines and description (409 record_locked) until it is back in draft. ' +
      'vendor and currency cannot change (Tryton\'s client only changes them on a draft through its Modify Header wizard, which re-prices the lines). ' +
      'status runs Tryton\'s button after the field changes and reads the state back: pending_approval = quote (Tryton numbers the order), approved = confirm (Tryton then processes it: ordered), ' +
      'cancelled = cancel, draft = back to draft (Tryton also allows it from a confirmed order; Manifold locks confirmed orders). The lock applies to field changes; a status change follows transitions.',
  },
  delete: {
    mode: 'cancelled',
    description:
      'A draft is deleted in Tryton (deletion "hard"); a quotation (pending_approval) is cancelled and stays in Tryton with its number (deletion "cancelled"); ' +
      'an order already cancelled is left as it is (deletion "cancelled"; Tryton would delete it for good, Manifold does not, so a repeated delete never erases a cancelled quotation). ' +
      'Tryton refuses to delete or cancel a confirmed order.',
    lockedWhen: {
      statuses: ['approved', 'ordered', 'partially_received', 'received', 'closed'],
      reason: 'Tryton deletes only orders it can cancel, and it cannot cancel a confirmed one: its receipts and invoices are handled in Tryton.',
      enforcedBy: 'system',
    },
  },
  concurrency: 'system_token',
  concurrencyNotes:
    'Every update and delete sends the order\'s _timestamp as read (and each changed or deleted line\'s), so that a change made in Tryton meanwhile is refused by Tryton ' +
    '(version_conflict) and nothing is written. The token is the last change time in seconds on SQLite: two changes within the same second are not told apart there.',
};
