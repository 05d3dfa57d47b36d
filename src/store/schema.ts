/**
 * Table and column names as they are in the database (snake_case). JSON columns are typed
 * `string` because json.ts encodes before every write and decodes after every read; times are
 * ISO strings (time.ts). Repos map these rows to the camelCase rows they return.
 */
import type { Generated } from 'kysely';

export interface ConnectionsTable {
  id: string;
  system: string;
  name: string;
  status: string;
  credentials: string | null;
  metadata: string;
  last_sync_at: string | null;
  last_error: string | null;
  sync_interval_seconds: number | null;
  outbound_policy: string | null;
  created_at: string;
  updated_at: string;
}

export interface TokensTable {
  id: string;
  connection_id: string;
  prefix: string;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RecordsTable {
  id: string;
  connection_id: string;
  entity: string;
  remote_id: string;
  data: string;
  remote_data: string | null;
  custom_fields: string;
  content_hash: string;
  version: number;
  status: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
  synced_at: string;
}

export interface SyncCheckpointsTable {
  connection_id: string;
  entity: string;
  cursor: string | null;
  status: string;
  last_run_started_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  counts: string;
}

export interface RequestLogTable {
  request_id: string;
  method: string;
  route: string;
  url: string;
  connection_id: string | null;
  status: number;
  duration_ms: number;
  created_at: string;
  calls: string;
  error_code: string | null;
}

export interface FieldMappingsTable {
  connection_id: string;
  entity: string;
  version: number;
  mapping: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  connection_id: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  connection_id: string;
  entity: string;
  record_id: string;
  type: string;
  payload: string;
  created_at: string;
}

export interface ConnectLinksTable {
  id: string;
  hash: string;
  prefix: string;
  system: string | null;
  name: string | null;
  metadata: string;
  redirect_url: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  connection_id: string | null;
}

export interface CxmlIntakesTable {
  connection_id: string;
  settings: string;
  /** Sealed by the caller (SecretBox); never decrypted by the store. */
  secrets: string;
  created_at: string;
  updated_at: string;
}

export interface CxmlIntakeTokensTable {
  hash: string;
  connection_id: string;
  created_at: string;
  expires_at: string;
}

export interface CxmlOrdersTable {
  connection_id: string;
  order_id: string;
  record_id: string;
  order_version: number;
  state: string;
  last_payload_id: string;
  updated_at: string;
}

export interface CxmlDocumentsTable {
  connection_id: string;
  payload_id: string;
  content_hash: string;
  order_id: string;
  type: string;
  order_version: number | null;
  outcome: string;
  received_at: string;
}

export interface Database {
  connections: ConnectionsTable;
  tokens: TokensTable;
  records: RecordsTable;
  sync_checkpoints: SyncCheckpointsTable;
  request_log: RequestLogTable;
  field_mappings: FieldMappingsTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  connect_links: ConnectLinksTable;
  cxml_intakes: CxmlIntakesTable;
  cxml_intake_tokens: CxmlIntakeTokensTable;
  cxml_orders: CxmlOrdersTable;
  cxml_documents: CxmlDocumentsTable;
}
