/** The catalogue's category codes in words a non-technical admin recognises. */
import type { SystemCategory } from '../shared/types.js';

export const categoryLabels: Record<SystemCategory, string> = {
  erp: 'ERP',
  cmms: 'Maintenance (CMMS)',
  s2p: 'Source-to-pay',
};

/** Extra words people search with, per category. */
export const categoryWords: Record<SystemCategory, string> = {
  erp: 'erp enterprise resource planning accounting purchasing',
  cmms: 'cmms eam maintenance asset work order',
  s2p: 's2p source to pay procurement purchasing invoices',
};
