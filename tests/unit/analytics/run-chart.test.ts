import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { analyseRuns, phasedRunChart, runChart } from "@/lib/analytics";

describe("runChart", () => {
  it("finds too few crossings in a steady rise", () => {
    // Median of 1..10 = 5.5; 5 points below then 5 above: longest run 5 (limit 6),
    // crossings 1 < minimum 2 → signal.
    const r = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r).toMatchObject({
      centerLine: 5.5,
      nUseful: 10,
      longestRun: 5,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 2,
      signal: true,
      longestRunStart: 0,
      longestRunEnd: 4,
    });
  });

  it("ignores points on the median without breaking runs", () => {
    // Sorted 1 2 2 2 3 4 5 → median 2. Signs: 1 −, 3 +, 2 ·, 2 ·, 5 +, 2 ·, 4 + → useful − + + +:
    // n = 4, runs [−][+++]: longest 3, crossings 1. Limits: round(log2 4) + 3 = 5, qbinom(.05, 3, .5) = 0.
    const r = runChart([1, 3, 2, 2, 5, 2, 4]);
    expect(r).toMatchObject({
      centerLine: 2,
      nUseful: 4,
      longestRun: 3,
      longestRunMax: 5,
      crossings: 1,
      crossingsMin: 0,
      signal: false,
      longestRunStart: 1,
      longestRunEnd: 6,
    });
  });

  it("skips missing values (NaN, null, ±Infinity) without breaking runs", () => {
    const withGaps = runChart([1, Number.NaN, 1, 5, null as unknown as number, 5, Number.POSITIVE_INFINITY]);
    const without = runChart([1, 1, 5, 5]);
    // Median of the present values 1 1 5 5 = 3; runs [−−][++].
    expect(withGaps).toMatchObject({ centerLine: 3, nUseful: 4, longestRun: 2, crossings: 1 });
    expect(withGaps.longestRunEnd).toBe(2);
    expect({ ...withGaps, longestRunStart: 0, longestRunEnd: 0 }).toEqual({
      ...without,
      longestRunStart: 0,
      longestRunEnd: 0,
    });
  });

  it("uses the baseline median but analyses all points", () => {
    const values = [1, 2, 3, 4, 10, 11, 12, 13, 14];
    // Baseline median of 1 2 3 4 = 2.5: signs − − + + + + + + + → longest run 7 > round(log2 9) + 3 = 6.
    // crossings 1 < qbinom(.05, 8, .5) = 2 (P(X ≤ 1) = 9/256, P(X ≤ 2) = 37/256).
    const frozen = runChart(values, { baseline: 4 });
    expect(frozen).toMatchObject({
      centerLine: 2.5,
      nUseful: 9,
      longestRun: 7,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 2,
      signal: true,
      longestRunStart: 2,
    });
    // All points: median 10, which the 5th point sits on → n = 8, runs [−−−−][++++]:
    // longest 4 ≤ 6, crossings 1 ≥ qbinom(.05, 7, .5) = 1 → no signal.
    expect(runChart(values)).toMatchObject({ centerLine: 10, nUseful: 8, longestRun: 4, crossingsMin: 1, signal: false });
    // A baseline longer than the series means "all points".
    expect(runChart(values, { baseline: 100 })).toEqual(runChart(values));
  });

  it("rejects a baseline that is not a positive integer", () => {
    expect(() => runChart([1, 2, 3], { baseline: 0 })).toThrow(RangeError);
    expect(() => runChart([1, 2, 3], { baseline: 1.5 })).toThrow(RangeError);
  });

  it("reports nothing for empty, all-missing or constant series", () => {
    for (const values of [[], [Number.NaN, Number.NaN], [4, 4, 4]]) {
      const r = runChart(values);
      expect(r).toMatchObject({ nUseful: 0, longestRun: 0, crossings: 0, signal: false, longestRunStart: null });
    }
  });
});

