/**
 * Binomial(m, 1/2) distribution and quantile, enough for the Anhøj crossings limit
 * qbinom(0.05, n − 1, 0.5).
 *
 * Factorials overflow long before n = 100 000, so the probability mass is computed with Loader's
 * saddle-point formula (the algorithm behind R's dbinom: Stirling-series error terms plus a stable
 * deviance term), which keeps relative accuracy near 1e-15 for any n. The lower tail is then summed
 * from the quantile candidate downwards, where the terms shrink geometrically.
 */

const LN_2PI = 1.837877066409345483560659472811; // log(2π)
const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(√(2π))

/** ln(n!) for small n from exactly representable factorials (n! is exact in a double up to 22!). */
function logFactorialSmall(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return Math.log(f);
}

/** Stirling error ln(n!) − ln(√(2πn)·(n/e)^n) for integer n ≥ 1 (R's stirlerr). */
function stirlerr(n: number): number {
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n <= 15) {
    // Direct formula: the absolute error (a few ulps of ln(n!) ≤ 28) is what matters downstream.
    return logFactorialSmall(n) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·ln(x/np) + np − x, computed without cancellation when x ≈ np (R's bd0). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** ln P(X = k) for X ~ Binomial(m, 1/2), integers 0 ≤ k ≤ m. */
export function logBinomHalfPmf(k: number, m: number): number {
  if (k < 0 || k > m) return Number.NEGATIVE_INFINITY;
  if (k === 0 || k === m) return -m * Math.LN2;
  const half = m / 2;
  const lc = stirlerr(m) - stirlerr(k) - stirlerr(m - k) - bd0(k, half) - bd0(m - k, half);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / m);
  return lc - 0.5 * lf;
}

/** P(X ≤ k) for X ~ Binomial(m, 1/2). */
export function binomHalfCdf(k: number, m: number): number {
  if (k < 0) return 0;
  if (k >= m) return 1;
  // Above the middle, use the mirror image: P(X ≤ k) = 1 − P(X ≤ m − k − 1) by symmetry.
  if (2 * k >= m) return 1 - binomHalfCdf(m - k - 1, m);
  // Below the middle each term is P(X = j − 1) / P(X = j) = j / (m − j + 1) < 1 times the previous.
  let term = 1;
  let sum = 1;
  for (let j = k; j >= 1; j--) {
    term *= j / (m - j + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.exp(logBinomHalfPmf(k, m) + Math.log(sum));
}

/**
 * Smallest k with P(X ≤ k) ≥ p for X ~ Binomial(m, 1/2), as R's qbinom(p, m, 0.5).
 * Like R, p is lowered by 64 machine epsilons so a CDF that equals p up to rounding still counts.
 */
export function qbinomHalf(p: number, m: number): number {
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`qbinomHalf: m must be a non-negative integer, got ${m}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`qbinomHalf: p must be in (0, 1), got ${p}`);
  const target = p * (1 - 64 * Number.EPSILON);
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomHalfCdf(mid, m) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const crossingsCache = new Map<number, number>();

/** qbinom(0.05, m, 0.5), memoised because charts ask for the same few m over and over. */
export function crossingsLimitFor(m: number): number {
  let value = crossingsCache.get(m);
  if (value === undefined) {
    value = qbinomHalf(0.05, m);
    if (crossingsCache.size > 10_000) crossingsCache.clear();
    crossingsCache.set(m, value);
  }
  return value;
}
