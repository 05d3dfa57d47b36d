/**
 * The benchmark harness's pure parts (bench/lib): statistics, goal checks, number and table
 * formatting, argument parsing, merging results, profile summaries — and that
 * docs/benchmarks.md is exactly what bench/docs.ts renders from bench/results/latest.json, so
 * the page cannot drift from the figures. No benchmark runs here and nothing is timed.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ArgsError, BENCHMARK_IDS, parseArgs, type StoreKind } from '../../bench/lib/args.js';
import { checkGoal, formatStat, formatValue, formatVersusFloor, type BenchmarkResult, type RunDocument } from '../../bench/lib/results.js';
import { percentile, summarize } from '../../bench/lib/stats.js';
import { renderTable, renderBenchmark } from '../../bench/lib/table.js';
import { mergeLatest, readLatest } from '../../bench/lib/store-results.js';
import { figure } from '../../bench/lib/figures.js';
import { DOCS_FILE, readFindings, renderDocs } from '../../bench/docs.js';
import { topFrames } from '../../bench/profile-top.js';

describe('statistics', () => {
  it('the median of an odd and an even number of runs, with min and max', () => {
    assert.deepEqual(summarize([5, 1, 3]), { median: 3, min: 1, max: 5, n: 3, samples: [5, 1, 3] });
    const even = summarize([4, 1, 3, 2]);
    assert.equal(even.median, 2.5);
    assert.equal(even.min, 1);
    assert.equal(even.max, 4);
  });

  it('refuses no samples and non-finite samples', () => {
    assert.throws(() => summarize([]));
    assert.throws(() => summarize([1, Number.NaN]));
  });

  it('percentiles by nearest rank: always an observed value', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    assert.equal(percentile(xs, 50), 50);
    assert.equal(percentile(xs, 99), 99);
    assert.equal(percentile(xs, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.equal(percentile([1, 2, 3, 4], 50), 2);
    assert.throws(() => percentile([1], 101));
  });
});

describe('goals', () => {
  const stat = (xs: number[]) => summarize(xs);

  it('a ratio to the floor: met, and missed by percentage points', () => {
    assert.equal(checkGoal({ of: 'ratio', atLeast: 0.5, text: '' }, stat([60]), 'req/s', stat([100])).met, true);
    const missed = checkGoal({ of: 'ratio', atLeast: 0.5, text: '' }, stat([30, 40, 50]), 'req/s', stat([100]));
    assert.equal(missed.met, false);
    assert.equal(missed.actual, 0.4);
    assert.match(missed.verdict, /short by 10\.0 percentage points/);
  });

  it('a ceiling on the value, judged on the median, and what the floor adds', () => {
    const over = checkGoal({ of: 'value', atMost: 50, text: '' }, stat([40, 60, 70]), 'ms');
    assert.equal(over.met, false);
    assert.match(over.verdict, /over by 10\.0 ms \(20 %\)/);
    assert.equal(checkGoal({ of: 'value', atMost: 50, text: '' }, stat([10, 45, 900]), 'ms').met, true);
    assert.match(checkGoal({ of: 'value', atMost: 2, text: '' }, stat([40]), 'ms').verdict, /over by 38\.0 ms \(20× the goal\)/);
    const added = checkGoal({ of: 'added', atMost: 2, text: '' }, stat([5]), 'ms', stat([2]));
    assert.equal(added.actual, 3);
    assert.equal(added.met, false);
    assert.throws(() => checkGoal({ of: 'added', atMost: 2, text: '' }, stat([5]), 'ms'), /needs a floor/);
  });

  it('a figure carries its floor and its checked goal', () => {
    const f = figure({ id: 'x', case: 'c', metric: 'm', unit: 'req/s', samples: [100, 110, 90], floor: { label: 'bare', samples: [400, 410, 390] }, goal: { of: 'ratio', atLeast: 0.5, text: '≥ 50 %' } });
    assert.equal(f.value.median, 100);
    assert.equal(f.floor?.value.median, 400);
    assert.equal(f.goal?.met, false);
    assert.equal(formatVersusFloor(f), '25 %');
  });
});

describe('formatting', () => {
  it('numbers with a precision that suits their size and unit', () => {
    assert.equal(formatValue(12345.6, 'req/s'), '12,346');
    assert.equal(formatValue(42.25, 'req/s'), '42.3');
    assert.equal(formatValue(0.1234, 'ms'), '0.123');
    assert.equal(formatValue(3.14159, 'ms'), '3.14');
    assert.equal(formatValue(123.4, 'µs'), '123');
    assert.equal(formatStat(summarize([1, 2, 3]), 'ms'), '2.00 (1.00–3.00)');
    assert.equal(formatStat(summarize([2]), 'ms'), '2.00 (1 run)');
  });

  it('a table pads every column to its widest cell and right-aligns numbers', () => {
    const out = renderTable(['name', 'value'], [['a', '1 ms'], ['longer', '1,234 ms']]).split('\n');
    assert.equal(out.length, 4);
    assert.equal(out[0], 'name       value');
    assert.equal(out[1], '------  --------');
    assert.equal(out[2], 'a           1 ms');
    assert.equal(out[3], 'longer  1,234 ms');
  });

  it('a benchmark prints its machine, load average, floor, figures and skips', () => {
    const text = renderBenchmark(sampleResult());
    assert.match(text, /2 cores \(Test CPU\), Node v20\.0\.0; load average 1\.00 0\.50 0\.25 → 2\.00 1\.00 0\.50/);
    assert.match(text, /floor: bare route/);
    assert.match(text, /missed: short by/);
    assert.match(text, /skipped PostgreSQL: unreachable/);
  });
});

describe('arguments', () => {
  it('defaults: every benchmark, both stores, 5 runs, saved', () => {
    const o = parseArgs([]);
    assert.deepEqual(o.only, [...BENCHMARK_IDS]);
    assert.deepEqual(o.stores, ['sqlite', 'postgres']);
    assert.equal(o.runs, 5);
    assert.equal(o.largeRuns, 5);
    assert.equal(o.save, true);
    assert.equal(o.quick, false);
  });

  it('--quick takes 3 runs and is never saved as the latest figures', () => {
    const quick = parseArgs(['--quick']);
    assert.equal(quick.save, false);
    assert.equal(quick.runs, 3);
    assert.equal(quick.largeRuns, 1);
    assert.equal(parseArgs(['--quick', '--runs', '5']).runs, 5);
    assert.equal(parseArgs(['--no-save']).save, false);
  });

  it('the larger sync takes --runs unless --large-runs says otherwise', () => {
    assert.equal(parseArgs(['--runs', '7']).largeRuns, 7);
    const o = parseArgs(['--runs', '7', '--large-runs', '1']);
    assert.equal(o.runs, 7);
    assert.equal(o.largeRuns, 1);
    assert.equal(parseArgs(['--large-runs', '0']).largeRuns, 0);
  });

  it('lists, numbers and both value forms', () => {
    const o = parseArgs(['--only', 'read,mapping', '--stores=sqlite', '--runs', '7', '--profile']);
    assert.deepEqual(o.only, ['read', 'mapping']);
    assert.deepEqual(o.stores, ['sqlite']);
    assert.equal(o.runs, 7);
    assert.equal(o.profile, true);
  });

  it('refuses unknown options and bad values, naming them', () => {
    assert.throws(() => parseArgs(['--fast']), (e) => e instanceof ArgsError && /--fast/.test(e.message));
    assert.throws(() => parseArgs(['--only', 'reads']), (e) => e instanceof ArgsError && /reads/.test(e.message));
    assert.throws(() => parseArgs(['--runs', '0']), ArgsError);
    assert.throws(() => parseArgs(['--runs']), ArgsError);
    assert.throws(() => parseArgs(['--stores']), ArgsError);
  });
});

describe('results', () => {
  it('a run replaces the same benchmarks of the latest figures and keeps the others, in benchmark order', () => {
    const old = doc([{ ...sampleResult(), id: 'process', title: 'old process' }, { ...sampleResult(), id: 'read', title: 'old read' }]);
    const merged = mergeLatest(old, doc([{ ...sampleResult(), id: 'read', title: 'new read' }]));
    assert.deepEqual(merged.benchmarks.map((b) => b.title), ['new read', 'old process']);
    assert.deepEqual(mergeLatest(undefined, old).benchmarks.map((b) => b.id), ['read', 'process']);
  });

  it('a run on some stores keeps the other stores\' figures and notes, with when they were measured', () => {
    const both = { ...sampleResult(), id: 'sync', stores: ['sqlite', 'postgres'] as StoreKind[], figures: [
      figure({ id: 'sync.sqlite.100.rate', case: 'SQLite · 100 orders', metric: 'orders/s', unit: 'orders/s', samples: [1] }),
      figure({ id: 'sync.postgres.100.rate', case: 'PostgreSQL · 100 orders', metric: 'orders/s', unit: 'orders/s', samples: [2] }),
    ], notes: ['SQLite · 100 orders: old sqlite note', 'PostgreSQL · 100 orders: postgres note'], skipped: [] };
    const sqliteOnly = { ...both, startedAt: '2026-02-01T00:00:00.000Z', stores: ['sqlite'] as StoreKind[], loadavg: { start: [3, 3, 3], end: [3, 3, 3] },
      figures: [figure({ id: 'sync.sqlite.100.rate', case: 'SQLite · 100 orders', metric: 'orders/s', unit: 'orders/s', samples: [10] })], notes: ['SQLite · 100 orders: new sqlite note'] };
    const first = mergeLatest(doc([both]), doc([sqliteOnly])).benchmarks[0]!;
    assert.deepEqual(first.figures.map((f) => [f.id, f.value.median]), [['sync.sqlite.100.rate', 10], ['sync.postgres.100.rate', 2]]);
    assert.deepEqual(first.notes, ['SQLite · 100 orders: new sqlite note', 'PostgreSQL · 100 orders: postgres note']);
    assert.deepEqual(first.earlier?.map((p) => [p.stores, p.startedAt]), [[['postgres'], both.startedAt]]);
    const page = renderDocs(doc([first]), '');
    assert.match(page, /SQLite figures: measured 2026-02-01 00:00 UTC .* load average \(1, 5, 15 min\) 3\.00, 3\.00, 3\.00/);
    assert.match(page, /PostgreSQL figures, kept from an earlier run: measured 2026-01-01 00:00 UTC .* 1\.00, 0\.50, 0\.25 at the start/);

    // Then the other store alone: each part keeps its own time; nothing is kept twice.
    const pgOnly = { ...both, startedAt: '2026-03-01T00:00:00.000Z', stores: ['postgres'] as StoreKind[],
      figures: [figure({ id: 'sync.postgres.100.rate', case: 'PostgreSQL · 100 orders', metric: 'orders/s', unit: 'orders/s', samples: [20] })], notes: [] };
    const second = mergeLatest(doc([first]), doc([pgOnly])).benchmarks[0]!;
    assert.deepEqual(second.figures.map((f) => [f.id, f.value.median]), [['sync.postgres.100.rate', 20], ['sync.sqlite.100.rate', 10]]);
    assert.deepEqual(second.notes, ['SQLite · 100 orders: new sqlite note']);
    assert.deepEqual(second.earlier?.map((p) => [p.stores, p.startedAt]), [[['sqlite'], sqliteOnly.startedAt]]);

    // Both stores again: nothing is kept; a quick run never mixes with full figures.
    assert.equal(mergeLatest(doc([second]), doc([both])).benchmarks[0]!.earlier, undefined);
    assert.equal(mergeLatest(doc([second]), doc([both])).benchmarks[0]!.figures.length, 2);
    assert.equal(mergeLatest(doc([both]), doc([{ ...sqliteOnly, quick: true }])).benchmarks[0]!.figures.length, 1);
  });

  it('docs/benchmarks.md is generated from bench/results/latest.json (regenerate with npm run bench:docs)', async () => {
    const expected = renderDocs(await readLatest(), await readFindings());
    assert.equal(await readFile(DOCS_FILE, 'utf8'), expected);
  });

  it('the page shows each figure beside its floor and says when a goal was missed', () => {
    const page = renderDocs(doc([sampleResult()]), 'Profile notes.');
    assert.match(page, /\| SQLite · 1 connection \| throughput \| 100 \(90\.0–110\) req\/s \| 400 \(390–410\) req\/s \| 25 % \| ≥ 50 % \| \*\*missed: short by 25\.0 percentage points\*\* \|/);
    assert.match(page, /load average \(1, 5, 15 min\) 1\.00, 0\.50, 0\.25 at the start/);
    assert.match(page, /## Goals at a glance/);
    assert.match(page, /Not measured yet/);
    assert.match(page, /## What limits it\n\nProfile notes\./);
  });
});

describe('profiles', () => {
  it('top frames by self and inclusive time, idle left out', () => {
    const frame = (id: number, functionName: string, children: number[] = []) => ({ id, callFrame: { functionName, url: '', lineNumber: 0 }, children });
    const profile = {
      nodes: [frame(1, '(root)', [2, 4]), frame(2, 'handler', [3]), frame(3, 'decodeJson'), frame(4, '(idle)')],
      samples: [3, 3, 2, 4, 4, 4],
      timeDeltas: [10, 10, 20, 100, 100, 100],
    };
    const top = topFrames(profile);
    assert.equal(top[0]!.name, 'decodeJson');
    assert.equal(top[0]!.selfShare, 0.5);
    const handler = top.find((f) => f.name === 'handler')!;
    assert.equal(handler.selfShare, 0.5);
    assert.equal(handler.totalShare, 1);
    assert.ok(!top.some((f) => f.name === '(idle)'));
  });
});

function sampleResult(): BenchmarkResult {
  return {
    id: 'read',
    title: '1. Read path',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    quick: false,
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v20.0.0', platform: 'linux', arch: 'x64', totalMemoryMB: 4096 },
    loadavg: { start: [1, 0.5, 0.25], end: [2, 1, 0.5] },
    params: { runs: 3 },
    figures: [figure({ id: 'read.sqlite.c1.rps', case: 'SQLite · 1 connection', metric: 'throughput', unit: 'req/s', samples: [90, 100, 110], floor: { label: 'bare route', samples: [390, 400, 410] }, goal: { of: 'ratio', atLeast: 0.5, text: '≥ 50 %' } })],
    skipped: [{ case: 'PostgreSQL', reason: 'unreachable' }],
    notes: [],
  };
}

function doc(benchmarks: BenchmarkResult[]): RunDocument {
  const b = benchmarks[0]!;
  return { format: 1, startedAt: b.startedAt, finishedAt: b.finishedAt, quick: false, argv: [], machine: b.machine, loadavg: b.loadavg, benchmarks };
}
