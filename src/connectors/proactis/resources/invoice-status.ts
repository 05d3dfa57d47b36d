/**
 * Proactis' invoice statuses — the only state machine it publishes (the invoice export triggers,
 * docs.proactis.com "Push transactions"; protocols-cmms-s2p.md §11.2) — to the unified invoice
 * status. Every published value has its row; anything else is unknown.
 */
export const invoiceStatusMap = {
  // Being entered, not yet submitted.
  CONCEPT: 'draft',
  // In the workflow before approval: validation, evaluation, approval.
  FORVALIDATION: 'submitted',
  FOREVALUATION: 'submitted',
  FORAPPROVAL: 'submitted',
  // Stopped: a matching exception, or payment put on hold.
  EXCEPTION: 'disputed',
  ONHOLD: 'disputed',
  // Approved and handed on: processed, then sent to the finance system.
  PROCESSED: 'approved',
  SENT: 'approved',
  // Settled.
  CLEARED: 'paid',
  // Will not be paid.
  REJECTED: 'cancelled',
  DELETED: 'cancelled',
  // Out of the workflow: archiving does not say whether it was paid (remoteStatus keeps ARCHIVED).
  ARCHIVED: 'unknown',
} as const satisfies Record<string, 'draft' | 'submitted' | 'approved' | 'disputed' | 'paid' | 'cancelled' | 'unknown'>;

export function invoiceStatus(remote: string | null | undefined): string {
  return remote && Object.hasOwn(invoiceStatusMap, remote) ? invoiceStatusMap[remote as keyof typeof invoiceStatusMap] : 'unknown';
}
