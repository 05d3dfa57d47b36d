/**
 * Which entity each reference field of a model points to, so a write can name a related record
 * by Manifold id (resolved to the system's key before the call) as well as by remoteId.
 * Paths use `lines[].` for fields of each line.
 */
import type { EntityKey } from './registry.js';

export const referenceTargets: Partial<Record<EntityKey, Record<string, EntityKey>>> = {
  purchaseOrders: { vendor: 'vendors', 'lines[].item': 'inventoryItems', 'lines[].asset': 'assets', 'lines[].workOrder': 'workOrders' },
  workOrders: { asset: 'assets', location: 'locations', site: 'locations' },
  inventoryItems: { preferredVendor: 'vendors' },
  assets: { location: 'locations', site: 'locations', parent: 'assets' },
  locations: { parent: 'locations' },
  purchaseRequisitions: { 'lines[].vendor': 'vendors', 'lines[].purchaseOrder': 'purchaseOrders' },
  contracts: { vendor: 'vendors' },
  invoices: { vendor: 'vendors', purchaseOrder: 'purchaseOrders' },
  goodsReceipts: { purchaseOrder: 'purchaseOrders' },
};
