/**
 * Control charts split into phases (qicharts2's `part` argument): each phase gets its own centre
 * line, limits and runs analysis, as if it were a chart of its own.
 */

import { controlChart } from "./control-chart";
import { offsetRuns, phaseStarts } from "./run-chart";
import type {
  ControlChartDatum,
  ControlChartKind,
  ControlChartPhase,
  PhasedControlChartOptions,
  PhasedControlChartPoint,
  PhasedControlChartResult,
} from "./types";

/**
 * `breaks` use qicharts2's `part` convention: a break b ends a phase after the first b points, so
 * breaks [12] make phases 0..11 and 12..end. Breaks ≤ 0, ≥ data.length or repeated are ignored.
 *
 * Moving ranges (I, MR, T, Laney charts) never span two phases, because qicharts2 computes them
 * within each part.
 */
export function phasedControlChart(
  kind: ControlChartKind,
  data: readonly ControlChartDatum[],
  breaks: readonly number[],
  options: PhasedControlChartOptions = {},
): PhasedControlChartResult {
  if (options.freezeAt !== undefined && (!Number.isInteger(options.freezeAt) || options.freezeAt < 1)) {
    throw new RangeError(`freezeAt must be a positive integer, got ${options.freezeAt}`);
  }
  const starts = phaseStarts(breaks, data.length);
  const phases: ControlChartPhase[] = [];
  const points: PhasedControlChartPoint[] = [];
  let sigmaSignals = 0;

  starts.forEach((start, phase) => {
    const end = starts[phase + 1] ?? data.length;
    const slice = data.slice(start, end);
    const chart = controlChart(kind, slice, { baseline: options.freezeAt });
    phases.push({
      start,
      end,
      centerLine: chart.centerLine,
      sigmaSignals: chart.sigmaSignals,
      runs: offsetRuns(chart.runs, start),
    });
    for (const p of chart.points) points.push({ ...p, centerLine: chart.centerLine, phase });
    sigmaSignals += chart.sigmaSignals;
  });

  return { kind, phases, points, sigmaSignals };
}
