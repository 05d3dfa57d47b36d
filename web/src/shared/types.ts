/**
 * The API's shapes as the pages use them. The server's zod schemas are the source of truth;
 * these are written out because importing the schemas would pull the whole server into the
 * pages' type check. test/browser/web-types.test.ts fails the type check if they drift apart.
 */

export type SystemCategory = 'erp' | 'cmms' | 's2p';

/** src/kit/definition.ts CredentialField */
export interface CredentialField {
  name: string;
  label: string;
  type: 'url' | 'string' | 'secret' | 'select';
  required: boolean;
  help: string;
  example?: string | undefined;
  options?: string[] | undefined;
  default?: string | undefined;
}

/** src/kit/definition.ts RateBudget */
export interface RateBudget {
  requestsPerSecond: number;
  burst: number;
  maxConcurrent: number;
  windows?: { requests: number; seconds: number; resetAt?: 'midnight-utc' | undefined }[] | undefined;
}

/** src/server/routes/systems.ts System */
export interface System {
  id: string;
  name: string;
  vendor: string;
  categories: SystemCategory[];
  authMethod: 'basic' | 'session_login' | 'api_key' | 'bearer' | 'oauth2_client_credentials' | 'oauth1_tba' | 'hmac_signed';
  credentialFields: CredentialField[];
  authGuide: string;
  rateBudget: RateBudget;
  entities: Record<string, { list: boolean; get: boolean; create: boolean; update: boolean; delete: 'hard' | 'cancelled' | 'soft' | 'none'; asynchronousCreate?: true | undefined }>;
  /** Documents the system pushes to Manifold (cXML purchase orders), or null. */
  orderIntake: { cxml: { senders: string[]; notes: string | null } } | null;
  sandbox: { instanceUrl: string; credentials: Record<string, string> } | null;
}

/** src/server/routes/connections.ts Connection */
export interface Connection {
  id: string;
  system: string;
  name: string;
  status: 'active' | 'syncing' | 'needs_attention' | 'disabled';
  createdAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  metadata: Record<string, unknown>;
  syncIntervalMinutes: number | null;
  outboundPolicy: { timeoutMs?: number; maxAttempts?: number; deadlineMs?: number; rateBudget?: Partial<RateBudget> } | null;
}

/** src/server/schemas.ts ErrorEnvelope's `error`; codes as in src/core/errors.ts. */
export interface ErrorBody {
  type: string;
  code: string;
  message: string;
  requestId: string;
  retryable: boolean;
  source: 'manifold' | 'system';
  connectionId?: string | undefined;
  system?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** A connect link as GET /v1/connect/session describes it (from the contract; no schema yet). */
export interface ConnectLink {
  id: string;
  /** The system the link is for; the page is locked to it. */
  system: string | null;
  /** The connection name the sender chose; the page is locked to it. */
  name: string | null;
  expiresAt: string;
  redirectUrl: string | null;
}

/** What connecting answers, from either route (admin or link). */
export interface ConnectResult {
  data: Connection;
  token: string;
  redirectUrl: string | null;
}

/** src/server/routes/status.ts Status: one system's calls over the last hour. */
export interface SystemHealth {
  system: string;
  /** Connections that made calls in the last hour. */
  connections: number;
  /** Connections whose circuit is open now. */
  openCircuits: number;
  calls: number;
  /** 0–1: no answer, 5xx or 429. */
  failedShare: number;
  p95Ms: number | null;
}

/** src/server/routes/status.ts Status: one connection (admin key only). */
export interface ConnectionHealth {
  id: string;
  name: string;
  system: string;
  status: string;
  circuit: 'closed' | 'open' | 'half_open';
  calls: number;
  failedShare: number;
  p95Ms: number | null;
}

/** src/server/routes/status.ts Status: a current incident. */
export interface Incident {
  /** systemic: a system failing on several connections; connection: one connection failing. */
  kind: 'systemic' | 'connection';
  system: string;
  connections: number;
  /** Which connections (admin key only). */
  connectionIds: string[] | null;
  /** Over the last five minutes, 0–1. */
  failedShare: number;
  /** Start of the window the incident was seen in (not when it began). */
  since: string;
}

/** src/server/routes/status.ts Status (GET /v1/status). */
export interface Status {
  status: 'ok' | 'degraded' | 'down';
  checkedAt: string;
  platform: {
    store: { status: 'ok' | 'down'; dialect: 'sqlite' | 'postgres' };
    jobs: { running: number };
  };
  systems: SystemHealth[];
  /** Only with the admin key. */
  connections: ConnectionHealth[] | null;
  incidents: Incident[];
}

/** src/server/routes/connections.ts TokenInfo: a connection token, without the token itself. */
export interface TokenInfo {
  id: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** src/server/routes/sync.ts EntitySync: one entity's sync state. */
export interface EntitySync {
  entity: string;
  /** running, succeeded, failed, or skipped (the system cannot list this entity). */
  status: string;
  lastRunStartedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** When the last full run (which also finds deletions) that succeeded started. */
  lastFullSyncAt: string | null;
  counts: { fetched?: number; created?: number; updated?: number; unchanged?: number; deleted?: number; failed?: number };
  /** Why the entity is skipped. */
  note: string | null;
}

/** src/server/routes/sync.ts SyncState (GET/POST /v1/connections/{id}/sync). */
export interface SyncState {
  connectionId: string;
  running: boolean;
  entities: EntitySync[];
}

/** src/server/routes/field-mapping.ts FieldRow: where one unified field comes from. */
export interface MappingFieldRow {
  field: string;
  source: 'default' | 'override' | 'custom';
  /** { path, write?, note? }, { paths, logic } or { none: reason }. */
  native: Record<string, unknown>;
  writable?: boolean | undefined;
  type?: string | undefined;
}

/** src/server/routes/field-mapping.ts EntityMappingView. */
export interface EntityFieldMapping {
  entity: string;
  version: number;
  fields: MappingFieldRow[];
  lines: MappingFieldRow[];
  customFields: MappingFieldRow[];
  unmapped: { path: string; example: unknown }[];
}

/** GET /v1/connections/{id}/field-mapping */
export interface FieldMapping {
  connectionId: string;
  system: string;
  entities: EntityFieldMapping[];
}

/** GET …/field-mapping/versions: one version. */
export interface MappingVersion {
  entity: string;
  version: number;
  createdAt: string;
  mapping: Record<string, unknown>;
}

/** src/engine/mapping/service.ts MappingChange (the body of PUT and preview). */
export interface MappingChange {
  fields?: Record<string, { source: string } | null>;
  customFields?: Record<string, { source: string; type?: 'string' | 'decimal' | 'date' | 'boolean' } | null>;
}

/** POST …/field-mapping/{entity}/preview */
export interface MappingPreview {
  current: Record<string, unknown>;
  preview: Record<string, unknown>;
}

/** One call to a system, as GET /v1/requests/{id} lists it (the schema leaves them open). */
export interface SystemCall {
  method?: string;
  url?: string;
  status?: number | null;
  durationMs?: number;
  attempt?: number;
  outcome?: string;
  retryReason?: string | null;
  [key: string]: unknown;
}

/** src/server/routes/requests.ts RequestLogEntry (GET /v1/requests/{id}). */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  route: string;
  url: string;
  connectionId: string | null;
  status: number;
  durationMs: number;
  createdAt: string;
  errorCode: string | null;
  calls: unknown[];
}
