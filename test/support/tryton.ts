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
export { login, rawCall, dec, date, TrytonRpcError, type TrytonSession } from '../../src/sandbox/tryton/rpc.js';
export { SEED_BASE_DATE, SEED_PURCHASE_COUNT, SEED_STATE_COUNTS, type SeedSummary, type SeedState } from '../../src/sandbox/tryton/seed.js';
