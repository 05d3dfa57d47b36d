/**
 * Test support: a Proactis simulator and the credentials that reach it (the instance URL
 * override points the connector at loopback), plus a client for connector-level tests.
 */
import { HttpClient } from '../../kit/http.js';
import { startProactisSim, type ProactisSim, type ProactisSimOptions } from '../../sandbox/proactis/server.js';
import { ProactisClient } from './client.js';
import { proactis } from './connector.js';
import { readCredentials } from './regions.js';

export function credentialsOf(sim: ProactisSim): Record<string, string> {
  return { region: 'UK', domainId: sim.domainId, clientId: sim.clientId, clientSecret: sim.clientSecret, apiKey: sim.apiKey, instanceUrl: sim.url };
}

/** A simulator without rate limits (tests that are not about the limits stay fast). */
export function relaxedSim(opts: ProactisSimOptions = {}): Promise<ProactisSim> {
  return startProactisSim({ limits: null, processingDelayMs: null, ...opts });
}

export function clientFor(sim: ProactisSim, policy: ConstructorParameters<typeof HttpClient>[0] = {}): ProactisClient {
  return new ProactisClient(readCredentials(credentialsOf(sim)), new HttpClient({ policy: proactis.http, ...policy }));
}
