/**
 * What a resource can write, declared as data, and the typed function slots that do it. The API
 * answers `GET /v1/capabilities` and the catalogue from the declarations, and refuses before any
 * call what they rule out: an unsupported operation (405), a field that cannot be set (422), a
 * record in a locked state (409), missing required fields (400).
 */
import { z } from 'zod';
import type { EntityKey } from '../models/registry.js';
import type { MapContext } from './definition.js';

export const DeleteMode = z.enum(['hard', 'cancelled', 'soft', 'none']);
export type DeleteMode = z.infer<typeof DeleteMode>;

/** Statuses (of the unified enum) in which the system — or Manifold on its behalf — refuses an operation. */
export const Lock = z.object({
  statuses: z.array(z.string()).min(1).describe('Unified statuses in which the record is locked.'),
  reason: z.string().min(1).describe('Why, in words for the user (e.g. "a confirmed order can no longer be edited").'),
  /** Who enforces it: the system itself, or Manifold because the system would accept what users do not expect. */
  enforcedBy: z.enum(['system', 'manifold']).describe('Who enforces the lock.'),
});
export type Lock = z.infer<typeof Lock>;

export const WriteCapabilities = z.object({
  create: z
    .object({
      /** Unified fields (dot paths into lines as `lines[].quantity`) that must be given. */
      requiredFields: z.array(z.string()),
      /** Every unified field a create may set. */
      writableFields: z.array(z.string()),
      /**
       * The system only accepts a create and processes it later (an import queue): the API answers
       * 202 Accepted with the system's reference, and the record appears once the system has
       * processed it and a sync has run. Done by the `submit` slot, which answers `Accepted`.
       */
      asynchronous: z.boolean().optional(),
      notes: z.string().optional(),
    })
    .optional(),
  update: z
    .object({
      updatableFields: z.array(z.string()),
      /** Top-level native fields a custom field mapped to them may write (customFields in a PATCH). */
      customFieldTargets: z.array(z.string()).optional(),
      lockedWhen: Lock.optional(),
      /** Status values a PATCH may move the record to, from which statuses. */
      transitions: z.record(z.string(), z.array(z.string())).optional(),
      notes: z.string().optional(),
    })
    .optional(),
  delete: z
    .object({
      mode: DeleteMode,
      /** What a delete does in the system, spelled out (e.g. "drafts are deleted; quotations are cancelled"). */
      description: z.string().min(1),
      lockedWhen: Lock.optional(),
    })
    .optional(),
  /** How a conditional write (If-Match) is protected against a change made in the system meanwhile. */
  concurrency: z.enum(['system_token', 'read_before_write', 'none']),
  concurrencyNotes: z.string().optional(),
});
export type WriteCapabilities = z.infer<typeof WriteCapabilities>;

/** A reference to another record, as a write body carries it (resolved: `remoteId` set where Manifold knows it). */
export interface RecordRef {
  id?: string | null;
  remoteId?: string | null;
  code?: string | null;
}

/** Context for write functions: the mapping context plus what the engine knows of the record. */
export interface WriteContext extends MapContext {
  /** A reference Manifold asks the system to keep on a created record, to find it again if the answer is lost. */
  reference?: string;
  /**
   * The unified fields of a related record Manifold holds for this connection (by Manifold id or
   * remote id), for what a system needs but its write body does not carry — e.g. the supplier of
   * a purchase order that reached Manifold by cXML, which the system itself has no read for.
   */
  held?(entity: EntityKey, ref: RecordRef): Promise<Record<string, unknown> | undefined>;
}

/**
 * A create the system accepted but has not done yet (it queues the document and processes it
 * later): nothing to read back. The API answers 202 with the reference; the record appears once
 * the system has processed it and a sync has run.
 */
export interface Accepted {
  accepted: true;
  /** The system's own reference for what it accepted (the import's id, or the reference Manifold asked it to keep). */
  reference: string;
  /** Unified fields the record will carry once it is visible, so the caller can recognise it (e.g. its number). */
  identifiedBy?: Record<string, unknown>;
  /** More for the caller, in words (e.g. where the system reports a document it could not process). */
  note?: string;
}

