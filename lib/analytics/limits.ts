/**
 * Centre lines and control limits per chart type, following qicharts2 0.8's qic.<chart>()
 * functions (helper.functions.R). Each function gets the plotted values (NaN = missing), the
 * subgroup sizes where relevant, and how many leading points form the baseline.
 *
 * Formulas are written in the same operation order as qicharts2 so that the doubles match, which
 * matters for points that sit exactly on a centre line or a limit.
 */

import { exactSum, isPresent, mean, median } from "./stats";

/** Shewhart's d2 for n = 2: σ̂ = MR̄ / d2. */
const D2 = 1.128;
/** D4 for n = 2: upper limit of the moving ranges, also used to screen them. */
const D4 = 3.267;

export type Limits = {
  /** The centre line reported and used for the runs analysis. */
  cl: number;
  /** Per point; NaN where a limit does not exist (reported as null). */
  lcl: number[];
  ucl: number[];
  /** Plotted values when the chart plots something other than the input (MR chart); NaN = missing. */
  values?: number[];
};

/** Absolute differences of neighbouring positions; NaN when either neighbour is missing. */
function movingRanges(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < xs.length; i++) out.push(Math.abs((xs[i] ?? NaN) - (xs[i - 1] ?? NaN)));
  return out;
}

/**
 * Average moving range with Nelson's screening, once: drop moving ranges that are not below
 * 3.267·MR̄ and average again (qicharts2 with its default option qic.screenedmr = TRUE; `<` is
 * strict there, so a moving range exactly on the screening limit is dropped).
 *
 * Moving ranges are taken between neighbouring positions only, as qicharts2 does with diff(): a
 * missing value removes the two moving ranges that touch it instead of bridging the gap.
 */
function screenedAverageMovingRange(xs: readonly number[]): number {
  const mr = movingRanges(xs).filter(isPresent);
  const amr = mean(mr);
  const limit = D4 * amr;
  return mean(mr.filter((r) => r < limit));
}

const fill = (length: number, value: number): number[] => Array.from({ length }, () => value);
const present = (xs: readonly number[]): number[] => xs.filter(isPresent);

/** I (individuals) chart: CL = mean; limits CL ± 3·MR̄/1.128 from the screened MR̄. May go below 0. */
export function iLimits(y: readonly number[], base: number): Limits {
  const baseline = y.slice(0, base);
  const cl = mean(present(baseline));
  // qicharts2 differences y − cl rather than y; kept for bit-for-bit identical moving ranges.
  const stdev = screenedAverageMovingRange(baseline.map((v) => v - cl)) / D2;
  return { cl, lcl: fill(y.length, cl - 3 * stdev), ucl: fill(y.length, cl + 3 * stdev) };
}

/**
 * MR chart: the plotted values are |x_i − x_{i−1}| (first point has none); CL = mean of the
 * baseline moving ranges, *not* screened (qic.mr() does not screen); LCL = 0, UCL = 3.267·CL.
 * The baseline counts input positions, so a baseline of k points holds k − 1 moving ranges.
 */
export function mrLimits(y: readonly number[], base: number): Limits {
  const values = y.length === 0 ? [] : [NaN, ...movingRanges(y)];
  const cl = mean(present(values.slice(0, base)));
  return { cl, lcl: fill(y.length, 0), ucl: fill(y.length, D4 * cl), values };
}

/** Pooled ratio Σnumerators / Σdenominators over the present baseline points. */
function pooledRatio(num: readonly number[], den: readonly number[], base: number): number {
  const nums: number[] = [];
  const dens: number[] = [];
  for (let i = 0; i < base; i++) {
    const a = num[i];
    const b = den[i];
    if (isPresent(a) && isPresent(b)) {
      nums.push(a);
      dens.push(b);
    }
  }
  return exactSum(nums) / exactSum(dens);
}

/**
 * Laney's σ_z: the screened average moving range of the baseline z-scores / 1.128
 * (qicharts2's pp / up charts for numeric x, screening as in 0.7.4+).
 */
