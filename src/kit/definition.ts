/**
 * What a connector is: data (identity, categories, credential fields, auth method, rate budget,
 * HTTP policy) plus typed function slots (build a client, verify credentials, and per resource:
 * list, get, map to the unified model). Core code only ever talks to this shape; it never names
 * a system.
 */
import { z } from 'zod';
import type { EntityKey } from '../models/registry.js';
import type { HttpClient, HttpPolicy, OutboundRequest, OutboundResponse } from './http.js';
import type { AcknowledgedWrites, ResourceWrites } from './writes.js';
import type { EntityMapping } from './mapping.js';

export const systemCategories = ['erp', 'cmms', 's2p'] as const;
export const authMethods = ['basic', 'session_login', 'api_key', 'bearer', 'oauth2_client_credentials', 'oauth1_tba', 'hmac_signed'] as const;
export type AuthMethod = (typeof authMethods)[number];

export const CredentialField = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/).describe('Key in the credentials object.'),
  label: z.string().min(1).describe('Label shown on the connect form.'),
  type: z.enum(['url', 'string', 'secret', 'select']).describe('secret values are masked and never returned.'),
  required: z.boolean().describe('Whether the value must be given.'),
  help: z.string().min(1).describe('Where a non-technical admin finds this value.'),
  example: z.string().optional().describe('An example value.'),
  options: z.array(z.string()).optional().describe('The choices of a select field.'),
  default: z.string().optional().describe('The value used when none is given.'),
});
export type CredentialField = z.infer<typeof CredentialField>;

export const RateBudget = z.object({
  requestsPerSecond: z.number().positive().describe('Sustained calls per second the system is documented (or measured) to bear.'),
  burst: z.number().int().positive().describe('Calls allowed at once above the sustained rate.'),
  maxConcurrent: z.number().int().positive().describe('Calls in flight at once per connection.'),
  windows: z
    .array(
      z.object({
        requests: z.number().int().positive().describe('Calls allowed in the window.'),
        seconds: z.number().positive().describe('Length of the window in seconds (a sliding window unless resetAt says otherwise).'),
        resetAt: z.enum(['midnight-utc']).optional().describe('The window is a calendar period whose count resets at this moment (e.g. a daily quota that resets at midnight UTC).'),
      }),
    )
    .optional()
    .describe('Quotas over windows (e.g. 50 per minute and 8,000 per day): a call waits for room in every window and is never sent over one.'),
});
export type RateBudget = z.infer<typeof RateBudget>;
export type RateWindow = NonNullable<RateBudget['windows']>[number];

/**
 * A connection's own rate budget (outboundPolicy.rateBudget): the fields it gives replace its
 * connector's, e.g. a higher quota the vendor granted that customer, or a lower one an admin
 * wants for a shared instance. `windows`, when given, replaces the connector's windows as a whole.
 */
export const RateBudgetOverride = z
  .strictObject(RateBudget.partial().shape)
  .describe("This connection's rate budget, field by field over its system's (see rateBudget in GET /v1/systems).");
export type RateBudgetOverride = z.infer<typeof RateBudgetOverride>;

/** The budget a connection runs under: its own fields over its connector's. */
export function effectiveBudget(budget: RateBudget, override: RateBudgetOverride | undefined): RateBudget {
  if (!override) return budget;
  return { ...budget, ...Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) };
}

/** Builds the zod schema of a connector's credentials from its field list (one source of truth). */
export function credentialsSchema(fields: readonly CredentialField[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    let s: z.ZodType =
      f.type === 'url'
        ? z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        : f.type === 'select'
          ? z.enum((f.options ?? []) as [string, ...string[]])
          : z.string().min(1, 'must not be empty').max(4096);
    s = s.describe(f.label);
    shape[f.name] = f.required ? s : f.default !== undefined ? s.default(f.default as never) : s.optional();
  }
  return z.strictObject(shape);
}

/** What mappers get besides the native record. */
export interface MapContext {
  connectionId: string;
  /** Manifold's id for a record of an entity with a given remote id (ids are derived, so no lookup). */
  refId(entity: EntityKey, remoteId: string): string;
}

/** A page of native records from a listing, with what it takes to resume after it. */
export interface RawPage {
  records: unknown[];
  /** Opaque position to resume a listing after this page (stored in the sync checkpoint). */
  resumeAfter?: string;
}

export interface ListOptions {
  /** Only records created or changed at or after this instant (ISO 8601); absent: everything. */
  since?: string;
  pageSize: number;
  /** Continue a listing interrupted after the page that returned this position. */
  resumeAfter?: string;
}

