/**
 * Basic statistics with R's numerical behaviour where it can change a result.
 *
 * Centre lines are compared with the data using exact equality (a point *on* the centre line is
 * ignored by the runs analysis), so the centre line must be the same double R would compute.
 * R's mean() accumulates in long double and then adds a correction pass, which makes it (almost
 * always) the correctly rounded mean; a naive left-to-right sum is not, hence the care below.
 */

import { crossingsLimitFor } from "./binomial";

/** A value counts as present only if it is a finite number; NaN, ±Infinity, null and undefined are missing. */
export function isPresent(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/**
 * Correctly rounded sum of finite doubles (Shewchuk's algorithm, as in Python's math.fsum): the
 * result does not depend on the order of the terms, unlike a plain loop.
 */
export function exactSum(xs: readonly number[]): number {
  const partials: number[] = [];
  for (const value of xs) {
    let x = value;
    let used = 0;
    for (const p of partials) {
      let y = p;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[used++] = lo;
      x = hi;
    }
    partials.length = used;
    partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n] ?? 0;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] ?? 0;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Round-half-even correction when the remaining partials tip a halfway case.
  const next = partials[n - 1];
  if (n > 0 && next !== undefined && ((lo < 0 && next < 0) || (lo > 0 && next > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  if (!Number.isFinite(hi)) return xs.reduce((a, b) => a + b, 0);
  return hi;
}

/** Mean of the given values (all assumed finite); NaN when empty, like R's mean(numeric(0)). */
export function mean(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const first = exactSum(xs) / n;
  if (!Number.isFinite(first)) return first;
  // Second pass as in R: add the (exactly summed) residuals so the result is the correctly rounded
  // mean rather than a twice-rounded sum / n.
  const residuals: number[] = [];
  for (const x of xs) {
    const d = x - first;
    const bv = d - x;
    const err = x - (d - bv) + (-first - bv);
    residuals.push(d, err);
  }
  return first + exactSum(residuals) / n;
}

/** Median as R's median(): middle value, or the mean of the two middle values. NaN when empty. */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const half = Math.floor(n / 2);
  const upper = sorted[half] ?? Number.NaN;
  if (n % 2 === 1) return upper;
  const lower = sorted[half - 1] ?? Number.NaN;
  // Halving is exact, so (a + b) / 2 is the correctly rounded midpoint unless a + b overflows.
  const mid = (lower + upper) / 2;
  return Number.isFinite(mid) ? mid : lower / 2 + upper / 2;
}

/**
 * Anhøj longest-run limit: round(log2(n)) + 3 (qicharts2 rounds log2(n), then adds 3).
 *
 * R's round() is half-even, but log2(n) is never exactly k + 0.5 for an integer n (that would need
 * n = 2^k·√2), so the only question is which side of 2^k·√2 the integer n lies on. That is decided
 * exactly with integers (n² versus 2^(2k+1)) instead of trusting floating-point log2 near the boundary.
 */
export function longestRunLimit(nUseful: number): number {
  if (!Number.isInteger(nUseful) || nUseful < 1) {
    throw new RangeError(`longestRunLimit: n must be a positive integer, got ${nUseful}`);
  }
  const big = BigInt(nUseful);
  const k = big.toString(2).length - 1; // floor(log2 n)
  const roundsUp = big * big > 1n << BigInt(2 * k + 1);
  return k + (roundsUp ? 1 : 0) + 3;
}

/** Anhøj minimum number of crossings: qbinom(0.05, max(n − 1, 0), 0.5). */
export function crossingsLimit(nUseful: number): number {
  if (!Number.isInteger(nUseful) || nUseful < 0) {
    throw new RangeError(`crossingsLimit: n must be a non-negative integer, got ${nUseful}`);
  }
  return crossingsLimitFor(Math.max(nUseful - 1, 0));
}
