/**
 * Shared types for the SPC analytics library.
 *
 * The numbers are meant to agree with the R package qicharts2 0.8 (Anhøj rules); where a field or
 * behaviour goes beyond qicharts2 it says so.
 */

/** Runs analysis (Anhøj rules) of a series against one centre line. */
export type RunAnalysis = {
  centerLine: number;
  /** Points not on the centre line and not missing. */
  nUseful: number;
  longestRun: number;
  /** round(log2(nUseful)) + 3; 0 when there are no useful points (qicharts2 reports NA). */
  longestRunMax: number;
  /** Number of runs − 1. */
  crossings: number;
  /** qbinom(0.05, nUseful − 1, 0.5); 0 when there are no useful points (qicharts2 reports NA). */
  crossingsMin: number;
  /** longestRun > longestRunMax || crossings < crossingsMin (always false for MR charts, as in qicharts2). */
  signal: boolean;
  /**
   * Extension, not in qicharts2: input index of the first and last point of the (first) longest run,
   * so a signal can be tied to a date. null when there are no useful points.
   */
  longestRunStart: number | null;
  longestRunEnd: number | null;
};

export type RunChartOptions = {
  /** Number of leading points (by position, missing ones included) whose median is the centre line. */
  baseline?: number;
};

/** Charts as in qicharts2: 'pp' / 'up' are Laney's P′ / U′, 't' time-between, 'g' opportunities-between. */
export type ControlChartKind = "i" | "mr" | "p" | "u" | "c" | "pp" | "up" | "t" | "g";

/**
 * One subgroup. p / pp: y = numerator, n = denominator. u / up: y = count, n = exposure.
 * Other charts use y only.
 */
export type ControlChartDatum = { y: number; n?: number | null };

export type ControlChartOptions = {
  /**
   * Number of leading points (by position, missing ones included, like qicharts2's `freeze`) used
   * for the centre line and the limits. The runs analysis still covers every point.
   */
  baseline?: number;
};

export type ControlChartPoint = {
  /** Plotted value (a proportion / rate for p, u, pp, up; the moving range for mr); null when missing. */
  value: number | null;
  lcl: number | null;
  ucl: number | null;
  /** Strictly above the UCL or strictly below the LCL. */
  outside: boolean;
};

export type ControlChartResult = {
  kind: ControlChartKind;
  centerLine: number;
  points: ControlChartPoint[];
  /** Points outside the limits. */
  sigmaSignals: number;
  runs: RunAnalysis;
};

export type PhasedControlChartOptions = {
  /**
   * Extension (qicharts2 ignores `freeze` when `part` is given): compute each phase's centre line
   * and limits from its first `freezeAt` points only.
   */
  freezeAt?: number;
};

export type ControlChartPhase = {
  /** Input index of the first point of the phase. */
  start: number;
  /** Input index one past the last point of the phase. */
  end: number;
  centerLine: number;
  sigmaSignals: number;
  /** Indices in `runs` (longestRunStart / End) refer to the whole input, not to the phase. */
  runs: RunAnalysis;
};

export type PhasedControlChartPoint = ControlChartPoint & { centerLine: number; phase: number };

export type PhasedControlChartResult = {
  kind: ControlChartKind;
  phases: ControlChartPhase[];
  points: PhasedControlChartPoint[];
  sigmaSignals: number;
};

export type RunChartPhase = { start: number; end: number; runs: RunAnalysis };

export type PhasedRunChartResult = { phases: RunChartPhase[] };

export type XYPoint = { x: number; y: number };
