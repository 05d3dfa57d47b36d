/**
 * Builds figures from run samples: the median and min–max of the runs, beside the floor's, with
 * the goal checked on the medians.
 */
import type { Recorder } from './context.js';
import { checkGoal, type Figure, type Goal, type Unit } from './results.js';
import { summarize } from './stats.js';

export interface FigureSpec {
  id: string;
  case: string;
  metric: string;
  unit: Unit;
  samples: number[];
  floor?: { label: string; samples: number[] };
  goal?: Goal;
  note?: string;
}

export function figure(spec: FigureSpec): Figure {
  const value = summarize(spec.samples);
  const floor = spec.floor ? { label: spec.floor.label, value: summarize(spec.floor.samples) } : undefined;
  return {
    id: spec.id,
    case: spec.case,
    metric: spec.metric,
    unit: spec.unit,
    value,
    ...(floor ? { floor } : {}),
    ...(spec.goal ? { goal: checkGoal(spec.goal, value, spec.unit, floor?.value) } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  };
}

export function record(rec: Recorder, spec: FigureSpec): Figure {
  const f = figure(spec);
  rec.figures.push(f);
  return f;
}
