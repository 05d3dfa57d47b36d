/**
 * The shape of benchmark results (the JSON under bench/results/ and what the table and
 * docs/benchmarks.md are made from), and the goal check. Pure.
 */
import type { StoreKind } from './args.js';
import type { Stat } from './stats.js';

export type Unit = 'req/s' | 'ms' | 'µs' | 'MB' | 'orders/s' | 's' | 'CPU s';

/**
 * A goal, as data: the median of the figure (or its ratio to the floor, or what it adds to the
 * floor) compared with a target.
 */
export interface Goal {
  /** value: the figure itself; ratio: figure ÷ floor; added: figure − floor. */
  of: 'value' | 'ratio' | 'added';
  atLeast?: number;
  atMost?: number;
  /** Says what the goal is, for people: "≥ 50 % of the floor's throughput". */
  text: string;
}

export interface GoalCheck extends Goal {
  met: boolean;
  /** The compared quantity (median-based). */
  actual: number;
  /** "met", or how far off: "short by 23 %", "over by 4.1 ms". */
  verdict: string;
}

export interface Figure {
  /** Stable id, e.g. "read.sqlite.c64.rps". */
  id: string;
  /** The case, for people: "SQLite · 64 connections". */
  case: string;
  /** What is measured: "throughput", "latency p99". */
  metric: string;
  unit: Unit;
  value: Stat;
  /** What the figure is compared with, measured in the same run on the same machine. */
  floor?: { label: string; value: Stat };
  goal?: GoalCheck;
  note?: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  arch: string;
  totalMemoryMB: number;
}

export interface BenchmarkResult {
  id: string;
  title: string;
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: Machine;
  /** os.loadavg() (1, 5, 15 min) when the benchmark started and when it finished. */
  loadavg: { start: number[]; end: number[] };
  /** Sizes, durations, run counts: what the figures were taken with. */
  params: Record<string, string | number | boolean>;
  figures: Figure[];
  /** Cases not measured, and why (e.g. Tryton not installed). */
  skipped: { case: string; reason: string }[];
  notes: string[];
  /**
   * The stores this run was asked to measure (`--stores`). Absent in results from before the
   * option was recorded: read as both.
   */
  stores?: StoreKind[];
  /**
   * Figures of other stores kept from earlier runs when this one measured only some stores (see
   * mergeLatest): when and how each such part was measured.
   */
  earlier?: EarlierPart[];
}

/** Where the figures of some stores came from when they were kept from an earlier run. */
export interface EarlierPart {
  stores: StoreKind[];
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  loadavg: { start: number[]; end: number[] };
  params: Record<string, string | number | boolean>;
}

export interface RunDocument {
  format: 1;
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  argv: string[];
  machine: Machine;
  loadavg: { start: number[]; end: number[] };
  benchmarks: BenchmarkResult[];
}

function compared(goal: Goal, value: Stat, floor: Stat | undefined): number {
  if (goal.of === 'value') return value.median;
  if (!floor) throw new Error(`goal "${goal.text}" needs a floor`);
  return goal.of === 'ratio' ? value.median / floor.median : value.median - floor.median;
}

function shortfall(actual: number, target: number, goal: Goal, unit: Unit): string {
  if (goal.of === 'ratio') return `${(Math.abs(actual - target) * 100).toFixed(1)} percentage points`;
  const off = Math.abs(actual - target) / Math.abs(target);
  // Far off, a multiple of the goal says more than a percentage in the thousands.
  const relative = target === 0 ? '' : off >= 10 ? ` (${(actual / target).toFixed(0)}× the goal)` : ` (${(off * 100).toFixed(0)} %)`;
  return `${formatValue(Math.abs(actual - target), unit)} ${unit}${relative}`;
}

/** Checks a goal against the medians. */
export function checkGoal(goal: Goal, value: Stat, unit: Unit, floor?: Stat): GoalCheck {
  const actual = compared(goal, value, floor);
  if (goal.atLeast !== undefined && actual < goal.atLeast) {
    return { ...goal, met: false, actual, verdict: `missed: short by ${shortfall(actual, goal.atLeast, goal, unit)}` };
  }
  if (goal.atMost !== undefined && actual > goal.atMost) {
    return { ...goal, met: false, actual, verdict: `missed: over by ${shortfall(actual, goal.atMost, goal, unit)}` };
  }
  return { ...goal, met: true, actual, verdict: 'met' };
}

/** The verdict as shown, recomputed from the stored figures (so wording changes reach old results). */
export function verdictOf(f: Figure): string {
  if (!f.goal) return '';
  return checkGoal(f.goal, f.value, f.unit, f.floor?.value).verdict;
}

/** A number as the table and the docs show it: precision that suits its size and unit. */
export function formatValue(v: number, unit: Unit): string {
  const abs = Math.abs(v);
  if (unit === 'req/s' || unit === 'orders/s' || unit === 'MB') {
    return abs >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(abs >= 10 ? 1 : 2);
  }
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

/** "1,234 (1,200–1,300)": the median and the min–max of the runs. */
export function formatStat(stat: Stat, unit: Unit): string {
  if (stat.n === 1) return `${formatValue(stat.median, unit)} (1 run)`;
  return `${formatValue(stat.median, unit)} (${formatValue(stat.min, unit)}–${formatValue(stat.max, unit)})`;
}

/** What the compared quantity is, for the table's "vs floor" column. */
export function formatVersusFloor(figure: Figure): string {
  if (!figure.floor) return '';
  const ratio = figure.value.median / figure.floor.value.median;
  if (figure.unit === 'ms' || figure.unit === 'µs') {
    const added = figure.value.median - figure.floor.value.median;
    return `${added >= 0 ? '+' : '−'}${formatValue(Math.abs(added), figure.unit)} ${figure.unit}`;
  }
  return `${(ratio * 100).toFixed(0)} %`;
}
