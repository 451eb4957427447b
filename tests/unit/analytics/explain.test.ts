import { describe, expect, it } from "vitest";

import { controlChart, explainSignals, formatDay, phasedControlChart, phasedRunChart, runChart } from "@/lib/analytics";

const ys = (values: number[]) => values.map((y) => ({ y }));
/** First of each month of 2025, starting in January. */
const monthly = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, i, 1)));

describe("formatDay", () => {
  it("formats day and English month name in UTC", () => {
    // 23:30 UTC on 3 March is already 4 March east of Greenwich; the text must not depend on that.
    expect(formatDay(new Date(Date.UTC(2025, 2, 3, 23, 30)))).toBe("3 March");
    expect(formatDay(new Date(Date.UTC(2024, 11, 31)), { includeYear: true })).toBe("31 December 2024");
    expect(formatDay(new Date(Number.NaN))).toBeNull();
    expect(formatDay(undefined)).toBeNull();
  });
});

describe("explainSignals", () => {
  it("explains a long run and too few crossings in a run chart", () => {
    // See run-chart.test.ts: longest run 7 > 6 starting at index 2, crossings 1 < 2.
    const r = runChart([1, 2, 3, 4, 10, 11, 12, 13, 14], { baseline: 4 });
    expect(explainSignals(r, monthly(9))).toEqual([
      "Longest run 7 > limit 6 since 1 March: a shift",
      "Only 1 crossing of the centre line < minimum 2: the data cluster, a shift",
    ]);
  });

  it("names points above and below the limits", () => {
    // Baseline 10 11 10 11 10: CL 10.4 ± 2.66; the 1 on 17 May is below, the 20 on 18 May above.
    const r = controlChart("i", ys([10, 11, 10, 11, 10, 1, 20]), { baseline: 5 });
    const dates = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2025, 4, 12 + i)));
    expect(explainSignals(r, dates)).toEqual([
      "Point below the lower limit on 17 May",
      "Point above the upper limit on 18 May",
    ]);
  });

  it("says nothing when there is no signal, and nothing about runs on an MR chart", () => {
    expect(explainSignals(controlChart("c", ys([2, 0, 1, 3, 1, 2, 0, 3])), monthly(8))).toEqual([]);
    const mr = controlChart("mr", ys([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20]));
    expect(mr.runs.longestRun).toBeGreaterThan(mr.runs.longestRunMax);
    expect(explainSignals(mr, monthly(21)).some((s) => s.startsWith("Longest run"))).toBe(false);
  });

  it("falls back to point numbers when a date is missing", () => {
    const r = controlChart("c", ys([2, 0, 1, 3, 1, 2, 0, 9]));
    expect(explainSignals(r, [])).toEqual(["Point above the upper limit at point 8"]);
    expect(explainSignals(runChart([1, 2, 3, 4, 10, 11, 12, 13, 14], { baseline: 4 }), [])[0]).toBe(
      "Longest run 7 > limit 6 since point 3: a shift",
    );
  });

  it("prefixes the phase when there are several", () => {
    const r = phasedControlChart("i", ys([1, 2, 1, 2, 1, 10, 11, 10, 20, 20]), [5], { freezeAt: 3 });
    expect(explainSignals(r, monthly(10))).toEqual([
      "Phase 2: Point above the upper limit on 1 September",
      "Phase 2: Point above the upper limit on 1 October",
    ]);
    const runs = phasedRunChart([5, 6, 5, 6, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [4]);
    // Phase 2 (1..10, median 5.5) rises steadily: crossings 1 < 2.
    expect(explainSignals(runs, monthly(14))).toEqual([
      "Phase 2: Only 1 crossing of the centre line < minimum 2: the data cluster, a shift",
    ]);
  });

  it("can add the year", () => {
    const r = controlChart("c", ys([2, 0, 1, 3, 1, 2, 0, 9]));
    expect(explainSignals(r, monthly(8), { includeYear: true })).toEqual(["Point above the upper limit on 1 August 2025"]);
  });
});
