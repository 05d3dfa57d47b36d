/**
 * What the entity registry says of each unified entity: its key in JSON (camelCase), its URL
 * path segment, its model, the operations the unified API defines for it, and where its
 * normalised status lives. Routes, OpenAPI and docs are generated from the registry.
 */
import type { z } from 'zod';

export type Operation = 'list' | 'get' | 'create' | 'update' | 'delete';

export interface EntityDefinition<M extends z.ZodObject = z.ZodObject> {
  /** camelCase key used in JSON bodies (`purchaseOrders`). */
  key: string;
  /** URL path segment (`purchase-orders`). */
  path: string;
  /** Singular and plural names for docs and pages. */
  name: string;
  plural: string;
  /** Prefix of Manifold record ids of this entity (`po` → `po_…`). */
  idPrefix: string;
  /** Area of the product: erp/cmms data or source-to-pay documents. */
  group: 'core' | 'source-to-pay';
  description: string;
  /** The full record model (envelope + fields). */
  model: M;
  /** The model's own fields (without the envelope): what connectors fill and writes send. */
  fields: z.ZodRawShape;
  /** The values of the `status` field, for the list filter; absent when the model has none. */
  statuses: readonly string[] | undefined;
  /** Operations the unified API defines; each connector declares which it supports. */
  operations: readonly Operation[];
}
