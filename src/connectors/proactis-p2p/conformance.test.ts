/**
 * The kit's conformance suite against the PROACTIS P2P gateway simulator. Nothing on the gateway
 * can be listed or read: the suite proves each resource says why, and checks the login (verify),
 * a wrong password (invalid_credentials) and an unreachable gateway.
 */
import { after, before } from 'node:test';
import { runConformance } from '../../kit/testing/conformance.js';
import { startProactisP2p, type P2pSimulator } from '../../sandbox/proactis-p2p/sandbox.js';
import { proactisP2p } from './connector.js';

let sim: P2pSimulator;
before(async () => {
  sim = await startProactisP2p({ suppliers: 5, orders: 5 });
});
after(() => sim?.stop());

runConformance({ connector: proactisP2p, credentials: () => sim.credentials, timeoutMs: 30_000 });
