import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { controlChart, phasedControlChart } from "@/lib/analytics";

const ys = (values: number[]) => values.map((y) => ({ y }));

describe("phasedControlChart", () => {
  const values = [1, 2, 1, 2, 1, 10, 11, 10, 11, 10];

  it("gives each phase its own centre line and limits", () => {
    // Phase 1: 1 2 1 2 1 → CL 7/5 = 1.4, MRs all 1 → σ̂ = 1/1.128, limits 1.4 ± 2.659574.
    // Phase 2: 10 11 10 11 10 → CL 10.4, the same width.
    const r = phasedControlChart("i", ys(values), [5]);
    expect(r.phases.map((p) => [p.start, p.end])).toEqual([
      [0, 5],
      [5, 10],
    ]);
    expect(r.phases[0]!.centerLine).toBeCloseTo(1.4, 15);
    expect(r.phases[1]!.centerLine).toBeCloseTo(10.4, 15);
    expect(r.points[0]!.ucl).toBeCloseTo(1.4 + 3 / 1.128, 12);
    expect(r.points[9]!.lcl).toBeCloseTo(10.4 - 3 / 1.128, 12);
    expect(r.points.map((p) => p.phase)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(r.points[7]!.centerLine).toBe(r.phases[1]!.centerLine);
    expect(r.sigmaSignals).toBe(0);
    expect(r.phases.every((p) => !p.runs.signal)).toBe(true);
  });

  it("one phase instead shows the shift: CL 5.9, 5 below then 5 above → crossings 1 < 2", () => {
    const r = controlChart("i", ys(values));
    expect(r.centerLine).toBeCloseTo(5.9, 14);
    expect(r.runs).toMatchObject({ longestRun: 5, crossings: 1, crossingsMin: 2, signal: true });
  });

  it("does not take a moving range across a phase break", () => {
    const r = phasedControlChart("mr", ys(values), [5]);
    expect(r.points.map((p) => p.value)).toEqual([null, 1, 1, 1, 1, null, 1, 1, 1, 1]);
    expect(r.phases.map((p) => p.centerLine)).toEqual([1, 1]);
  });

  it("freezes each phase's limits to its first freezeAt points", () => {
    // Phase 2 baseline 10 11 10 → CL 31/3, MRs 1 1 → σ̂ = 1/1.128; 20 is far above.
    const r = phasedControlChart("i", ys([1, 2, 1, 2, 1, 10, 11, 10, 20, 20]), [5], { freezeAt: 3 });
    expect(r.phases[0]!.centerLine).toBeCloseTo(4 / 3, 14);
    expect(r.phases[1]!.centerLine).toBeCloseTo(31 / 3, 14);
    expect(r.points.slice(5).map((p) => p.outside)).toEqual([false, false, false, true, true]);
    expect(r.phases.map((p) => p.sigmaSignals)).toEqual([0, 2]);
    expect(() => phasedControlChart("i", ys(values), [5], { freezeAt: 0 })).toThrow(RangeError);
  });

  it("reports run positions in input indices", () => {
    // Phase 2 is 5..12 with CL 8.5: the first longest run is 5 6 7 8 at input indices 4..7.
    const r = phasedControlChart("c", ys([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), [4]);
    expect(r.phases[1]!.runs).toMatchObject({ centerLine: 8.5, longestRun: 4, longestRunStart: 4, longestRunEnd: 7 });
  });

  it("ignores out-of-range and duplicate breaks like qicharts2's makeparts(), rejects fractional ones", () => {
    const a = phasedControlChart("i", ys(values), [5, 5, 0, -3, 10, 99]);
    expect(a.phases.map((p) => p.start)).toEqual([0, 5]);
    expect(phasedControlChart("i", ys(values), [7, 3]).phases.map((p) => p.start)).toEqual([0, 3, 7]);
    expect(() => phasedControlChart("i", ys(values), [2.5])).toThrow(RangeError);
  });

  it("without breaks equals the plain chart", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("i" as const, "mr" as const, "c" as const),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }),
        (kind, vals) => {
          const plain = controlChart(kind, ys(vals));
          const phased = phasedControlChart(kind, ys(vals), []);
          expect(phased.points.map(({ value, lcl, ucl, outside }) => ({ value, lcl, ucl, outside }))).toEqual(plain.points);
          expect(phased.phases[0]!.runs).toEqual(plain.runs);
          expect(phased.sigmaSignals).toBe(plain.sigmaSignals);
        },
      ),
    );
  });
});
