/**
 * The pages keep their own copy of the API's shapes (web/src/shared/types.ts) and token
 * prefixes so their type check and bundle do not pull in the server. This file is where the
 * copies meet the server's: if either side changes alone, `npm run typecheck` or this test fails.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { z } from 'zod';
import type { CredentialField as ServerField } from '../../src/kit/definition.js';
import type { Connection as ConnectionSchema } from '../../src/server/routes/connections.js';
import type { Status as StatusSchema } from '../../src/server/routes/status.js';
import type { System as SystemSchema } from '../../src/server/routes/systems.js';
import type { ErrorEnvelope } from '../../src/server/schemas.js';
import type { Connection, CredentialField, ErrorBody, Status, System } from '../../web/src/shared/types.js';
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
  // The pages read error codes as plain strings (they add codes of their own): one way suffices.
  error: true satisfies [z.infer<typeof ErrorEnvelope>['error']] extends [ErrorBody] ? true : false,
};

it("the pages' API types match the server's schemas (checked by the type checker)", () => {
  assert.deepEqual(Object.values(checks), [true, true, true, true, true]);
});

it('the pages know how connection and link tokens begin', () => {
  assert.equal(CONNECTION_TOKEN_PREFIX, `${TOKEN_PREFIX}_`);
  assert.equal(LINK_TOKEN_PREFIX, `${LINK_PREFIX}_`);
});