describe("analyseRuns limits at the boundary (n = 19 / 20)", () => {
  const alternating = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, -1, -1];

  it("a run of 8 among 20 points signals (limit 7)", () => {
    const r = analyseRuns([...alternating, 1, 1, 1, 1, 1, 1, 1, 1], 0);
    // Runs: 10 alternating (the 10th extended to 3 points), then 8 above → 11 runs, 10 crossings.
    expect(r).toMatchObject({ nUseful: 20, longestRun: 8, longestRunMax: 7, crossings: 10, signal: true });
    expect([r.longestRunStart, r.longestRunEnd]).toEqual([12, 19]);
  });

  it("a run of 7 among 19 points does not", () => {
    const r = analyseRuns([...alternating, 1, 1, 1, 1, 1, 1, 1], 0);
    expect(r).toMatchObject({ nUseful: 19, longestRun: 7, longestRunMax: 7, crossingsMin: 6, signal: false });
  });

  it("5 crossings among 20 points signal (minimum 6), 6 do not", () => {
    const runsOf = (lengths: number[]) => lengths.flatMap((len, i) => Array<number>(len).fill(i % 2 ? -1 : 1));
    const few = analyseRuns(runsOf([4, 4, 3, 3, 3, 3]), 0);
    expect(few).toMatchObject({ nUseful: 20, crossings: 5, crossingsMin: 6, longestRun: 4, signal: true });
    const enough = analyseRuns(runsOf([3, 3, 3, 3, 3, 3, 2]), 0);
    expect(enough).toMatchObject({ nUseful: 20, crossings: 6, crossingsMin: 6, signal: false });
  });
});

/** Literal transcription of qicharts2's runs.analysis(): sign, drop 0/NA, rle. */
function referenceRuns(values: number[], cl: number) {
  const signs = values.map((v) => Math.sign(v - cl)).filter((s) => s !== 0 && !Number.isNaN(s));
  const lengths: number[] = [];
  signs.forEach((s, i) => {
    if (i > 0 && s === signs[i - 1]) lengths[lengths.length - 1]! += 1;
    else lengths.push(1);
  });
  return { nUseful: signs.length, longestRun: Math.max(0, ...lengths), crossings: Math.max(lengths.length - 1, 0) };
}

const series = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(Number.NaN)), { maxLength: 60 });

describe("runs analysis properties", () => {
  it("agrees with a literal transcription of qicharts2", () => {
    fc.assert(
      fc.property(series, (values) => {
        const r = runChart(values);
        expect({ nUseful: r.nUseful, longestRun: r.longestRun, crossings: r.crossings }).toEqual(
          referenceRuns(values, r.centerLine),
        );
        if (r.nUseful > 0) expect(r.signal).toBe(r.longestRun > r.longestRunMax || r.crossings < r.crossingsMin);
      }),
    );
  });

  it("is unchanged by adding a constant to every value", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -1000, max: 1000 }), (values, k) => {
        const a = runChart(values);
        const b = runChart(values.map((v) => v + k));
        expect(b.signal).toBe(a.signal);
        expect([b.nUseful, b.longestRun, b.crossings]).toEqual([a.nUseful, a.longestRun, a.crossings]);
        if (a.nUseful > 0) expect(b.centerLine).toBe(a.centerLine + k);
      }),
    );
  });

  it("is unchanged by reversing time (same median, same runs)", () => {
    fc.assert(
      fc.property(series, (values) => {
        const a = runChart(values);
        const b = runChart([...values].reverse());
        expect([b.nUseful, b.longestRun, b.crossings, b.signal]).toEqual([a.nUseful, a.longestRun, a.crossings, a.signal]);
      }),
    );
  });

  it("keeps its counts consistent", () => {
    fc.assert(
      fc.property(series, (values) => {
        const r = runChart(values);
        if (r.nUseful === 0) return;
        expect(r.crossings).toBeLessThanOrEqual(r.nUseful - 1);
        expect(r.longestRun).toBeLessThanOrEqual(r.nUseful);
        // Pigeonhole: crossings + 1 runs hold n points.
        expect(r.longestRun * (r.crossings + 1)).toBeGreaterThanOrEqual(r.nUseful);
        expect(r.longestRunEnd! - r.longestRunStart!).toBeGreaterThanOrEqual(r.longestRun - 1);
      }),
    );
  });
});

describe("phasedRunChart", () => {
  it("gives each phase its own median and global run indices", () => {
    const { phases } = phasedRunChart([1, 2, 3, 4, 10, 11, 12, 13, 14, 15], [4]);
    expect(phases.map((p) => [p.start, p.end, p.runs.centerLine])).toEqual([
      [0, 4, 2.5],
      [4, 10, 12.5],
    ]);
    // Phase 2: 10 11 12 | 13 14 15 around 12.5 → longest run 3 starting at input index 4.
    expect(phases[1]!.runs).toMatchObject({ longestRun: 3, longestRunStart: 4, crossings: 1 });
  });

  it("can freeze each phase's median to its first points", () => {
    const { phases } = phasedRunChart([1, 2, 3, 4, 10, 11, 12, 13, 14, 15], [4], { freezeAt: 2 });
    expect(phases.map((p) => p.runs.centerLine)).toEqual([1.5, 10.5]);
  });
});
