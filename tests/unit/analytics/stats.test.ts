import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { binomHalfCdf, crossingsLimit, exactSum, longestRunLimit, mean, median, qbinomHalf } from "@/lib/analytics";

/** Exact qbinom(0.05, m, 0.5) with BigInt: smallest k with Σ_{j≤k} C(m, j) / 2^m ≥ 1/20. */
function exactCrossingsQuantile(m: number): number {
  const total = 1n << BigInt(m);
  let c = 1n;
  let sum = 0n;
  for (let k = 0; k <= m; k++) {
    sum += c;
    if (20n * sum >= total) return k;
    c = (c * BigInt(m - k)) / BigInt(k + 1);
  }
  return m;
}

describe("Anhøj critical values", () => {
  // n: [longest run limit, minimum crossings]. The first four are from the product brief; the rest
  // are Anhøj's published table (n = 10..30) and check out against the exact BigInt computation below.
  const table: Record<number, [number, number]> = {
    10: [6, 2],
    11: [6, 2],
    12: [7, 3],
    13: [7, 3],
    14: [7, 4],
    15: [7, 4],
    16: [7, 4],
    17: [7, 5],
    18: [7, 5],
    19: [7, 6],
    20: [7, 6],
    21: [7, 6],
    22: [7, 7],
    23: [8, 7],
    24: [8, 8],
    25: [8, 8],
    26: [8, 8],
    27: [8, 9],
    28: [8, 9],
    29: [8, 10],
    30: [8, 10],
    100: [10, 41],
  };

  for (const [n, [runMax, crossMin]] of Object.entries(table)) {
    it(`n = ${n}: longest run ≤ ${runMax}, crossings ≥ ${crossMin}`, () => {
      expect(longestRunLimit(Number(n))).toBe(runMax);
      expect(crossingsLimit(Number(n))).toBe(crossMin);
    });
  }

  it("derives the small cases by hand", () => {
    // n = 10: Binomial(9, ½): P(X ≤ 1) = 10/512 ≈ 0.0195 < 0.05, P(X ≤ 2) = 46/512 ≈ 0.0898 ≥ 0.05 → 2.
    expect(binomHalfCdf(1, 9)).toBeCloseTo(10 / 512, 15);
    expect(binomHalfCdf(2, 9)).toBeCloseTo(46 / 512, 15);
    // n = 20: Binomial(19, ½): P(X ≤ 5) = 16664/2^19 ≈ 0.0318, P(X ≤ 6) = 43796/2^19 ≈ 0.0835 → 6.
    expect(binomHalfCdf(5, 19)).toBeCloseTo(16664 / 2 ** 19, 15);
    expect(binomHalfCdf(6, 19)).toBeCloseTo(43796 / 2 ** 19, 15);
    // n = 1 or 2: P(X ≤ 0) = 1 or ½ ≥ 0.05 → 0. log2(1) + 3 = 3, log2(2) + 3 = 4.
    expect(crossingsLimit(1)).toBe(0);
    expect(crossingsLimit(2)).toBe(0);
    expect(longestRunLimit(1)).toBe(3);
    expect(longestRunLimit(2)).toBe(4);
    // n = 5 (Binomial(4, ½), P(X ≤ 0) = 1/16 = 0.0625) → 0; n = 6 (P(X ≤ 0) = 1/32) → 1.
    expect(crossingsLimit(5)).toBe(0);
    expect(crossingsLimit(6)).toBe(1);
  });

  it("rounds log2(n) at the √2·2^k boundary exactly", () => {
    // 2^k·√2 for k = 3 is 11.31: log2(11) rounds down, log2(12) up.
    expect(longestRunLimit(11)).toBe(6);
    expect(longestRunLimit(12)).toBe(7);
    // k = 16: 2^16·√2 = 92681.9
    expect(longestRunLimit(92681)).toBe(19);
    expect(longestRunLimit(92682)).toBe(20);
    expect(longestRunLimit(2 ** 20)).toBe(23);
  });

  it("matches the exact BigInt quantile for every n − 1 up to 1000", () => {
    for (let m = 0; m <= 1000; m++) {
      expect(crossingsLimit(m + 1), `m = ${m}`).toBe(exactCrossingsQuantile(m));
    }
  });

  it("matches the exact BigInt quantile for random larger n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 6000 }), (m) => crossingsLimit(m + 1) === exactCrossingsQuantile(m)),
      { numRuns: 15 },
    );
  });

  it("is stable for n up to 100 000 and beyond", () => {
    // Normal approximation: (m − 1.645·√m) / 2 − ½ for the quantile; the exact answer is within a few.
    for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
      const m = n - 1;
      const approx = (m - 1.6449 * Math.sqrt(m)) / 2;
      const q = crossingsLimit(n);
      expect(Math.abs(q - approx)).toBeLessThan(3);
      expect(binomHalfCdf(q, m)).toBeGreaterThanOrEqual(0.05);
      expect(binomHalfCdf(q - 1, m)).toBeLessThan(0.05);
    }
  });

  it("computes the binomial CDF to ~1e-13 relative accuracy", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }).chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 0, max: m }))),
        ([m, k]) => {
          let c = 1n;
          let sum = 0n;
          for (let j = 0; j <= k; j++) {
            sum += c;
            c = (c * BigInt(m - j)) / BigInt(j + 1);
          }
          // Ratio of BigInts to a double with ~1e-15 precision.
          const scale = 10n ** 18n;
          const exact = Number((sum * scale) / (1n << BigInt(m))) / 1e18;
          const got = binomHalfCdf(k, m);
          return Math.abs(got - exact) <= 1e-13 * exact + 1e-18;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("qbinomHalf handles other probabilities and rejects bad input", () => {
    // Binomial(4, ½) CDF: 1/16, 5/16, 11/16, 15/16, 1.
    expect(qbinomHalf(0.5, 4)).toBe(2);
    expect(qbinomHalf(0.3125, 4)).toBe(1); // exactly on the CDF: R's fuzz keeps k = 1
    expect(qbinomHalf(0.95, 4)).toBe(4);
    expect(() => qbinomHalf(0, 4)).toThrow(RangeError);
    expect(() => qbinomHalf(0.5, 2.5)).toThrow(RangeError);
    expect(() => longestRunLimit(0)).toThrow(RangeError);
    expect(() => crossingsLimit(-1)).toThrow(RangeError);
  });
});

describe("sums, means and medians", () => {
  it("sums exactly where a plain loop rounds", () => {
    expect(exactSum([1e16, 1, -1e16])).toBe(1); // plain loop: 0
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6); // plain loop: 0.6000000000000001
    expect(exactSum([])).toBe(0);
  });

  it("computes the correctly rounded mean, as R's long-double mean() does", () => {
    // R: mean(c(0.1, 0.2, 0.3)) == 0.2 is TRUE; (0.1 + 0.2 + 0.3) / 3 is 0.20000000000000004.
    expect(mean([0.1, 0.2, 0.3])).toBe(0.2);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
  });

  it("mean is order independent", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        const reversed = [...xs].reverse();
        return Object.is(mean(xs), mean(reversed));
      }),
    );
  });

  it("takes R's median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1.7e308, 1.7e308])).toBe(1.7e308); // no overflow in the midpoint
    expect(median([])).toBeNaN();
  });
});
