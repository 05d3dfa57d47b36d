/** The unified models and the entity registry, from one import. */
export * from './common.js';
export * from './entity.js';
export * from './purchase-order.js';
export * from './vendor.js';
export * from './work-order.js';
export * from './inventory-item.js';
export * from './asset.js';
export * from './location.js';
export * from './purchase-requisition.js';
export * from './contract.js';
export * from './invoice.js';
export * from './goods-receipt.js';
export * from './registry.js';