export interface ExistingRecord {
  remoteId: string;
  /** The native record as last read (carries the system's concurrency token, if any). */
  remoteData: Record<string, unknown>;
  /** The unified fields as last read. */
  data: Record<string, unknown>;
}

export type Deletion = Exclude<DeleteMode, 'none'>;

/** Writes the engine reads back with the resource's `get` before it answers. */
export interface ResourceWrites<Client> {
  capabilities: WriteCapabilities;
  /** Creates the record; answers its remote id. Must set `ctx.reference` where the system can keep it. */
  create?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<string>;
  /**
   * The create of a system that only queues it and processes it later (capabilities:
   * `create.asynchronous`, which needs this slot instead of `create`): hands the record over and
   * answers what the system accepted. Should give the system `ctx.reference` where it can keep it.
   */
  submit?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<Accepted>;
  /** Finds a record created with this reference, after an answer was lost. */
  findByReference?(client: Client, reference: string): Promise<string | undefined>;
  /** Applies a partial update of unified fields (status changes included, as the capabilities allow). */
  update?(client: Client, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<void>;
  /** Deletes (or cancels, or archives) the record; answers what it did. */
  delete?(client: Client, existing: ExistingRecord, ctx: WriteContext): Promise<Deletion>;
}

/**
 * What the system acknowledged a write with, when it cannot be read back: the native record as
 * the system echoed it (parsed with the resource's `raw`, mapped by `toUnified`), or — when it
 * answers no record — the unified fields its acknowledgement changes on the stored record (a
 * cancel acknowledged: `{ status: 'cancelled' }`) with any native fields to record beside them.
 */
export type Acknowledged = { record: unknown } | { changes: Record<string, unknown>; remoteChanges?: Record<string, unknown> };

/**
 * Writes of a resource the system has no read for (no `get`, e.g. an import-only gateway): each
 * answers what the system acknowledged, and the engine stores exactly that instead of reading
 * back. A hard delete needs no acknowledgement: the record is marked deleted.
 */
export interface AcknowledgedWrites<Client> {
  capabilities: WriteCapabilities;
  create?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<{ remoteId: string; record: unknown }>;
  update?(client: Client, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<Acknowledged>;
  delete?(client: Client, existing: ExistingRecord, ctx: WriteContext): Promise<{ mode: 'hard' } | ({ mode: Deletion } & Acknowledged)>;
}

/** Either kind, as the engine calls them: it tells them apart by what each call answers. */
export interface WriteSlots<Client> {
  capabilities: WriteCapabilities;
  create?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<string | { remoteId: string; record: unknown }>;
  submit?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<Accepted>;
  findByReference?(client: Client, reference: string): Promise<string | undefined>;
  update?(client: Client, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<void | Acknowledged>;
  delete?(client: Client, existing: ExistingRecord, ctx: WriteContext): Promise<Deletion | { mode: 'hard' } | ({ mode: Deletion } & Acknowledged)>;
}

/**
 * What a resource really offers: an operation is offered only where the capabilities declare it
 * **and** the connector has the function that does it — `submit` for an asynchronous create,
 * `create` otherwise — since a declaration alone would pass the checks and then fail on the call.
 * The write checks, `GET /v1/capabilities` and the catalogue all use it.
 */
export function offeredWrites(writes: { capabilities: WriteCapabilities; create?: unknown; submit?: unknown; update?: unknown; delete?: unknown } | undefined): WriteCapabilities | undefined {
  if (!writes) return undefined;
  const { create, update, delete: del, ...rest } = writes.capabilities;
  const creates = create?.asynchronous ? writes.submit : writes.create;
  return {
    ...rest,
    ...(create && creates ? { create } : {}),
    ...(update && writes.update ? { update } : {}),
    ...(del && del.mode !== 'none' && writes.delete ? { delete: del } : {}),
  };
}
