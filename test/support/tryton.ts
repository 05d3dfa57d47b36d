// Real Tryton 6.0 for tests: a private, seeded server per call on a free loopback port.
// The implementation lives in src/sandbox/tryton/ so `npm start` and the human CLI (scripts/tryton/start.ts)
// share it; see src/sandbox/tryton/seed.ts for what the demo data contains.
export {
  startTryton,
  trytonAvailable,
  ensureTemplate,
  TRYTON_ADMIN_LOGIN,
  TRYTON_ADMIN_PASSWORD,
  TRYTON_DATABASE,
  type StartOptions,
  type TemplateInfo,
  type TrytonServer,
} from '../../src/sandbox/tryton/server.js';
import { trytonAvailable } from '../../src/sandbox/tryton/server.js';
export { login, rawCall, dec, date, TrytonRpcError, type TrytonSession } from '../../src/sandbox/tryton/rpc.js';
export { SEED_BASE_DATE, SEED_PURCHASE_COUNT, SEED_STATE_COUNTS, type SeedSummary, type SeedState } from '../../src/sandbox/tryton/seed.js';

/**
 * Whether the tests of a file that needs a real Tryton run here: `skip` (with the reason, printed)
 * outside CI when Tryton is not installed; under CI=true the tests run and `require()` fails them.
 */
export async function trytonGate(what: string): Promise<{ skip: string | false; require(): void }> {
  const reason = await trytonAvailable();
  const inCi = process.env.CI === 'true';
  if (reason && !inCi) console.log(`Skipping ${what}: ${reason}`);
  return {
    skip: reason && !inCi ? reason : false,
    require() {
      if (reason) throw new Error(`Tryton is required in CI: ${reason}`);
    },
  };
}
