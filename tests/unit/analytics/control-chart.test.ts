import { describe, expect, it } from "vitest";

import { controlChart, type ControlChartResult } from "@/lib/analytics";

const ys = (values: number[]) => values.map((y) => ({ y }));
const limitsOf = (r: ControlChartResult) => r.points.map((p) => [p.lcl, p.ucl]);

describe("I chart", () => {
  it("screens large moving ranges once before estimating sigma", () => {
    const values = [10, 12, 11, 12, 10, 11, 12, 11, 10, 22, 11, 12];
    // CL = 144 / 12 = 12.
    // Moving ranges: 2 1 1 2 1 1 1 1 12 11 1 → MR̄ = 34/11 = 3.0909; screening limit 3.267·MR̄ = 10.098
    // drops 12 and 11 → MR̄ = 11/9 = 1.2222; σ̂ = 1.2222/1.128 = 1.083530.
    // Limits 12 ± 3·1.083530 = 8.749409 .. 15.250591 (unscreened the UCL would be 20.2205).
    const r = controlChart("i", ys(values));
    expect(r.centerLine).toBe(12);
    for (const p of r.points) {
      expect(p.lcl).toBeCloseTo(8.7494089835, 9);
      expect(p.ucl).toBeCloseTo(15.2505910165, 9);
    }
    expect(r.points.map((p) => p.outside)).toEqual(values.map((v) => v === 22));
    expect(r.sigmaSignals).toBe(1);
    // Runs around 12: the four 12s sit on the CL → useful − − − − − − + − : n = 8,
    // longest 6 (limit round(log2 8) + 3 = 6, not exceeded), crossings 2 ≥ qbinom(.05, 7, .5) = 1.
    expect(r.runs).toMatchObject({ centerLine: 12, nUseful: 8, longestRun: 6, longestRunMax: 6, crossings: 2, crossingsMin: 1, signal: false });
  });

  it("takes CL and limits from the baseline and judges every point (limits may go below 0)", () => {
    // Baseline 1 2 3 2 1: CL = 9/5 = 1.8, MRs 1 1 1 1 → MR̄ = 1, σ̂ = 1/1.128 = 0.886525.
    // Limits 1.8 ± 2.659574 = −0.859574 .. 4.459574; the three 10s are above.
    const r = controlChart("i", ys([1, 2, 3, 2, 1, 10, 10, 10]), { baseline: 5 });
    expect(r.centerLine).toBeCloseTo(1.8, 15);
    expect(r.points[7]!.lcl).toBeCloseTo(-0.8595744681, 9);
    expect(r.points[7]!.ucl).toBeCloseTo(4.4595744681, 9);
    expect(r.sigmaSignals).toBe(3);
    // Runs over all 8 points around 1.8: − + + + − + + + → longest 3, crossings 3.
    expect(r.runs).toMatchObject({ nUseful: 8, longestRun: 3, crossings: 3, signal: false });
  });

  it("drops the moving ranges next to a missing value instead of bridging it (qicharts2 diff())", () => {
    // 1 · 3 4 2: CL = 10/4 = 2.5. Moving ranges between neighbours: NA NA 1 2 → MR̄ = 1.5.
    // UCL = 2.5 + 3·1.5/1.128 = 6.489362 (bridging the gap would give MR̄ = 5/3).
    const r = controlChart("i", ys([1, Number.NaN, 3, 4, 2]));
    expect(r.centerLine).toBe(2.5);
    expect(r.points[0]!.ucl).toBeCloseTo(2.5 + (3 * 1.5) / 1.128, 12);
    expect(r.points[1]).toEqual({ value: null, lcl: r.points[0]!.lcl, ucl: r.points[0]!.ucl, outside: false });
    expect(r.runs).toMatchObject({ nUseful: 4, longestRun: 2, crossings: 2 });
  });

  it("has no limits when the moving ranges are all zero (MR̄ screening leaves nothing, as in qicharts2)", () => {
    const r = controlChart("i", ys([5, 5, 5, 5]));
    expect(r.centerLine).toBe(5);
    expect(r.points.every((p) => p.lcl === null && p.ucl === null && !p.outside)).toBe(true);
    expect(r.sigmaSignals).toBe(0);
  });
});

describe("MR chart", () => {
  it("plots moving ranges with CL = MR̄ (unscreened), LCL 0, UCL 3.267·MR̄ and no runs signal", () => {
    // 1 3 2 6 5 → MRs · 2 1 4 1 → MR̄ = 8/4 = 2, UCL = 6.534.
    const r = controlChart("mr", ys([1, 3, 2, 6, 5]));
    expect(r.points.map((p) => p.value)).toEqual([null, 2, 1, 4, 1]);
    expect(r.centerLine).toBe(2);
    expect(limitsOf(r)).toEqual(Array(5).fill([0, 6.534]));
    expect(r.sigmaSignals).toBe(0);
    // The 2 is on the CL → n = 3 (− + −).
    expect(r.runs).toMatchObject({ nUseful: 3, crossings: 2, signal: false });
  });

  it("does not screen, and counts the baseline by input position", () => {
    // 0 0 0 0 30 0 → MRs · 0 0 0 30 30. Baseline of 5 points holds MRs 0 0 0 30 → MR̄ = 7.5 (not screened).
    const r = controlChart("mr", ys([0, 0, 0, 0, 30, 0]), { baseline: 5 });
    expect(r.centerLine).toBe(7.5);
    expect(r.points[5]!.ucl).toBeCloseTo(24.5025, 12);
    expect(r.sigmaSignals).toBe(2);
  });

  it("never signals on runs even for a long run (qicharts2 switches it off)", () => {
    const r = controlChart("mr", ys([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20]));
    expect(r.runs.longestRun).toBeGreaterThan(r.runs.longestRunMax);
    expect(r.runs.signal).toBe(false);
  });
});

