/**
 * The pages keep their own copy of the API's shapes (web/src/shared/types.ts) and token
 * prefixes so their type check and bundle do not pull in the server. This file is where the
 * copies meet the server's: if either side changes alone, `npm run typecheck` or this test fails.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { z } from 'zod';
import type { CredentialField as ServerField } from '../../src/kit/definition.js';
import type { Connection as ConnectionSchema, TokenInfo as TokenInfoSchema } from '../../src/server/routes/connections.js';
import type { EntityMappingView } from '../../src/server/routes/field-mapping.js';
import type { MappingChange as MappingChangeSchema } from '../../src/engine/mapping/service.js';
import type { Status as StatusSchema } from '../../src/server/routes/status.js';
import type { System as SystemSchema } from '../../src/server/routes/systems.js';
import type { ErrorEnvelope } from '../../src/server/schemas.js';
import type {
  Connection,
  CredentialField,
  EntityFieldMapping,
  ErrorBody,
  MappingChange,
  RequestLogEntry,
  Status,
  SyncState,
  System,
  TokenInfo,
} from '../../web/src/shared/types.js';
import { appFor } from '../support/app.js';
import { createTestStore } from '../support/stores.js';
import { TOKEN_PREFIX } from '../../src/server/auth/credentials.js';
import { LINK_PREFIX } from '../../src/server/routes/connect-links.js';
import { CONNECTION_TOKEN_PREFIX, LINK_TOKEN_PREFIX } from '../../web/src/connect/session.js';

/** true only when each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const checks = {
  system: true satisfies Same<System, z.infer<typeof SystemSchema>>,
  credentialField: true satisfies Same<CredentialField, ServerField>,
  connection: true satisfies Same<Connection, z.infer<typeof ConnectionSchema>>,
  status: true satisfies Same<Status, z.infer<typeof StatusSchema>>,
  tokenInfo: true satisfies Same<TokenInfo, z.infer<typeof TokenInfoSchema>>,
  entityFieldMapping: true satisfies Same<EntityFieldMapping, z.infer<typeof EntityMappingView>>,
  // What the dashboard sends must be accepted (the schema fills in its defaults).
  mappingChange: true satisfies [MappingChange] extends [z.input<typeof MappingChangeSchema>] ? true : false,
  // The pages read error codes as plain strings (they add codes of their own): one way suffices.
  error: true satisfies [z.infer<typeof ErrorEnvelope>['error']] extends [ErrorBody] ? true : false,
};

it("the pages' API types match the server's schemas (checked by the type checker)", () => {
  assert.deepEqual(Object.values(checks), [true, true, true, true, true, true, true, true]);
});

/** Keys of the pages' copies of schemas the server does not export (checked against the OpenAPI document). */
const syncStateKeys = ['connectionId', 'running', 'entities'] as const satisfies readonly (keyof SyncState)[];
const entitySyncKeys = ['entity', 'status', 'lastRunStartedAt', 'lastSuccessAt', 'lastError', 'lastFullSyncAt', 'counts', 'note'] as const satisfies readonly (keyof SyncState['entities'][number])[];
const requestLogKeys = ['requestId', 'method', 'route', 'url', 'connectionId', 'status', 'durationMs', 'createdAt', 'errorCode', 'calls'] as const satisfies readonly (keyof RequestLogEntry)[];

it("the pages' copies of SyncState and RequestLogEntry name the fields the OpenAPI document does", async () => {
  const { store, dispose } = await createTestStore('sqlite');
  const app = await appFor(store);
  try {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const schemas = doc.components.schemas;
    const props = (schema: { properties?: Record<string, unknown> }) => Object.keys(schema.properties ?? {}).sort();
    assert.deepEqual(props(schemas.SyncState), [...syncStateKeys].sort());
    assert.deepEqual(props(schemas.SyncState.properties.entities.items), [...entitySyncKeys].sort());
    assert.deepEqual(props(schemas.RequestLogEntry), [...requestLogKeys].sort());
  } finally {
    await app.close();
    await dispose();
  }
});

it('the pages know how connection and link tokens begin', () => {
  assert.equal(CONNECTION_TOKEN_PREFIX, `${TOKEN_PREFIX}_`);
  assert.equal(LINK_TOKEN_PREFIX, `${LINK_PREFIX}_`);
});
