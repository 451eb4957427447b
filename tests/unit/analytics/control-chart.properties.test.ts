import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { controlChart, type ControlChartDatum, type ControlChartKind } from "@/lib/analytics";

const maybeMissing = (arb: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(Number.NaN) });

/** Data valid for each chart kind (p: numerator ≤ denominator; t: times > 0). */
function dataFor(kind: ControlChartKind): fc.Arbitrary<ControlChartDatum[]> {
  switch (kind) {
    case "p":
    case "pp":
      return fc.array(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.record({ y: maybeMissing(fc.integer({ min: 0, max: n })), n: fc.constant(n) })),
        { maxLength: 40 },
      );
    case "u":
    case "up":
      return fc.array(
        fc.record({ y: maybeMissing(fc.integer({ min: 0, max: 200 })), n: fc.double({ min: 0.1, max: 100, noNaN: true }) }),
        { maxLength: 40 },
      );
    case "t":
      return fc.array(fc.record({ y: maybeMissing(fc.double({ min: 0.01, max: 1000, noNaN: true })) }), { maxLength: 40 });
    case "c":
    case "g":
      return fc.array(fc.record({ y: maybeMissing(fc.integer({ min: 0, max: 100 })) }), { maxLength: 40 });
    default:
      return fc.array(fc.record({ y: maybeMissing(fc.double({ min: -1e4, max: 1e4, noNaN: true })) }), { maxLength: 40 });
  }
}

const KINDS: ControlChartKind[] = ["i", "mr", "p", "u", "c", "pp", "up", "t", "g"];

describe("control chart properties", () => {
  for (const kind of KINDS) {
    it(`${kind}: LCL ≤ CL ≤ UCL at every point, with or without a baseline`, () => {
      fc.assert(
        fc.property(dataFor(kind), fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }), (data, baseline) => {
          const r = controlChart(kind, data, { baseline });
          expect(r.points).toHaveLength(data.length);
          let outside = 0;
          for (const p of r.points) {
            if (p.lcl !== null) expect(p.lcl).toBeLessThanOrEqual(r.centerLine);
            if (p.ucl !== null) expect(p.ucl).toBeGreaterThanOrEqual(r.centerLine);
            if (kind !== "i" && p.lcl !== null) expect(p.lcl).toBeGreaterThanOrEqual(0);
            if ((kind === "p" || kind === "pp") && p.ucl !== null) expect(p.ucl).toBeLessThanOrEqual(1);
            const above = p.value !== null && p.ucl !== null && p.value > p.ucl;
            const below = p.value !== null && p.lcl !== null && p.value < p.lcl;
            expect(p.outside).toBe(above || below);
            if (p.outside) outside++;
          }
          expect(r.sigmaSignals).toBe(outside);
          expect(r.runs.centerLine).toBe(r.centerLine);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("a baseline gives the same centre line and limits as charting the baseline alone", () => {
    const kinds: ControlChartKind[] = ["i", "c", "p", "u", "pp", "up", "g", "t"];
    for (const kind of kinds) {
      fc.assert(
        fc.property(dataFor(kind), fc.integer({ min: 1, max: 40 }), (data, k) => {
          const full = controlChart(kind, data, { baseline: k });
          const alone = controlChart(kind, data.slice(0, k));
          expect(Object.is(full.centerLine, alone.centerLine)).toBe(true);
          expect(full.points.slice(0, k).map((p) => [p.lcl, p.ucl])).toEqual(alone.points.map((p) => [p.lcl, p.ucl]));
        }),
        { numRuns: 60 },
      );
    }
  });

  const integerSeries = fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 40 });

  it("I chart: scaling by a power of two scales CL and limits exactly and keeps every signal", () => {
    fc.assert(
      fc.property(integerSeries, fc.constantFrom(0.125, 0.5, 2, 8, 1024), (values, c) => {
        const a = controlChart("i", values.map((y) => ({ y })));
        const b = controlChart("i", values.map((y) => ({ y: y * c })));
        expect(b.centerLine).toBe(a.centerLine * c);
        b.points.forEach((p, i) => {
          const q = a.points[i]!;
          expect([p.lcl, p.ucl]).toEqual([q.lcl === null ? null : q.lcl * c, q.ucl === null ? null : q.ucl * c]);
          expect(p.outside).toBe(q.outside);
        });
        expect(b.sigmaSignals).toBe(a.sigmaSignals);
        expect({ ...b.runs, centerLine: 0 }).toEqual({ ...a.runs, centerLine: 0 });
      }),
    );
  });

  it("I chart: scaling by any positive factor scales the limits (to rounding)", () => {
    fc.assert(
      fc.property(integerSeries, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (values, c) => {
        const a = controlChart("i", values.map((y) => ({ y })));
        const b = controlChart("i", values.map((y) => ({ y: y * c })));
        const close = (x: number | null, y: number | null) =>
          x === null ? y === null : y !== null && Math.abs(x - y) <= 1e-9 * (Math.abs(y) + c);
        expect(close(b.centerLine, a.centerLine * c)).toBe(true);
        b.points.forEach((p, i) => {
          const q = a.points[i]!;
          expect(close(p.ucl, q.ucl === null ? null : q.ucl * c)).toBe(true);
          expect(close(p.lcl, q.lcl === null ? null : q.lcl * c)).toBe(true);
        });
      }),
    );
  });

  it("missing points are null, never outside, and do not count as useful", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.nat({ max: 1000 }), (kind, seed) => {
        const data = fc.sample(dataFor(kind), { numRuns: 1, seed })[0]!;
        const r = controlChart(kind, data);
        const missing = r.points.filter((p) => p.value === null);
        expect(missing.every((p) => !p.outside)).toBe(true);
        expect(r.runs.nUseful).toBeLessThanOrEqual(r.points.length - missing.length);
      }),
      { numRuns: 100 },
    );
  });
});
