import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { lttb } from "@/lib/analytics";

const line = (ys: number[]) => ys.map((y, x) => ({ x, y }));

describe("lttb", () => {
  it("returns a copy of the input when it already fits", () => {
    const pts = line([1, 2, 3]);
    const out = lttb(pts, 3);
    expect(out).toEqual(pts);
    expect(out).not.toBe(pts);
    expect(lttb(pts, 10)).toEqual(pts);
    expect(lttb([], 5)).toEqual([]);
  });

  it("keeps only the ends at threshold 2 and rejects smaller thresholds", () => {
    expect(lttb(line([1, 5, 2, 3]), 2)).toEqual([
      { x: 0, y: 1 },
      { x: 3, y: 3 },
    ]);
    expect(() => lttb(line([1, 5, 2, 3]), 1)).toThrow(RangeError);
    expect(() => lttb(line([1, 5, 2, 3]), Number.NaN)).toThrow(RangeError);
  });

  it("keeps a spike that a naive every-k-th sampling would drop", () => {
    // 10 points into 4: buckets of interior points {1..4} and {5..8}. In the first bucket the spike
    // at x = 3 makes by far the largest triangle.
    const out = lttb(line([0, 0, 0, 50, 0, 0, 0, 0, 0, 0]), 4);
    expect(out.map((p) => p.x)).toEqual([0, 3, 5, 9]);
  });

  it("keeps extra fields of the points it returns", () => {
    const pts = line([0, 1, 0, 1, 0]).map((p) => ({ ...p, label: `p${p.x}` }));
    expect(lttb(pts, 3).every((p) => p.label === `p${p.x}`)).toBe(true);
  });

  it("output has min(threshold, n) points in order, from the input, with both ends", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 }),
        fc.integer({ min: 2, max: 400 }),
        (ys, threshold) => {
          const pts = line(ys);
          const out = lttb(pts, threshold);
          expect(out.length).toBeLessThanOrEqual(threshold);
          expect(out.length).toBe(Math.min(threshold, pts.length));
          if (pts.length > 0) {
            expect(out[0]).toBe(pts[0]);
            expect(out[out.length - 1]).toBe(pts[pts.length - 1]);
          }
          for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
          for (const p of out) expect(pts[p.x]).toBe(p);
        },
      ),
    );
  });
});
