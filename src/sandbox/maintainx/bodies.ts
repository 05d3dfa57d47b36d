/**
 * The request bodies MaintainX accepts for work orders and purchase orders (field names, types
 * and required fields from the request schemas of its OpenAPI), and the refusal it answers:
 * 400 `{"errors": [{ error, fieldPath, fieldValue }]}` naming each bad field.
 */
import { z } from 'zod';
import { bodyError, type FieldError } from './http-util.js';

const id = z.number().int().positive();
const dateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });
const extraFields = z.record(z.string(), z.string());

const workOrderFields = {
  title: z.string().trim().min(1, 'title is required'),
  description: z.string().nullable(),
  priority: z.enum(['NONE', 'LOW', 'MEDIUM', 'HIGH'], { error: 'Invalid priority' }),
  // Creation and update accept only these three; CYCLE_COUNT and null exist only on old records.
  type: z.enum(['OTHER', 'REACTIVE', 'PREVENTIVE'], { error: 'Invalid type' }),
  assetId: id.nullable(),
  locationId: id.nullable(),
  dueDate: dateTime.nullable(),
  startDate: dateTime.nullable(),
  assignees: z.array(z.object({ type: z.enum(['USER', 'TEAM']), id: z.union([id, z.email()]) })),
  categories: z.array(z.string()),
  requesterId: z.union([id, z.email()]).nullable(),
  estimatedTime: z.number().int().min(0).nullable(),
  extraFields,
  vendorIds: z.array(id),
  partsUsed: z.array(z.object({ partId: id, quantityUsed: z.number().int().min(0), locationId: id.nullable().optional() })),
  externalData: z.union([z.record(z.string(), z.unknown()), z.number(), z.string()]).nullable(),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

export const WorkOrderCreate = z.object({ ...optional(workOrderFields), title: workOrderFields.title });
export const WorkOrderPatch = z.object(optional(workOrderFields));
export const WorkOrderStatusBody = z.object({
  status: z.enum(['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'DONE', 'CANCELED'], { error: 'Invalid status' }),
});
export type WorkOrderCreate = z.infer<typeof WorkOrderCreate>;
export type WorkOrderPatch = z.infer<typeof WorkOrderPatch>;

const address = z.object({ city: z.string(), country: z.string(), postalCode: z.string(), state: z.string(), street: z.string(), label: z.string().nullable().optional() });
const cost = z.object({ id: id.optional(), name: z.string().min(1), type: z.enum(['AMOUNT_NON_TAXABLE', 'AMOUNT_TAXABLE', 'PERCENT_TAXABLE']), amount: z.number() });
const item = z.object({
  id: id.optional(),
  partId: id.nullable().optional(),
  name: z.string().nullable().optional(),
  partNumber: z.string().nullable().optional(),
  price: z.number().min(0).nullable().optional(),
  quantityOrdered: z.number().positive('quantityOrdered must be greater than 0'),
  quantityReceived: z.number().min(0).nullable().optional(),
  unitCost: z.number().min(0).nullable().optional(),
  extraFields: extraFields.optional(),
  lineExtraFields: extraFields.optional(),
});

const purchaseOrderFields = {
  // "The notes can be up to 4096 characters long" (MaintainX help: Create or Edit a Purchase Order).
  note: z.string().max(4096, 'note must be at most 4096 characters').nullable(),
  dueDate: dateTime.nullable(),
  vendorId: id.nullable(),
  overrideNumber: z.string().nullable(),
  title: z.string().nullable(),
  vendorContactIds: z.array(id),
  shippingAddress: address.nullable(),
  billingAddress: address.nullable(),
  extraFields,
  costs: z.array(cost),
};

export const PurchaseOrderCreate = z.object({
  ...optional(purchaseOrderFields),
  // Required by the schema (vendorId may be null: an order need not name a vendor).
  vendorId: purchaseOrderFields.vendorId.refine((v) => v !== undefined, 'vendorId is required'),
  items: z.array(item.omit({ id: true })).min(1, 'A purchase order needs at least one item'),
});
export const PurchaseOrderPatch = z.object({
  ...optional(purchaseOrderFields),
  reviewNote: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  items: z.array(item).min(1, 'A purchase order needs at least one item').optional(),
});
export const PurchaseOrderStatusBody = z.object({
  status: z.enum(['APPROVED', 'CANCELED', 'COMPLETED', 'DECLINED', 'PARTIALLY_FULFILLED', 'PENDING'], { error: 'Invalid status' }),
  reviewNote: z.string().nullable().optional(),
});
export const FulfillmentBody = z.object({
  items: z
    .array(
      z.union([
        z.object({ id, unitCost: z.number().min(0).optional(), fulfillments: z.array(z.object({ id: id.optional(), locationId: id, quantityReceived: z.number().min(0), isLegacy: z.boolean().optional() })) }),
        z.object({ id, unitCost: z.number().min(0).optional(), quantityReceived: z.number().min(0) }),
      ]),
    )
    .min(1),
});
export type PurchaseOrderCreate = z.infer<typeof PurchaseOrderCreate>;
export type PurchaseOrderPatch = z.infer<typeof PurchaseOrderPatch>;
export type PoItemInput = z.infer<typeof item>;

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v = body;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Parses a body, or throws MaintainX's 400 with one entry per bad field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => {
    const fieldPath = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    const value = valueAt(body, issue.path);
    return {
      error: issue.message,
      fieldPath: fieldPath || null,
      fieldValue: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
    };
  });
  throw bodyError(400, errors);
}
