/**
 * The Proactis client against the simulator: one token for many calls and one renewal when
 * Proactis says it expired; the API key on every call; refusals classified (wrong key, wrong
 * domain, throttled); a listing that loses records mid-way steps back instead of skipping any;
 * supplier writes refused before any call where Proactis has no equivalent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SystemFailure } from '../../kit/failure.js';
import type { ProactisSim } from '../../sandbox/proactis/server.js';
import { ProactisClient } from './client.js';
import { proactis } from './connector.js';
import { listPages } from './listing.js';
import { readCredentials } from './regions.js';
import { supplierValues } from './resources/vendor-writes.js';
import { clientFor, credentialsOf, relaxedSim } from './sim.test-support.js';
import { HttpClient } from '../../kit/http.js';
import { credentialsSchema } from '../../kit/definition.js';
import { proactisSandbox } from '../../sandbox/proactis/sandbox.js';

const failure = (code: string, failureClass?: string) => (err: unknown) => err instanceof SystemFailure && err.code === code && (failureClass === undefined || err.failureClass === failureClass);

describe('Proactis client', () => {
  let sim: ProactisSim;
  before(async () => {
    sim = await relaxedSim({ sizes: { suppliers: 60, requisitions: 2, receipts: 2, invoices: 2 } });
  });
  after(() => sim.stop());

  it('uses one token for many calls, and renews it once when Proactis says it expired', async () => {
    const client = clientFor(sim);
    const issued = sim.tokens.issued;
    await Promise.all([client.page('suppliers', {}), client.page('invoices', {}), client.get('suppliers', sim.data.suppliers[0]!.id)]);
    assert.equal(sim.tokens.issued - issued, 1);
    sim.tokens.expireAll();
    await client.page('suppliers', {});
    assert.equal(sim.tokens.issued - issued, 2, 'one renewal');
    assert.equal(sim.log.at(-1)!.status, 200);
  });

  it('classifies a wrong API key and a wrong domain as credentials to fix, and a persisting 429 as transient', async () => {
    const wrongKey = new ProactisClient(readCredentials({ ...credentialsOf(sim), apiKey: 'nope' }), new HttpClient());
    await assert.rejects(proactis.verify(wrongKey), failure('invalid_credentials', 'config'));
    const wrongDomain = new ProactisClient(readCredentials({ ...credentialsOf(sim), domainId: 'OTHER' }), new HttpClient());
    await assert.rejects(proactis.verify(wrongDomain), failure('invalid_credentials', 'config'));
    sim.limiter.throttleNext(2);
    const impatient = clientFor(sim, { policy: { ...proactis.http, maxAttempts: 2, throttleBaseMs: 10, throttleMaxMs: 20 } });
    await assert.rejects(impatient.page('suppliers', {}), failure('rate_limited', 'transient'));
  });

  it('steps back when records disappear mid-listing, so none is skipped', async () => {
    const client = clientFor(sim);
    const seen: string[] = [];
    let removed = false;
    for await (const page of listPages(client, 'suppliers', { pageSize: 10 })) {
      seen.push(...page.records.map((r) => (r as { id: string }).id));
      if (!removed && seen.length >= 20) {
        // Two records of the pages already read vanish: every later record moves back two places.
        const sorted = [...sim.data.suppliers].sort((a, b) => (a.id < b.id ? -1 : 1));
        sim.org.remove('suppliers', sorted[3]!.id);
        sim.org.remove('suppliers', sorted[5]!.id);
        removed = true;
      }
    }
    const remaining = sim.data.suppliers.map((s) => s.id);
    assert.deepEqual(remaining.filter((id) => !seen.includes(id)), [], 'every remaining supplier was read');
  });

  it('refuses supplier values Proactis cannot hold, before any call', () => {
    assert.throws(() => supplierValues({ status: 'blocked' }), failure('field_not_updatable'));
    assert.throws(() => supplierValues({ email: null }), failure('field_not_updatable'));
    assert.throws(() => supplierValues({ address: { name: null, line1: 'x', line2: null, line3: null, city: 'Leeds', region: null, postalCode: null, country: 'United Kingdom', raw: null } }), failure('rejected_by_system'));
    assert.deepEqual(supplierValues({ code: 'S1', name: 'N', status: 'inactive', address: { name: null, line1: '1 Road', line2: 'Unit 4', line3: null, city: 'Leeds', region: null, postalCode: 'LS1', country: 'GB', raw: null } }), {
      number: 'S1', name: 'N', online: false, address: { street: ['1 Road', 'Unit 4'], city: 'Leeds', postalCode: 'LS1', country: 'GB' },
    });
  });

  it('the sandbox system offers credentials that connect', async () => {
    const sandbox = await proactisSandbox.start();
    try {
      const credentials = credentialsSchema(proactis.credentialFields).parse(sandbox.credentials);
      const result = await proactis.verify(proactis.connect(credentials, new HttpClient()));
      assert.match(result.summary, /domain ACME01 .*300 suppliers/);
    } finally {
      await sandbox.stop();
    }
  });
});