describe("P chart", () => {
  const data = [
    { y: 2, n: 10 },
    { y: 5, n: 50 },
    { y: 30, n: 100 },
    { y: 1, n: 2 },
    { y: 22, n: 40 },
  ];

  it("pools the proportion and clips limits per point to [0, 1]", () => {
    // p̄ = 60/202 = 0.297030; p̄(1 − p̄) = 0.208803.
    // n = 10:  σ = 0.144500 → −0.136471 → 0 .. 0.730530
    // n = 50:  σ = 0.064622 →  0.103162 .. 0.490897   (0.10 is below)
    // n = 100: σ = 0.045695 →  0.159945 .. 0.434115
    // n = 2:   σ = 0.323111 → −0.672307 → 0 .. 1.266366 → 1
    // n = 40:  σ = 0.072250 →  0.080279 .. 0.513780   (0.55 is above)
    const r = controlChart("p", data);
    expect(r.centerLine).toBe(60 / 202);
    expect(r.points.map((p) => p.value)).toEqual([0.2, 0.1, 0.3, 0.5, 0.55]);
    const expected = [
      [0, 0.7305302828],
      [0.10316235, 0.4908970559],
      [0.1599447831, 0.4341146229],
      [0, 1],
      [0.0802794131, 0.5137799929],
    ];
    r.points.forEach((p, i) => {
      expect(p.lcl).toBeCloseTo(expected[i]![0]!, 8);
      expect(p.ucl).toBeCloseTo(expected[i]![1]!, 8);
    });
    expect(r.points.map((p) => p.outside)).toEqual([false, true, false, false, true]);
    expect(r.sigmaSignals).toBe(2);
    // Runs around 0.297: − − + + + → n = 5, longest 3 ≤ 5, crossings 1 ≥ 0.
    expect(r.runs).toMatchObject({ nUseful: 5, longestRun: 3, longestRunMax: 5, crossings: 1, crossingsMin: 0, signal: false });
  });

  it("treats a missing numerator or a zero / missing denominator as a missing point", () => {
    const r = controlChart("p", [...data, { y: Number.NaN, n: 10 }, { y: 3, n: 0 }, { y: 3 }]);
    expect(r.centerLine).toBe(60 / 202);
    expect(r.points.slice(5)).toEqual(Array(3).fill({ value: null, lcl: null, ucl: null, outside: false }));
    expect(r.runs.nUseful).toBe(5);
  });

  it("uses the baseline sums only", () => {
    // Baseline (2 + 5) / (10 + 50) = 7/60.
    const r = controlChart("p", data, { baseline: 2 });
    expect(r.centerLine).toBe(7 / 60);
    expect(r.points[2]!.ucl).toBeCloseTo(7 / 60 + 3 * Math.sqrt(((7 / 60) * (53 / 60)) / 100), 14);
  });
});

describe("U chart", () => {
  it("does not signal on a point exactly on the UCL", () => {
    // ū = 20/10 = 2. n = 2: σ = √(2/2) = 1 → LCL −1 → 0, UCL 5; n = 4: σ = √0.5 → 0 .. 4.121320.
    // Values 1.5 1.5 0.5 5 — the last one is exactly on its UCL of 5.
    const r = controlChart("u", [
      { y: 3, n: 2 },
      { y: 6, n: 4 },
      { y: 1, n: 2 },
      { y: 10, n: 2 },
    ]);
    expect(r.centerLine).toBe(2);
    expect(r.points[3]).toEqual({ value: 5, lcl: 0, ucl: 5, outside: false });
    expect(r.points[1]!.ucl).toBeCloseTo(2 + 3 * Math.SQRT1_2, 14);
    expect(r.sigmaSignals).toBe(0);
  });
});

describe("C chart", () => {
  it("clips the LCL to 0 and treats a point on it as inside", () => {
    // c̄ = 18/8 = 2.25, √c̄ = 1.5 → limits 2.25 ± 4.5 = −2.25 → 0 .. 6.75; the 9 is above, the 0s are on the LCL.
    const r = controlChart("c", ys([2, 0, 1, 3, 1, 2, 0, 9]));
    expect(r.centerLine).toBe(2.25);
    expect(limitsOf(r)).toEqual(Array(8).fill([0, 6.75]));
    expect(r.points.map((p) => p.outside)).toEqual([false, false, false, false, false, false, false, true]);
    // Runs around 2.25: − − − + − − − + → longest 3, crossings 3, n = 8.
    expect(r.runs).toMatchObject({ nUseful: 8, longestRun: 3, crossings: 3, signal: false });
  });
});

