/**
 * Shewhart control charts with Anhøj runs analysis, numerically following qicharts2 (checked
 * against the 0.7.x sources of helper.functions.R; 0.8 is assumed not to change these formulas).
 *
 * Assumptions about qicharts2 semantics (see limits.ts for the per-chart formulas):
 * - The baseline (`freeze` in qicharts2) counts input positions, missing ones included; the centre
 *   line and limits come from it while signals are judged on every point.
 * - p / u / pp / up: a point is missing when y or n is not a finite number or n ≤ 0 (qicharts2 blanks
 *   both y and n when either is NA; with n = 0 it would plot y/0 — we treat that as missing).
 * - Limits that do not exist (e.g. MR̄ undefined, n missing) are null, as qicharts2 sets non-finite
 *   limits to NA. A point with a null limit cannot be outside that limit. Without a centre line
 *   (no baseline data) all limits are null, even the constant LCL = 0 that qicharts2 would still
 *   draw on an MR chart.
 * - MR charts: qicharts2 computes runs statistics but forces the runs signal to FALSE, so do we.
 * - `n` is only used by p, u, pp and up charts (qicharts2 would plot y/n on an I chart when n is given).
 * - T charts report the input y as the value; qicharts2 reports (y^(1/3.6))^3.6, which can differ in
 *   the last bit. ±Infinity counts as missing (qicharts2 would keep it).
 * - Moving-range screening follows qicharts2 with library(qicharts2) attached (its .onAttach sets
 *   qic.screenedmr = TRUE); called as qicharts2::qic() without attaching, qicharts2 does not screen.
 */

import { cLimits, gLimits, iLimits, mrLimits, pLimits, tLimits, uLimits, type Limits } from "./limits";
import { analyseRuns, resolveBaseline } from "./run-chart";
import { isPresent } from "./stats";
import type {
  ControlChartDatum,
  ControlChartKind,
  ControlChartOptions,
  ControlChartPoint,
  ControlChartResult,
} from "./types";

const KINDS: readonly ControlChartKind[] = ["i", "mr", "p", "u", "c", "pp", "up", "t", "g"];

const usesDenominator = (kind: ControlChartKind): boolean =>
  kind === "p" || kind === "u" || kind === "pp" || kind === "up";

type Prepared = { values: number[]; num: number[]; den: number[] };

/** Turns the input into plotted values with NaN for missing points. */
function prepare(kind: ControlChartKind, data: readonly ControlChartDatum[]): Prepared {
  const values: number[] = [];
  const num: number[] = [];
  const den: number[] = [];
  for (const d of data) {
    const y = d?.y;
    if (usesDenominator(kind)) {
      const n = d?.n;
      const ok = isPresent(y) && isPresent(n) && n > 0;
      num.push(ok ? y : NaN);
      den.push(ok ? n : NaN);
      values.push(ok ? y / n : NaN);
    } else {
      values.push(isPresent(y) ? y : NaN);
    }
  }
  return { values, num, den };
}

function limitsFor(kind: ControlChartKind, p: Prepared, base: number): Limits {
  switch (kind) {
    case "i":
      return iLimits(p.values, base);
    case "mr":
      return mrLimits(p.values, base);
    case "p":
      return pLimits(p, base);
    case "pp":
      return pLimits(p, base, true);
    case "u":
      return uLimits(p, base);
    case "up":
      return uLimits(p, base, true);
    case "c":
      return cLimits(p.values, base);
    case "t":
      return tLimits(p.values, base);
    case "g":
      return gLimits(p.values, base);
  }
}

const orNull = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

/**
 * Control chart of `kind` for `data` (one entry per subgroup, in time order).
 * Returns one point per input entry, the number of points outside the limits, and the runs
 * analysis of all points around the chart's centre line.
 */
export function controlChart(
  kind: ControlChartKind,
  data: readonly ControlChartDatum[],
  options: ControlChartOptions = {},
): ControlChartResult {
  if (!KINDS.includes(kind)) throw new RangeError(`unknown control chart kind: ${String(kind)}`);
  const prepared = prepare(kind, data);
  const base = resolveBaseline(options.baseline, data.length);
  const limits = limitsFor(kind, prepared, base);
  const plotted = limits.values ?? prepared.values;

  const hasCentre = Number.isFinite(limits.cl);
  let sigmaSignals = 0;
  const points: ControlChartPoint[] = plotted.map((v, i) => {
    const value = orNull(v);
    const lcl = hasCentre ? orNull(limits.lcl[i]) : null;
    const ucl = hasCentre ? orNull(limits.ucl[i]) : null;
    // Strict comparisons: a point exactly on a limit is not a signal.
    const outside = value !== null && ((ucl !== null && value > ucl) || (lcl !== null && value < lcl));
    if (outside) sigmaSignals++;
    return { value, lcl, ucl, outside };
  });

  const runs = analyseRuns(plotted, limits.cl);
  if (kind === "mr") runs.signal = false;

  return { kind, centerLine: limits.cl, points, sigmaSignals, runs };
}
