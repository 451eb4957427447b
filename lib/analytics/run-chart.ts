/**
 * Run charts and the Anhøj runs analysis (qicharts2's runs.analysis()).
 */

import { crossingsLimit, isPresent, longestRunLimit, median } from "./stats";
import type { PhasedRunChartResult, RunAnalysis, RunChartOptions } from "./types";

/**
 * Runs analysis of `values` around `centerLine`.
 *
 * Missing values and values exactly on the centre line are skipped without ending the current
 * run: qicharts2 drops them (sign 0 / NA) before run-length encoding.
 */
export function analyseRuns(values: readonly (number | null | undefined)[], centerLine: number): RunAnalysis {
  let nUseful = 0;
  let runs = 0;
  let side = 0;
  let currentLength = 0;
  let currentStart = -1;
  let longestRun = 0;
  let longestRunStart: number | null = null;
  let longestRunEnd: number | null = null;

  values.forEach((v, i) => {
    if (!isPresent(v)) return;
    const diff = v - centerLine;
    const s = diff > 0 ? 1 : diff < 0 ? -1 : 0; // NaN centre line ⇒ 0 ⇒ no useful points
    if (s === 0) return;
    nUseful++;
    if (s === side) {
      currentLength++;
    } else {
      runs++;
      side = s;
      currentLength = 1;
      currentStart = i;
    }
    // Strictly longer, so the first of several equally long runs is the one reported.
    if (currentLength > longestRun) {
      longestRun = currentLength;
      longestRunStart = currentStart;
      longestRunEnd = i;
    }
  });

  if (nUseful === 0) {
    return {
      centerLine,
      nUseful: 0,
      longestRun: 0,
      longestRunMax: 0,
      crossings: 0,
      crossingsMin: 0,
      signal: false,
      longestRunStart: null,
      longestRunEnd: null,
    };
  }
  const longestRunMax = longestRunLimit(nUseful);
  const crossings = runs - 1;
  const crossingsMin = crossingsLimit(nUseful);
  return {
    centerLine,
    nUseful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    signal: longestRun > longestRunMax || crossings < crossingsMin,
    longestRunStart,
    longestRunEnd,
  };
}

/**
 * Number of leading points forming the baseline; `undefined` means all points.
 * Like qicharts2's `freeze`, it counts positions, so missing points inside it still count.
 */
export function resolveBaseline(baseline: number | undefined, length: number, name = "baseline"): number {
  if (baseline === undefined) return length;
  if (!Number.isInteger(baseline) || baseline < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${baseline}`);
  }
  return Math.min(baseline, length);
}

/** Run chart: centre line = median of the (present) baseline values; runs analysis over all values. */
export function runChart(values: readonly number[], options: RunChartOptions = {}): RunAnalysis {
  const base = resolveBaseline(options.baseline, values.length);
  const centre = median(values.slice(0, base).filter(isPresent));
  return analyseRuns(values, centre);
}

/**
 * Normalises phase breaks like qicharts2's makeparts(): a break b starts a new phase after the
 * first b points; duplicates and breaks outside 1..length−1 are ignored. Returns phase starts.
 */
export function phaseStarts(breaks: readonly number[], length: number): number[] {
  for (const b of breaks) {
    if (!Number.isInteger(b)) throw new RangeError(`phase breaks must be integers, got ${b}`);
  }
  const inside = breaks.filter((b) => b > 0 && b < length);
  return [0, ...[...new Set(inside)].sort((a, b) => a - b)];
}

/** Run chart split into phases, each with its own median (optionally from its first `freezeAt` points). */
export function phasedRunChart(
  values: readonly number[],
  breaks: readonly number[],
  options: { freezeAt?: number } = {},
): PhasedRunChartResult {
  const starts = phaseStarts(breaks, values.length);
  const phases = starts.map((start, i) => {
    const end = starts[i + 1] ?? values.length;
    const slice = values.slice(start, end);
    const base = resolveBaseline(options.freezeAt, slice.length, "freezeAt");
    const runs = offsetRuns(analyseRuns(slice, median(slice.slice(0, base).filter(isPresent))), start);
    return { start, end, runs };
  });
  return { phases };
}

/** Shifts the run indices of an analysis done on a slice back to indices of the whole series. */
export function offsetRuns(runs: RunAnalysis, offset: number): RunAnalysis {
  return {
    ...runs,
    longestRunStart: runs.longestRunStart === null ? null : runs.longestRunStart + offset,
    longestRunEnd: runs.longestRunEnd === null ? null : runs.longestRunEnd + offset,
  };
}