describe("Laney P′ and U′ charts", () => {
  it("P′ widens the P limits by σ_z from the moving ranges of the z-scores", () => {
    // p̄ = 45/300 = 0.15, σ = √(0.15·0.85/100) = 0.0357071. z = −1.400280, 1.400280, 0 →
    // MRs 2.800560, 1.400280 → MR̄ = 2.100420 (screening limit 6.862, none dropped) → σ_z = 1.862075.
    // Limits 0.15 ± 3·0.0357071·1.862075 = −0.049468 → 0 .. 0.349468 (the P chart's UCL is 0.257121).
    const data = [
      { y: 10, n: 100 },
      { y: 20, n: 100 },
      { y: 15, n: 100 },
    ];
    const pp = controlChart("pp", data);
    expect(pp.centerLine).toBeCloseTo(0.15, 15);
    expect(pp.points[0]!.lcl).toBe(0);
    expect(pp.points[0]!.ucl).toBeCloseTo(0.3494680851, 9);
    expect(controlChart("p", data).points[0]!.ucl).toBeCloseTo(0.15 + 3 * Math.sqrt(0.001275), 12);
  });

  it("U′ multiplies the U chart's sigma by σ_z", () => {
    const data = [
      { y: 4, n: 2 },
      { y: 12, n: 4 },
      { y: 2, n: 2 },
      { y: 10, n: 2 },
      { y: 9, n: 3 },
    ];
    // ū = 37/13. z-score MRs 0.891693 1.729966 3.353095 1.647563 → MR̄ = 1.905579 (limit 6.2255, none
    // dropped) → σ_z = 1.689343.
    const u = controlChart("u", data);
    const up = controlChart("up", data);
    expect(up.centerLine).toBe(37 / 13);
    const sigmaZ = 1.9055791967 / 1.128;
    up.points.forEach((p, i) => {
      const half = (u.points[i]!.ucl! - u.centerLine) * sigmaZ;
      expect(p.ucl).toBeCloseTo(37 / 13 + half, 8);
      expect(p.lcl).toBeCloseTo(Math.max(0, 37 / 13 - half), 8);
    });
  });
});

describe("T chart", () => {
  it("runs an I chart on y^(1/3.6) and back-transforms", () => {
    // y^(1/3.6) = 1.563718 1.895736 1.356856 1.781797 1.994218, mean 1.718465;
    // MRs 0.332018 0.538880 0.424942 0.212420 → MR̄ 0.377065 (limit 1.2319, none dropped), σ̂ 0.334277.
    // CL = 1.718465^3.6 = 7.022736, UCL = 2.721296^3.6 = 36.744598, LCL = 0.715632^3.6 = 0.299836.
    const r = controlChart("t", ys([5, 10, 3, 8, 12]));
    expect(r.centerLine).toBeCloseTo(7.0227359811, 8);
    expect(r.points[0]!.ucl).toBeCloseTo(36.7445983856, 7);
    expect(r.points[0]!.lcl).toBeCloseTo(0.2998362692, 8);
    expect(r.points.map((p) => p.value)).toEqual([5, 10, 3, 8, 12]);
  });

  it("clips a negative transformed LCL to 0 and rejects non-positive times", () => {
    const r = controlChart("t", ys([1, 100, 1, 100, 1, 100]));
    expect(r.points[0]!.lcl).toBe(0);
    expect(() => controlChart("t", ys([1, 0, 2]))).toThrow(RangeError);
  });
});

describe("G chart", () => {
  it("draws the median but sets limits from the mean", () => {
    // Baseline 0 2 4 6 8: mean 4 → UCL 4 + 3·√(4·5) = 17.416408, LCL 0; centre line = median = 4.
    // Without a baseline the centre line is the median of 0 2 4 6 8 20 = 5 (the mean would be 6.67).
    const r = controlChart("g", ys([0, 2, 4, 6, 8, 20]), { baseline: 5 });
    expect(r.centerLine).toBe(4);
    expect(r.points[5]!.ucl).toBeCloseTo(17.416407865, 9);
    expect(r.points[5]!.lcl).toBe(0);
    expect(r.sigmaSignals).toBe(1);
    expect(controlChart("g", ys([0, 2, 4, 6, 8, 20])).centerLine).toBe(5);
  });
});

describe("input checks", () => {
  it("rejects unknown kinds and bad baselines", () => {
    expect(() => controlChart("xbar" as never, ys([1, 2]))).toThrow(RangeError);
    expect(() => controlChart("i", ys([1, 2]), { baseline: -1 })).toThrow(RangeError);
  });

  it("handles an empty series", () => {
    const r = controlChart("c", []);
    expect(r.points).toEqual([]);
    expect(r.centerLine).toBeNaN();
    expect(r.runs.signal).toBe(false);
  });
});
