// Real Tryton 6.0 for tests: a private, seeded server per call on a free loopback port.
// The implementation lives in scripts/tryton/ so the human CLI (scripts/tryton/start.ts)
// shares it; see scripts/tryton/seed.ts for what the demo data contains.
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
} from '../../scripts/tryton/sandbox.js';
export { login, rawCall, dec, date, TrytonRpcError, type TrytonSession } from '../../scripts/tryton/rpc.js';
export { SEED_BASE_DATE, SEED_PURCHASE_COUNT, SEED_STATE_COUNTS, type SeedSummary, type SeedState } from '../../scripts/tryton/seed.js';
