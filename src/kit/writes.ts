/**
 * What a resource can write, declared as data, and the typed function slots that do it. The API
 * answers `GET /v1/capabilities` and the catalogue from the declarations, and refuses before any
 * call what they rule out: an unsupported operation (405), a field that cannot be set (422), a
 * record in a locked state (409), missing required fields (400).
 */
import { z } from 'zod';
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

/** Context for write functions: the mapping context plus what the engine knows of the record. */
export interface WriteContext extends MapContext {
  /** A reference Manifold asks the system to keep on a created record, to find it again if the answer is lost. */
  reference?: string;
}

export interface ExistingRecord {
  remoteId: string;
  /** The native record as last read (carries the system's concurrency token, if any). */
  remoteData: Record<string, unknown>;
  /** The unified fields as last read. */
  data: Record<string, unknown>;
}

export interface ResourceWrites<Client> {
  capabilities: WriteCapabilities;
  /** Creates the record; answers its remote id. Must set `ctx.reference` where the system can keep it. */
  create?(client: Client, input: Record<string, unknown>, ctx: WriteContext): Promise<string>;
  /** Finds a record created with this reference, after an answer was lost. */
  findByReference?(client: Client, reference: string): Promise<string | undefined>;
  /** Applies a partial update of unified fields (status changes included, as the capabilities allow). */
  update?(client: Client, existing: ExistingRecord, patch: Record<string, unknown>, ctx: WriteContext): Promise<void>;
  /** Deletes (or cancels, or archives) the record; answers what it did. */
  delete?(client: Client, existing: ExistingRecord, ctx: WriteContext): Promise<Exclude<DeleteMode, 'none'>>;
}
