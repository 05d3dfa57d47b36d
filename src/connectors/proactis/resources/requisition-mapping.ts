/**
 * The default field mapping of Proactis requisitions (Requisition API), as data. Read only:
 * Proactis imports requisitions asynchronously (see imports.ts).
 */
import type { EntityMapping, FieldSource } from '../../../kit/mapping.js';
import type { PurchaseRequisitionLine, purchaseRequisitionFields } from '../../../models/purchase-requisition.js';

/** [unverified] Proactis publishes no requisition statuses; these are the values the API is read with. */
export const requisitionStatusMap: Record<string, string> = {
  DRAFT: 'draft',
  FORAPPROVAL: 'pending_approval',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  ORDERED: 'ordered',
  CANCELLED: 'cancelled',
};

const fields: { [K in keyof typeof purchaseRequisitionFields]: FieldSource } = {
  number: { path: 'requisitionNumber' },
  status: { paths: ['status'], logic: `${Object.entries(requisitionStatusMap).map(([k, v]) => `${k} → ${v}`).join('; ')}; any other value → unknown.` },
  remoteStatus: { path: 'status' },
  requester: { paths: ['requester.id', 'requester.name'], logic: 'remoteId = requester.id, name = requester.name; id and code are null (Manifold has no people entity).' },
  requiredDate: { path: 'requiredDate' },
  currency: { path: 'currency' },
  total: { path: 'totalAmount', note: 'A JSON number, as a decimal string.' },
  description: { path: 'title' },
  lines: { paths: ['lines'], logic: 'One line per element of lines (see the line fields).' },
};

const lines: { [K in Exclude<keyof PurchaseRequisitionLine, 'customFields'>]: FieldSource } = {
  id: { paths: ['lineNumber'], logic: "The requisition's Manifold id and the line number." },
  remoteId: { path: 'lineNumber', note: 'Lines have no key of their own; the line number is theirs within the requisition.' },
  lineNumber: { path: 'lineNumber' },
  itemCode: { path: 'supplierPartID' },
  description: { path: 'description' },
  quantity: { path: 'quantity' },
  unitOfMeasure: { path: 'unitOfMeasure' },
  unitPrice: { path: 'unitPrice' },
  vendor: { paths: ['supplier.id', 'supplier.number', 'supplier.name'], logic: 'The supplier: remoteId = supplier.id (a vendor\'s remote id), code = number, name.' },
  purchaseOrder: { paths: ['orderID'], logic: 'The ERP order the line was ordered on: remoteId and code = orderID (Proactis pushes the order itself as cXML).' },
};

export const requisitionMapping: EntityMapping = { fields, lines, linesPath: 'lines' };
