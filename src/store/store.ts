import type { Kysely } from 'kysely';
import { ping, type DialectName } from './db.js';
import { createCheckpointsRepo, type CheckpointsRepo } from './repos/checkpoints.js';
import { createConnectionsRepo, type ConnectionsRepo } from './repos/connections.js';
import { createConnectLinksRepo, type ConnectLinksRepo } from './repos/connect-links.js';
import { createCxmlIntakeRepo, type CxmlIntakeRepo } from './repos/cxml-intake.js';
import { createEventsRepo, type EventsRepo } from './repos/events.js';
import { createFieldMappingsRepo, type FieldMappingsRepo } from './repos/field-mappings.js';
import { createIdempotencyRepo, type IdempotencyRepo } from './repos/idempotency.js';
import { createRecordsRepo, type RecordsRepo } from './repos/records.js';
import { createRequestLogRepo, type RequestLogRepo } from './repos/request-log.js';
import { createTokensRepo, type TokensRepo } from './repos/tokens.js';
import type { Database } from './schema.js';

export interface Repos {
  connections: ConnectionsRepo;
  tokens: TokensRepo;
  records: RecordsRepo;
  checkpoints: CheckpointsRepo;
  requestLog: RequestLogRepo;
  fieldMappings: FieldMappingsRepo;
  idempotency: IdempotencyRepo;
  events: EventsRepo;
  connectLinks: ConnectLinksRepo;
  cxmlIntake: CxmlIntakeRepo;
}

export interface Store extends Repos {
  dialect: DialectName;
  db: Kysely<Database>;
  /** Throws if the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The repos over any Kysely handle. Given a transaction (`store.db.transaction().execute(trx =>
 * createRepos(trx)…)`), every repo call joins it, so e.g. records and their events commit together.
 */
export function createRepos(db: Kysely<Database>): Repos {
  return {
    connections: createConnectionsRepo(db),
    tokens: createTokensRepo(db),
    records: createRecordsRepo(db),
    checkpoints: createCheckpointsRepo(db),
    requestLog: createRequestLogRepo(db),
    fieldMappings: createFieldMappingsRepo(db),
    idempotency: createIdempotencyRepo(db),
    events: createEventsRepo(db),
    connectLinks: createConnectLinksRepo(db),
    cxmlIntake: createCxmlIntakeRepo(db),
  };
}

export function createStore(db: Kysely<Database>, dialect: DialectName): Store {
  let closing: Promise<void> | undefined;
  return {
    dialect,
    db,
    ...createRepos(db),
    ping: () => ping(db),
    // Idempotent: shutdown paths (signal handler, test teardown) may both close.
    close: () => (closing ??= db.destroy()),
  };
}