export interface ResourceDefinition<Client = unknown, Raw = unknown> {
  entity: EntityKey;
  /** The native record as the system gives it; every listed record must parse. */
  raw: z.ZodType<Raw>;
  remoteId(raw: Raw): string;
  /** The record's own times (ISO 8601 UTC); updatedAt falls back to createdAt where the system has no change time. */
  times(raw: Raw): { createdAt: string | null; updatedAt: string | null };
  /**
   * Every record, page by page. Absent when the system has no way to list the entity (a
   * write-only resource): sync skips it and Manifold holds what is written through it.
   */
  list?(client: Client, opts: ListOptions): AsyncIterable<RawPage>;
  /** Every remote id that exists now: lets an incremental sync see deletions. */
  listIds?(client: Client): Promise<string[]>;
  /**
   * One record by remote id (undefined: the system has no such record). Absent when the system
   * cannot read the entity back: writes then store what the system acknowledged (see writes.ts).
   */
  get?(client: Client, remoteId: string): Promise<unknown | undefined>;
  /** Why the system cannot list or read the entity, when list or get is absent (capabilities, sync). */
  readNotes?: string;
  /** Pure and total: never I/O, never throws on a missing optional field. */
  toUnified(raw: Raw, ctx: MapContext): Record<string, unknown>;
  /** Records per page when listing (the system's maximum or a measured sweet spot). */
  pageSize?: number;
  /** What the system lets Manifold write, and how; absent: read only. Without `get`, writes answer what the system acknowledged. */
  writes?: ResourceWrites<Client> | AcknowledgedWrites<Client>;
  /** The default field mapping, as data: where every unified field comes from, or why it is null. */
  mapping?: EntityMapping;
}

export interface VerifyResult {
  /** What the check learned, shown to the user (e.g. "Logged in as admin on database erp"). */
  summary: string;
}

export interface ConnectorDefinition<Client = unknown> {
  id: string;
  name: string;
  vendor: string;
  categories: readonly (typeof systemCategories)[number][];
  authMethod: AuthMethod;
  credentialFields: readonly CredentialField[];
  /** Auth guide (markdown) for a non-technical admin: where to find each value. */
  authGuide: string;
  rateBudget: RateBudget;
  /**
   * Whose budget a connection spends, when the system limits an organisation rather than a
   * connection: connections of this connector with the same key share one guard (budget, pause,
   * breaker). Absent: every connection has its own.
   */
  budgetKey?(credentials: Record<string, unknown>): string;
  /**
   * The base URL the connection's calls go to, when it is derived (from a region, say) rather
   * than typed in as `instanceUrl`: the passthrough is confined to it. Absent: `instanceUrl`.
   */
  instanceUrl?(credentials: Record<string, unknown>): string | undefined;
  http?: Partial<HttpPolicy>;
  /** Builds a client for one connection; no I/O happens until it is used. */
  connect(credentials: Record<string, unknown>, http: HttpClient): Client;
  /** A cheap live call proving the credentials work; throws a SystemFailure when they do not. */
  verify(client: Client): Promise<VerifyResult>;
  resources: Partial<Record<EntityKey, ResourceDefinition<Client, never>>>;
  /**
   * Documents the system pushes to Manifold (absent: none). `cxml`: it sends purchase orders as
   * cXML OrderRequests to the connection's intake (src/kit/cxml); `senders` names the products
   * that do, `notes` (markdown) where the customer admin sets it up.
   */
  orderIntake?: { cxml: { senders: readonly string[]; notes?: string } };
  /** Sends a raw request (already confined to the instance by the kit) with the connection's auth. */
  passthrough?(client: Client, req: { method: OutboundRequest['method']; url: string; headers: Record<string, string>; body?: string }): Promise<OutboundResponse>;
}

/** Identity function that checks a connector's data against the kit's schema at load time. */
export function defineConnector<Client>(def: ConnectorDefinition<Client>): ConnectorDefinition<Client> {
  z.array(CredentialField).parse(def.credentialFields);
  RateBudget.parse(def.rateBudget);
  if (!/^[a-z][a-z0-9-]*$/.test(def.id)) throw new Error(`connector id ${def.id} must be lower-case kebab`);
  return def;
}

/** A resource the system can list and read by id (most are). */
export type ReadableResource<Client, Raw> = ResourceDefinition<Client, Raw> & Required<Pick<ResourceDefinition<Client, Raw>, 'list' | 'get'>>;

/** Keeps a resource's Raw type tied to its functions while storing it in the connector's map. */
export function defineResource<Client, Raw>(def: ReadableResource<Client, Raw>): ReadableResource<Client, never>;
export function defineResource<Client, Raw>(def: ResourceDefinition<Client, Raw>): ResourceDefinition<Client, never>;
export function defineResource<Client, Raw>(def: ResourceDefinition<Client, Raw>): ResourceDefinition<Client, never> {
  return def as unknown as ResourceDefinition<Client, never>;
}
