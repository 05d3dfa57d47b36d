/**
 * The table `npm run bench` prints: one line per figure, the figure beside its floor, the goal
 * and whether it was met. Pure (the smoke test checks it).
 */
import { formatStat, formatVersusFloor, verdictOf, type BenchmarkResult, type Figure } from './results.js';

export const FIGURE_COLUMNS = ['case', 'metric', 'Manifold: median (min–max)', 'floor: median (min–max)', 'vs floor', 'goal', 'verdict'] as const;

/** Left-aligned text columns, right-aligned numbers, padded to the widest cell. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^([−+-]?\d|$)/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? pad(c, widths[i]!, 'left') : pad(c, widths[i]!, 'right'))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// Counted in code points, so "µ" and "–" take one column.
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return side === 'left' ? fill + s : s + fill;
}

export function figureRow(f: Figure): string[] {
  return [
    f.case,
    f.metric,
    `${formatStat(f.value, f.unit)} ${f.unit}`,
    f.floor ? `${formatStat(f.floor.value, f.unit)} ${f.unit}` : '',
    formatVersusFloor(f),
    f.goal?.text ?? '',
    verdictOf(f),
  ];
}

/** One benchmark: its title, load average and machine line, then its figures and skips. */
export function renderBenchmark(b: BenchmarkResult): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const head = [
    `== ${b.title}${b.quick ? ' (quick)' : ''}`,
    `   ${b.machine.cpus} cores (${b.machine.cpuModel}), Node ${b.machine.node}; load average ${load(b.loadavg.start)} → ${load(b.loadavg.end)}`,
  ];
  const floors = [...new Set(b.figures.flatMap((f) => (f.floor ? [f.floor.label] : [])))];
  if (floors.length) head.push(`   floor: ${floors.join('; ')}`);
  const body = b.figures.length ? renderTable(FIGURE_COLUMNS, b.figures.map(figureRow)) : '(no figures)';
  const tail = [...b.skipped.map((s) => `skipped ${s.case}: ${s.reason}`), ...b.notes.map((n) => `note: ${n}`)];
  return [...head, body, ...tail].join('\n');
}
