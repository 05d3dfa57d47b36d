/**
 * The entity registry: every unified entity once, in the order docs and OpenAPI list them.
 * Routes, OpenAPI, docs and the dashboard iterate over `entities` instead of naming models.
 */
import type { z } from 'zod';
import type { EntityDefinition, Operation } from './entity.js';
import { Asset, assetFields, assetStatuses } from './asset.js';
import { Contract, contractFields, contractStatuses } from './contract.js';
import { GoodsReceipt, goodsReceiptFields } from './goods-receipt.js';
import { InventoryItem, inventoryItemFields, inventoryItemStatuses } from './inventory-item.js';
import { Invoice, invoiceFields, invoiceStatuses } from './invoice.js';
import { Location, locationFields, locationStatuses } from './location.js';
import { PurchaseOrder, purchaseOrderFields, purchaseOrderStatuses } from './purchase-order.js';
import { PurchaseRequisition, purchaseRequisitionFields, purchaseRequisitionStatuses } from './purchase-requisition.js';
import { Vendor, vendorFields, vendorStatuses } from './vendor.js';
import { WorkOrder, workOrderFields, workOrderStatuses } from './work-order.js';

/** The operations the unified API defines for every entity; connectors declare which they support. */
export const allOperations = ['list', 'get', 'create', 'update', 'delete'] as const satisfies readonly Operation[];

// Keeps each entry's literal key and concrete model type, so EntityKey is a union, not `string`.
const define = <const K extends string, M extends z.ZodObject>(entity: EntityDefinition<M> & { key: K }) => entity;

export const entities = [
  define({
    key: 'purchaseOrders',
    path: 'purchase-orders',
    name: 'Purchase order',
    plural: 'Purchase orders',
    idPrefix: 'po',
    group: 'core',
    description: 'Orders placed with vendors, with their full line items.',
    model: PurchaseOrder,
    fields: purchaseOrderFields,
    statuses: purchaseOrderStatuses,
    operations: allOperations,
  }),
  define({
    key: 'vendors',
    path: 'vendors',
    name: 'Vendor',
    plural: 'Vendors',
    idPrefix: 'ven',
    group: 'core',
    description: 'Suppliers goods and services are bought from, with their contacts.',
    model: Vendor,
    fields: vendorFields,
    statuses: vendorStatuses,
    operations: allOperations,
  }),
  define({
    key: 'workOrders',
    path: 'work-orders',
    name: 'Work order',
    plural: 'Work orders',
    idPrefix: 'wo',
    group: 'core',
    description: 'Maintenance jobs on assets and locations, with the parts they plan and use.',
    model: WorkOrder,
    fields: workOrderFields,
    statuses: workOrderStatuses,
    operations: allOperations,
  }),
  define({
    key: 'inventoryItems',
    path: 'inventory-items',
    name: 'Inventory item',
    plural: 'Inventory items',
    idPrefix: 'item',
    group: 'core',
    description: 'Stocked parts and materials, with their stock per location where the system keeps it.',
    model: InventoryItem,
    fields: inventoryItemFields,
    statuses: inventoryItemStatuses,
    operations: allOperations,
  }),
  define({
    key: 'assets',
    path: 'assets',
    name: 'Asset',
    plural: 'Assets',
    idPrefix: 'ast',
    group: 'core',
    description: 'Maintained equipment, in its location and asset hierarchy.',
    model: Asset,
    fields: assetFields,
    statuses: assetStatuses,
    operations: allOperations,
  }),
  define({
    key: 'locations',
    path: 'locations',
    name: 'Location',
    plural: 'Locations',
    idPrefix: 'loc',
    group: 'core',
    description: 'Sites, buildings, areas, warehouses, storerooms and bins, in their hierarchy.',
    model: Location,
    fields: locationFields,
    statuses: locationStatuses,
    operations: allOperations,
  }),
  define({
    key: 'purchaseRequisitions',
    path: 'purchase-requisitions',
    name: 'Purchase requisition',
    plural: 'Purchase requisitions',
    idPrefix: 'req',
    group: 'source-to-pay',
    description: 'Internal requests to buy, before they become purchase orders.',
    model: PurchaseRequisition,
    fields: purchaseRequisitionFields,
    statuses: purchaseRequisitionStatuses,
    operations: allOperations,
  }),
  define({
    key: 'contracts',
    path: 'contracts',
    name: 'Contract',
    plural: 'Contracts',
    idPrefix: 'ctr',
    group: 'source-to-pay',
    description: 'Agreements with vendors: their term, value and owner.',
    model: Contract,
    fields: contractFields,
    statuses: contractStatuses,
    operations: allOperations,
  }),
  define({
    key: 'invoices',
    path: 'invoices',
    name: 'Invoice',
    plural: 'Invoices',
    idPrefix: 'inv',
    group: 'source-to-pay',
    description: 'Supplier invoices, with their lines matched to purchase order lines.',
    model: Invoice,
    fields: invoiceFields,
    statuses: invoiceStatuses,
    operations: allOperations,
  }),
  define({
    key: 'goodsReceipts',
    path: 'goods-receipts',
    name: 'Goods receipt',
    plural: 'Goods receipts',
    idPrefix: 'gr',
    group: 'source-to-pay',
    description: 'Goods received against purchase orders, line by line.',
    model: GoodsReceipt,
    fields: goodsReceiptFields,
    statuses: undefined,
    operations: allOperations,
  }),
] as const;

export type EntityKey = (typeof entities)[number]['key'];

const byKey = new Map<string, EntityDefinition>(entities.map((e) => [e.key, e]));
const byPath = new Map<string, EntityDefinition>(entities.map((e) => [e.path, e]));

/** The entity with this camelCase key (`purchaseOrders`), or undefined when there is none. */
export function entityByKey(key: string): EntityDefinition | undefined {
  return byKey.get(key);
}

/** The entity with this URL path segment (`purchase-orders`), or undefined when there is none. */
export function entityByPath(path: string): EntityDefinition | undefined {
  return byPath.get(path);
}
