/**
 * What the status page says (no browser needed): the overall state in words, systemic incidents
 * told from one connection's own, and numbers as people read them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident, Status } from '../../web/src/shared/types.js';
import { ago, incidentText, incidentTitle, latency, overall, percent, sortSystems } from '../../web/src/status/format.js';

const checkedAt = '2026-03-02T10:05:00.000Z';
const since = '2026-03-02T10:00:00.000Z';
const incident = (over: Partial<Incident>): Incident => ({ kind: 'systemic', system: 'tryton', connections: 2, connectionIds: null, failedShare: 1, since, ...over });
const status = (over: Partial<Status>): Status => ({
  status: 'ok',
  checkedAt,
  platform: { store: { status: 'ok', dialect: 'sqlite' }, jobs: { running: 0 } },
  systems: [],
  connections: null,
  incidents: [],
  ...over,
});

describe('status page wording', () => {
  it('says the overall state in words', () => {
    assert.deepEqual(overall(status({})), { title: 'All systems operational', text: 'Manifold is healthy. No connected system has been called in the last hour.' });
    assert.equal(overall(status({ systems: [{ system: 'tryton', connections: 1, openCircuits: 0, calls: 3, failedShare: 0, p95Ms: 12 }] })).text, 'Manifold is healthy and no connected system is failing.');
    const degraded = overall(status({ status: 'degraded', incidents: [incident({}), incident({ kind: 'connection', system: 'maximo', connections: 1 })] }));
    assert.equal(degraded.title, 'Degraded: some systems are failing');
    assert.equal(degraded.text, 'Systemic: tryton is failing on 2 connections. One connection to maximo is failing.');
    const down = overall(status({ status: 'down', platform: { store: { status: 'down', dialect: 'postgres' }, jobs: { running: 0 } } }));
    assert.equal(down.title, 'Down: Manifold itself is failing');
    assert.match(down.text, /^Its store is not answering/);
  });

  it('tells a systemic failure from one connection’s own', () => {
    assert.equal(incidentTitle(incident({ connections: 3 })), 'Systemic: tryton is failing on 3 connections');
    assert.equal(incidentTitle(incident({ kind: 'connection', connections: 1 })), 'One connection to tryton is failing');
    assert.match(incidentText(incident({}), checkedAt, 2), /^100% of their calls failed over the last 5 minutes\. Several connections fail at once/);
    assert.match(incidentText(incident({ kind: 'connection', failedShare: 0.6 }), checkedAt, 4), /^60% of its calls failed .* Other connections to tryton work, so the cause is this connection’s own/);
    // Alone on its system, a failing connection cannot be blamed on itself or on the system.
    assert.match(incidentText(incident({ kind: 'connection' }), checkedAt, 1), /only connection to tryton with recent calls, so it cannot be told yet/);
  });

  it('writes numbers as people read them', () => {
    assert.deepEqual([0, 0.004, 0.0125, 0.25, 0.999, 1].map(percent), ['0%', '0.4%', '1.3%', '25%', '100%', '100%']);
    assert.deepEqual([null, 4.2, 240, 999.4, 1840, 12_000].map(latency), ['none', '4 ms', '240 ms', '999 ms', '1.8 s', '12 s']);
    assert.deepEqual([0, 4_999, 5_000, 14_000, 59_000, 61_000, 7_200_000, -5].map(ago), ['just now', 'just now', '5 s ago', '10 s ago', '55 s ago', '1 min ago', '2 h ago', 'just now']);
  });

  it('lists systems with an incident first, then the most failing', () => {
    const s = (system: string, failedShare: number) => ({ system, connections: 1, openCircuits: 0, calls: 10, failedShare, p95Ms: 10 });
    const sorted = sortSystems([s('a', 0), s('b', 0.2), s('c', 0.1), s('d', 0)], [incident({ system: 'd' })]);
    assert.deepEqual(sorted.map((x) => x.system), ['d', 'b', 'c', 'a']);
  });
});