function laneySigmaZ(values: readonly number[], stdev: readonly number[], cl: number, base: number): number {
  const z: number[] = [];
  for (let i = 0; i < base; i++) z.push(((values[i] ?? NaN) - cl) / (stdev[i] ?? NaN));
  return screenedAverageMovingRange(z) / D2;
}

type Attribute = { values: readonly number[]; num: readonly number[]; den: readonly number[] };

/** Clips like qicharts2: only finite limits are clipped; infinite ones become missing later. */
function clipLow(x: number): number {
  return Number.isFinite(x) && x < 0 ? 0 : x;
}
function clipHigh(x: number): number {
  return Number.isFinite(x) && x > 1 ? 1 : x;
}

/** P chart (Laney P′ when `laney`): p̄ = Σy/Σn; limits p̄ ± 3·√(p̄(1−p̄)/n_i), clipped to [0, 1]. */
export function pLimits({ values, num, den }: Attribute, base: number, laney = false): Limits {
  const cl = pooledRatio(num, den, base);
  let stdev = den.map((n) => Math.sqrt((cl * (1 - cl)) / n));
  if (laney) {
    const sigmaZ = laneySigmaZ(values, stdev, cl, base);
    stdev = stdev.map((s) => s * sigmaZ);
  }
  return {
    cl,
    lcl: stdev.map((s) => clipLow(cl - 3 * s)),
    ucl: stdev.map((s) => clipHigh(cl + 3 * s)),
  };
}

/** U chart (Laney U′ when `laney`): ū = Σy/Σn; limits ū ± 3·√(ū/n_i), LCL ≥ 0. */
export function uLimits({ values, num, den }: Attribute, base: number, laney = false): Limits {
  const cl = pooledRatio(num, den, base);
  let stdev = den.map((n) => Math.sqrt(cl / n));
  if (laney) {
    const sigmaZ = laneySigmaZ(values, stdev, cl, base);
    stdev = stdev.map((s) => s * sigmaZ);
  }
  return { cl, lcl: stdev.map((s) => clipLow(cl - 3 * s)), ucl: stdev.map((s) => cl + 3 * s) };
}

/** C chart: c̄ = mean count; limits c̄ ± 3·√c̄, LCL ≥ 0. */
export function cLimits(y: readonly number[], base: number): Limits {
  const cl = mean(present(y.slice(0, base)));
  const stdev = Math.sqrt(cl);
  return { cl, lcl: fill(y.length, clipLow(cl - 3 * stdev)), ucl: fill(y.length, cl + 3 * stdev) };
}

/**
 * T chart (time between rare events): I chart of y^(1/3.6), back-transformed with ^3.6; a negative
 * transformed LCL (NaN after ^3.6) becomes 0. Times must be > 0, as qicharts2 requires.
 * Deviation in a degenerate case: when no limits can be estimated (fewer than two neighbouring
 * values) qicharts2 still draws LCL = 0 without a UCL; here both are null.
 */
export function tLimits(y: readonly number[], base: number): Limits {
  if (present(y).some((v) => v <= 0)) {
    throw new RangeError("T chart: time between events must be greater than zero");
  }
  const transformed = iLimits(
    y.map((v) => v ** (1 / 3.6)),
    base,
  );
  const back = (x: number): number => x ** 3.6;
  const lcl = (x: number): number => (Number.isNaN(x) ? x : x < 0 ? 0 : back(x));
  return { cl: back(transformed.cl), lcl: transformed.lcl.map(lcl), ucl: transformed.ucl.map(back) };
}

/**
 * G chart (opportunities between events): limits from the mean ḡ as ḡ ± 3·√(ḡ(ḡ+1)), LCL ≥ 0
 * (so always 0); the centre line drawn and used for the runs analysis is the baseline *median*,
 * as qicharts2 0.6+ does when the centre line is computed from data.
 */
export function gLimits(y: readonly number[], base: number): Limits {
  const baseline = present(y.slice(0, base));
  const g = mean(baseline);
  const stdev = Math.sqrt(g * (g + 1));
  const lcl = g - 3 * stdev;
  return {
    cl: median(baseline),
    lcl: fill(y.length, lcl < 0 ? 0 : lcl),
    ucl: fill(y.length, g + 3 * stdev),
  };
}
