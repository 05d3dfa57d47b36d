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

/** src/server/routes/systems.ts System */
export interface System {
  id: string;
  name: string;
  vendor: string;
  categories: SystemCategory[];
  authMethod: 'basic' | 'session_login' | 'api_key' | 'bearer' | 'oauth2_client_credentials' | 'oauth1_tba' | 'hmac_signed';
  credentialFields: CredentialField[];
  authGuide: string;
  entities: Record<string, { list: boolean; get: boolean; create: boolean; update: boolean; delete: 'hard' | 'cancelled' | 'soft' | 'none' }>;
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
  outboundPolicy: { timeoutMs?: number; maxAttempts?: number; deadlineMs?: number } | null;
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
